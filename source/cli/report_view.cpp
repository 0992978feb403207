#include "report_view.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace metacall_cli {
namespace {

using json = nlohmann::ordered_json; // the reports' own key order (load order)
using row = std::vector<std::string>;

// Columns padded to their widest cell, two spaces apart; the last column is not padded.
std::string format_table(const std::vector<row> &rows) {
	std::vector<size_t> widths;
	for (const row &cells : rows) {
		widths.resize(std::max(widths.size(), cells.size()), 0);
		for (size_t i = 0; i < cells.size(); ++i)
			widths[i] = std::max(widths[i], cells[i].size());
	}
	std::string out;
	for (const row &cells : rows) {
		std::string line;
		for (size_t i = 0; i < cells.size(); ++i) {
			line += cells[i];
			if (i + 1 < cells.size())
				line += std::string(widths[i] - cells[i].size() + 2, ' ');
		}
		while (!line.empty() && line.back() == ' ')
			line.pop_back();
		out += line + '\n';
	}
	return out;
}

std::string text(const json &node, const char *key, const char *otherwise = "") {
	auto found = node.find(key);
	return found != node.end() && found->is_string() ? found->get<std::string>() : otherwise;
}

// "Long", or "" when the loader declared no type (Python and JS without annotations).
std::string type_name(const json &typed) {
	auto type = typed.find("type");
	if (type == typed.end())
		return "";
	if (type->is_string())
		return type->get<std::string>();
	return type->is_object() ? text(*type, "name") : "";
}

std::string parameters(const json &args) {
	std::string out = "(";
	bool first = true;
	for (const json &arg : args) {
		if (!first)
			out += ", ";
		first = false;
		out += text(arg, "name", "?");
		std::string type = type_name(arg);
		if (!type.empty())
			out += ": " + type;
	}
	return out + ")";
}

// async name(a: Long, b) -> Long
std::string signature(const json &function, const std::string &prefix = "") {
	std::string out = function.value("async", false) ? "async " : "";
	out += prefix + text(function, "name", "?");
	const json signature = function.value("signature", json::object());
	out += parameters(signature.value("args", json::array()));
	std::string ret = type_name(signature.value("ret", json::object()));
	if (!ret.empty())
		out += " -> " + ret;
	return out;
}

std::string shown_handle_name(const std::string &name, const std::string &working_directory) {
	if (!working_directory.empty() && name.size() > working_directory.size() + 1 &&
	    name.compare(0, working_directory.size(), working_directory) == 0 &&
	    name[working_directory.size()] == '/')
		return name.substr(working_directory.size() + 1);
	return name;
}

void class_rows(std::vector<row> &rows, const std::string &tag, const std::string &handle, const json &cls) {
	const std::string name = text(cls, "name", "?");
	std::string constructor = "class " + name;
	const json constructors = cls.value("constructors", json::array());
	constructor += constructors.empty() ? "()" : parameters(constructors[0].value("args", json::array()));
	rows.push_back({tag, handle, constructor});
	for (const json &method : cls.value("static_methods", json::array()))
		rows.push_back({tag, handle, "  static " + signature(method, name + ".")});
	for (const json &method : cls.value("methods", json::array()))
		rows.push_back({tag, handle, "  " + signature(method, name + ".")});
}

std::string inspect_rows(const json &document, const std::string &working_directory) {
	std::vector<row> rows{{"LOADER", "HANDLE", "FUNCTION"}};
	for (const auto &[tag, handles] : document.items()) {
		if (tag == "__relink__" || !handles.is_array())
			continue; // not a loader: the relink report (the `relink` command shows it)
		const bool host = tag == "__metacall_host__";
		for (const json &handle : handles) {
			const std::string name =
			    host ? "-" : shown_handle_name(text(handle, "name", "?"), working_directory);
			const std::string loader = host ? "host" : tag;
			const json scope = handle.value("scope", json::object());
			size_t before = rows.size();
			for (const json &function : scope.value("funcs", json::array()))
				rows.push_back({loader, name, signature(function)});
			for (const json &cls : scope.value("classes", json::array()))
				class_rows(rows, loader, name, cls);
			for (const json &object : scope.value("objects", json::array()))
				rows.push_back(
				    {loader, name, "object " + text(object, "name", "?") + ": " + text(object, "class")});
			if (rows.size() == before && !host)
				rows.push_back({loader, name, "(no functions)"});
		}
	}
	return rows.size() == 1 ? "nothing loaded (load <tag> <file> loads a script)\n" : format_table(rows);
}

std::string relink_rows(const json &document) {
	std::string out = "process: " + text(document, "process", "?") + "\n";
	const json runtimes = document.value("runtimes", json::array());
	if (runtimes.empty())
		return out + "no language runtime in this process yet (a loader starts one at its first load)\n";
	std::vector<row> rows{{"RUNTIME", "VERSION", "GLOBAL", "STATE", "OBJECT"}};
	for (const json &runtime : runtimes) {
		const std::string kind = text(runtime, "runtime", "?");
		std::string version = text(runtime, "version", "?");
		if (text(runtime, "version_source") == "soname")
			version += " (from the soname)";
		std::string state;
		if (runtime.contains("initialized"))
			state = runtime.value("initialized", false) ? "initialized" : "not initialized";
		else if (runtime.contains("platform_initialized"))
			state = runtime.value("platform_initialized", false) ? "started" : "not started";
		if (runtime.value("thread_has_isolate", false))
			state += state.empty() ? "isolate on this thread" : ", isolate on this thread";
		std::string object = text(runtime, "object", "?");
		if (runtime.value("main_program", false))
			object += " (the executable)";
		rows.push_back({kind, version, runtime.value("global", false) ? "yes" : "no",
		                state.empty() ? "-" : state, object});
	}
	return out + format_table(rows);
}

// Parses `document_text` and renders it with `render`; a document of another shape than the one
// documented in metacall.h is an error naming `what`, not an exception.
template <typename Render>
bool render_report(const std::string &document_text, const char *what, Render render, std::string &out,
                   std::string &error) {
	json document = json::parse(document_text, nullptr, false);
	if (!document.is_object()) {
		error = std::string(what) + " returned something that is not a JSON object";
		return false;
	}
	try {
		out = render(document);
		return true;
	} catch (const json::exception &e) {
		error = std::string(what) + " returned a document of an unexpected shape: " + e.what();
		return false;
	}
}

} // namespace

bool inspect_table(const std::string &inspect_json, const std::string &working_directory, std::string &out,
                   std::string &error) {
	return render_report(
	    inspect_json, "metacall_inspect",
	    [&](const json &document) { return inspect_rows(document, working_directory); }, out, error);
}

bool relink_table(const std::string &relink_json, std::string &out, std::string &error) {
	return render_report(relink_json, "metacall_relink_report", relink_rows, out, error);
}

} // namespace metacall_cli
