#include "node_runtime.h"

#include <metacall/metacall_loader.h>

#ifndef METACALL_NODE_LIBRARY
#  error "METACALL_NODE_LIBRARY (the default libnode path) must be defined by the build"
#endif

namespace node_loader {

bool find_node_runtime(NodeMode &mode, void *&isolated_library) {
	// The relink module decides: the process's running Node (host), libnode loaded now RTLD_GLOBAL
	// so that the implementation's Node-API imports resolve against it (own), or loaded apart.
	isolated_library = nullptr;
	const int decided = metacall_loader_runtime("node", "node", METACALL_NODE_LIBRARY,
	                                            "METACALL_NODE_LIBRARY", &isolated_library);
	if (decided < 0)
		return false;
	mode = static_cast<NodeMode>(decided);
	return true;
}

} // namespace node_loader
