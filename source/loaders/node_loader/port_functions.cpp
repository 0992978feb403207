#include "port_functions.h"
#include "function_names.h"
#include "js_string.h"

#include "js_calls.h"
#include "js_errors.h"
#include "js_values.h"
#include "loader_state.h"

#include <metacall/metacall.h>
#include <metacall/metacall_error.h>
#include <metacall/metacall_value.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace node_loader {
namespace {

// The arguments of a call from JS: on the stack for the usual few.
class CallbackArguments {
public:
	CallbackArguments(napi_env env, napi_callback_info info) {
		napi_get_cb_info(env, info, &argc_, inline_, nullptr, nullptr);
		if (argc_ > kInline) {
			heap_.resize(argc_);
			napi_get_cb_info(env, info, &argc_, heap_.data(), nullptr, nullptr);
			argv_ = heap_.data();
		}
	}
	size_t size() const { return argc_; }
	const napi_value *data() const { return argv_; }
	napi_value operator[](size_t i) const { return argv_[i]; }

private:
	static constexpr size_t kInline = 8;
	size_t argc_ = kInline;
	napi_value inline_[kInline] = {};
	std::vector<napi_value> heap_;
	napi_value *argv_ = inline_;
};

napi_value throw_last_error(napi_env env, const std::string &what) {
	metacall_exception_type error{};
	const std::string message =
	    "metacall: " + what +
	    (metacall_error_last(&error) == 0 ? std::string(": ") + error.message : " failed");
	napi_throw_error(env, nullptr, message.c_str());
	return nullptr;
}

// The string argument `value`, or false with a TypeError pending naming `what`.
bool string_argument(napi_env env, napi_value value, const char *what, std::string &out) {
	if (read_js_string(env, value, out))
		return true;
	napi_throw_type_error(env, nullptr, (std::string("metacall: ") + what + " must be a string").c_str());
	return false;
}

// The node loader working in this environment, or nullptr with an Error pending.
LoaderState *loader_in(napi_env env) {
	LoaderState *state = LoaderState::current();
	if (state == nullptr || !state->running() || state->env() != env) {
		napi_throw_error(env, nullptr, "metacall: the port is not started in this Node environment");
		return nullptr;
	}
	return state;
}

napi_value boolean(napi_env env, bool value) {
	napi_value js = nullptr;
	napi_get_boolean(env, value, &js);
	return js;
}

// running(): whether the node loader already works in this environment (a script of the loader's
// own Node, or a port started before): then the port only uses it.
napi_value running(napi_env env, napi_callback_info) {
	LoaderState *state = LoaderState::current();
	return boolean(env, state != nullptr && state->running() && state->env() == env);
}

// start(cwd): after host(require) attached this environment, starts libmetacall and its node
// loader in it (host mode); `cwd` becomes the loader's first execution path.
napi_value start(napi_env env, napi_callback_info info) {
	CallbackArguments args(env, info);
	std::string cwd;
	if (!string_argument(env, args.size() > 0 ? args[0] : nullptr, "start(cwd): cwd", cwd))
		return nullptr;
	if (metacall_initialize() != 0)
		return throw_last_error(env, "metacall_initialize");
	if (metacall_execution_path("node", cwd.c_str()) != 0)
		return throw_last_error(env, "starting the node loader in this Node");
	return loader_in(env) != nullptr ? boolean(env, true) : nullptr;
}

// stop(): metacall_destroy, while this Node can still run the loader's clean-up (the port calls it
// on process 'exit' when it started libmetacall here; later, static destructors find Node gone).
napi_value stop(napi_env, napi_callback_info) {
	metacall_destroy();
	return nullptr;
}

// metacall(name, ...args): calls the function `name` of libmetacall's global scope.
napi_value call(napi_env env, napi_callback_info info) {
	CallbackArguments args(env, info);
	LoaderState *state = loader_in(env);
	if (state == nullptr)
		return nullptr;
	// The name in one pass on the stack: the usual short name costs no length query, no allocation.
	char short_name[128];
	size_t length = 0;
	std::string long_name;
	if (args.size() == 0 ||
	    napi_get_value_string_utf8(env, args[0], short_name, sizeof short_name, &length) != napi_ok) {
		napi_throw_type_error(env, nullptr, "metacall: the function name must be a string");
		return nullptr;
	}
	std::string_view name(short_name, length);
	// Maybe cut short: Node-API stops before a character that does not fit whole (up to 4 bytes).
	if (length + 4 >= sizeof short_name) {
		read_js_string(env, args[0], long_name);
		name = long_name;
	}
	FunctionNames &names = state->function_names();
	void *function = names.function(name);
	if (function == nullptr) {
		const std::string message = "metacall: no function '" + std::string(name) + "' is loaded";
		napi_throw_error(env, nullptr, message.c_str());
		return nullptr;
	}
	struct Lookup {
		FunctionNames &names;
		std::string_view name;
	} lookup{names, name};
	const Refetch again{[](void *context) {
		                    auto *lookup = static_cast<Lookup *>(context);
		                    lookup->names.forget(lookup->name);
		                    return lookup->names.function(lookup->name);
	                    },
	                    &lookup};
	return call_from_js(*state, function, args.data() + 1, args.size() - 1, again);
}

// The file names of `paths` (a string or an array of strings), or false with a TypeError pending.
bool path_list(napi_env env, napi_value paths, std::vector<std::string> &out) {
	bool is_array = false;
	napi_is_array(env, paths, &is_array);
	if (!is_array) {
		out.emplace_back();
		return string_argument(env, paths, "paths", out.back());
	}
	uint32_t length = 0;
	napi_get_array_length(env, paths, &length);
	for (uint32_t i = 0; i < length; ++i) {
		napi_value item = nullptr;
		napi_get_element(env, paths, i, &item);
		out.emplace_back();
		if (!string_argument(env, item, "every path", out.back()))
			return false;
	}
	return true;
}

// The functions of `handle` as an object of JS functions calling them through the handle.
napi_value handle_exports(napi_env env, LoaderState &state, void *handle) {
	std::unique_ptr<void, void (*)(void *)> exports(metacall_handle_export(handle), metacall_value_destroy);
	if (exports == nullptr)
		return throw_last_error(env, "metacall_handle_export");
	return to_js(state, exports.get());
}

// The optional third argument of the loads: load into a handle of its own.
bool own_handle_argument(napi_env env, const CallbackArguments &args) {
	bool own_handle = false;
	if (args.size() > 2)
		napi_get_value_bool(env, args[2], &own_handle);
	return own_handle;
}

// What a load gives JS: nothing (global scope), the functions of its own handle, or an Error.
napi_value load_result(napi_env env, LoaderState &state, int status, void *handle, bool own_handle,
                       const char *api) {
	if (status != 0)
		return throw_last_error(env, api);
	return own_handle ? handle_exports(env, state, handle) : nullptr;
}

// load_from_file(tag, paths, own_handle): loads files into the global scope, or (own_handle) into
// a handle of their own whose functions it returns, so that modules may share function names.
napi_value load_from_file(napi_env env, napi_callback_info info) {
	CallbackArguments args(env, info);
	LoaderState *state = loader_in(env);
	std::string tag;
	std::vector<std::string> paths;
	if (state == nullptr || !string_argument(env, args.size() > 0 ? args[0] : nullptr, "the tag", tag) ||
	    !path_list(env, args.size() > 1 ? args[1] : nullptr, paths))
		return nullptr;
	const bool own_handle = own_handle_argument(env, args);
	std::vector<const char *> names;
	for (const std::string &path : paths)
		names.push_back(path.c_str());
	void *handle = nullptr;
	const int status =
	    metacall_load_from_file(tag.c_str(), names.data(), names.size(), own_handle ? &handle : nullptr);
	return load_result(env, *state, status, handle, own_handle, "metacall_load_from_file");
}

// load_from_package(tag, name, own_handle): loads a package (what that is, is the loader's: a
// module name for py, an npm package folder for node) like load_from_file.
napi_value load_from_package(napi_env env, napi_callback_info info) {
	CallbackArguments args(env, info);
	LoaderState *state = loader_in(env);
	std::string tag, name;
	if (state == nullptr || !string_argument(env, args.size() > 0 ? args[0] : nullptr, "the tag", tag) ||
	    !string_argument(env, args.size() > 1 ? args[1] : nullptr, "the package name", name))
		return nullptr;
	const bool own_handle = own_handle_argument(env, args);
	void *handle = nullptr;
	const int status = metacall_load_from_package(tag.c_str(), name.c_str(), own_handle ? &handle : nullptr);
	return load_result(env, *state, status, handle, own_handle, "metacall_load_from_package");
}

// load_from_memory(tag, code, own_handle): loads source code like load_from_file.
napi_value load_from_memory(napi_env env, napi_callback_info info) {
	CallbackArguments args(env, info);
	LoaderState *state = loader_in(env);
	std::string tag, code;
	if (state == nullptr || !string_argument(env, args.size() > 0 ? args[0] : nullptr, "the tag", tag) ||
	    !string_argument(env, args.size() > 1 ? args[1] : nullptr, "the code", code))
		return nullptr;
	const bool own_handle = own_handle_argument(env, args);
	void *handle = nullptr;
	const int status =
	    metacall_load_from_memory(tag.c_str(), code.c_str(), code.size(), own_handle ? &handle : nullptr);
	return load_result(env, *state, status, handle, own_handle, "metacall_load_from_memory");
}

// load_from_package_ex(tag, name, options): metacall_load_from_package_ex into a handle of its
// own, whose functions it returns; `options` crosses as a value (an object is a map).
napi_value load_from_package_ex(napi_env env, napi_callback_info info) {
	CallbackArguments args(env, info);
	LoaderState *state = loader_in(env);
	std::string tag, name;
	if (state == nullptr || !string_argument(env, args.size() > 0 ? args[0] : nullptr, "the tag", tag) ||
	    !string_argument(env, args.size() > 1 ? args[1] : nullptr, "the package name", name))
		return nullptr;
	napi_value options = args.size() > 2 ? args[2] : nullptr;
	if (options == nullptr)
		napi_get_null(env, &options);
	std::unique_ptr<void, void (*)(void *)> data(from_js(*state, options), metacall_value_destroy);
	if (data != nullptr && metacall_value_id(data.get()) == METACALL_THROWABLE) {
		if (napi_value error = error_to_js(*state, data.get()))
			napi_throw(env, error);
		return nullptr;
	}
	void *handle = nullptr;
	const int status = metacall_load_from_package_ex(tag.c_str(), name.c_str(), &handle, data.get());
	return load_result(env, *state, status, handle, true, "metacall_load_from_package_ex");
}

// load_from_configuration(path, own_handle): the scripts a MetaCall configuration file lists,
// loaded like load_from_file.
napi_value load_from_configuration(napi_env env, napi_callback_info info) {
	CallbackArguments args(env, info);
	LoaderState *state = loader_in(env);
	std::string path;
	if (state == nullptr ||
	    !string_argument(env, args.size() > 0 ? args[0] : nullptr, "the configuration path", path))
		return nullptr;
	// own_handle is the second argument here (no tag).
	bool own_handle = false;
	if (args.size() > 1)
		napi_get_value_bool(env, args[1], &own_handle);
	void *handle = nullptr;
	const int status =
	    metacall_load_from_configuration(path.c_str(), own_handle ? &handle : nullptr, nullptr);
	return load_result(env, *state, status, handle, own_handle, "metacall_load_from_configuration");
}

// execution_path(tag, path): metacall_execution_path; nothing, or an Error.
napi_value execution_path(napi_env env, napi_callback_info info) {
	CallbackArguments args(env, info);
	std::string tag, path;
	if (loader_in(env) == nullptr ||
	    !string_argument(env, args.size() > 0 ? args[0] : nullptr, "the tag", tag) ||
	    !string_argument(env, args.size() > 1 ? args[1] : nullptr, "the path", path))
		return nullptr;
	if (metacall_execution_path(tag.c_str(), path.c_str()) != 0)
		return throw_last_error(env, "metacall_execution_path");
	return nullptr;
}

// metacallfms(name, json): calls `name` with its arguments by parameter name, from the JSON
// object `json` (metacallfms).
napi_value call_by_map(napi_env env, napi_callback_info info) {
	CallbackArguments args(env, info);
	LoaderState *state = loader_in(env);
	std::string name, json;
	if (state == nullptr ||
	    !string_argument(env, args.size() > 0 ? args[0] : nullptr, "the function name", name) ||
	    !string_argument(env, args.size() > 1 ? args[1] : nullptr, "the arguments (a JSON object)", json))
		return nullptr;
	void *function = metacall_function(name.c_str());
	if (function == nullptr) {
		napi_throw_error(env, nullptr, ("metacall: no function '" + name + "' is loaded").c_str());
		return nullptr;
	}
	std::unique_ptr<void, void (*)(void *)> result(metacallfms(function, json.c_str(), json.size(), nullptr),
	                                               metacall_value_destroy);
	if (result == nullptr)
		return throw_last_error(env, "metacallfms");
	if (metacall_value_id(result.get()) == METACALL_THROWABLE) {
		if (napi_value error = error_to_js(*state, result.get()))
			napi_throw(env, error);
		return nullptr;
	}
	return to_js(*state, result.get());
}

// logs(): the library's log lines to stdout (MetaCall's port turns its debug logs on this way).
napi_value logs(napi_env env, napi_callback_info) {
	metacall_log_stdio_type stdio{stdout};
	if (metacall_log(METACALL_LOG_STDIO, &stdio) != 0)
		return throw_last_error(env, "metacall_log");
	return nullptr;
}

// inspect(): metacall_inspect's JSON text.
napi_value inspect(napi_env env, napi_callback_info) {
	size_t size = 0;
	std::unique_ptr<char, void (*)(void *)> json(metacall_inspect(&size, nullptr), std::free);
	if (json == nullptr)
		return throw_last_error(env, "metacall_inspect");
	napi_value js = nullptr;
	napi_create_string_utf8(env, json.get(), NAPI_AUTO_LENGTH, &js);
	return js;
}

} // namespace

napi_status register_port_functions(napi_env env, napi_value exports) {
	const napi_property_descriptor functions[] = {
	    {"running", nullptr, running, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"start", nullptr, start, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"stop", nullptr, stop, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"metacall", nullptr, call, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"load_from_file", nullptr, load_from_file, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"load_from_package", nullptr, load_from_package, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"load_from_memory", nullptr, load_from_memory, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"load_from_package_ex", nullptr, load_from_package_ex, nullptr, nullptr, nullptr, napi_default,
	     nullptr},
	    {"load_from_configuration", nullptr, load_from_configuration, nullptr, nullptr, nullptr, napi_default,
	     nullptr},
	    {"execution_path", nullptr, execution_path, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"metacallfms", nullptr, call_by_map, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"logs", nullptr, logs, nullptr, nullptr, nullptr, napi_default, nullptr},
	    {"inspect", nullptr, inspect, nullptr, nullptr, nullptr, napi_default, nullptr},
	};
	napi_status status =
	    napi_define_properties(env, exports, sizeof functions / sizeof functions[0], functions);
	if (status != napi_ok)
		return status;
	napi_value global = nullptr, description = nullptr, symbol = nullptr;
	if ((status = napi_get_global(env, &global)) != napi_ok ||
	    (status = napi_create_string_utf8(env, "metacall.node_loader", NAPI_AUTO_LENGTH, &description)) !=
	        napi_ok)
		return status;
	// Symbol.for(description): Node-API's napi_create_symbol makes unregistered symbols only.
	napi_value symbol_class = nullptr, symbol_for = nullptr;
	if ((status = napi_get_named_property(env, global, "Symbol", &symbol_class)) != napi_ok ||
	    (status = napi_get_named_property(env, symbol_class, "for", &symbol_for)) != napi_ok ||
	    (status = napi_call_function(env, symbol_class, symbol_for, 1, &description, &symbol)) != napi_ok)
		return status;
	return napi_set_property(env, global, symbol, exports);
}

} // namespace node_loader
