// Which Node the node loader runs on. Decided once per process: until the relink module binds the
// loader to a Node the process already runs (a `node` executable, or a host's libnode), the
// loader starts its own, from the libnode the build was made against.
#ifndef NODE_LOADER_NODE_RUNTIME_H
#define NODE_LOADER_NODE_RUNTIME_H

namespace node_loader {

// Loads libnode with RTLD_NOW | RTLD_GLOBAL (METACALL_NODE_LIBRARY overrides the build's path),
// so that the implementation's Node-API imports resolve against it. Refuses, with a reason, a
// process that already has Node-API from elsewhere: a second Node in one process crashes.
// Returns false after metacall_loader_error. The first answer is kept for the process.
bool find_node_runtime();

} // namespace node_loader

#endif
