// JS objects that stand for a core value: the JS function made for a function value
// (js_calls.cpp) and the proxy made for another language's class or object (js_object_proxy.cpp).
// Each carries one type tag and wraps a struct that starts with the value; converting it back to
// a value gives a copy of that very value (a Python object passed to JS and back is the same
// Python object).
#ifndef NODE_LOADER_JS_WRAPPED_H
#define NODE_LOADER_JS_WRAPPED_H

#include <node_api.h>

#include <metacall/metacall_value.h>

namespace node_loader {

constexpr napi_type_tag kWrappedValueTag = {0x6d65746163616c6cULL, 0x686f737466756e63ULL};

// What the JS object wraps (a derived struct adds what its kind needs).
struct WrappedValue {
	void *value; // owned: destroyed by the wrap's finalizer
};

// Tags `js` and wraps `wrapped` (owned by the wrap from now on when `finalize` is given; else
// only borrowed, for an object that lives no longer than the owner of `wrapped`). False (nothing
// owned) on failure.
inline bool wrap_value(napi_env env, napi_value js, WrappedValue *wrapped, napi_finalize finalize) {
	return napi_type_tag_object(env, js, &kWrappedValueTag) == napi_ok &&
	       napi_wrap(env, js, wrapped, finalize, nullptr, nullptr) == napi_ok;
}

// What `js` wraps when it is one of these objects, else nullptr. No JS exception is left.
inline WrappedValue *wrapped_in(napi_env env, napi_value js) {
	bool tagged = false;
	void *data = nullptr;
	if (napi_check_object_type_tag(env, js, &kWrappedValueTag, &tagged) != napi_ok || !tagged ||
	    napi_unwrap(env, js, &data) != napi_ok)
		return nullptr;
	return static_cast<WrappedValue *>(data);
}

// A copy of the value `js` stands for, or nullptr when it stands for none.
inline void *wrapped_value_from_js(napi_env env, napi_value js) {
	WrappedValue *wrapped = wrapped_in(env, js);
	return wrapped != nullptr ? metacall_value_copy(wrapped->value) : nullptr;
}

} // namespace node_loader

#endif
