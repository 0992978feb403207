// The text the C API hands out as a string the caller frees (metacall_inspect,
// metacall_relink_report).
#pragma once

#include <cstddef>
#include <string>

namespace metacall_core {

// A NUL-terminated copy of `text` from `allocator` (malloc when NULL); *size (when asked) gets its
// length + 1. NULL after recording an error naming `api`.
char *copy_to_caller(const std::string &text, size_t *size, void *allocator, const char *api);

} // namespace metacall_core
