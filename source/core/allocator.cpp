// metacall_allocator_*: memory the library hands out can come from the host's functions.
#include "error.h"

#include <metacall/metacall_allocator.h>

#include <cstdint>
#include <memory>

using namespace metacall_core;

namespace {

struct Allocator {
	static constexpr std::uint32_t kMagic = 0x4d43414c; // "MCAL"
	std::uint32_t magic = kMagic;
	metacall_allocator_std_type functions{};
};

Allocator *allocator_from(void *allocator, const char *api) {
	auto *found = static_cast<Allocator *>(allocator);
	if (found == nullptr || found->magic != Allocator::kMagic) {
		set_errorf("TypeError", "%s: the pointer is not an allocator", api);
		return nullptr;
	}
	return found;
}

} // namespace

extern "C" {

void *metacall_allocator_create(enum metacall_allocator_id allocator_id, void *ctx) {
	if (allocator_id != METACALL_ALLOCATOR_STD) {
		set_error("TypeError", "metacall_allocator_create: only METACALL_ALLOCATOR_STD is supported");
		return nullptr;
	}
	auto *functions = static_cast<metacall_allocator_std_type *>(ctx);
	if (functions == nullptr || functions->malloc == nullptr || functions->realloc == nullptr ||
	    functions->free == nullptr) {
		set_error(
		    "TypeError",
		    "metacall_allocator_create: ctx must point to a metacall_allocator_std_type with malloc, realloc "
		    "and free");
		return nullptr;
	}
	auto allocator = std::make_unique<Allocator>();
	allocator->functions = *functions;
	return allocator.release();
}

void *metacall_allocator_alloc(void *allocator, size_t size) {
	Allocator *found = allocator_from(allocator, "metacall_allocator_alloc");
	return found != nullptr ? found->functions.malloc(size) : nullptr;
}

void *metacall_allocator_realloc(void *allocator, void *data, size_t, size_t new_size) {
	Allocator *found = allocator_from(allocator, "metacall_allocator_realloc");
	return found != nullptr ? found->functions.realloc(data, new_size) : nullptr;
}

void metacall_allocator_free(void *allocator, void *data) {
	if (Allocator *found = allocator_from(allocator, "metacall_allocator_free"))
		found->functions.free(data);
}

void metacall_allocator_destroy(void *allocator) {
	if (allocator == nullptr)
		return;
	if (Allocator *found = allocator_from(allocator, "metacall_allocator_destroy")) {
		found->magic = 0;
		std::unique_ptr<Allocator> owned(found);
	}
}

} // extern "C"
