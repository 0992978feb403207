#include "port_binding.h"

#include <cstddef>

namespace node_loader {
namespace {

// MetaCall's binding name -> the port function of ours that does the same.
struct Alias {
	const char *metacall_name;
	const char *port_name;
};

constexpr Alias kAliases[] = {
    {"metacall", "metacall"},
    {"metacallfms", "metacallfms"},
    {"metacall_execution_path", "execution_path"},
    {"metacall_load_from_file", "load_from_file"},
    {"metacall_load_from_memory", "load_from_memory"},
    {"metacall_load_from_package", "load_from_package"},
    {"metacall_load_from_package_ex", "load_from_package_ex"},
    {"metacall_load_from_configuration", "load_from_configuration"},
    {"metacall_inspect", "inspect"},
    {"metacall_logs", "logs"},
};

// globalThis[Symbol.for('metacall.node_loader')], where register_port_functions put the port
// functions; nullptr (nothing pending) when it is not an object.
napi_value published_port(napi_env env) {
	napi_value global = nullptr, symbol_class = nullptr, symbol_for = nullptr, key = nullptr, port = nullptr;
	napi_valuetype type = napi_undefined;
	if (napi_get_global(env, &global) != napi_ok ||
	    napi_get_named_property(env, global, "Symbol", &symbol_class) != napi_ok ||
	    napi_get_named_property(env, symbol_class, "for", &symbol_for) != napi_ok ||
	    napi_create_string_utf8(env, "metacall.node_loader", NAPI_AUTO_LENGTH, &key) != napi_ok ||
	    napi_call_function(env, symbol_class, symbol_for, 1, &key, &key) != napi_ok ||
	    napi_get_property(env, global, key, &port) != napi_ok || napi_typeof(env, port, &type) != napi_ok ||
	    type != napi_object)
		return nullptr;
	return port;
}

} // namespace

napi_value init_port_binding(napi_env env, napi_value exports) {
	// The port functions check that they run in the loader's own napi_env; Node gives this binding
	// another one, so it hands out the published function objects instead of making new ones.
	napi_value port = published_port(env);
	if (port == nullptr) {
		napi_throw_error(env, nullptr,
		                 "metacall: " NODE_LOADER_PORT_BINDING_NAME
		                 ": the node loader has not published its port functions in this environment");
		return nullptr;
	}
	for (const Alias &alias : kAliases) {
		napi_value function = nullptr;
		napi_valuetype type = napi_undefined;
		if (napi_get_named_property(env, port, alias.port_name, &function) != napi_ok ||
		    napi_typeof(env, function, &type) != napi_ok)
			return nullptr;
		if (type == napi_function &&
		    napi_set_named_property(env, exports, alias.metacall_name, function) != napi_ok)
			return nullptr;
	}
	return exports;
}

} // namespace node_loader
