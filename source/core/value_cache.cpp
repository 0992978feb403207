#include "value_cache.h"

#include "fast_tls.h"

#include <memory>
#include <new>

namespace metacall_core {
namespace {

struct BlockCache {
	static constexpr std::size_t kCapacity = 64;
	void *blocks[kCapacity];
	std::size_t count = 0;
};

// The thread's cache, behind a pointer: with an initial-exec thread-local, this library's whole
// TLS block comes from the static TLS, which has no room for 528 bytes of cache (fast_tls.h).
METACALL_FAST_TLS thread_local BlockCache *cache = nullptr;
METACALL_FAST_TLS thread_local bool exiting = false; // blocks go straight back to the heap

// Owns the thread's cache, and frees it with the blocks in it when the thread exits. Made with
// the first block a thread caches, off the fast path.
struct CacheOwner {
	std::unique_ptr<BlockCache> blocks = std::make_unique<BlockCache>();
	~CacheOwner() {
		exiting = true;
		cache = nullptr;
		while (blocks->count > 0)
			::operator delete(blocks->blocks[--blocks->count]);
	}
};

[[gnu::noinline]] BlockCache *make_cache() {
	thread_local CacheOwner owner;
	cache = owner.blocks.get();
	return cache;
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
	BlockCache *blocks = cache;
	if (blocks != nullptr && blocks->count > 0)
		return blocks->blocks[--blocks->count];
	return ::operator new(size);
}

void give_value_block(void *block) {
	BlockCache *blocks = cache;
	if (kCaching && blocks == nullptr && !exiting)
		blocks = make_cache();
	if (!kCaching || blocks == nullptr || blocks->count == BlockCache::kCapacity) {
		::operator delete(block);
		return;
	}
	blocks->blocks[blocks->count++] = block;
}

} // namespace metacall_core
