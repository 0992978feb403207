// What the node benchmarks share: loading the benchmark script (benchmarks/node/add.js's add, plus
// the raw Node-API addon it hands that same function to) and reaching the addon's table.
#ifndef BENCHMARKS_NODE_NODE_BENCHMARK_H
#define BENCHMARKS_NODE_NODE_BENCHMARK_H

#include "raw_napi_addon.h"

#include <metacall/metacall.h>

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

#ifndef NODE_BENCHMARK_SCRIPT
#  error "NODE_BENCHMARK_SCRIPT must name the generated benchmark script (node/bench.js in the build)"
#endif
#ifndef NODE_BENCHMARK_ADDON
#  error "NODE_BENCHMARK_ADDON must name raw_napi_addon.node"
#endif

namespace node_benchmark {

[[noreturn]] inline void fail(const char *what) {
	metacall_exception_type error{};
	std::fprintf(stderr, "%s: %s\n", what, metacall_error_last(&error) == 0 ? error.message : "no reason");
	std::exit(1);
}

// Starts MetaCall (with `pump`, this thread owns Node: metacall_pump before the first load), loads
// the benchmark script into the global scope, checks add(2, 3) and returns the addon's table.
inline const raw_napi_addon *set_up(bool pump, void **add_function) {
	if (metacall_initialize() != 0)
		fail("metacall_initialize");
	if (pump && metacall_pump("node") != 0)
		fail("metacall_pump(\"node\")");
	const char *scripts[] = {NODE_BENCHMARK_SCRIPT};
	if (metacall_load_from_file("node", scripts, 1, nullptr) != 0)
		fail("loading " NODE_BENCHMARK_SCRIPT);
	*add_function = metacall_function("add");
	void *args[] = {metacall_value_create_double(2), metacall_value_create_double(3)};
	void *first = *add_function != nullptr ? metacallfv_s(*add_function, args, 2) : nullptr;
	if (first == nullptr || metacall_value_id(first) != METACALL_LONG || metacall_value_to_long(first) != 5)
		fail("the first call of add");
	metacall_value_destroy(first);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	// The script opened the addon (process.dlopen): this finds that copy, it does not load another.
	void *library = dlopen(NODE_BENCHMARK_ADDON, RTLD_NOW | RTLD_NOLOAD);
	auto entry = library != nullptr
	                 ? reinterpret_cast<raw_napi_addon_entry>(dlsym(library, RAW_NAPI_ADDON_ENTRY))
	                 : nullptr;
	const raw_napi_addon *addon = entry != nullptr ? entry() : nullptr;
	if (addon == nullptr || addon->ready() == 0) {
		std::fprintf(stderr, "the benchmark script did not open %s\n", NODE_BENCHMARK_ADDON);
		std::exit(1);
	}
	return addon;
}

} // namespace node_benchmark

#endif
