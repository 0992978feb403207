// JS errors and the core's exceptions.
#ifndef NODE_LOADER_JS_ERRORS_H
#define NODE_LOADER_JS_ERRORS_H

#include <node_api.h>

#include <string>

namespace node_loader {

class LoaderState;

// A new exception value from a thrown or rejected JS value: label = the error's name, its message
// and stack (a non-Error value: label "Error", message = its text).
void *exception_from_js(LoaderState &state, napi_value error);

// A new throwable for the JS exception pending in the environment (which is cleared).
void *throwable_from_pending(LoaderState &state);

// A new throwable for the thrown JS value `error`.
void *throwable_from_js(LoaderState &state, napi_value error);

// The text "Name: message" of the pending JS exception (cleared), for load errors.
std::string pending_exception_text(LoaderState &state);

// A JS Error for an exception or throwable value (borrowed): name = its label, message, and its
// stack when the value carries one. nullptr with a JS exception pending.
napi_value error_to_js(LoaderState &state, void *exception);

} // namespace node_loader

#endif
