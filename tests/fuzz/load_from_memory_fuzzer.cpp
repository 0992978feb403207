// libFuzzer target: metacall_load_from_memory(FUZZ_TAG, any bytes), with one runtime for the whole
// run. A load either succeeds (its handle is cleared again) or fails with an error message; a
// crash, a leak or a hang is a finding. The seed corpus holds small valid and broken scripts; it
// stays clear of what a script may legitimately do to its process (process.abort, os._exit).
#include <metacall/metacall.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#ifndef FUZZ_TAG
#  error "FUZZ_TAG must name the loader (c, py, node)"
#endif

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	// The c loader hands source with function bodies to TinyCC, which is not ours and not hardened
	// against malformed input (a fuzzed input crashed it): fuzz our side (the declaration parser,
	// the refusal) with C sources turned off.
	setenv("METACALL_C_SOURCES", "off", 1);
	if (metacall_initialize() != 0)
		std::abort();
	std::atexit(metacall_destroy); // LeakSanitizer then sees what the loaders really leak
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	void *handle = nullptr;
	if (metacall_load_from_memory(FUZZ_TAG, reinterpret_cast<const char *>(data), size, &handle) == 0) {
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
