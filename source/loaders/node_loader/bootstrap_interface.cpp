// The table of libnode_loader.so, the plug-in the core opens for the tag "node". It holds no
// Node symbol: initialize finds (or loads) the runtime, opens the implementation beside it, and
// from then on every entry forwards to the implementation's table.
#include "node_runtime.h"
#include "runtime_entry.h"

#include <metacall/metacall_loader.h>

#include <dlfcn.h>
#include <mutex>
#include <string>

namespace node_loader {
namespace {

// Set by the first successful initialize and kept for the process (the core calls no other entry
// before initialize succeeded).
const metacall_loader_interface *implementation = nullptr;

std::string own_folder() {
	Dl_info info{};
	if (dladdr(reinterpret_cast<void *>(&own_folder), &info) == 0 || info.dli_fname == nullptr)
		return ".";
	const std::string path = info.dli_fname;
	const auto slash = path.rfind('/');
	return slash == std::string::npos ? "." : path.substr(0, slash);
}

// Opens libnode_loader_runtime.so, once per process (never closed: Node keeps pointers into it).
const metacall_loader_interface *open_implementation(NodeMode mode, void *isolated_library) {
	const std::string path = own_folder() + "/" NODE_LOADER_RUNTIME_FILE;
	// Isolated: its Node-API imports must not bind to a Node the process may have: open it lazily
	// and bind them to the libnode loaded apart before anything calls them.
	void *library = dlopen(path.c_str(), (mode == NodeMode::isolated ? RTLD_LAZY : RTLD_NOW) | RTLD_LOCAL);
	if (library == nullptr) {
		metacall_loader_error("node loader: cannot open its implementation %s: %s", path.c_str(), dlerror());
		return nullptr;
	}
	if (mode == NodeMode::isolated && metacall_loader_bind_imports(library, "napi_*", isolated_library) < 0)
		return nullptr;
	auto entry = reinterpret_cast<node_loader_runtime_entry>(dlsym(library, NODE_LOADER_RUNTIME_ENTRY_NAME));
	const metacall_loader_interface *found =
	    entry != nullptr ? entry(static_cast<int>(mode), isolated_library) : nullptr;
	if (found == nullptr || found->abi_version != METACALL_LOADER_ABI_VERSION) {
		metacall_loader_error(
		    "node loader: %s is not the node loader's implementation (no %s, or another ABI)", path.c_str(),
		    NODE_LOADER_RUNTIME_ENTRY_NAME);
		dlclose(library);
		return nullptr;
	}
	return found;
}

void *initialize(const char *tag) {
	static std::mutex mutex;
	{
		std::lock_guard lock(mutex);
		if (implementation == nullptr) {
			NodeMode mode = NodeMode::own;
			void *isolated_library = nullptr;
			if (!find_node_runtime(mode, isolated_library))
				return nullptr;
			implementation = open_implementation(mode, isolated_library);
			if (implementation == nullptr)
				return nullptr;
		}
	}
	return implementation->initialize(tag);
}

int execution_path(void *loader, const char *path) {
	return implementation->execution_path(loader, path);
}

void *load_from_file(void *loader, const char *const paths[], size_t size) {
	return implementation->load_from_file(loader, paths, size);
}

void *load_from_memory(void *loader, const char *name, const char *buffer, size_t size) {
	return implementation->load_from_memory(loader, name, buffer, size);
}

void *load_from_package(void *loader, const char *path) {
	return implementation->load_from_package(loader, path);
}

int discover(void *loader, void *module, metacall_loader_define define, void *scope) {
	return implementation->discover(loader, module, define, scope);
}

void *invoke(void *loader, void *function, void *args[], size_t size) {
	return implementation->invoke(loader, function, args, size);
}

int await(void *loader, void *function, void *args[], size_t size, void *future) {
	return implementation->await(loader, function, args, size, future);
}

void function_release(void *loader, void *function) {
	implementation->function_release(loader, function);
}

int clear(void *loader, void *module) {
	return implementation->clear(loader, module);
}

void destroy(void *loader) {
	implementation->destroy(loader);
}

int pump(void *loader) {
	return implementation->pump(loader);
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
};

} // namespace
} // namespace node_loader

extern "C" METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void) {
	return &node_loader::interface_table;
}
