// core tests: the host function most tests call, add(int, int) -> int, registered by name.
#pragma once

#include <metacall/metacall.h>

#include <cstddef>

namespace core_test {

inline void *host_add(std::size_t argc, void *argv[], void *) {
	if (argc != 2) {
		return metacall_error_throw("TestError", 0, nullptr, "host_add got %zu arguments", argc);
	}
	return metacall_value_create_int(metacall_value_to_int(argv[0]) + metacall_value_to_int(argv[1]));
}

// Registers host_add as `name` with parameters (int, int) returning int. Returns 0 on success.
inline int register_add(const char *name = "add", void **func = nullptr) {
	return metacall_register(name, host_add, func, METACALL_INT, 2, METACALL_INT, METACALL_INT);
}

} // namespace core_test
