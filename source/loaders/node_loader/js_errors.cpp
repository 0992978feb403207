#include "js_errors.h"
#include "js_string.h"

#include "js_values.h"
#include "loader_state.h"

#include <metacall/metacall_error.h>
#include <metacall/metacall_value.h>

namespace node_loader {
namespace {

// String(value), or "" when even that throws.
std::string text_of(napi_env env, napi_value value) {
	napi_value text = nullptr;
	if (value == nullptr || napi_coerce_to_string(env, value, &text) != napi_ok) {
		napi_value ignored = nullptr;
		napi_get_and_clear_last_exception(env, &ignored);
		return "";
	}
	std::string result;
	read_js_string(env, text, result);
	return result;
}

// error[name] as text, or "" when missing or undefined.
std::string property_text(napi_env env, napi_value error, const char *name) {
	napi_value property = nullptr;
	napi_valuetype type = napi_undefined;
	if (napi_get_named_property(env, error, name, &property) != napi_ok) {
		napi_value ignored = nullptr;
		napi_get_and_clear_last_exception(env, &ignored);
		return "";
	}
	napi_typeof(env, property, &type);
	return type == napi_undefined || type == napi_null ? "" : text_of(env, property);
}

struct ErrorParts {
	std::string label = "Error", message, stack;
};

ErrorParts parts_of(napi_env env, napi_value error) {
	ErrorParts parts;
	bool is_error = false;
	napi_is_error(env, error, &is_error);
	if (!is_error) {
		parts.message = text_of(env, error);
		return parts;
	}
	const std::string name = property_text(env, error, "name");
	if (!name.empty())
		parts.label = name;
	parts.message = property_text(env, error, "message");
	parts.stack = property_text(env, error, "stack");
	return parts;
}

constexpr const char *kExitedMessage = "the Node environment has stopped (a script called process.exit)";

napi_value pending(napi_env env) {
	napi_value error = nullptr;
	napi_get_and_clear_last_exception(env, &error);
	return error;
}

} // namespace

void *exception_from_js(LoaderState &state, napi_value error) {
	const ErrorParts parts = parts_of(state.env(), error);
	metacall_exception_type fields{parts.message.c_str(), parts.label.c_str(), 0, parts.stack.c_str()};
	return metacall_value_create_exception(&fields);
}

void *throwable_from_pending(LoaderState &state) {
	napi_value caught = state.take_caught(); // thrown in a call through the embedder
	if (state.exited()) // the call ran into process.exit: its exception is V8's termination
		return metacall_error_throw("Error", 0, nullptr, "%s", kExitedMessage);
	napi_value error = caught != nullptr ? caught : pending(state.env());
	if (error == nullptr)
		return metacall_error_throw("Error", 0, nullptr, "the JS call failed without an exception");
	return throwable_from_js(state, error);
}

bool is_error(LoaderState &state, napi_value value) {
	bool error = false;
	return napi_is_error(state.env(), value, &error) == napi_ok && error;
}

void *throwable_from_js(LoaderState &state, napi_value error) {
	if (!is_error(state, error)) { // `throw 56`: the host gets the value itself, as MetaCall gives it
		void *thrown = from_js(state, error);
		return metacall_value_id(thrown) == METACALL_THROWABLE ? thrown // cannot convert: why not
		                                                       : metacall_value_create_throwable(thrown);
	}
	const ErrorParts parts = parts_of(state.env(), error);
	return metacall_error_throw(parts.label.c_str(), 0, parts.stack.c_str(), "%s", parts.message.c_str());
}

void *rejection_from_js(LoaderState &state, napi_value reason) {
	if (is_error(state, reason))
		return metacall_value_create_throwable(exception_from_js(state, reason)); // takes the exception
	return from_js(state, reason);
}

std::string pending_exception_text(LoaderState &state) {
	if (state.exited())
		return kExitedMessage;
	napi_value error = pending(state.env());
	if (error == nullptr)
		return "the JS call failed without an exception";
	const ErrorParts parts = parts_of(state.env(), error);
	return parts.stack.empty() ? parts.label + ": " + parts.message : parts.stack;
}

napi_value error_to_js(LoaderState &state, void *exception) {
	napi_env env = state.env();
	if (metacall_value_id(exception) == METACALL_THROWABLE) { // a thrown value that is no exception
		void *thrown = metacall_value_to_throwable(exception);
		if (metacall_value_id(thrown) != METACALL_EXCEPTION)
			return to_js(state, thrown);
	}
	metacall_exception_type fields{};
	if (metacall_error_from_value(exception, &fields) != 0) {
		fields.label = "Error";
		fields.message = "an error without an exception";
		fields.stacktrace = "";
	}
	napi_value message = nullptr, name = nullptr, error = nullptr;
	if (napi_create_string_utf8(env, fields.message, NAPI_AUTO_LENGTH, &message) != napi_ok ||
	    napi_create_error(env, nullptr, message, &error) != napi_ok ||
	    napi_create_string_utf8(env, fields.label, NAPI_AUTO_LENGTH, &name) != napi_ok ||
	    napi_set_named_property(env, error, "name", name) != napi_ok ||
	    napi_set_named_property(env, error, "code", name) != napi_ok) // where MetaCall puts the label
		return nullptr;
	if (fields.stacktrace != nullptr && fields.stacktrace[0] != '\0') {
		napi_value stack = nullptr;
		napi_create_string_utf8(env, fields.stacktrace, NAPI_AUTO_LENGTH, &stack);
		napi_set_named_property(env, error, "stack", stack);
	}
	return error;
}

} // namespace node_loader
