#include "plugin_finder.h"

#include "error.h"
#include "log.h"

#include <cstdlib>
#include <dlfcn.h>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace metacall_core {
namespace {

std::vector<std::string> search_folders() {
	std::vector<std::string> folders;
	if (const char *env = std::getenv("METACALL_LOADER_PATH")) {
		std::string_view rest(env);
		while (!rest.empty()) {
			auto colon = rest.find(':');
			auto folder = rest.substr(0, colon);
			if (!folder.empty())
				folders.emplace_back(folder);
			rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
		}
	}
	Dl_info info{};
	if (dladdr(reinterpret_cast<void *>(&find_plugin), &info) != 0 && info.dli_fname != nullptr) {
		std::string library(info.dli_fname);
		auto slash = library.rfind('/');
		folders.push_back((slash == std::string::npos ? std::string(".") : library.substr(0, slash)) +
		                  "/metacall");
	}
	return folders;
}

bool valid_tag(const std::string &tag) {
	if (tag.empty())
		return false;
	for (char c : tag)
		if (!(c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9')))
			return false;
	return true;
}

std::optional<Plugin> open_plugin(const std::string &path) {
	void *library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
	if (library == nullptr) {
		set_errorf("LoaderError", "could not open the plug-in %s: %s", path.c_str(), dlerror());
		return std::nullopt;
	}
	auto entry = reinterpret_cast<metacall_loader_entry>(dlsym(library, METACALL_LOADER_ENTRY_NAME));
	const metacall_loader_interface *table = entry != nullptr ? entry() : nullptr;
	if (table == nullptr) {
		set_errorf("LoaderError", "%s is not a libmetacall loader: it has no %s function", path.c_str(),
		           METACALL_LOADER_ENTRY_NAME);
		dlclose(library);
		return std::nullopt;
	}
	if (table->abi_version != METACALL_LOADER_ABI_VERSION) {
		set_errorf("LoaderError", "%s was built for loader ABI %u, this library speaks %u", path.c_str(),
		           table->abi_version, METACALL_LOADER_ABI_VERSION);
		dlclose(library);
		return std::nullopt;
	}
	log(LogLevel::info, "loaded plug-in %s", path.c_str());
	return Plugin{path, table};
}

} // namespace

std::optional<Plugin> find_plugin(const std::string &tag) {
	if (!valid_tag(tag)) {
		set_errorf("LoaderError", "'%s' is not a loader tag (letters, digits, '_' and '-' only)",
		           tag.c_str());
		return std::nullopt;
	}
	std::string tried;
	for (const std::string &folder : search_folders()) {
		std::string path = folder + "/lib" + tag + "_loader.so";
		if (access(path.c_str(), F_OK) == 0)
			return open_plugin(path);
		tried += (tried.empty() ? "" : ", ") + path;
	}
	set_errorf("LoaderError", "no loader for tag '%s': searched %s (set METACALL_LOADER_PATH to add folders)",
	           tag.c_str(), tried.empty() ? "nothing" : tried.c_str());
	return std::nullopt;
}

} // namespace metacall_core
