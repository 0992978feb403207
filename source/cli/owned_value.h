// A value of the C API owned by the command: destroyed once, when it goes out of scope.
#pragma once

#include <metacall/metacall.h>

#include <memory>

namespace metacall_cli {

struct value_deleter {
	void operator()(void *value) const { metacall_value_destroy(value); }
};

// Holds a NEW value (a call's result, a created value); release() hands it back.
using owned_value = std::unique_ptr<void, value_deleter>;

} // namespace metacall_cli
