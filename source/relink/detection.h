// Detection: which language runtimes this process already contains, in which object, whether
// their symbols are in the global scope, and which version and state they are in. Every loaded
// object is searched through its own dynamic symbol table (loaded_objects.h), so a runtime a host
// loaded RTLD_LOCAL is found too. Nothing is loaded or started.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace metacall_relink {

enum class RuntimeKind { v8, node, cpython };

// "v8", "node", "cpython".
const char *runtime_name(RuntimeKind kind);

enum class VersionSource {
	none,   // unknown
	call,   // asked the runtime (v8::V8::GetVersion, napi_get_node_version, Py_GetVersion)
	soname, // Node only: the major version that the soname's module version stands for
};

// One runtime in one object. An object with Node and its V8 gives two entries.
struct DetectedRuntime {
	RuntimeKind kind = RuntimeKind::v8;
	std::string object;        // path of the object that defines it
	bool main_program = false; // that object is the executable itself
	bool global = false;       // dlsym(RTLD_DEFAULT) finds this object's definition
	std::string version;       // "20.20.2", "11.3.244.8-node.33", "3.11.2"; "18" from a soname; "" unknown
	VersionSource version_source = VersionSource::none;
	std::string version_text;    // cpython: all of Py_GetVersion() ("3.11.2 (main, ...) [GCC ...]")
	int node_module_version = 0; // node: NODE_MODULE_VERSION from the soname (libnode.so.108: 108); 0 unknown
	// cpython: Py_IsInitialized().
	std::optional<bool> initialized;
	// node: per_process::v8_initialized, which Node sets once its platform and V8 are initialised.
	// v8: V8 has a platform (v8::internal::V8::GetCurrentPlatform()), so it was initialised, by Node
	// or by a host that embeds V8 itself.
	std::optional<bool> platform_initialized;
	// v8: v8::Isolate::TryGetCurrent() != nullptr on the calling thread; unknown when it is absent or
	// not safe to call (see detection.cpp).
	std::optional<bool> thread_has_isolate;
};

// Every runtime found, in the dynamic linker's object order. Safe from any thread; calls only
// functions that neither need nor change the runtime's state.
std::vector<DetectedRuntime> detect_runtimes();

} // namespace metacall_relink
