#include "node_runtime.h"

#include <metacall/metacall_loader.h>

#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <string>

#ifndef METACALL_NODE_LIBRARY
#  error "METACALL_NODE_LIBRARY (the default libnode path) must be defined by the build"
#endif

namespace node_loader {
namespace {

// Where a symbol lives, for messages.
std::string object_of(void *symbol) {
	Dl_info info{};
	if (symbol != nullptr && dladdr(symbol, &info) != 0 && info.dli_fname != nullptr)
		return info.dli_fname;
	return "the process";
}

// The reason the loader cannot run (empty when it can); `host` when the process has a Node.
std::string detect(bool &host) {
	if (void *napi = dlsym(RTLD_DEFAULT, "napi_create_function")) {
		host = true;
		metacall_loader_log("info",
		                    "node loader: the process already runs Node (Node-API from %s): working in it",
		                    object_of(napi).c_str());
		return "";
	}
	const char *path = std::getenv("METACALL_NODE_LIBRARY");
	if (path == nullptr || path[0] == '\0')
		path = METACALL_NODE_LIBRARY;
	if (dlopen(path, RTLD_NOW | RTLD_GLOBAL) == nullptr)
		return std::string("cannot load the Node runtime ") + path + ": " + dlerror() +
		       " (scripts/fetch-libnode.sh unpacks Debian's libnode108; METACALL_NODE_LIBRARY points at "
		       "another)";
	metacall_loader_log("info", "node loader: starting its own Node from %s", path);
	return "";
}

} // namespace

bool find_node_runtime(bool &host) {
	static std::once_flag once;
	static std::string refusal;
	static bool found_host = false;
	std::call_once(once, [] { refusal = detect(found_host); });
	host = found_host;
	if (!refusal.empty()) {
		metacall_loader_error("node loader: %s", refusal.c_str());
		return false;
	}
	return true;
}

} // namespace node_loader
