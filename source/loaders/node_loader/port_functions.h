// The native half of the Node port (`require('metacall')`, source/ports/node_port): functions the
// port's JavaScript calls on the thread that runs it (Node's main thread in a `node` process, the
// owner thread when a script of the loader's own environment requires the port).
#ifndef NODE_LOADER_PORT_FUNCTIONS_H
#define NODE_LOADER_PORT_FUNCTIONS_H

#include <node_api.h>

namespace node_loader {

// Adds the port's functions to the addon's `exports`, and publishes `exports` as
// globalThis[Symbol.for('metacall.node_loader')], so that the port finds the addon an environment
// already opened (the loader's own start-up script does) instead of opening it again.
napi_status register_port_functions(napi_env env, napi_value exports);

} // namespace node_loader

#endif
