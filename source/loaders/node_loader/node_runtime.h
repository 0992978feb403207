// Which Node the node loader runs on, decided by the relink module (metacall_loader_runtime)
// once per process:
//  - host: the process already runs Node (it is `node`, or a host started libnode; a copy loaded
//    RTLD_LOCAL is promoted to the global scope): the loader works in it and loads nothing;
//  - own: otherwise the loader starts its own, from the libnode the build was made against.
#ifndef NODE_LOADER_NODE_RUNTIME_H
#define NODE_LOADER_NODE_RUNTIME_H

namespace node_loader {

enum class NodeMode {
	own = 0,      // the loader starts Node from libnode, loaded RTLD_GLOBAL
	host = 1,     // the process runs Node: the loader works in it
	isolated = 2, // the loader starts Node from libnode loaded apart (RTLD_DEEPBIND): beside a
	              // foreign V8, or a Node of the process's own; its imports are bound to it
};

// The mode, and for `isolated` the dlopen handle of the libnode loaded apart. Returns false after
// metacall_loader_error.
bool find_node_runtime(NodeMode &mode, void *&isolated_library);

} // namespace node_loader

#endif
