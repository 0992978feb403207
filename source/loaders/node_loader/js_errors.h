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

// A new throwable for the thrown JS value `error`: an Error's exception (label = its name, message,
// stack), or any other value (`throw 56`, `throw 'text'`) converted as it is, as MetaCall hands it
// (metacall_throwable_value gives it back).
void *throwable_from_js(LoaderState &state, napi_value error);

// Whether `value` is a JS Error (napi_is_error).
bool is_error(LoaderState &state, napi_value value);

// A new value for the reason a promise was rejected with, as MetaCall hands it to a reject
// callback when it is no Error (`Promise.reject(10)`: the number); an Error gives a throwable of
// its exception, as every error of ours.
void *rejection_from_js(LoaderState &state, napi_value reason);

// The text "Name: message" of the pending JS exception (cleared), for load errors.
std::string pending_exception_text(LoaderState &state);

// The JS value to throw (or reject with) for an exception or throwable value (borrowed): an Error
// with name = its label (also as `code`, where MetaCall's scripts read it), message, and its stack
// when the value carries one; for a throwable of a
// value that is no exception (`throw 56` in JS, metacall_value_create_throwable of a number), that
// value converted. nullptr with a JS exception pending.
napi_value error_to_js(LoaderState &state, void *exception);

} // namespace node_loader

#endif
