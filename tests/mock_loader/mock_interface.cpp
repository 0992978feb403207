// The loader plug-in table of the mock loader: each entry adapts the C interface to mock::State and
// keeps C++ exceptions from crossing the boundary.
#include "mock_builtins.h"
#include "mock_paths.h"
#include "mock_script.h"
#include "mock_state.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <fstream>
#include <iterator>

namespace mock {
namespace {

struct ValueDeleter {
	void operator()(void *value) const { metacall_value_destroy(value); }
};
using ValuePtr = std::unique_ptr<void, ValueDeleter>;

State *state_of(void *loader) {
	return static_cast<State *>(loader);
}
const Function *function_of(void *function) {
	return static_cast<const Function *>(function);
}

// Runs `body`, turning an exception into metacall_loader_error and `failure`.
template <typename Body, typename Result>
Result guarded(Body body, Result failure) {
	try {
		return body();
	} catch (const Error &error) {
		metacall_loader_error("%s", error.what());
	} catch (const std::exception &error) {
		metacall_loader_error("mock loader: %s", error.what());
	}
	return failure;
}

std::string read_file(const std::filesystem::path &path, const std::string &name) {
	std::ifstream in(path, std::ios::binary);
	if (!in)
		throw Error("cannot open script '" + name + "' (" + path.string() + ")");
	return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The state's ownership passes to the core as a raw pointer and comes back in destroy.
void *initialize(const char *) {
	return guarded([]() -> void * { return std::make_unique<State>().release(); },
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
		    State *state = state_of(loader);
		    const auto folders = state->execution_paths();
		    std::vector<Declaration> module;
		    for (size_t i = 0; i < size; ++i) {
			    const std::filesystem::path found = resolve(paths[i], folders, Entry::file);
			    merge(module, parse(read_file(found, paths[i]), paths[i]));
		    }
		    return state->add_module(std::move(module));
	    },
	    static_cast<void *>(nullptr));
}

void *load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
	return guarded(
	    [&]() -> void * {
		    return state_of(loader)->add_module(
		        parse(std::string_view(buffer, size), name ? name : "memory"));
	    },
	    static_cast<void *>(nullptr));
}

void *load_from_package(void *loader, const char *path) {
	return guarded(
	    [&]() -> void * {
		    State *state = state_of(loader);
		    const std::filesystem::path folder = resolve(path, state->execution_paths(), Entry::directory);
		    const std::filesystem::path main = folder / "main.mock";
		    std::error_code ignored;
		    if (!std::filesystem::is_regular_file(main, ignored))
			    throw Error(std::string("package '") + path + "' has no main.mock (looked for " +
			                main.string() + ")");
		    const std::string origin = (std::filesystem::path(path) / "main.mock").string();
		    return state->add_module(parse(read_file(main, origin), origin));
	    },
	    static_cast<void *>(nullptr));
}

int discover(void *loader, void *module, metacall_loader_define define, void *scope) {
	return guarded(
	    [&] {
		    State *state = state_of(loader);
		    const auto functions = state->functions_of(static_cast<const Module *>(module));
		    if (!functions)
			    throw Error("discover: the module is not loaded");
		    for (const auto &function : *functions) {
			    const Declaration &declaration = function->declaration;
			    std::vector<const char *> names;
			    std::vector<enum metacall_value_id> types;
			    for (const Parameter &parameter : declaration.parameters) {
				    names.push_back(parameter.name.c_str());
				    types.push_back(parameter.type);
			    }
			    const metacall_loader_function description{
			        .name = declaration.name.c_str(),
			        .data = const_cast<Function *>(function.get()),
			        .is_async = declaration.is_async ? 1 : 0,
			        .is_variadic = 0,
			        .return_type = declaration.return_type,
			        .param_count = declaration.parameters.size(),
			        .param_names = names.data(),
			        .param_types = types.data(),
			        .optional_count = 0,
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

void *invoke(void *, void *function, void *args[], size_t size) {
	try {
		return run_builtin(function_of(function)->declaration, args, size);
	} catch (const std::exception &error) {
		return metacall_error_throw("LoaderError", 0, nullptr, "mock loader: %s", error.what());
	}
}

// Settles `future` from a worker thread, so that callers see a real asynchronous completion.
int await(void *loader, void *function, void *args[], size_t size, void *future) {
	const int status = guarded(
	    [&] {
		    std::vector<ValuePtr> copies; // args are borrowed only for the duration of this call
		    for (size_t i = 0; i < size; ++i) {
			    copies.emplace_back(args[i] == nullptr ? metacall_value_create_null()
			                                           : metacall_value_copy(args[i]));
			    if (!copies.back())
				    throw Error("await: argument " + std::to_string(i + 1) + " cannot be copied");
		    }
		    auto target = function_of(function)->shared_from_this();
		    state_of(loader)->start_worker([target, copies = std::move(copies), future]() {
			    std::vector<void *> raw;
			    for (const ValuePtr &copy : copies)
				    raw.push_back(copy.get());
			    void *result = nullptr;
			    try {
				    result = run_builtin(target->declaration, raw.data(), raw.size());
			    } catch (const std::exception &error) {
				    result = metacall_error_throw("LoaderError", 0, nullptr, "mock loader: %s", error.what());
			    }
			    if (result != nullptr && metacall_value_id(result) == METACALL_THROWABLE)
				    metacall_future_reject(future, result);
			    else
				    metacall_future_resolve(future, result);
			    metacall_value_destroy(future);
		    });
		    return 0;
	    },
	    1);
	if (status != 0)
		metacall_value_destroy(future); // not started: the future is still ours, unsettled
	return status;
}

void function_release(void *loader, void *function) {
	state_of(loader)->release(function_of(function));
}

int clear(void *loader, void *module) {
	return guarded(
	    [&] {
		    if (!state_of(loader)->remove_module(static_cast<const Module *>(module)))
			    throw Error("clear: the module is not loaded (already cleared?)");
		    return 0;
	    },
	    1);
}

// Joins the async workers (State's destructor), then frees the state.
void destroy(void *loader) {
	std::unique_ptr<State> owned(state_of(loader));
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
    .pump = nullptr, // no event loop to drive
    .interrupt = nullptr,
    .heap_limit = nullptr,
    .drain = nullptr, // destroy joins the workers of async calls: they all settle
};

} // namespace
} // namespace mock

extern "C" METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void) {
	return &mock::interface_table;
}
