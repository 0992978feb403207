// Loads that finish later: an ES module comes through import(), whose promise settles only after
// Node's event loop has read the files and run the module (top-level await included). The caller
// waits for it while the owner thread goes back to its loop; a pumping host's thread, which is the
// owner, turns the loop itself. Any other wait on the owner thread (a load from inside a call that
// JS made) is refused: the loop cannot run under it.
#ifndef NODE_LOADER_PENDING_LOAD_H
#define NODE_LOADER_PENDING_LOAD_H

#include "loader_state.h"

#include <functional>
#include <string>

namespace node_loader {

// Starts a load on the owner thread with `start` (owner, inside an EnvScope: fills `loaded` with
// bootstrap.js's { exports, files, warnings } or a promise of it; false after filling `error`)
// and returns the new module (owned by `state`) once it has loaded. nullptr after
// metacall_loader_error, on the calling thread, when the load fails, when the environment stops,
// or when it has not loaded within METACALL_NODE_LOAD_TIMEOUT seconds (default 30; 0: no limit).
JsModule *load_and_wait(LoaderState &state,
                        const std::function<bool(napi_value *loaded, std::string &error)> &start);

} // namespace node_loader

#endif
