// Which Node the node loader runs on. Decided once per process:
//  - host: the process already runs Node with its Node-API global (it is `node`, or links libnode):
//    the loader works in it and loads nothing;
//  - own: otherwise the loader starts its own, from the libnode the build was made against.
#ifndef NODE_LOADER_NODE_RUNTIME_H
#define NODE_LOADER_NODE_RUNTIME_H

namespace node_loader {

// Sets `host` for the first case; for the second, loads libnode with RTLD_NOW | RTLD_GLOBAL
// (METACALL_NODE_LIBRARY overrides the build's path), so that the implementation's Node-API
// imports resolve against it. Returns false after metacall_loader_error. The first answer is kept
// for the process.
bool find_node_runtime(bool &host);

} // namespace node_loader

#endif
