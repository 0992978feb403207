#include "js_objects.h"
#include "js_string.h"

#include "js_calls.h"
#include "js_errors.h"
#include "js_scalars.h"
#include "js_values.h"
#include "js_wrapped.h"
#include "loader_state.h"
#include "on_owner.h"

#include <metacall/metacall_error.h>
#include <metacall/metacall_loader.h>
#include <metacall/metacall_object.h>

#include <cstdint>
#include <optional>
#include <string>

namespace node_loader {
namespace {

void clear_exception(napi_env env) {
	napi_value ignored = nullptr;
	napi_get_and_clear_last_exception(env, &ignored);
}

// fn.name, "" when it has none (or reading it throws).
std::string name_of(napi_env env, napi_value fn) {
	napi_value name = nullptr;
	std::string text;
	if (napi_get_named_property(env, fn, "name", &name) != napi_ok)
		clear_exception(env);
	else
		read_js_string(env, name, text);
	return text;
}

// The name of the class whose instances inherit `prototype`: prototype.constructor.name.
std::string class_name_of(napi_env env, napi_value prototype) {
	napi_value constructor = nullptr;
	napi_valuetype type = napi_undefined;
	if (napi_get_named_property(env, prototype, "constructor", &constructor) != napi_ok) {
		clear_exception(env);
		return "";
	}
	napi_typeof(env, constructor, &type);
	return type == napi_function ? name_of(env, constructor) : "";
}

const char *type_name(napi_valuetype type) {
	switch (type) {
	case napi_undefined:
		return "undefined";
	case napi_null:
		return "null";
	case napi_boolean:
		return "a boolean";
	case napi_number:
		return "a number";
	case napi_string:
		return "a string";
	case napi_symbol:
		return "a symbol";
	case napi_object:
		return "an object";
	case napi_function:
		return "a function";
	case napi_external:
		return "an external";
	case napi_bigint:
		return "a BigInt";
	}
	return "a value";
}

// "object of class 'Counter'", as the core names it in its own errors.
std::string describe_self(const JsObject &object) {
	const char *kind = object.is_class ? "class" : "object of class";
	if (object.class_name.empty())
		return object.is_class ? "the class" : "the object";
	return std::string(kind) + " '" + object.class_name + "'";
}

// A throwable for an entry that could not run (the loader recorded why on this thread).
void *loader_failure() {
	metacall_exception_type error{};
	return metacall_error_throw("LoaderError", 0, nullptr, "%s",
	                            metacall_error_last(&error) == 0 ? error.message : "the node loader failed");
}

void *stopped() {
	return metacall_error_throw("LoaderError", 0, nullptr, "node loader: the loader is stopped");
}

// The JS class or object of `data`; false (with `error`) when its reference is gone.
bool js_of(LoaderState &state, void *data, napi_value *js, std::string &error) {
	auto *object = static_cast<JsObject *>(data);
	if (object->ref != nullptr && napi_get_reference_value(state.env(), object->ref, js) == napi_ok &&
	    *js != nullptr)
		return true;
	error = describe_self(*object) + " is no longer held by the Node environment";
	return false;
}

// Why `method` of `object` cannot be called: it is missing, or no function.
void *not_callable(LoaderState &state, const JsObject &object, napi_value self, const char *method) {
	napi_value key = nullptr, found = nullptr;
	napi_valuetype type = napi_undefined;
	bool has = false;
	if (napi_create_string_utf8(state.env(), method, NAPI_AUTO_LENGTH, &key) != napi_ok ||
	    napi_get_property(state.env(), self, key, &found) != napi_ok ||
	    napi_has_property(state.env(), self, key, &has) != napi_ok)
		return throwable_from_pending(state);
	napi_typeof(state.env(), found, &type);
	if (!has)
		return metacall_error_throw("AttributeError", 0, nullptr, "%s has no method '%s'",
		                            describe_self(object).c_str(), method);
	return metacall_error_throw("TypeError", 0, nullptr, "attribute '%s' of %s is not callable (it is %s)",
	                            method, describe_self(object).c_str(), type_name(type));
}

// ---- The interface: called by the core from any thread; the work runs on the owner ----

void *object_get(void *data, const char *key) {
	LoaderState *state = LoaderState::current();
	if (state == nullptr)
		return stopped();
	void *result = nullptr;
	const bool views = metacall_loader_take_views() != 0;
	auto work = [&](std::string &error) {
		napi_env env = state->env();
		napi_value self = nullptr, name = nullptr, property = nullptr;
		if (!js_of(*state, data, &self, error))
			return false;
		bool has = false;
		napi_create_string_utf8(env, key, NAPI_AUTO_LENGTH, &name);
		if (napi_has_property(env, self, name, &has) != napi_ok) {
			result = throwable_from_pending(*state);
			return true;
		}
		if (!has)
			return true; // nullptr: the core names the missing attribute
		if (napi_get_property(env, self, name, &property) != napi_ok) {
			result = throwable_from_pending(*state); // a getter threw
			return true;
		}
		// A method comes bound to its object, so that calling it later calls it on the object.
		napi_valuetype type = napi_undefined;
		napi_typeof(env, property, &type);
		if (type == napi_function && wrapped_in(env, property) == nullptr && !is_js_class(*state, property)) {
			napi_value argv[2] = {property, self};
			if (!state->call(state->helper("bind"), 2, argv, &property)) {
				result = throwable_from_pending(*state);
				return true;
			}
		}
		result = views ? view_from_js(*state, property) : nullptr;
		if (result == nullptr)
			result = from_js(*state, property);
		return true;
	};
	return on_owner(*state, work) ? result : loader_failure();
}

void *object_set(void *data, const char *key, void *value) {
	LoaderState *state = LoaderState::current();
	if (state == nullptr)
		return stopped();
	void *failure = nullptr;
	auto work = [&](std::string &error) {
		napi_value self = nullptr, js = nullptr;
		if (!js_of(*state, data, &self, error))
			return false;
		if ((js = to_js(*state, value)) == nullptr ||
		    napi_set_named_property(state->env(), self, key, js) != napi_ok)
			failure = throwable_from_pending(*state); // not convertible, or a setter threw
		return true;
	};
	return on_owner(*state, work) ? failure : loader_failure();
}

void *object_call(void *data, const char *method, void *args[], size_t size) {
	LoaderState *state = LoaderState::current();
	if (state == nullptr)
		return stopped();
	// As invoke (runtime_interface.cpp): scalars cross the handoff by value.
	const bool handed_over = !state->runs_here();
	std::optional<ScalarArguments> scalars; // the scalars, read here when the owner is another thread
	if (handed_over)
		scalars.emplace(args, size);
	Scalar scalar_result;
	void *result = nullptr;
	const bool views = metacall_loader_take_views() != 0;
	auto work = [&](std::string &error) {
		ResultViews result_views(views);
		napi_value self = nullptr, caller = nullptr;
		if (!js_of(*state, data, &self, error))
			return false;
		if ((caller = state->method_callers().caller(state->environment(), method)) == nullptr) {
			result = throwable_from_pending(*state);
			return true;
		}
		bool refused = false;
		result = invoke_method_js(*state, self, caller, args, size, scalars ? &*scalars : nullptr,
		                          handed_over ? &scalar_result : nullptr, &refused);
		if (refused) // no function there: say what is
			result = not_callable(*state, *static_cast<JsObject *>(data), self, method);
		return true;
	};
	if (!on_owner(*state, work))
		return loader_failure();
	return result != nullptr ? result : scalar_value(scalar_result);
}

// The result of the bootstrap.js helper `helper`(object) as a value.
void *ask_helper(void *data, const char *helper) {
	LoaderState *state = LoaderState::current();
	if (state == nullptr)
		return stopped();
	void *result = nullptr;
	auto work = [&](std::string &error) {
		napi_value self = nullptr, answer = nullptr;
		if (!js_of(*state, data, &self, error))
			return false;
		result = state->call(state->helper(helper), 1, &self, &answer) ? from_js(*state, answer)
		                                                               : throwable_from_pending(*state);
		return true;
	};
	return on_owner(*state, work) ? result : loader_failure();
}

void *object_keys(void *data) {
	return ask_helper(data, "objectKeys");
}

void *object_describe(void *data) {
	return static_cast<JsObject *>(data)->is_class ? ask_helper(data, "describeClass") : nullptr;
}

void *object_construct(void *data, void *args[], size_t size) {
	LoaderState *state = LoaderState::current();
	if (state == nullptr)
		return stopped();
	void *result = nullptr;
	auto work = [&](std::string &error) {
		napi_value cls = nullptr;
		if (!js_of(*state, data, &cls, error))
			return false;
		result = construct_js(*state, cls, args, size);
		return true;
	};
	return on_owner(*state, work) ? result : loader_failure();
}

void object_release(void *data) {
	LoaderState *state = LoaderState::current();
	if (state == nullptr)
		return;
	auto *object = static_cast<JsObject *>(data);
	if (Owner::on_owner_thread()) {
		state->release_object(object);
		return;
	}
	// As function_release: nobody waits; once stopped, stopping dropped every reference left.
	if (state->running())
		state->owner().post_lazily([state, object] { state->release_object(object); });
}

const metacall_object_interface node_object_interface = {
    object_get, object_set,       object_call,     object_keys,
    nullptr,    object_construct, object_describe, object_release,
};

} // namespace

bool is_js_class(LoaderState &state, napi_value fn) {
	napi_env env = state.env();
	napi_value prototype = nullptr, names = nullptr;
	napi_valuetype type = napi_undefined;
	// Arrow functions, methods, async and bound functions have no prototype: never classes.
	if (napi_get_named_property(env, fn, "prototype", &prototype) != napi_ok) {
		clear_exception(env);
		return false;
	}
	if (napi_typeof(env, prototype, &type) != napi_ok || type != napi_object)
		return false;
	if (napi_get_all_property_names(env, prototype, napi_key_own_only, napi_key_skip_symbols,
	                                napi_key_numbers_to_strings, &names) != napi_ok) {
		clear_exception(env);
		return false;
	}
	uint32_t count = 0;
	napi_get_array_length(env, names, &count);
	if (count > 1)
		return true;
	if (count == 1) {
		napi_value only = nullptr;
		std::string name;
		napi_get_element(env, names, 0, &only);
		if (!read_js_string(env, only, name) || name != "constructor")
			return true;
	}
	// Nothing but `constructor`: an ES class without methods, or a plain function; its text tells.
	napi_value answer = nullptr;
	bool is_class = false;
	if (!state.call(state.helper("isClassSource"), 1, &fn, &answer)) {
		clear_exception(env);
		return false;
	}
	napi_get_value_bool(env, answer, &is_class);
	return is_class;
}

Prototype prototype_of(LoaderState &state, napi_value js, napi_value *prototype) {
	napi_env env = state.env();
	napi_valuetype type = napi_undefined;
	bool plain = false;
	if (napi_get_prototype(env, js, prototype) != napi_ok)
		return Prototype::failed;
	napi_typeof(env, *prototype, &type);
	if (type == napi_null)
		return Prototype::none;
	napi_strict_equals(env, *prototype, state.environment().object_prototype(), &plain);
	return plain ? Prototype::object : Prototype::other;
}

void *js_object_value(LoaderState &state, napi_value js, enum metacall_value_id kind, napi_value prototype) {
	napi_env env = state.env();
	return js_object_value_named(state, js, kind,
	                             kind == METACALL_CLASS ? name_of(env, js) : class_name_of(env, prototype));
}

void *js_object_value_named(LoaderState &state, napi_value js, enum metacall_value_id kind,
                            std::string class_name) {
	const bool is_class = kind == METACALL_CLASS;
	JsObject *object = state.add_object(js, is_class, std::move(class_name));
	if (object == nullptr)
		return metacall_error_throw("Error", 0, nullptr, "cannot keep a reference to the JS %s",
		                            is_class ? "class" : "object");
	void *value = metacall_loader_object_value(state.tag().c_str(), kind, object->class_name.c_str(),
	                                           &node_object_interface, object);
	if (value == nullptr) {
		state.release_object(object);
		metacall_exception_type error{};
		return metacall_error_throw("Error", 0, nullptr, "cannot pass the JS %s: %s",
		                            is_class ? "class" : "object",
		                            metacall_error_last(&error) == 0 ? error.message : "refused");
	}
	return value;
}

bool own_object_to_js(LoaderState &state, void *value, napi_value *js) {
	auto *object = static_cast<JsObject *>(metacall_object_data(value, &node_object_interface));
	if (object == nullptr)
		return false;
	*js = nullptr;
	// Another loader's (an earlier environment's) object may be dangling: only this one's are read.
	if (!state.holds(object) || object->ref == nullptr ||
	    napi_get_reference_value(state.env(), object->ref, js) != napi_ok || *js == nullptr) {
		*js = nullptr;
		napi_throw_error(state.env(), nullptr,
		                 "this JS class or object belongs to a Node environment that has stopped");
	}
	return true;
}

} // namespace node_loader
