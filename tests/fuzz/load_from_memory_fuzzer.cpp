// libFuzzer target: metacall_load_from_memory(FUZZ_TAG, any bytes), with one runtime for the whole
// run. A load either succeeds (its handle is cleared again) or fails with an error message; a
// crash, a leak or a hang is a finding. The seed corpus holds small valid and broken scripts; it
// stays clear of what a script may legitimately do to its process (process.abort, os._exit).
#include <metacall/metacall.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#ifndef FUZZ_TAG
#  error "FUZZ_TAG must name the loader (c, py, node, wasm)"
#endif

// Load options for every input, or NULL. A wasm module may legitimately run forever or grow its
// memory in its start function: it gets a fuel budget and a memory cap, as untrusted plug-ins do.
static void *options = nullptr;

static void *wasm_grant() {
	void *grant = metacall_value_create_map(nullptr, 2);
	void **entries = metacall_value_to_map(grant);
	const char *keys[] = {"fuel", "memory"};
	const long values[] = {10000000L, 64L << 20};
	for (int i = 0; i < 2; ++i) {
		entries[i] = metacall_value_create_array(nullptr, 2);
		void **pair = metacall_value_to_array(entries[i]);
		pair[0] = metacall_value_create_string(keys[i], __builtin_strlen(keys[i]));
		pair[1] = metacall_value_create_long(values[i]);
	}
	return grant;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	// The c loader hands source with function bodies to TinyCC, which is not ours and not hardened
	// against malformed input (a fuzzed input crashed it): fuzz our side (the declaration parser,
	// the refusal) with C sources turned off.
	setenv("METACALL_C_SOURCES", "off", 1);
	if (metacall_initialize() != 0)
		std::abort();
	std::atexit(metacall_destroy); // LeakSanitizer then sees what the loaders really leak
	if (__builtin_strcmp(FUZZ_TAG, "wasm") == 0)
		options = wasm_grant(); // lives for the whole run
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	void *handle = nullptr;
	if (metacall_load_from_memory_ex(FUZZ_TAG, reinterpret_cast<const char *>(data), size, &handle,
	                                 options) == 0) {
		if (metacall_clear(handle) != 0)
			std::abort(); // a handle just loaded must clear
	} else {
		metacall_exception_type error{};
		if (metacall_error_last(&error) != 0 || error.message == nullptr || error.message[0] == '\0')
			std::abort(); // a failure must say why
	}
	metacall_error_clear();
	return 0;
}
