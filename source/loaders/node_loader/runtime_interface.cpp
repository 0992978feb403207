// libnode_loader_runtime.so: the node loader's table, and the Node-API addon its environments
// open. Every entry hands its work to the owner thread (Owner::run; directly when already on it)
// and reports failures on the calling thread, where the core reads them.
#include "bootstrap_js.h"
#include "js_calls.h"
#include "js_interrupts.h"
#include "js_scalars.h"
#include "js_string.h"
#include "loader_state.h"
#include "modules.h"
#include "node_runtime.h"
#include "on_owner.h"
#include "pending_load.h"
#include "port_functions.h"
#include "runtime_entry.h"

#include <metacall/metacall_error.h>
#include <metacall/metacall_loader.h>
#include <metacall/metacall_value.h>

#include <dlfcn.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace node_loader {
namespace {

// The one loader state of the process (the core starts a tag's loader once at a time).
std::unique_ptr<LoaderState> state_holder;
// How the loader gets its Node (set by the bootstrap through the entry point).
NodeMode node_mode = NodeMode::own;
void *apart_library = nullptr;

LoaderState &state_of(void *loader) {
	return *static_cast<LoaderState *>(loader);
}

void *initialize(const char *tag) {
	if (state_holder != nullptr) {
		metacall_loader_error("node loader: already started as '%s'", state_holder->tag().c_str());
		return nullptr;
	}
	state_holder = std::make_unique<LoaderState>(tag, node_mode, apart_library);
	return state_holder.get();
}

int execution_path(void *loader, const char *path) {
	LoaderState &state = state_of(loader);
	return on_owner(state,
	                [&](std::string &) {
		                state.execution_paths().emplace_back(path);
		                return true;
	                })
	           ? 0
	           : 1;
}

void *load_from_file(void *loader, const char *const paths[], size_t size) {
	LoaderState &state = state_of(loader);
	return load_and_wait(state, [&](napi_value *loaded, std::string &error) {
		return start_load_files(state, paths, size, loaded, error);
	});
}

void *load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
	LoaderState &state = state_of(loader);
	return load_and_wait(state, [&](napi_value *loaded, std::string &error) {
		return start_load_source(state, name, buffer, size, loaded, error);
	});
}

void *load_from_package(void *loader, const char *path) {
	LoaderState &state = state_of(loader);
	return load_and_wait(state, [&](napi_value *loaded, std::string &error) {
		return start_load_package(state, path, loaded, error);
	});
}

int discover(void *loader, void *module, metacall_loader_define define, void *scope) {
	LoaderState &state = state_of(loader);
	return on_owner(state,
	                [&](std::string &error) {
		                return node_loader::discover(state, static_cast<JsModule *>(module), define, scope,
		                                             error);
	                })
	           ? 0
	           : 1;
}

void *invoke(void *loader, void *function, void *args[], size_t size) {
	LoaderState &state = state_of(loader);
	// Handed to the owner from another thread, scalars cross by value, read and made here on the
	// calling thread (js_scalars.h). On the owner thread, values are converted directly.
	const bool handed_over = !state.runs_here();
	std::optional<ScalarArguments> scalars; // the scalars, read here when the owner is another thread
	if (handed_over)
		scalars.emplace(args, size);
	Scalar scalar_result;
	void *result = nullptr;
	const void *origin = metacall_loader_call_origin(); // whose time limit applies (js_interrupts.h)
	const bool views = metacall_loader_take_views() != 0;
	auto work = [&](std::string &) {
		RunningCall running(origin);
		ResultViews result_views(views);
		result = invoke_js(state, static_cast<JsFunction *>(function), args, size,
		                   scalars ? &*scalars : nullptr, handed_over ? &scalar_result : nullptr);
		if (void *stopped = running.stopped()) {
			metacall_value_destroy(result);
			result = stopped;
		}
		return true;
	};
	if (!on_owner(state, work)) {
		metacall_exception_type error{};
		return metacall_error_throw("LoaderError", 0, nullptr, "%s",
		                            metacall_error_last(&error) == 0 ? error.message : "the call failed");
	}
	return result != nullptr ? result : scalar_value(scalar_result);
}

int await(void *loader, void *function, void *args[], size_t size, void *future) {
	LoaderState &state = state_of(loader);
	const void *origin = metacall_loader_call_origin();
	return on_owner(state,
	                [&](std::string &) {
		                RunningCall running(origin); // stopped, the future rejects with the JS exception
		                await_js(state, static_cast<JsFunction *>(function), args, size, future);
		                return true;
	                })
	           ? 0
	           : 1;
}

int interrupt(void *, const void *origin) {
	return JsInterrupts::instance().interrupt(origin);
}

int heap_limit(void *loader, size_t bytes) {
	std::string error;
	if (!state_of(loader).set_heap_limit(bytes, error)) {
		metacall_loader_error("node loader: %s", error.c_str());
		return 1;
	}
	return 0;
}

void function_release(void *loader, void *function) {
	LoaderState &state = state_of(loader);
	auto *js = static_cast<JsFunction *>(function);
	if (Owner::on_owner_thread()) {
		state.release_function(js);
		return;
	}
	// Nobody waits for a release: it runs with the owner's next work (or never, once stopped:
	// stopping drops every reference left).
	if (state.running())
		state.owner().post_lazily([&state, js] { state.release_function(js); });
}

int clear(void *loader, void *module) {
	LoaderState &state = state_of(loader);
	return on_owner(state,
	                [&](std::string &) {
		                unload(state, static_cast<JsModule *>(module));
		                return true;
	                })
	           ? 0
	           : 1;
}

void destroy(void *loader) {
	if (&state_of(loader) == state_holder.get())
		state_holder.reset(); // stops the environment
}

int drain(void *loader, const char *reason) {
	// As destroy: a host's atexit(metacall_destroy) registered before this plug-in was opened runs
	// after state_holder's own exit-time destructor; the state is gone then, with its work.
	if (&state_of(loader) != state_holder.get())
		return 0;
	return state_of(loader).drain(reason);
}

int pump_ex(void *loader, int options) {
	std::string error;
	if (!state_of(loader).pump(error, options)) {
		metacall_loader_error("node loader: %s", error.c_str());
		return 1;
	}
	return 0;
}

int pump(void *loader) {
	return pump_ex(loader, 0);
}

int pump_poll(void *loader, int *fd, int *timeout_ms) {
	std::string error;
	if (!state_of(loader).poll(*fd, *timeout_ms, error)) {
		metacall_loader_error("node loader: %s", error.c_str());
		return 1;
	}
	return 0;
}

constexpr metacall_loader_interface interface_table{
    .abi_version = METACALL_LOADER_ABI_VERSION,
    .initialize = initialize,
    .execution_path = execution_path,
    .load_from_file = load_from_file,
    .load_from_memory = load_from_memory,
    .load_from_package = load_from_package,
    .discover = discover,
    .invoke = invoke,
    .await = await,
    .function_release = function_release,
    .clear = clear,
    .destroy = destroy,
    .pump = pump,
    .interrupt = interrupt,
    .heap_limit = heap_limit,
    .drain = drain,
    .pump_ex = pump_ex,
    .pump_poll = pump_poll,
};

// The addon's exports.host(require), called on Node's main thread of a process that is `node`
// (by require('metacall')): the loader will work in this environment. `require` is the caller's,
// which bootstrap.js uses for Node's built-in modules.
napi_value host(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value require = nullptr;
	napi_get_cb_info(env, info, &argc, &require, nullptr, nullptr);
	if (NodeEnvironment *attached = NodeEnvironment::host()) {
		if (attached->env() != env)
			napi_throw_error(env, nullptr,
			                 "metacall: the node loader already works in another Node environment");
		return nullptr; // attached already
	}
	napi_valuetype type = napi_undefined;
	if (argc < 1 || napi_typeof(env, require, &type) != napi_ok || type != napi_function) {
		napi_throw_type_error(env, nullptr, "metacall: host(require) needs the caller's require function");
		return nullptr;
	}
	const std::string source = std::string("(function (module, builtinRequire) {\n") + kBootstrapJs + "\n})";
	napi_value script = nullptr, bootstrap = nullptr, module = nullptr, exports = nullptr, factory = nullptr;
	napi_value args[2] = {nullptr, require};
	if (napi_create_string_utf8(env, source.data(), source.size(), &script) != napi_ok ||
	    napi_run_script(env, script, &bootstrap) != napi_ok || napi_create_object(env, &module) != napi_ok ||
	    napi_create_object(env, &exports) != napi_ok ||
	    napi_set_named_property(env, module, "exports", exports) != napi_ok)
		return nullptr;
	args[0] = module;
	napi_value ignored = nullptr;
	if (napi_call_function(env, module, bootstrap, 2, args, &ignored) != napi_ok ||
	    napi_get_named_property(env, module, "exports", &factory) != napi_ok)
		return nullptr;
	auto environment = NodeEnvironment::create(env, factory, true);
	if (environment == nullptr)
		return nullptr;
	Owner::set_owner_thread(true);
	NodeEnvironment::set_host(std::move(environment));
	return nullptr;
}

// The addon's exports.relinkAddon(filename), isolated and host-v8 modes only: the start-up script
// calls it before Node loads an addon, which gets its Node-API and libuv imports bound to the
// libnode loaded apart (dlopen'ed RTLD_LOCAL they would bind to the process's own Node, or to the
// libnode a host uses as its V8). Its V8 imports stay with the process's V8 in host-v8 mode. Node
// then opens the same copy.
napi_value relink_addon(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value filename = nullptr;
	std::string path;
	napi_get_cb_info(env, info, &argc, &filename, nullptr, nullptr);
	if (argc < 1 || !read_js_string(env, filename, path))
		return nullptr;                                         // not a path: process.dlopen reports it
	void *addon = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL); // kept: Node keeps the addon loaded
	if (addon == nullptr)
		return nullptr; // process.dlopen reports why
	std::vector<const char *> patterns{"napi_*", "node_api_*", "_ZN4node*", "_ZNK4node*", "uv_*"};
	if (node_mode == NodeMode::isolated) // its own V8 too; in host-v8 mode V8 is the process's
		patterns.insert(patterns.end(), {"_ZN2v8*", "_ZNK2v8*"});
	for (const char *pattern : patterns)
		if (metacall_loader_bind_imports(addon, pattern, apart_library) < 0) {
			metacall_exception_type error{};
			napi_throw_error(env, nullptr,
			                 metacall_error_last(&error) == 0 ? error.message : "cannot relink the addon");
			return nullptr;
		}
	return nullptr;
}

// The addon's exports.attach(helpersFactory), called by the start-up script.
napi_value attach(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value factory = nullptr;
	napi_get_cb_info(env, info, &argc, &factory, nullptr, nullptr);
	LoaderState *state = LoaderState::current();
	if (state == nullptr) {
		napi_throw_error(env, nullptr, "metacall: no node loader is starting");
		return nullptr;
	}
	return state->attach(env, factory);
}

} // namespace
} // namespace node_loader

extern "C" METACALL_LOADER_EXPORT const struct metacall_loader_interface *
node_loader_runtime_interface(int mode, void *apart_library) {
	node_loader::node_mode = static_cast<node_loader::NodeMode>(mode);
	node_loader::apart_library = apart_library;
	return &node_loader::interface_table;
}

// Node's entry point for this library as an addon (process.dlopen in the start-up script).
extern "C" METACALL_LOADER_EXPORT napi_value napi_register_module_v1(napi_env env, napi_value exports) {
	napi_value attach = nullptr, host = nullptr;
	if (napi_create_function(env, "attach", NAPI_AUTO_LENGTH, node_loader::attach, nullptr, &attach) !=
	        napi_ok ||
	    napi_set_named_property(env, exports, "attach", attach) != napi_ok ||
	    napi_create_function(env, "host", NAPI_AUTO_LENGTH, node_loader::host, nullptr, &host) != napi_ok ||
	    napi_set_named_property(env, exports, "host", host) != napi_ok ||
	    node_loader::register_port_functions(env, exports) != napi_ok) // require('metacall')
		return nullptr;
	napi_value relink = nullptr;
	if (node_loader::apart_library != nullptr &&
	    (napi_create_function(env, "relinkAddon", NAPI_AUTO_LENGTH, node_loader::relink_addon, nullptr,
	                          &relink) != napi_ok ||
	     napi_set_named_property(env, exports, "relinkAddon", relink) != napi_ok))
		return nullptr;
	return exports;
}
