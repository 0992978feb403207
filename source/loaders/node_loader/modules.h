// Loading, describing and unloading JS modules through bootstrap.js's helpers (owner thread,
// inside an EnvScope). Failures return nullptr / false with the reason in `error`.
#ifndef NODE_LOADER_MODULES_H
#define NODE_LOADER_MODULES_H

#include "loader_state.h"

#include <metacall/metacall_loader.h>

#include <cstddef>
#include <string>

namespace node_loader {

// Start a load: `loaded` gets what bootstrap.js's helper gave back, { exports, files, warnings },
// or a promise of it when an ES module is among what is loaded (pending_load.h waits for it).
bool start_load_files(LoaderState &state, const char *const paths[], size_t size, napi_value *loaded,
                      std::string &error);
bool start_load_source(LoaderState &state, const char *name, const char *source, size_t size,
                       napi_value *loaded, std::string &error);
bool start_load_package(LoaderState &state, const char *path, napi_value *loaded, std::string &error);

// A new module (owned by `state`) from a finished load's { exports, files, warnings }; its
// warnings (TypeScript's type errors) go to the log.
JsModule *module_from(LoaderState &state, napi_value loaded);

// Describes every function, class and instance of a class `module` exports to the core.
bool discover(LoaderState &state, JsModule *module, metacall_loader_define define, void *scope,
              std::string &error);

// Forgets `module` and takes its files out of require's cache.
void unload(LoaderState &state, JsModule *module);

} // namespace node_loader

#endif
