#include "heap_cap.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <malloc.h>

namespace py_loader {
namespace {

PyMemAllocatorEx raw_allocator{};         // CPython's, wrapped
PyObjectArenaAllocator arena_allocator{}; // pymalloc's, wrapped
std::atomic<std::int64_t> allocated{0};   // net bytes since the hooks went in
std::atomic<std::int64_t> cap{0};         // 0: none
bool installed = false;

bool fits(std::size_t more) {
	const std::int64_t limit = cap.load(std::memory_order_relaxed);
	return limit == 0 || allocated.load(std::memory_order_relaxed) + static_cast<std::int64_t>(more) <= limit;
}

void count(void *block, int sign) {
	if (block != nullptr)
		allocated.fetch_add(sign * static_cast<std::int64_t>(malloc_usable_size(block)),
		                    std::memory_order_relaxed);
}

void *raw_malloc(void *, std::size_t size) {
	if (!fits(size))
		return nullptr;
	void *block = raw_allocator.malloc(raw_allocator.ctx, size);
	count(block, 1);
	return block;
}

void *raw_calloc(void *, std::size_t n, std::size_t size) {
	if (size != 0 && n > SIZE_MAX / size)
		return nullptr;
	if (!fits(n * size))
		return nullptr;
	void *block = raw_allocator.calloc(raw_allocator.ctx, n, size);
	count(block, 1);
	return block;
}

void *raw_realloc(void *, void *old, std::size_t size) {
	const std::size_t before = old != nullptr ? malloc_usable_size(old) : 0;
	if (size > before && !fits(size - before))
		return nullptr;
	void *block = raw_allocator.realloc(raw_allocator.ctx, old, size);
	if (block != nullptr || size == 0) {
		allocated.fetch_sub(static_cast<std::int64_t>(before), std::memory_order_relaxed);
		count(block, 1);
	}
	return block;
}

void raw_free(void *, void *block) {
	count(block, -1);
	raw_allocator.free(raw_allocator.ctx, block);
}

void *arena_alloc(void *, std::size_t size) {
	if (!fits(size))
		return nullptr;
	void *arena = arena_allocator.alloc(arena_allocator.ctx, size);
	if (arena != nullptr)
		allocated.fetch_add(static_cast<std::int64_t>(size), std::memory_order_relaxed);
	return arena;
}

void arena_free(void *, void *arena, std::size_t size) {
	if (arena != nullptr)
		allocated.fetch_sub(static_cast<std::int64_t>(size), std::memory_order_relaxed);
	arena_allocator.free(arena_allocator.ctx, arena, size);
}

} // namespace

bool set_heap_cap(std::size_t bytes, std::string &error) {
	if (!installed) {
		const char *chosen = std::getenv("PYTHONMALLOC");
		if (chosen != nullptr && *chosen != '\0' && std::string(chosen) != "pymalloc") {
			error = std::string("PYTHONMALLOC=") + chosen +
			        " chose other allocators than CPython's defaults: their memory cannot be counted";
			return false;
		}
		PyMem_GetAllocator(PYMEM_DOMAIN_RAW, &raw_allocator);
		PyObject_GetArenaAllocator(&arena_allocator);
		PyMemAllocatorEx raw{nullptr, raw_malloc, raw_calloc, raw_realloc, raw_free};
		PyObjectArenaAllocator arenas{nullptr, arena_alloc, arena_free};
		PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &raw);
		PyObject_SetArenaAllocator(&arenas);
		installed = true;
	}
	// Counted from now on: what is allocated already does not take room under the new cap.
	allocated.store(0, std::memory_order_relaxed);
	cap.store(static_cast<std::int64_t>(bytes), std::memory_order_relaxed);
	return true;
}

} // namespace py_loader
