// Calls across the boundary, on the owner thread: C -> JS (invoke, await) and JS -> C (function
// values called from JS), and the two halves of async: Promise -> future, future -> Promise.
#ifndef NODE_LOADER_JS_CALLS_H
#define NODE_LOADER_JS_CALLS_H

#include "../../core/fast_tls.h" // header only, shared with the core

#include <node_api.h>

#include <cstddef>

namespace node_loader {

class LoaderState;
class ScalarArguments;
struct JsFunction;
struct Scalar;

// Whether the result of the call running on this thread may be a view (metacall_loader_take_views,
// read on the thread that asked for the call and carried to the owner): a JS array or plain object
// then crosses by reference (js_values.h, view_from_js). For the scope's duration; scopes nest.
class ResultViews {
public:
	explicit ResultViews(bool wanted) : previous_(wanted_) { wanted_ = wanted; }
	~ResultViews() { wanted_ = previous_; }
	ResultViews(const ResultViews &) = delete;
	ResultViews &operator=(const ResultViews &) = delete;
	static bool wanted() { return wanted_; }

private:
	bool previous_;
	static METACALL_FAST_TLS thread_local bool wanted_;
};

// Calls `function` with `size` arguments (borrowed; `scalars`: those of them that are scalars,
// read on the calling thread when it is not this one, else nullptr). A new value: the result, or a throwable;
// or nullptr when the result is a scalar and `scalar_result` is given: it is written there (the caller makes
// its value, on its own thread).
void *invoke_js(LoaderState &state, JsFunction *function, void *args[], size_t size,
                const ScalarArguments *scalars, Scalar *scalar_result);

// As invoke_js, a method of `self` through its `caller` (method_callers.h), with this = self. When
// the method is no function, nothing is called: *not_callable is set and nullptr returned.
void *invoke_method_js(LoaderState &state, napi_value self, napi_value caller, void *args[], size_t size,
                       const ScalarArguments *scalars, Scalar *scalar_result, bool *not_callable);

// new cls(...args) with `size` arguments (borrowed): a new value for the instance, or a throwable.
void *construct_js(LoaderState &state, napi_value cls, void *args[], size_t size);

// Calls `function` and settles `future` (owned; destroyed here or once settled) with its outcome,
// awaiting a returned promise.
void await_js(LoaderState &state, JsFunction *function, void *args[], size_t size, void *future);

// When the core refuses to call a function (it returned NULL before running anything, say for a
// function since unloaded): `again(context)` gives another function to call instead, or nullptr.
struct Refetch {
	void *(*again)(void *context) = nullptr;
	void *context = nullptr;
};

// Calls the core's function `function` (borrowed) with JS arguments and gives its result to JS:
// a converted value, or nullptr with a JS exception pending (the error of a throwable result, or
// why the call could not be made). Inside a callback from JS.
napi_value call_from_js(LoaderState &state, void *function, const napi_value *argv, size_t argc,
                        const Refetch &refetch = {});

// A JS function that calls the function value `value` (borrowed; the JS function keeps a copy).
napi_value function_to_js(LoaderState &state, void *value);

// A new function value for the JS function `fn` (neither a class nor a function made for a value:
// js_values.cpp tells those apart first).
void *function_from_js(LoaderState &state, napi_value fn);

// A new future value settled by `promise`.
void *future_from_js(LoaderState &state, napi_value promise);

// A promise settled by the future value `value` (borrowed).
napi_value future_to_js(LoaderState &state, void *value);

// Rejects the promises of futures that have not settled (owner, when the environment stops).
void reject_pending_promises(LoaderState &state);

// metacall_destroy's drain (owner): how much work the environment has in progress (what keeps
// its event loop alive).
int pending_work(LoaderState &state);
// When the drain ends (owner): fails JS's waits on futures and then rejects the futures of the
// promises the core awaits that are still pending, each with a "CancelledError" saying `reason`.
void reject_unsettled(LoaderState &state, const char *reason);

// The `settle` function of the native object given to bootstrap.js.
napi_value settle_callback(napi_env env, napi_callback_info info);

} // namespace node_loader

#endif
