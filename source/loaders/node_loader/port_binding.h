// MetaCall's name for the node port's native module: scripts written for MetaCall reach the port
// through process._linkedBinding('node_loader_port_module'). Part of libnode_loader_embedder.so,
// which registers it in every environment it starts (a linked binding must exist before the
// environment runs; in a `node` process that loads libmetacall it does not, see the README).
#ifndef NODE_LOADER_PORT_BINDING_H
#define NODE_LOADER_PORT_BINDING_H

#include <node_api.h>

namespace node_loader {

#define NODE_LOADER_PORT_BINDING_NAME "node_loader_port_module"

// Node-API initialiser of the binding, called on the environment's thread the first time a script
// asks for it: fills `exports` with MetaCall's names for the port functions that the loader's
// start-up script published (port_functions.h). The functions are the port's own (same objects);
// a name MetaCall has and the port does not is absent. Throws an Error when the port functions are
// not published (the loader's start-up script has not run).
napi_value init_port_binding(napi_env env, napi_value exports);

} // namespace node_loader

#endif
