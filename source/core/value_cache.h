// Memory for values. Every call creates a result value and the caller destroys it, so values
// are the allocation of the call path: a small per-thread cache of value-sized blocks makes
// that cost a few instructions instead of a round trip through malloc and free.
#pragma once

#include <cstddef>

namespace metacall_core {

// A block of `size` bytes for one value (size is always sizeof(Value)).
void *take_value_block(std::size_t size);
// Returns a block from take_value_block (from any thread).
void give_value_block(void *block);

} // namespace metacall_core
