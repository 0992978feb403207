// The private handshake between the two halves of the node loader: libnode_loader.so (the
// bootstrap the core opens, free of Node symbols) and libnode_loader_runtime.so (the
// implementation, whose Node-API symbols resolve against the Node already in the process).
#ifndef NODE_LOADER_RUNTIME_ENTRY_H
#define NODE_LOADER_RUNTIME_ENTRY_H

#include <metacall/metacall_loader.h>

// The implementation exports this function. `mode` is a NodeMode (node_runtime.h);
// `apart_library` the handle of the libnode loaded apart (isolated and host-v8 modes), else NULL.
#define NODE_LOADER_RUNTIME_ENTRY_NAME "node_loader_runtime_interface"
typedef const struct metacall_loader_interface *(*node_loader_runtime_entry)(int mode, void *apart_library);

#define NODE_LOADER_RUNTIME_FILE "libnode_loader_runtime.so"

#endif
