#include "session.h"

#include "messages.h"
#include "report_view.h"
#include "value_text.h"

#include <metacall/metacall.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace metacall_cli {
namespace {

std::string base_name(const std::string &path) {
	size_t slash = path.rfind('/');
	return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string stem(const std::string &path) {
	std::string base = base_name(path);
	size_t dot = base.rfind('.');
	return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

std::string shown_name(const std::string &name, const std::string &working_directory) {
	if (name.size() > working_directory.size() + 1 &&
	    name.compare(0, working_directory.size(), working_directory) == 0 &&
	    name[working_directory.size()] == '/')
		return name.substr(working_directory.size() + 1);
	return name;
}

} // namespace

std::string tag_for_path(const std::string &path) {
	std::string base = base_name(path);
	auto ends_with = [&](const char *suffix) {
		std::string s(suffix);
		return base.size() > s.size() && base.compare(base.size() - s.size(), s.size(), s) == 0;
	};
	if (ends_with(".py"))
		return "py";
	for (const char *suffix : {".js", ".cjs", ".mjs", ".ts", ".mts", ".cts"}) {
		if (ends_with(suffix))
			return "node";
	}
	if (ends_with(".so") || ends_with(".h") || base.find(".so.") != std::string::npos)
		return "c";
	return "";
}

session::session(interrupt_watch &watch) : watch_(watch) {
	char buffer[4096];
	if (getcwd(buffer, sizeof buffer) != nullptr)
		working_directory_ = buffer;
}

session::~session() = default;

bool session::run_line(const std::string &line) {
	command cmd;
	std::string error;
	if (!parse_command(line, cmd, error)) {
		print_error(error);
		return false;
	}
	return run(cmd);
}

bool session::run(const command &cmd) {
	switch (cmd.kind) {
	case command_kind::none:
		return true;
	case command_kind::load:
		if (cmd.words.size() < 2) {
			print_error("load needs a loader tag and at least one file: load <tag> <file...>");
			return false;
		}
		return load(cmd.words[0], std::vector<std::string>(cmd.words.begin() + 1, cmd.words.end()), true,
		            nullptr);
	case command_kind::inspect:
		return inspect(cmd.words);
	case command_kind::call:
		return call(cmd, false);
	case command_kind::await:
		return call(cmd, true);
	case command_kind::clear:
		return clear(cmd.words);
	case command_kind::relink:
		return relink();
	case command_kind::help:
		std::fputs(help_text().c_str(), stdout);
		return true;
	case command_kind::exit:
		if (cmd.words.size() > 1 ||
		    (cmd.words.size() == 1 && cmd.words[0].find_first_not_of("0123456789") != std::string::npos) ||
		    (cmd.words.size() == 1 && cmd.words[0].size() > 3)) {
			print_error("exit takes an optional status, a number from 0 to 255");
			return false;
		}
		exit_status_ = cmd.words.empty() ? 0 : std::atoi(cmd.words[0].c_str()) & 0xFF;
		exit_requested_ = true;
		return true;
	}
	return false;
}

bool session::load(const std::string &tag, const std::vector<std::string> &paths, bool announce, void **out) {
	std::vector<const char *> raw;
	for (const std::string &path : paths)
		raw.push_back(path.c_str());
	void *handle = nullptr;
	int status;
	{
		auto scope = watch_.running(); // a script's top-level code may loop
		status = metacall_load_from_file(tag.c_str(), raw.data(), raw.size(), &handle);
	}
	if (status != 0) {
		print_error(last_error("loading " + paths[0] + " with loader '" + tag + "' failed"));
		return false;
	}
	const char *name = metacall_handle_name(handle);
	handles_.push_back({tag, name != nullptr ? name : paths[0], handle});
	if (announce) {
		std::string names;
		for (const std::string &function : function_names(handle))
			names += (names.empty() ? ": " : ", ") + function;
		std::printf("loaded %s%s\n", shown_name(handles_.back().name, working_directory_).c_str(),
		            names.c_str());
	}
	if (out != nullptr)
		*out = handle;
	return true;
}

std::vector<std::string> session::function_names(void *handle) const {
	std::vector<std::string> names;
	owned_value exported(metacall_handle_export(handle));
	if (!exported)
		return names;
	void **tuples = metacall_value_to_map(exported.get());
	for (size_t i = 0; i < metacall_value_count(exported.get()); ++i) {
		void **pair = metacall_value_to_array(tuples[i]);
		if (pair != nullptr && metacall_value_id(pair[0]) == METACALL_STRING)
			names.emplace_back(metacall_value_to_string(pair[0]));
	}
	return names;
}

const session::handle_entry *session::find_handle(const std::string &name, std::string &error) const {
	std::vector<const handle_entry *> found;
	for (const handle_entry &entry : handles_) {
		if (entry.name == name || shown_name(entry.name, working_directory_) == name ||
		    base_name(entry.name) == name || stem(entry.name) == name)
			found.push_back(&entry);
	}
	if (found.size() == 1)
		return found[0];
	if (found.empty()) {
		error = "no handle named '" + name + "' (inspect lists the handles)";
	} else {
		error = "'" + name + "' names " + std::to_string(found.size()) + " handles; give its path:";
		for (const handle_entry *entry : found)
			error += " " + shown_name(entry->name, working_directory_);
	}
	return nullptr;
}

void *session::find_function(const std::string &spec, std::string &error) const {
	size_t colon = spec.rfind(':');
	if (colon != std::string::npos) { // handle:function
		const handle_entry *entry = find_handle(spec.substr(0, colon), error);
		if (entry == nullptr)
			return nullptr;
		std::string name = spec.substr(colon + 1);
		void *func = metacall_handle_function(entry->handle, name.c_str());
		metacall_error_clear();
		if (func == nullptr)
			error = "no function named '" + name + "' in " + shown_name(entry->name, working_directory_);
		return func;
	}
	void *func = metacall_function(spec.c_str()); // the global scope: host functions
	std::vector<const handle_entry *> owners;
	for (const handle_entry &entry : handles_) {
		void *found = metacall_handle_function(entry.handle, spec.c_str());
		if (found != nullptr) {
			owners.push_back(&entry);
			if (func == nullptr)
				func = found;
		}
	}
	metacall_error_clear();
	if (owners.size() > 1) {
		error = "'" + spec + "' is defined by " + std::to_string(owners.size()) + " handles; name one:";
		for (const handle_entry *entry : owners)
			error += " " + stem(entry->name) + ":" + spec;
		return nullptr;
	}
	if (func == nullptr)
		error = "no function named '" + spec + "' (inspect lists the loaded functions)";
	return func;
}

bool session::inspect(const std::vector<std::string> &words) {
	const bool as_json = words.size() == 1 && words[0] == "--json";
	if (!words.empty() && !as_json) {
		print_error("inspect takes no argument but --json");
		return false;
	}
	char *document = metacall_inspect(nullptr, nullptr); // from malloc: ours to free
	if (document == nullptr) {
		print_error(last_error("metacall_inspect failed"));
		return false;
	}
	std::string text(document);
	std::free(document);
	if (as_json) {
		std::printf("%s\n", text.c_str());
		return true;
	}
	std::string table, error;
	if (!inspect_table(text, working_directory_, table, error)) {
		print_error(error);
		return false;
	}
	std::fputs(table.c_str(), stdout);
	return true;
}

bool session::relink() {
	char *document = metacall_relink_report(nullptr, nullptr); // from malloc: ours to free
	if (document == nullptr) {
		print_error(last_error("metacall_relink_report failed"));
		return false;
	}
	std::string text(document);
	std::free(document);
	std::string table, error;
	if (!relink_table(text, table, error)) {
		print_error(error);
		return false;
	}
	std::fputs(table.c_str(), stdout);
	return true;
}

bool session::clear(const std::vector<std::string> &words) {
	if (words.size() != 1) {
		print_error("clear needs one handle name: clear <handle> (inspect lists them)");
		return false;
	}
	std::string error;
	const handle_entry *entry = find_handle(words[0], error);
	if (entry == nullptr) {
		print_error(error);
		return false;
	}
	std::string name = shown_name(entry->name, working_directory_);
	int status;
	{
		auto scope = watch_.running();
		status = metacall_clear(entry->handle);
	}
	if (status != 0) {
		print_error(last_error("clearing " + name + " failed"));
		return false;
	}
	std::erase_if(handles_, [&](const handle_entry &e) { return &e == entry; });
	std::printf("cleared %s\n", name.c_str());
	return true;
}

completion session::complete(const std::string &before) const {
	std::vector<std::string> words; // the words before the one being completed
	for (size_t i = 0; i < before.size();) {
		while (i < before.size() && before[i] == ' ')
			++i;
		size_t start = i;
		while (i < before.size() && before[i] != ' ')
			++i;
		if (i > start)
			words.push_back(before.substr(start, i - start));
	}
	completion out;
	if (words.empty()) {
		out.words = command_names();
		return out;
	}
	const std::string &first = words[0];
	if ((first == "call" || first == "await") && words.size() == 1) {
		out.append = '(';
		for (const handle_entry &entry : handles_) {
			for (const std::string &name : function_names(entry.handle))
				out.words.push_back(name);
		}
		return out;
	}
	if (first == "load") {
		if (words.size() == 1) {
			out.words = {"c", "node", "py"};
			return out;
		}
		out.files = true;
		return out;
	}
	if (first == "clear" && words.size() == 1) {
		for (const handle_entry &entry : handles_)
			out.words.push_back(stem(entry.name));
		return out;
	}
	if (first == "inspect" && words.size() == 1) {
		out.words = {"--json"};
		return out;
	}
	if (first == "help" && words.size() == 1)
		out.words = command_names();
	return out;
}

} // namespace metacall_cli
