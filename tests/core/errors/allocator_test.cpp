// Allocators: METACALL_ALLOCATOR_STD uses the malloc/realloc/free it was given (copied at
// creation); unsupported ids and missing functions are refused with an error.
#include "../support/counting_allocator.h"
#include "../support/error_text.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

using core_test::counts;
using core_test::LastErrorContains;

class StdAllocator : public ::testing::Test {
protected:
	void SetUp() override {
		counts.reset();
		functions = core_test::counting_functions();
		allocator = metacall_allocator_create(METACALL_ALLOCATOR_STD, &functions);
		ASSERT_NE(allocator, nullptr) << core_test::last_error_message().value_or("no error");
	}

	void TearDown() override { metacall_allocator_destroy(allocator); }

	metacall_allocator_std_type functions{};
	void *allocator = nullptr;
};

TEST_F(StdAllocator, AllocUsesTheGivenMalloc) {
	void *data = metacall_allocator_alloc(allocator, 32);
	ASSERT_NE(data, nullptr);
	EXPECT_EQ(counts.mallocs.load(), 1);
	std::memset(data, 0xAB, 32); // the block is really 32 bytes (AddressSanitizer checks)
	metacall_allocator_free(allocator, data);
}

TEST_F(StdAllocator, FreeUsesTheGivenFree) {
	void *data = metacall_allocator_alloc(allocator, 8);
	ASSERT_NE(data, nullptr);
	metacall_allocator_free(allocator, data);
	EXPECT_EQ(counts.frees.load(), 1);
}

TEST_F(StdAllocator, ReallocUsesTheGivenReallocAndKeepsTheContents) {
	auto *data = static_cast<char *>(metacall_allocator_alloc(allocator, 4));
	ASSERT_NE(data, nullptr);
	std::memcpy(data, "abcd", 4);
	auto *grown = static_cast<char *>(metacall_allocator_realloc(allocator, data, 4, 4096));
	ASSERT_NE(grown, nullptr);
	EXPECT_EQ(counts.reallocs.load(), 1);
	EXPECT_EQ(std::memcmp(grown, "abcd", 4), 0);
	grown[4095] = 'z';
	metacall_allocator_free(allocator, grown);
}

TEST_F(StdAllocator, CopiesTheFunctionsAtCreation) {
	functions = {nullptr, nullptr, nullptr};
	void *data = metacall_allocator_alloc(allocator, 16);
	ASSERT_NE(data, nullptr);
	EXPECT_EQ(counts.mallocs.load(), 1);
	metacall_allocator_free(allocator, data);
	EXPECT_EQ(counts.frees.load(), 1);
}

TEST(AllocatorCreate, StdWithPlainLibcFunctionsWorks) {
	metacall_allocator_std_type libc{std::malloc, std::realloc, std::free};
	void *allocator = metacall_allocator_create(METACALL_ALLOCATOR_STD, &libc);
	ASSERT_NE(allocator, nullptr);
	void *data = metacall_allocator_alloc(allocator, 10);
	EXPECT_NE(data, nullptr);
	metacall_allocator_free(allocator, data);
	metacall_allocator_destroy(allocator);
}

TEST(AllocatorCreate, NginxIsNotSupported) {
	metacall_error_clear();
	metacall_allocator_std_type libc{std::malloc, std::realloc, std::free};
	EXPECT_EQ(metacall_allocator_create(METACALL_ALLOCATOR_NGINX, &libc), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_allocator_create"));
}

TEST(AllocatorCreate, NullContextIsRefused) {
	metacall_error_clear();
	EXPECT_EQ(metacall_allocator_create(METACALL_ALLOCATOR_STD, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_allocator_create"));
}

TEST(AllocatorCreate, IncompleteContextIsRefused) {
	metacall_error_clear();
	metacall_allocator_std_type missing_free{std::malloc, std::realloc, nullptr};
	EXPECT_EQ(metacall_allocator_create(METACALL_ALLOCATOR_STD, &missing_free), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_allocator_create"));
}

TEST(AllocatorDestroy, IgnoresNull) {
	metacall_error_clear();
	metacall_allocator_destroy(nullptr);
	metacall_exception_type error{};
	EXPECT_NE(metacall_error_last(&error), 0) << "destroying NULL recorded: " << error.message;
}
