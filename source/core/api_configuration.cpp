// metacall_load_from_configuration (include/metacall/metacall_configuration.h).
#include "error.h"

#include <metacall/metacall.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace metacall_core;
namespace fs = std::filesystem;

namespace {

const char *const kApi = "metacall_load_from_configuration";

// The member `key` of `config` when it is a string, or nullptr after an error naming the file.
const std::string *string_member(const nlohmann::json &config, const char *key, const char *path,
                                 bool required) {
	auto member = config.find(key);
	if (member == config.end()) {
		if (required)
			set_errorf("TypeError", "%s: \"%s\" has no \"%s\"", kApi, path, key);
		return nullptr;
	}
	if (!member->is_string()) {
		set_errorf("TypeError", "%s: \"%s\": \"%s\" must be a string, not %s", kApi, path, key,
		           member->type_name());
		return nullptr;
	}
	return &member->get_ref<const std::string &>();
}

} // namespace

extern "C" {

int metacall_load_from_configuration(const char *path, void **handle, void *allocator) {
	(void)allocator;
	if (path == nullptr) {
		set_errorf("TypeError", "%s: the path is NULL", kApi);
		return 1;
	}
	std::ifstream file(path);
	if (!file) {
		set_errorf("IOError", "%s: cannot read \"%s\"", kApi, path);
		return 1;
	}
	std::stringstream text;
	text << file.rdbuf();
	nlohmann::json config = nlohmann::json::parse(text.str(), nullptr, false);
	if (config.is_discarded() || !config.is_object()) {
		set_errorf("SyntaxError", "%s: \"%s\" is not a JSON object", kApi, path);
		return 1;
	}
	const std::string *tag = string_member(config, "language_id", path, true);
	if (tag == nullptr)
		return 1;
	const bool has_folder = config.contains("path");
	const std::string *folder = string_member(config, "path", path, false);
	if (has_folder && folder == nullptr)
		return 1;
	auto scripts = config.find("scripts");
	if (scripts == config.end() || !scripts->is_array() || scripts->empty()) {
		set_errorf("TypeError", "%s: \"%s\": \"scripts\" must be a non-empty array of file names", kApi,
		           path);
		return 1;
	}
	fs::path base;
	if (folder != nullptr) {
		base = fs::path(*folder);
		if (base.is_relative())
			base = fs::path(path).parent_path() / base;
	}
	std::vector<std::string> files;
	for (const auto &script : *scripts) {
		if (!script.is_string()) {
			set_errorf("TypeError", "%s: \"%s\": every entry of \"scripts\" must be a string, not %s", kApi,
			           path, script.type_name());
			return 1;
		}
		fs::path file_path(script.get<std::string>());
		if (folder != nullptr && file_path.is_relative())
			file_path = (base / file_path).lexically_normal();
		files.push_back(file_path.string());
	}
	std::vector<const char *> paths;
	for (const auto &f : files)
		paths.push_back(f.c_str());
	if (metacall_load_from_file(tag->c_str(), paths.data(), paths.size(), handle) != 0) {
		const std::string reason = last_error_message();
		set_errorf("LoadError", "%s: \"%s\": %s", kApi, path, reason.c_str());
		return 1;
	}
	return 0;
}

} // extern "C"
