// The private handshake between the two halves of the node loader: libnode_loader.so (the
// bootstrap the core opens, free of Node symbols) and libnode_loader_runtime.so (the
// implementation, whose Node-API symbols resolve against the Node already in the process).
#ifndef NODE_LOADER_RUNTIME_ENTRY_H
#define NODE_LOADER_RUNTIME_ENTRY_H

#include <metacall/metacall_loader.h>

// The implementation exports this function. `mode` is a NodeMode (node_runtime.h);
// `isolated_library` the handle of the libnode loaded apart in the isolated mode, else NULL.
#define NODE_LOADER_RUNTIME_ENTRY_NAME "node_loader_runtime_interface"
typedef const struct metacall_loader_interface *(*node_loader_runtime_entry)(int mode,
                                                                             void *isolated_library);

#define NODE_LOADER_RUNTIME_FILE "libnode_loader_runtime.so"

#endif
