#include "value_cache.h"

#include <new>

namespace metacall_core {
namespace {

// Plain data, so a thread reaches it with one TLS access and no initialization guard.
struct BlockCache {
	static constexpr std::size_t kCapacity = 64;
	void *blocks[kCapacity];
	std::size_t count;
	bool armed; // the thread-exit cleanup is registered
	bool gone;  // the thread is exiting: blocks go straight back to the heap
};

thread_local BlockCache cache;

// Frees the thread's cached blocks when the thread exits. Registered on the first block a
// thread caches, off the fast path.
struct CacheCleanup {
	~CacheCleanup() {
		cache.gone = true;
		while (cache.count > 0)
			::operator delete(cache.blocks[--cache.count]);
	}
};

void arm_cleanup(BlockCache &blocks) {
	thread_local CacheCleanup cleanup;
	(void)cleanup;
	blocks.armed = true;
}

} // namespace

// Under AddressSanitizer every block goes back to the heap, so a use after destroy is caught.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kCaching = false;
#else
constexpr bool kCaching = true;
#endif

void *take_value_block(std::size_t size) {
	if (!kCaching)
		return ::operator new(size);
	BlockCache &blocks = cache;
	if (blocks.count > 0)
		return blocks.blocks[--blocks.count];
	return ::operator new(size);
}

void give_value_block(void *block) {
	BlockCache &blocks = cache;
	if (!kCaching || blocks.gone || blocks.count == BlockCache::kCapacity) {
		::operator delete(block);
		return;
	}
	if (!blocks.armed)
		arm_cleanup(blocks);
	blocks.blocks[blocks.count++] = block;
}

} // namespace metacall_core
