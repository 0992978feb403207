// MetaCall's start-up configuration and LOADER_SCRIPT_PATH (startup.h).
#include "startup.h"

#include "error.h"
#include "loader.h"
#include "log.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

namespace metacall_core {
namespace fs = std::filesystem;

namespace {

const char *const kApi = "metacall_initialize";
const std::string_view kLoaderSuffix = "_loader";
const std::string_view kJson = ".json";

// Records and logs why the start-up configuration is refused; returns false.
bool refuse(const std::string &message) {
	set_errorf("ConfigurationError", "%s: %s", kApi, message.c_str());
	log(LogLevel::error, "%s", message.c_str());
	return false;
}

bool ends_with(std::string_view text, std::string_view end) {
	return text.size() > end.size() && text.substr(text.size() - end.size()) == end;
}

// `path` as given when absolute, else relative to the folder of the file `from`.
fs::path beside(const fs::path &from, const std::string &path) {
	fs::path given(path);
	return (given.is_absolute() ? given : from.parent_path() / given).lexically_normal();
}

// The JSON object of the file `path`; nullopt after refuse() when it cannot be read or is not one.
std::optional<nlohmann::json> read_object(const fs::path &path, const std::string &what) {
	std::ifstream file(path);
	if (!file) {
		refuse(what + " \"" + path.string() + "\" cannot be read");
		return std::nullopt;
	}
	std::stringstream text;
	text << file.rdbuf();
	nlohmann::json object = nlohmann::json::parse(text.str(), nullptr, false);
	if (object.is_discarded() || !object.is_object()) {
		refuse(what + " \"" + path.string() + "\" is not a JSON object");
		return std::nullopt;
	}
	return object;
}

// The "execution_paths" of a loader file into `paths`, each relative to the file's folder.
bool read_execution_paths(const nlohmann::json &config, const fs::path &file,
                          std::vector<std::string> &paths) {
	auto member = config.find("execution_paths");
	if (member == config.end())
		return true;
	if (!member->is_array())
		return refuse("\"" + file.string() +
		              "\": \"execution_paths\" must be an array of folder names, not " + member->type_name());
	for (const auto &entry : *member) {
		if (!entry.is_string())
			return refuse("\"" + file.string() +
			              "\": every entry of \"execution_paths\" must be a string, not " +
			              entry.type_name());
		paths.push_back(beside(file, entry.get<std::string>()).string());
	}
	return true;
}

// The global file and every file it names (a member whose value is a string ending in ".json" is
// the file of the scope named by its key, relative to the naming file's folder, as in MetaCall),
// each read once; the "<tag>_loader" scopes give their tag's execution paths.
bool read_configuration(const fs::path &global, StartupPaths &out) {
	std::optional<nlohmann::json> root = read_object(global, "the global configuration (CONFIGURATION_PATH)");
	if (!root)
		return false;
	std::deque<std::pair<fs::path, nlohmann::json>> queue;
	std::set<std::string> seen{"global"};
	queue.emplace_back(global, std::move(*root));
	while (!queue.empty()) {
		auto [file, config] = std::move(queue.front());
		queue.pop_front();
		for (const auto &[key, value] : config.items()) {
			if (!value.is_string() || !ends_with(value.get_ref<const std::string &>(), kJson) ||
			    !seen.insert(key).second)
				continue;
			const fs::path child = beside(file, value.get<std::string>());
			std::optional<nlohmann::json> child_config =
			    read_object(child, "the configuration \"" + key + "\" named by \"" + file.string() + "\",");
			if (!child_config)
				return false;
			if (ends_with(key, kLoaderSuffix)) {
				const std::string tag = key.substr(0, key.size() - kLoaderSuffix.size());
				if (!read_execution_paths(*child_config, child, out.by_tag[tag]))
					return false;
			}
			queue.emplace_back(child, std::move(*child_config));
		}
	}
	return true;
}

} // namespace

bool read_startup_paths(StartupPaths &out) {
	out = {};
	if (const char *scripts = std::getenv("LOADER_SCRIPT_PATH")) {
		std::string_view rest(scripts);
		while (!rest.empty()) {
			const auto colon = rest.find(':');
			const std::string folder(rest.substr(0, colon));
			if (!folder.empty()) {
				std::error_code error;
				const fs::path absolute = fs::absolute(folder, error);
				out.scripts.push_back((error ? fs::path(folder) : absolute).lexically_normal().string());
			}
			rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
		}
	}
	const char *global = std::getenv("CONFIGURATION_PATH");
	if (global == nullptr || global[0] == '\0')
		return true;
	std::error_code error;
	if (!fs::is_regular_file(global, error)) {
		log(LogLevel::warn, "CONFIGURATION_PATH names \"%s\", which is not a file: no start-up configuration",
		    global);
		return true;
	}
	std::error_code absolute_error;
	const fs::path absolute = fs::absolute(global, absolute_error);
	if (!read_configuration(absolute_error ? fs::path(global) : absolute, out)) {
		out = {};
		return false;
	}
	log(LogLevel::debug, "start-up configuration read from %s", global);
	return true;
}

void Startup::set_flags(int flags) {
	std::lock_guard lock(mutex_);
	flags_ = flags;
}

void Startup::set_args(int argc, char **argv) {
	std::lock_guard lock(mutex_);
	argc_ = argc;
	argv_ = argv;
}

int Startup::argc() const {
	std::lock_guard lock(mutex_);
	return argc_;
}

char **Startup::argv() const {
	std::lock_guard lock(mutex_);
	return argv_;
}

void Startup::set_paths(StartupPaths paths) {
	std::lock_guard lock(mutex_);
	paths_ = std::move(paths);
}

void Startup::apply(Loader &loader) const {
	std::vector<std::string> folders;
	{
		std::lock_guard lock(mutex_);
		if (auto it = paths_.by_tag.find(loader.tag()); it != paths_.by_tag.end())
			folders = it->second;
		folders.insert(folders.end(), paths_.scripts.begin(), paths_.scripts.end());
	}
	for (const std::string &folder : folders)
		if (loader.add_execution_path(folder) != 0)
			log(LogLevel::warn, "loader '%s' refused the start-up execution path %s: %s",
			    loader.tag().c_str(), folder.c_str(), last_error_message().c_str());
}

} // namespace metacall_core
