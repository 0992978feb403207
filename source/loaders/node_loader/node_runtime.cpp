#include "node_runtime.h"

#include <metacall/metacall_loader.h>

#include <dlfcn.h>

#include <string>

#if !defined(METACALL_NODE_LIBRARY) || !defined(METACALL_NODE_V8LESS_FILE)
#  error                                                                                                      \
	  "METACALL_NODE_LIBRARY (the default libnode path) and METACALL_NODE_V8LESS_FILE must be defined by the build"
#endif

namespace node_loader {

namespace {

// The V8-less libnode beside this plug-in (the build puts it there, and installs it there).
std::string v8less_library() {
	Dl_info info{};
	if (dladdr(reinterpret_cast<void *>(&v8less_library), &info) == 0 || info.dli_fname == nullptr)
		return "";
	const std::string self = info.dli_fname;
	return self.substr(0, self.rfind('/') + 1) + METACALL_NODE_V8LESS_FILE;
}

} // namespace

bool find_node_runtime(NodeMode &mode, void *&apart_library) {
	// The relink module decides: the process's running Node (host), libnode loaded now RTLD_GLOBAL
	// so that the implementation's Node-API imports resolve against it (own), the V8-less libnode
	// on the process's V8 (host-v8), or libnode loaded apart (isolated).
	apart_library = nullptr;
	const std::string v8less = v8less_library();
	const metacall_loader_runtime_request request{"node",
	                                              "node",
	                                              METACALL_NODE_LIBRARY,
	                                              "METACALL_NODE_LIBRARY",
	                                              v8less.c_str(),
	                                              "METACALL_NODE_V8LESS_LIBRARY"};
	const int decided = metacall_loader_runtime_v2(&request, &apart_library);
	if (decided < 0)
		return false;
	mode = static_cast<NodeMode>(decided);
	return true;
}

} // namespace node_loader
