// core tests: RAII ownership of values, so every test releases what it creates (LeakSanitizer
// checks it) without cluttering the specification with metacall_value_destroy calls.
#pragma once

#include <metacall/metacall.h>

#include <memory>

namespace core_test {

struct ValueDeleter {
	void operator()(void *value) const { metacall_value_destroy(value); }
};

// A value owned by the test; destroyed when it goes out of scope.
using Value = std::unique_ptr<void, ValueDeleter>;

inline Value own(void *value) {
	return Value(value);
}

} // namespace core_test
