// The loader plug-in table of the C loader (tag "c"): each entry adapts the C interface to
// LoaderState and the module loaders, and keeps C++ exceptions from crossing the boundary.
#include "function_call.h"
#include "load_error.h"
#include "loader_state.h"
#include "module_loading.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <string>
#include <vector>

namespace c_loader {
namespace {

LoaderState *state_of(void *loader) {
	return static_cast<LoaderState *>(loader);
}

// Runs `body`, turning an exception into metacall_loader_error and `failure`.
template <typename Body, typename Result>
Result guarded(Body body, Result failure) {
	try {
		return body();
	} catch (const LoadError &error) {
		metacall_loader_error("%s", error.what());
	} catch (const std::exception &error) {
		metacall_loader_error("c loader: %s", error.what());
	}
	return failure;
}

// The state's ownership passes to the core as a raw pointer and comes back in destroy.
void *initialize(const char *) {
	return guarded([]() -> void * { return std::make_unique<LoaderState>().release(); },
	               static_cast<void *>(nullptr));
}

int execution_path(void *loader, const char *path) {
	return guarded(
	    [&] {
		    state_of(loader)->add_execution_path(path);
		    return 0;
	    },
	    1);
}

void *load_from_file(void *loader, const char *const paths[], size_t size) {
	return guarded(
	    [&]() -> void * {
		    LoaderState *state = state_of(loader);
		    return state->add_module(
		        load_files(std::vector<std::string>(paths, paths + size), state->execution_paths()));
	    },
	    static_cast<void *>(nullptr));
}

void *load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
	return guarded(
	    [&]() -> void * {
		    LoaderState *state = state_of(loader);
		    return state->add_module(load_memory(std::string_view(buffer, buffer ? size : 0),
		                                         name ? name : "memory", state->execution_paths()));
	    },
	    static_cast<void *>(nullptr));
}

void *load_from_package(void *loader, const char *path) {
	return guarded(
	    [&]() -> void * {
		    LoaderState *state = state_of(loader);
		    return state->add_module(load_package(path, state->execution_paths()));
	    },
	    static_cast<void *>(nullptr));
}

int discover(void *loader, void *module, metacall_loader_define define, void *scope) {
	return guarded(
	    [&] {
		    LoaderState *state = state_of(loader);
		    const auto functions = state->functions_of(module);
		    if (!functions)
			    throw LoadError("discover: the module is not loaded");
		    for (const auto &function : *functions) {
			    const metacall_loader_function description{
			        .name = function->name().c_str(),
			        .data = const_cast<FunctionBinding *>(function.get()),
			        .is_async = 0,
			        .is_variadic = 0,
			        .return_type = function->return_type(),
			        .param_count = function->parameter_types().size(),
			        .param_names = function->parameter_names().data(),
			        .param_types = function->parameter_types().data(),
			        .optional_count = 0, // C has no default arguments
			    };
			    state->reference(function); // before define: the core may release it from then on
			    // The core explains a refused definition (a duplicate name, ...) itself.
			    if (define(scope, &description) != 0)
				    return 1;
		    }
		    return 0;
	    },
	    1);
}

// The call path: no lock, no lookup; the core hands back the binding it was given.
void *invoke(void *, void *function, void *args[], size_t size) {
	return call_function(*static_cast<const FunctionBinding *>(function), args, size);
}

void function_release(void *loader, void *function) {
	state_of(loader)->release(function);
}

int clear(void *loader, void *module) {
	return guarded(
	    [&] {
		    if (!state_of(loader)->remove_module(module))
			    throw LoadError("clear: the module is not loaded (already cleared?)");
		    return 0;
	    },
	    1);
}

// Releases every module and referenced function, closing their libraries.
void destroy(void *loader) {
	std::unique_ptr<LoaderState> owned(state_of(loader));
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
    .await = nullptr, // C functions are never async
    .function_release = function_release,
    .clear = clear,
    .destroy = destroy,
    .pump = nullptr,       // no event loop to drive
    .interrupt = nullptr,  // native code cannot be stopped from outside
    .heap_limit = nullptr, // the C heap is the host's
    .drain = nullptr,      // nothing runs on its own
};

} // namespace
} // namespace c_loader

extern "C" METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void) {
	return &c_loader::interface_table;
}
