#include "modules.h"
#include "js_string.h"

#include "js_errors.h"
#include "js_values.h"

#include <metacall/metacall_error.h>

#include <memory>
#include <vector>

namespace node_loader {
namespace {

napi_value js_string(napi_env env, const char *text, size_t length = NAPI_AUTO_LENGTH) {
	napi_value js = nullptr;
	napi_create_string_utf8(env, text, length, &js);
	return js;
}

napi_value string_array(napi_env env, const std::vector<std::string> &texts) {
	napi_value array = nullptr;
	napi_create_array_with_length(env, texts.size(), &array);
	for (size_t i = 0; i < texts.size(); ++i)
		napi_set_element(env, array, static_cast<uint32_t>(i), js_string(env, texts[i].c_str()));
	return array;
}

std::string text_of(napi_env env, napi_value js) {
	std::string text;
	read_js_string(env, js, text);
	return text;
}

bool call_helper(LoaderState &state, const char *name, size_t argc, const napi_value *argv,
                 napi_value *loaded, std::string &error) {
	if (state.call(state.helper(name), argc, argv, loaded))
		return true;
	error = pending_exception_text(state);
	return false;
}

// A declared type's value id (a number), or METACALL_INVALID (null: not declared).
enum metacall_value_id type_id(napi_env env, napi_value type) {
	int32_t id = -1;
	if (type == nullptr || napi_get_value_int32(env, type, &id) != napi_ok || id < 0 ||
	    id >= METACALL_INVALID)
		return METACALL_INVALID;
	return static_cast<enum metacall_value_id>(id);
}

// Adds the class or the instance `js` to the module as `name`.
bool define_object(LoaderState &state, void *scope, const std::string &name, napi_value js,
                   std::string &error) {
	void *value = from_js(state, js);
	const auto id = metacall_value_id(value);
	if (id != METACALL_CLASS && id != METACALL_OBJECT) {
		metacall_exception_type reason{};
		error = "cannot describe the class or object '" + name + "': " +
		        (metacall_error_from_value(value, &reason) == 0 ? reason.message : "not a class or object");
		metacall_value_destroy(value);
		return false;
	}
	if (metacall_loader_define_value(scope, name.c_str(), value) != 0) { // takes the value
		error = "the core refused the class or object '" + name + "'";
		return false;
	}
	return true;
}

} // namespace

bool start_load_files(LoaderState &state, const char *const paths[], size_t size, napi_value *loaded,
                      std::string &error) {
	napi_env env = state.env();
	napi_value names = nullptr;
	napi_create_array_with_length(env, size, &names);
	for (size_t i = 0; i < size; ++i)
		napi_set_element(env, names, static_cast<uint32_t>(i), js_string(env, paths[i]));
	napi_value argv[2] = {names, string_array(env, state.execution_paths())};
	return call_helper(state, "loadFiles", 2, argv, loaded, error);
}

bool start_load_source(LoaderState &state, const char *name, const char *source, size_t size,
                       napi_value *loaded, std::string &error) {
	napi_env env = state.env();
	napi_value argv[3] = {js_string(env, name), js_string(env, source, size),
	                      string_array(env, state.execution_paths())};
	return call_helper(state, "loadSource", 3, argv, loaded, error);
}

bool start_load_package(LoaderState &state, const char *path, napi_value *loaded, std::string &error) {
	napi_env env = state.env();
	napi_value argv[2] = {js_string(env, path), string_array(env, state.execution_paths())};
	return call_helper(state, "loadPackage", 2, argv, loaded, error);
}

JsModule *module_from(LoaderState &state, napi_value loaded) {
	napi_env env = state.env();
	napi_value exports = nullptr, files = nullptr, warnings = nullptr;
	napi_get_named_property(env, loaded, "exports", &exports);
	napi_get_named_property(env, loaded, "files", &files);
	napi_get_named_property(env, loaded, "warnings", &warnings);
	auto module = std::make_unique<JsModule>();
	napi_create_reference(env, exports, 1, &module->exports);
	uint32_t count = 0;
	napi_get_array_length(env, files, &count);
	for (uint32_t i = 0; i < count; ++i) {
		napi_value file = nullptr;
		napi_get_element(env, files, i, &file);
		module->files.push_back(text_of(env, file));
	}
	count = 0;
	napi_get_array_length(env, warnings, &count);
	for (uint32_t i = 0; i < count; ++i) {
		napi_value warning = nullptr;
		napi_get_element(env, warnings, i, &warning);
		metacall_loader_log("warn", "node loader: %s", text_of(env, warning).c_str());
	}
	JsModule *raw = module.get();
	state.modules().emplace(raw, std::move(module));
	return raw;
}

bool discover(LoaderState &state, JsModule *module, metacall_loader_define define, void *scope,
              std::string &error) {
	napi_env env = state.env();
	napi_value exports = nullptr, entries = nullptr;
	napi_get_reference_value(env, module->exports, &exports);
	if (!state.call(state.helper("describe"), 1, &exports, &entries)) {
		error = pending_exception_text(state);
		return false;
	}
	uint32_t count = 0;
	napi_get_array_length(env, entries, &count);
	for (uint32_t i = 0; i < count; ++i) {
		napi_value entry = nullptr, name = nullptr, fn = nullptr, params = nullptr, rest = nullptr,
		           async = nullptr, object = nullptr, param_types = nullptr, return_type = nullptr;
		bool has_value = false;
		napi_get_element(env, entries, i, &entry);
		napi_get_named_property(env, entry, "name", &name);
		// Classes (functions or not) and instances of classes cross as class and object values;
		// other objects are data, not part of the module's interface.
		napi_has_named_property(env, entry, "value", &has_value);
		napi_get_named_property(env, entry, has_value ? "value" : "fn", &object);
		if (crosses_by_reference(state, object)) {
			if (!define_object(state, scope, text_of(env, name), object, error))
				return false;
			continue;
		}
		if (has_value)
			continue;
		napi_get_named_property(env, entry, "fn", &fn);
		napi_get_named_property(env, entry, "params", &params);
		napi_get_named_property(env, entry, "rest", &rest);
		napi_get_named_property(env, entry, "async", &async);
		uint32_t param_count = 0;
		napi_get_array_length(env, params, &param_count);
		std::vector<std::string> names(param_count);
		std::vector<const char *> name_pointers(param_count);
		for (uint32_t p = 0; p < param_count; ++p) {
			napi_value param = nullptr;
			napi_get_element(env, params, p, &param);
			names[p] = text_of(env, param);
			name_pointers[p] = names[p].c_str();
		}
		// Declared types (TypeScript): an id or null per parameter, and the result's.
		std::vector<enum metacall_value_id> types;
		bool typed = false;
		napi_has_named_property(env, entry, "paramTypes", &typed);
		if (typed) {
			napi_get_named_property(env, entry, "paramTypes", &param_types);
			napi_get_named_property(env, entry, "returnType", &return_type);
			types.assign(param_count, METACALL_INVALID);
			for (uint32_t p = 0; p < param_count; ++p) {
				napi_value type = nullptr;
				napi_get_element(env, param_types, p, &type);
				types[p] = type_id(env, type);
			}
		}
		bool is_rest = false, is_async = false;
		napi_get_value_bool(env, rest, &is_rest);
		napi_get_value_bool(env, async, &is_async);
		const std::string function_name = text_of(env, name);

		metacall_loader_function description{};
		description.name = function_name.c_str();
		description.data = state.add_function(fn);
		description.is_async = is_async ? 1 : 0;
		description.is_variadic = is_rest ? 1 : 0;
		description.return_type = typed ? type_id(env, return_type) : METACALL_INVALID;
		description.param_count = param_count;
		description.param_names = name_pointers.data();
		description.param_types = typed ? types.data() : nullptr;
		// From here the core owns the reference: it calls function_release even when it refuses it.
		if (define(scope, &description) != 0) {
			error = "the core refused the function '" + function_name + "'";
			return false;
		}
	}
	return true;
}

void unload(LoaderState &state, JsModule *module) {
	napi_env env = state.env();
	napi_value argv[1] = {string_array(env, module->files)}, ignored = nullptr;
	if (!state.call(state.helper("unload"), 1, argv, &ignored))
		napi_get_and_clear_last_exception(env, &ignored);
	napi_delete_reference(env, module->exports);
	state.modules().erase(module);
}

} // namespace node_loader
