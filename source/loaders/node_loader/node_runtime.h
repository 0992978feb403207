// Which Node the node loader runs on, decided by the relink module (metacall_loader_runtime)
// once per process:
//  - host: the process already runs Node (it is `node`, or a host started libnode; a copy loaded
//    RTLD_LOCAL is promoted to the global scope): the loader works in it and loads nothing;
//  - own: otherwise the loader starts its own, from the libnode the build was made against;
//  - host-v8: the process runs a V8 without Node (a game server): the loader starts Node from a
//    libnode built without V8 (patches/node-gyp), bound to that V8;
//  - isolated: a Node of its own loaded apart, beside a foreign V8 or a Node of the process's.
#ifndef NODE_LOADER_NODE_RUNTIME_H
#define NODE_LOADER_NODE_RUNTIME_H

namespace node_loader {

enum class NodeMode {
	own = 0,      // the loader starts Node from libnode, loaded RTLD_GLOBAL
	host = 1,     // the process runs Node: the loader works in it
	isolated = 2, // the loader starts Node from libnode loaded apart (RTLD_DEEPBIND): beside a
	              // foreign V8, or a Node of the process's own; its imports are bound to it
	host_v8 = 3,  // the loader starts Node from the V8-less libnode (loaded RTLD_LOCAL, its V8 imports
	              // bound to the process's V8) without initialising V8; its imports are bound to it
};

// Both modes whose libnode is loaded apart, whose symbols the loader's imports are bound to.
inline bool loaded_apart(NodeMode mode) {
	return mode == NodeMode::isolated || mode == NodeMode::host_v8;
}

// The mode, and for the modes loaded apart the dlopen handle of that libnode. Returns false after
// metacall_loader_error.
bool find_node_runtime(NodeMode &mode, void *&apart_library);

} // namespace node_loader

#endif
