// metacall_loader_heap_limit: a JS call that allocates without end is stopped at the cap with a
// MemoryError; the host lives and the next call works.
#include "limits_test.h"

using namespace limits_test;

TEST(HeapLimit, StopsAJsAllocationLoopAt64MegabytesAndTheNextCallWorks) {
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(metacall_loader_heap_limit("node", 64u << 20), 0);
	void *handle = load_script("node");
	ASSERT_NE(handle, nullptr);
	ValuePtr result(metacallhv_s(handle, "hog", nullptr, 0));
	EXPECT_TRUE(is_error(result.get(), "MemoryError", "heap"));
	EXPECT_EQ(add(handle, 1, 2), 3);
	ValuePtr again(metacallhv_s(handle, "hog", nullptr, 0)); // the cap holds after the first time
	EXPECT_TRUE(is_error(again.get(), "MemoryError"));
	EXPECT_EQ(add(handle, 2, 3), 5);
	metacall_destroy();
}

TEST(HeapLimit, StopsAPythonAllocationLoopAt64MegabytesAndTheNextCallWorks) {
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(metacall_loader_heap_limit("py", 64u << 20), 0);
	void *handle = load_script("py");
	ASSERT_NE(handle, nullptr);
	ValuePtr result(metacallhv_s(handle, "hog", nullptr, 0));
	EXPECT_TRUE(is_error(result.get(), "MemoryError"));
	EXPECT_EQ(add(handle, 1, 2), 3);
	ValuePtr again(metacallhv_s(handle, "hog", nullptr, 0)); // what the first one took was given back
	EXPECT_TRUE(is_error(again.get(), "MemoryError"));
	ASSERT_EQ(metacall_loader_heap_limit("py", 0), 0); // lifted: the same script allocates freely
	EXPECT_EQ(add(handle, 2, 3), 5);
	metacall_destroy();
}

TEST(HeapLimit, RefusesATagWithoutLoader) {
	ASSERT_EQ(metacall_initialize(), 0);
	EXPECT_NE(metacall_loader_heap_limit("no_such_tag", 1u << 20), 0);
	EXPECT_NE(metacall_loader_heap_limit(nullptr, 1u << 20), 0);
	metacall_destroy();
}
