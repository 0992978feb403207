#include "node_runtime.h"

#include <metacall/metacall_loader.h>

#ifndef METACALL_NODE_LIBRARY
#  error "METACALL_NODE_LIBRARY (the default libnode path) must be defined by the build"
#endif

namespace node_loader {

bool find_node_runtime(bool &host) {
	// The relink module decides: the process's running Node (host), or libnode loaded now
	// RTLD_GLOBAL, so that the implementation's Node-API imports resolve against it.
	const int mode = metacall_loader_runtime("node", "node", METACALL_NODE_LIBRARY, "METACALL_NODE_LIBRARY");
	host = mode == 1;
	return mode >= 0;
}

} // namespace node_loader
