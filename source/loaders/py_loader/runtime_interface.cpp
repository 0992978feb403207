// The table of libpy_loader_runtime.so, reached through the bootstrap (bootstrap_interface.cpp).
// Each entry takes the GIL, adapts the C interface to LoaderState, and turns Python errors into
// metacall_loader_error (or a throwable, for calls). No C++ exception crosses it.
#include "discovery.h"
#include "exceptions.h"
#include "foreign_object.h"
#include "function_object.h"
#include "function_refs.h"
#include "gil.h"
#include "heap_cap.h"
#include "interpreter.h"
#include "interrupts.h"
#include "invoke.h"
#include "loader_state.h"
#include "module_hooks.h"
#include "module_loader.h"
#include "port_module.h"
#include "runtime_entry.h"
#include "typed_buffers.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <exception>
#include <memory>
#include <string>

namespace py_loader {
namespace {

bool host_mode = false; // set once, by the bootstrap, before initialize

LoaderState &state_of(void *loader) {
	return *static_cast<LoaderState *>(loader);
}
PyObject *callable_of(void *function) {
	return static_cast<FunctionRef *>(function)->callable.get();
}

// Runs `body` under the GIL; a Python error left by it, or a C++ exception, becomes
// metacall_loader_error and `failure`.
template <typename Body, typename Result>
Result guarded(Body body, Result failure) {
	try {
		GilScope gil;
		Result result = body();
		if (result == failure)
			metacall_loader_error("%s", describe_error().c_str());
		return result;
	} catch (const std::exception &error) {
		metacall_loader_error("py loader: %s", error.what());
	}
	return failure;
}

void *initialize(const char *tag) {
	std::string error;
	if (!start_interpreter(host_mode, error)) {
		metacall_loader_error("py loader: %s", error.c_str());
		return nullptr;
	}
	return guarded(
	    [&]() -> void * {
		    if (!ready_function_type() || !ready_foreign_types() || !ready_interrupts())
			    return nullptr;
		    auto state = std::make_unique<LoaderState>(tag != nullptr ? tag : "py");
		    // The port module in every mode: `import metacall` in a script we run reuses this loader.
		    return state->start() && register_port_module() ? state.release() : nullptr;
	    },
	    static_cast<void *>(nullptr));
}

// Keeps a module that loaded and whose initialize hooks succeeded; otherwise unloads it again.
void *keep(LoaderState &state, std::unique_ptr<Module> module) {
	if (!module)
		return nullptr;
	if (!run_initialize_hooks(*module)) {
		PyObject *type, *error, *traceback;
		PyErr_Fetch(&type, &error, &traceback); // unloading must not see it
		unload(*module);
		PyErr_Restore(type, error, traceback);
		return nullptr;
	}
	return state.modules().add(std::move(module));
}

int execution_path(void *loader, const char *path) {
	return guarded([&] { return state_of(loader).search_path().add_execution_path(path) ? 0 : 1; }, 1);
}

void *load_from_file(void *loader, const char *const paths[], size_t size) {
	return guarded(
	    [&]() -> void * { return keep(state_of(loader), load_files(state_of(loader), paths, size)); },
	    static_cast<void *>(nullptr));
}

void *load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
	return guarded(
	    [&]() -> void * {
		    return keep(state_of(loader),
		                load_memory(state_of(loader), name != nullptr ? name : "memory", {buffer, size}));
	    },
	    static_cast<void *>(nullptr));
}

void *load_from_package(void *loader, const char *path) {
	return guarded([&]() -> void * { return keep(state_of(loader), load_package(state_of(loader), path)); },
	               static_cast<void *>(nullptr));
}

int discover(void *loader, void *module, metacall_loader_define define, void *scope) {
	try {
		GilScope gil;
		const int status = discover_module(state_of(loader), *static_cast<Module *>(module), define, scope);
		if (status != 0 && PyErr_Occurred()) // else the core refused a definition and says why
			metacall_loader_error("%s", describe_error().c_str());
		return status;
	} catch (const std::exception &error) {
		metacall_loader_error("py loader: %s", error.what());
		return 1;
	}
}

void *invoke(void *loader, void *function, void *args[], size_t size) {
	try {
		return invoke_python(state_of(loader), callable_of(function), args, size);
	} catch (const std::exception &error) {
		return metacall_error_throw("LoaderError", 0, nullptr, "py loader: %s", error.what());
	}
}

int await(void *loader, void *function, void *args[], size_t size, void *future) {
	try {
		await_python(state_of(loader), callable_of(function), args, size, future);
		return 0; // from here the future is settled, now or later
	} catch (const std::exception &error) {
		metacall_loader_error("py loader: %s", error.what());
		metacall_value_destroy(future);
		return 1;
	}
}

void function_release(void *loader, void *function) {
	GilScope gil;
	state_of(loader).functions().release(static_cast<FunctionRef *>(function));
}

int clear(void *loader, void *module) {
	return guarded(
	    [&] {
		    auto taken = state_of(loader).modules().take(static_cast<Module *>(module));
		    if (!taken) {
			    PyErr_SetString(PyExc_LookupError, "clear: the module is not loaded (already cleared?)");
			    return 1;
		    }
		    run_finalize_hooks(*taken);
		    unload(*taken);
		    return 0;
	    },
	    1);
}

int interrupt(void *, const void *origin) {
	return interrupt_calls(origin);
}

int heap_limit(void *, size_t bytes) {
	GilScope gil;
	std::string error;
	if (!set_heap_cap(bytes, error)) {
		metacall_loader_error("py loader: %s", error.c_str());
		return 1;
	}
	return 0;
}

int drain(void *loader, const char *reason) {
	GilScope gil;
	AsyncLoop &loop = state_of(loader).async_loop();
	if (reason == nullptr)
		return loop.pending();
	loop.reject_pending(reason);
	return 0;
}

void destroy(void *loader) {
	GilScope gil; // outlives the state: dropping its references needs the GIL
	release_deferred_buffers();
	std::unique_ptr<LoaderState> state(&state_of(loader));
	state->stop();
	// The interpreter is parked, not finalized: values of the core that only reference cycles hold
	// (an exception's traceback through the frame that had them) would stay for good.
	PyGC_Collect();
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
    .pump = nullptr, // its asyncio loop runs on a thread of its own
    .interrupt = interrupt,
    .heap_limit = heap_limit,
    .drain = drain,
};

} // namespace
} // namespace py_loader

extern "C" METACALL_LOADER_EXPORT const struct metacall_loader_interface *
py_loader_runtime_interface(int host_mode) {
	py_loader::host_mode = host_mode != 0;
	return &py_loader::interface_table;
}
