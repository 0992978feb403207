// The loader plug-in table of the wasm loader (tag "wasm"): each entry adapts the C interface to
// LoaderState and Plugin, and keeps C++ exceptions from crossing the boundary.
#include "loader_state.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <string>
#include <vector>

namespace wasm_loader {
namespace {

LoaderState *state_of(void *loader) {
	return static_cast<LoaderState *>(loader);
}

template <typename Body, typename Result>
Result guarded(Body body, Result failure) {
	try {
		return body();
	} catch (const std::exception &error) {
		metacall_loader_error("%s", error.what());
	}
	return failure;
}

void *initialize(const char *) {
	return guarded([]() -> void * { return std::make_unique<LoaderState>().release(); },
	               static_cast<void *>(nullptr));
}

int execution_path(void *loader, const char *path) {
	state_of(loader)->add_execution_path(path);
	return 0;
}

void *load_files(LoaderState &state, const std::vector<std::string> &paths) {
	std::vector<std::pair<std::string, std::string>> sources;
	for (const std::string &path : paths)
		sources.emplace_back(path, read_file(path));
	return state.load(sources).release();
}

void *load_from_file(void *loader, const char *const paths[], size_t size) {
	return guarded(
	    [&]() -> void * {
		    return load_files(*state_of(loader), {paths, paths + size});
	    },
	    static_cast<void *>(nullptr));
}

void *load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
	return guarded(
	    [&]() -> void * {
		    std::string bytes(buffer, size);
		    // Text (WAT) passed with sizeof counts its NUL; binary modules come exactly as given.
		    if (bytes.compare(0, 4, std::string("\0asm", 4)) != 0)
			    while (!bytes.empty() && bytes.back() == '\0')
				    bytes.pop_back();
		    return state_of(loader)->load({{name, std::move(bytes)}}).release();
	    },
	    static_cast<void *>(nullptr));
}

void *load_from_package(void *loader, const char *path) {
	return guarded(
	    [&]() -> void * { return load_files(*state_of(loader), state_of(loader)->package_files(path)); },
	    static_cast<void *>(nullptr));
}

int discover(void *loader, void *module, metacall_loader_define define, void *scope) {
	return guarded(
	    [&] {
		    for (const auto &function : static_cast<Module *>(module)->functions) {
			    std::vector<const char *> names;
			    for (const std::string &name : function->param_names)
				    names.push_back(name.c_str());
			    // The core's reference: a strong one, given back by function_release (or destroy).
			    std::shared_ptr<Export> *reference = state_of(loader)->hold(function);
			    metacall_loader_function description{};
			    description.name = function->name.c_str();
			    description.data = reference;
			    description.return_type = function->result_id;
			    description.param_count = names.size();
			    description.param_names = names.data();
			    description.param_types = function->param_ids.data();
			    if (define(scope, &description) != 0) {
				    state_of(loader)->release(reference);
				    return 1;
			    }
		    }
		    return 0;
	    },
	    1);
}

void *invoke(void *, void *function, void *args[], size_t size) {
	const Export &callee = **static_cast<std::shared_ptr<Export> *>(function);
	try {
		return callee.plugin->call(callee, args, size);
	} catch (const std::exception &error) {
		return metacall_error_throw("WasmError", 0, nullptr, "wasm function '%s': %s", callee.name.c_str(),
		                            error.what());
	}
}

void function_release(void *loader, void *function) {
	state_of(loader)->release(static_cast<std::shared_ptr<Export> *>(function));
}

int clear(void *, void *module) {
	std::unique_ptr<Module>(static_cast<Module *>(module));
	return 0;
}

void destroy(void *loader) {
	std::unique_ptr<LoaderState>(state_of(loader));
}

int interrupt(void *loader, const void *origin) {
	return state_of(loader)->interrupt(origin);
}

const metacall_loader_interface kInterface = [] {
	metacall_loader_interface table{};
	table.abi_version = METACALL_LOADER_ABI_VERSION;
	table.initialize = initialize;
	table.execution_path = execution_path;
	table.load_from_file = load_from_file;
	table.load_from_memory = load_from_memory;
	table.load_from_package = load_from_package;
	table.discover = discover;
	table.invoke = invoke;
	table.function_release = function_release;
	table.clear = clear;
	table.destroy = destroy;
	table.interrupt = interrupt;
	table.takes_load_options = 1;
	table.binary_memory = 1;
	return table;
}();

} // namespace
} // namespace wasm_loader

extern "C" METACALL_LOADER_EXPORT const metacall_loader_interface *metacall_loader_interface(void) {
	return &wasm_loader::kInterface;
}
