// libnode_loader.so, the plug-in the core opens for the tag "node". It holds no Node symbol: its
// first initialize has the relink module decide the mode (node_runtime.cpp), opens the
// implementation beside it, and every entry forwards to it (shared/forwarding_interface.h).
#include "forwarding_interface.h"
#include "node_runtime.h"
#include "runtime_entry.h"

#include <dlfcn.h>

namespace node_loader {
namespace {

const metacall_loader_interface *open_implementation() {
	NodeMode mode = NodeMode::own;
	void *apart_library = nullptr;
	if (!find_node_runtime(mode, apart_library))
		return nullptr;
	// Isolated and host-v8: its Node-API imports must not bind to a Node the process may have (or
	// to the libnode a host uses as its V8): open it lazily and bind them to the libnode loaded
	// apart before anything calls them.
	void *library = nullptr;
	auto entry = reinterpret_cast<node_loader_runtime_entry>(metacall_loaders::open_beside(
	    reinterpret_cast<const void *>(&open_implementation), "node", NODE_LOADER_RUNTIME_FILE,
	    loaded_apart(mode) ? RTLD_LAZY : RTLD_NOW, NODE_LOADER_RUNTIME_ENTRY_NAME, &library));
	if (entry == nullptr)
		return nullptr;
	if (loaded_apart(mode) && metacall_loader_bind_imports(library, "napi_*", apart_library) < 0)
		return nullptr;
	return metacall_loaders::checked_table(entry(static_cast<int>(mode), apart_library), "node",
	                                       NODE_LOADER_RUNTIME_FILE);
}

} // namespace
} // namespace node_loader

extern "C" METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void) {
	return &metacall_loaders::ForwardingInterface<node_loader::open_implementation>::table;
}
