// core tests: malloc/realloc/free wrappers that count their calls, to check that the library uses
// the functions an allocator was created with.
#pragma once

#include <metacall/metacall.h>

#include <atomic>
#include <cstdlib>

namespace core_test {

struct AllocationCounts {
	std::atomic<int> mallocs{0};
	std::atomic<int> reallocs{0};
	std::atomic<int> frees{0};

	void reset() {
		mallocs = 0;
		reallocs = 0;
		frees = 0;
	}
};

inline AllocationCounts counts;

inline void *counting_malloc(std::size_t size) {
	++counts.mallocs;
	return std::malloc(size);
}

inline void *counting_realloc(void *data, std::size_t size) {
	++counts.reallocs;
	return std::realloc(data, size);
}

inline void counting_free(void *data) {
	++counts.frees;
	std::free(data);
}

inline metacall_allocator_std_type counting_functions() {
	return {counting_malloc, counting_realloc, counting_free};
}

} // namespace core_test
