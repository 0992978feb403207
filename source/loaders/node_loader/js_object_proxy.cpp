#include "js_object_proxy.h"
#include "js_string.h"

#include "js_errors.h"
#include "js_values.h"
#include "js_wrapped.h"
#include "loader_state.h"

#include <metacall/metacall.h>
#include <metacall/metacall_error.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace node_loader {

// What a proxy's target wraps (and the proxy too, borrowed: it lives no longer than its target).
struct ForeignObject : WrappedValue {
	static constexpr uint32_t kMagic = 0x4d434650; // "MCFP": tells a handle from a stray number
	uint32_t magic = kMagic;
	std::shared_ptr<ProxyCache> cache; // kept: V8 may collect the proxy after the loader stopped
	void *object = nullptr;            // the core's class or object, the cache's key
	bool is_class = false;
	napi_ref proxy = nullptr; // weak
};

namespace {

struct DestroyValue {
	void operator()(void *value) const { metacall_value_destroy(value); }
};
using OwnedValue = std::unique_ptr<void, DestroyValue>;

void finalize_foreign(napi_env env, void *data, void *) {
	std::unique_ptr<ForeignObject> foreign(static_cast<ForeignObject *>(static_cast<WrappedValue *>(data)));
	foreign->magic = 0;
	foreign->cache->forget(foreign->object, foreign.get());
	// Node-API runs the finalizers of wraps before it deletes plain references at teardown.
	napi_delete_reference(env, foreign->proxy);
	metacall_value_destroy(foreign->value); // the owner learns that JS let go
}

// The arguments of a trap's native call.
template <size_t N>
struct TrapArguments {
	TrapArguments(napi_env env, napi_callback_info info) {
		napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
	}
	size_t argc = N;
	napi_value argv[N] = {};
};

// Throws `message` as a JS Error unless an exception is pending already.
napi_value fail(napi_env env, const char *message) {
	bool pending = false;
	napi_is_exception_pending(env, &pending);
	if (!pending)
		napi_throw_error(env, nullptr, message);
	return nullptr;
}

// Throws the exception of `throwable` (borrowed).
napi_value throw_value(LoaderState &state, void *throwable) {
	napi_value error = error_to_js(state, throwable);
	if (error != nullptr)
		napi_throw(state.env(), error);
	return nullptr;
}

// Throws the thread's last error, as the core recorded it (label, message).
napi_value throw_last_error(LoaderState &state) {
	metacall_exception_type error{};
	if (metacall_error_last(&error) != 0 || error.label == nullptr || error.label[0] == '\0') {
		error.label = "Error";
		if (error.message == nullptr)
			error.message = "the call failed";
	}
	OwnedValue exception(metacall_value_create_exception(&error));
	return throw_value(state, exception.get());
}

// The state and the ForeignObject of a trap's handle (the address its target keeps, as a number:
// an external would cost Node an allocation it frees only when V8 collects it); nullptr with an
// Error pending when the loader is stopped or `handle` is not one. Only bootstrap.js's traps call
// these natives, with the handle of a live target.
ForeignObject *foreign_of(napi_env env, napi_value handle, LoaderState *&state) {
	state = LoaderState::current();
	if (state == nullptr) {
		napi_throw_error(env, nullptr, "metacall: the node loader is stopped");
		return nullptr;
	}
	double address = 0;
	auto *foreign = handle != nullptr && napi_get_value_double(env, handle, &address) == napi_ok
	                    ? reinterpret_cast<ForeignObject *>(static_cast<uintptr_t>(address))
	                    : nullptr;
	if (foreign == nullptr || foreign->magic != ForeignObject::kMagic) {
		napi_throw_type_error(env, nullptr, "metacall: not the handle of a class or object proxy");
		return nullptr;
	}
	return foreign;
}

// A property key as UTF-8: most fit a small buffer, read in one call.
bool key_of(napi_env env, napi_value key, std::string &out) {
	char buffer[128];
	size_t length = 0;
	if (napi_get_value_string_utf8(env, key, buffer, sizeof buffer, &length) == napi_ok) {
		if (length + 1 < sizeof buffer) {
			out.assign(buffer, length);
			return true;
		}
		if (read_js_string(env, key, out))
			return true;
	}
	napi_throw_type_error(env, nullptr, "metacall: a property key must be a string");
	return false;
}

// objectGet(handle, key): the attribute; undefined when the object has none (an AttributeError).
napi_value object_get(napi_env env, napi_callback_info info) {
	TrapArguments<2> args(env, info);
	LoaderState *state = nullptr;
	ForeignObject *foreign = foreign_of(env, args.argv[0], state);
	std::string key;
	if (foreign == nullptr || !key_of(env, args.argv[1], key))
		return nullptr;
	OwnedValue result(foreign->is_class ? metacall_class_static_get(foreign->object, key.c_str())
	                                    : metacall_object_get(foreign->object, key.c_str()));
	if (result == nullptr)
		return throw_last_error(*state);
	if (metacall_value_id(result.get()) == METACALL_THROWABLE) {
		metacall_exception_type error{};
		if (metacall_error_from_value(result.get(), &error) == 0 &&
		    std::strcmp(error.label, "AttributeError") == 0)
			return nullptr; // undefined: the trap looks at the target's own (Object.prototype's toString,
			                // ...)
		return throw_value(*state, result.get());
	}
	return to_js(*state, result.get());
}

// objectSet(handle, key, value): throws when the object refuses.
napi_value object_set(napi_env env, napi_callback_info info) {
	TrapArguments<3> args(env, info);
	LoaderState *state = nullptr;
	ForeignObject *foreign = foreign_of(env, args.argv[0], state);
	std::string key;
	if (foreign == nullptr || !key_of(env, args.argv[1], key))
		return nullptr;
	OwnedValue value(from_js(*state, args.argv[2]));
	if (metacall_value_id(value.get()) == METACALL_THROWABLE)
		return throw_value(*state, value.get());
	const int status = foreign->is_class
	                       ? metacall_class_static_set(foreign->object, key.c_str(), value.get())
	                       : metacall_object_set(foreign->object, key.c_str(), value.get());
	return status != 0 ? throw_last_error(*state) : nullptr;
}

// objectKeys(handle): the names of its attributes and methods.
napi_value object_keys(napi_env env, napi_callback_info info) {
	TrapArguments<1> args(env, info);
	LoaderState *state = nullptr;
	ForeignObject *foreign = foreign_of(env, args.argv[0], state);
	if (foreign == nullptr)
		return nullptr;
	OwnedValue keys(metacall_object_keys(foreign->object));
	return keys != nullptr ? to_js(*state, keys.get()) : throw_last_error(*state);
}

// classNew(handle, args): new C(...args).
napi_value class_new(napi_env env, napi_callback_info info) {
	TrapArguments<2> args(env, info);
	LoaderState *state = nullptr;
	ForeignObject *foreign = foreign_of(env, args.argv[0], state);
	if (foreign == nullptr)
		return nullptr;
	uint32_t count = 0;
	if (napi_get_array_length(env, args.argv[1], &count) != napi_ok)
		return fail(env, "metacall: classNew(handle, args) needs an array of arguments");
	std::vector<OwnedValue> owned;
	std::vector<void *> values;
	owned.reserve(count);
	for (uint32_t i = 0; i < count; ++i) {
		napi_value item = nullptr;
		if (napi_get_element(env, args.argv[1], i, &item) != napi_ok)
			return nullptr;
		owned.emplace_back(from_js(*state, item));
		if (metacall_value_id(owned.back().get()) == METACALL_THROWABLE) // cannot convert: no call is made
			return throw_value(*state, owned.back().get());
		values.push_back(owned.back().get());
	}
	OwnedValue instance(metacall_class_new(foreign->object, nullptr, values.data(), values.size()));
	if (instance == nullptr)
		return throw_last_error(*state);
	if (metacall_value_id(instance.get()) == METACALL_THROWABLE)
		return throw_value(*state, instance.get());
	return to_js(*state, instance.get());
}

} // namespace

napi_value foreign_to_js(LoaderState &state, void *value) {
	napi_env env = state.env();
	const bool is_class = metacall_value_id(value) == METACALL_CLASS;
	void *object = is_class ? metacall_value_to_class(value) : metacall_value_to_object(value);
	ProxyCache &cache = *state.proxies();
	if (ForeignObject *known = cache.find(object)) {
		napi_value proxy = nullptr;
		if (napi_get_reference_value(env, known->proxy, &proxy) == napi_ok && proxy != nullptr)
			return proxy; // the same object gives the same proxy
	}
	auto foreign = std::make_unique<ForeignObject>();
	napi_value argv[3] = {nullptr, nullptr, nullptr}, pair = nullptr, proxy = nullptr, target = nullptr;
	const char *class_name = metacall_object_class_name(object);
	napi_get_boolean(env, is_class, &argv[0]);
	napi_create_string_utf8(env, class_name != nullptr ? class_name : "", NAPI_AUTO_LENGTH, &argv[1]);
	// The traps' handle: the target keeps it and the target's wrap owns what it points to.
	// (x86-64 and AArch64 addresses have 48 bits: a double holds them exactly.)
	if (napi_create_double(env, static_cast<double>(reinterpret_cast<uintptr_t>(foreign.get())), &argv[2]) !=
	        napi_ok ||
	    !state.call(state.helper("foreignProxy"), 3, argv, &pair) ||
	    napi_get_element(env, pair, 0, &proxy) != napi_ok ||
	    napi_get_element(env, pair, 1, &target) != napi_ok)
		return fail(env, "metacall: cannot make a proxy for a class or object");
	foreign->value = metacall_value_copy(value);
	foreign->cache = state.proxies();
	foreign->object = object;
	foreign->is_class = is_class;
	if (napi_create_reference(env, proxy, 0, &foreign->proxy) != napi_ok ||
	    !wrap_value(env, target, foreign.get(), finalize_foreign)) {
		napi_delete_reference(env, foreign->proxy);
		metacall_value_destroy(foreign->value);
		return fail(env, "metacall: cannot wrap a class or object proxy");
	}
	ForeignObject *raw = foreign.release();    // the target owns it now
	if (!wrap_value(env, proxy, raw, nullptr)) // borrowed: the proxy keeps its target alive
		return fail(env, "metacall: cannot wrap a class or object proxy");
	cache.add(object, raw);
	return proxy;
}

napi_status register_proxy_natives(napi_env env, napi_value native) {
	const napi_property_descriptor natives[] = {
	    {"objectGet", nullptr, object_get, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"objectSet", nullptr, object_set, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"objectKeys", nullptr, object_keys, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"classNew", nullptr, class_new, nullptr, nullptr, nullptr, napi_default, nullptr},
	};
	return napi_define_properties(env, native, sizeof natives / sizeof natives[0], natives);
}

} // namespace node_loader
