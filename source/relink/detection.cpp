#include "detection.h"

#include "loaded_objects.h"

#include <dlfcn.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace metacall_relink {
namespace {

// The symbols that identify a runtime; all are C functions or data, or stable C++ entry points.
namespace symbols {
constexpr const char *v8_get_version = "_ZN2v82V810GetVersionEv";             // v8::V8::GetVersion()
constexpr const char *v8_try_get_current = "_ZN2v87Isolate13TryGetCurrentEv"; // v8::Isolate::TryGetCurrent()
// v8::internal::V8::GetCurrentPlatform(): the platform V8 was initialized with, null before. Exported
// by V8 built as a shared library or inside libnode; a V8 linked into a program without it is
// reported as "unknown".
constexpr const char *v8_current_platform = "_ZN2v88internal2V818GetCurrentPlatformEv";
constexpr const char *napi_create_function = "napi_create_function";
constexpr const char *node_start = "_ZN4node5StartEiPPc"; // node::Start(int, char**)
constexpr const char *napi_get_node_version = "napi_get_node_version";
// node::per_process::v8_initialized (bool). node::GetMainThreadMultiIsolatePlatform is gone: neither
// libnode.so.108 (Node 18) nor node 20 exports it.
constexpr const char *node_v8_initialized = "_ZN4node11per_process14v8_initializedE";
constexpr const char *py_is_initialized = "Py_IsInitialized";
constexpr const char *py_get_version = "Py_GetVersion";
} // namespace symbols

// node_api.h's napi_node_version, without Node's headers.
struct NodeVersion {
	uint32_t major, minor, patch;
	const char *release;
};
using GetNodeVersion = int (*)(void *env, const NodeVersion **result);
using GetText = const char *(*)();
using GetPointer = void *(*)();
using GetInt = int (*)();

template <typename Function>
Function as_function(void *address) {
	return reinterpret_cast<Function>(address);
}

bool is_global(const char *name, void *address) {
	return address != nullptr && dlsym(RTLD_DEFAULT, name) == address;
}

// A function returning a static string; "" for a null result.
std::string call_text(void *function) {
	const char *text = as_function<GetText>(function)();
	return text != nullptr ? text : "";
}

int major_of(const std::string &version) {
	return std::atoi(version.c_str());
}

DetectedRuntime found_in(RuntimeKind kind, const LoadedObject &object, const char *identifying_symbol,
                         void *address) {
	DetectedRuntime runtime;
	runtime.kind = kind;
	runtime.object = object.path;
	runtime.main_program = object.main_program;
	runtime.global = is_global(identifying_symbol, address);
	return runtime;
}

// libnode.so.108 -> 108 (NODE_MODULE_VERSION); 0 when the soname carries none.
int module_version_of(const std::string &soname) {
	constexpr std::string_view prefix = "libnode.so.";
	if (soname.compare(0, prefix.size(), prefix) != 0)
		return 0;
	return std::atoi(soname.c_str() + prefix.size());
}

// The Node major version of a NODE_MODULE_VERSION (Node's doc/abi_version_registry.json).
int node_major_of_module_version(int module_version) {
	struct Pair {
		int module_version, major;
	};
	constexpr std::array<Pair, 11> known{{{83, 14},
	                                      {88, 15},
	                                      {93, 16},
	                                      {102, 17},
	                                      {108, 18},
	                                      {111, 19},
	                                      {115, 20},
	                                      {120, 21},
	                                      {127, 22},
	                                      {131, 23},
	                                      {137, 24}}};
	for (const Pair &pair : known)
		if (pair.module_version == module_version)
			return pair.major;
	return 0;
}

// napi_get_node_version(env, &result) without an env. In Node 18 to 21 it only checks env != NULL,
// stores a pointer to a static struct, and clears env->last_error (bytes 0x88-0x9f of napi_env__
// in Node 18 and 20). A zeroed scratch buffer far larger than that stands in for the env. Node 18-21
// bundle V8 10.x-11.x: the caller checks the V8 version first, as other releases may read more of
// the env.
std::optional<std::string> node_version_without_env(void *get_node_version) {
	alignas(std::max_align_t) std::array<unsigned char, 4096> scratch_env{};
	const NodeVersion *version = nullptr;
	if (as_function<GetNodeVersion>(get_node_version)(scratch_env.data(), &version) != 0 ||
	    version == nullptr)
		return std::nullopt;
	return std::to_string(version->major) + "." + std::to_string(version->minor) + "." +
	       std::to_string(version->patch);
}

bool node_version_call_is_safe(const std::string &v8_version) {
	const int v8_major = major_of(v8_version);
	return v8_major == 10 || v8_major == 11;
}

DetectedRuntime detect_node(const LoadedObject &object, void *create_function,
                            const std::string &v8_version) {
	DetectedRuntime node =
	    found_in(RuntimeKind::node, object, symbols::napi_create_function, create_function);
	node.node_module_version = module_version_of(object.soname);
	void *get_node_version = object.find_symbol(symbols::napi_get_node_version);
	if (get_node_version != nullptr && node_version_call_is_safe(v8_version)) {
		if (auto version = node_version_without_env(get_node_version)) {
			node.version = *version;
			node.version_source = VersionSource::call;
		}
	}
	if (node.version_source == VersionSource::none) {
		if (int major = node_major_of_module_version(node.node_module_version)) {
			node.version = std::to_string(major);
			node.version_source = VersionSource::soname;
		}
	}
	if (auto *initialized = static_cast<const bool *>(object.find_symbol(symbols::node_v8_initialized)))
		node.platform_initialized = *initialized;
	return node;
}

DetectedRuntime detect_v8(const LoadedObject &object, void *get_version,
                          std::optional<bool> node_v8_initialized) {
	DetectedRuntime v8 = found_in(RuntimeKind::v8, object, symbols::v8_get_version, get_version);
	v8.version = call_text(get_version);
	v8.version_source = VersionSource::call;
	if (void *current_platform = object.find_symbol(symbols::v8_current_platform))
		v8.platform_initialized = as_function<GetPointer>(current_platform)() != nullptr;
	// V8 11 keeps the current isolate in a thread_local: readable at any time. V8 10 reads a pthread
	// key that exists only once V8 is initialised (before, key 0 may belong to someone else): ask
	// only when Node says it initialised V8.
	void *try_get_current = object.find_symbol(symbols::v8_try_get_current);
	if (try_get_current != nullptr && (major_of(v8.version) >= 11 || node_v8_initialized.value_or(false)))
		v8.thread_has_isolate = as_function<GetPointer>(try_get_current)() != nullptr;
	return v8;
}

// Py_GetVersion and Py_IsInitialized may be called before Py_Initialize and without the GIL.
DetectedRuntime detect_cpython(const LoadedObject &object, void *is_initialized, void *get_version) {
	DetectedRuntime python =
	    found_in(RuntimeKind::cpython, object, symbols::py_is_initialized, is_initialized);
	python.initialized = as_function<GetInt>(is_initialized)() != 0;
	python.version_text = call_text(get_version);
	if (!python.version_text.empty()) {
		python.version = python.version_text.substr(0, python.version_text.find(' '));
		python.version_source = VersionSource::call;
	}
	return python;
}

void detect_in(const LoadedObject &object, const std::string &process_v8_version,
               std::vector<DetectedRuntime> &found) {
	void *v8_get_version = object.find_symbol(symbols::v8_get_version);
	void *create_function = object.find_symbol(symbols::napi_create_function);
	const bool has_node = create_function != nullptr && object.find_symbol(symbols::node_start) != nullptr;
	if (has_node) {
		// Node's version call is gated on its own V8 when it has one, else on the process's.
		const std::string v8_version =
		    v8_get_version != nullptr ? call_text(v8_get_version) : process_v8_version;
		found.push_back(detect_node(object, create_function, v8_version));
	}
	if (v8_get_version != nullptr)
		found.push_back(
		    detect_v8(object, v8_get_version, has_node ? found.back().platform_initialized : std::nullopt));
	void *py_is_initialized = object.find_symbol(symbols::py_is_initialized);
	void *py_get_version = object.find_symbol(symbols::py_get_version);
	if (py_is_initialized != nullptr && py_get_version != nullptr)
		found.push_back(detect_cpython(object, py_is_initialized, py_get_version));
}

} // namespace

const char *runtime_name(RuntimeKind kind) {
	switch (kind) {
	case RuntimeKind::v8:
		return "v8";
	case RuntimeKind::node:
		return "node";
	case RuntimeKind::cpython:
		return "cpython";
	}
	return "unknown";
}

std::vector<DetectedRuntime> detect_runtimes() {
	const LoadedObjects snapshot = LoadedObjects::snapshot(); // keeps every object loaded meanwhile
	std::string process_v8_version; // the first V8 found, for a Node built without its own
	for (const LoadedObject &object : snapshot.objects()) {
		if (void *get_version = object.find_symbol(symbols::v8_get_version)) {
			process_v8_version = call_text(get_version);
			break;
		}
	}
	std::vector<DetectedRuntime> found;
	for (const LoadedObject &object : snapshot.objects())
		detect_in(object, process_v8_version, found);
	return found;
}

} // namespace metacall_relink
