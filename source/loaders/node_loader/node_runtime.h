// Which Node the node loader runs on, decided by the relink module (metacall_loader_runtime)
// once per process:
//  - host: the process already runs Node (it is `node`, or a host started libnode; a copy loaded
//    RTLD_LOCAL is promoted to the global scope): the loader works in it and loads nothing;
//  - own: otherwise the loader starts its own, from the libnode the build was made against.
#ifndef NODE_LOADER_NODE_RUNTIME_H
#define NODE_LOADER_NODE_RUNTIME_H

namespace node_loader {

// Sets `host` for the first case; for the second, libnode is loaded RTLD_NOW | RTLD_GLOBAL
// (METACALL_NODE_LIBRARY overrides the build's path), so that the implementation's Node-API
// imports resolve against it. Returns false after metacall_loader_error.
bool find_node_runtime(bool &host);

} // namespace node_loader

#endif
