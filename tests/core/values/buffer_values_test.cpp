// Values: buffers are bytes with a length, copied at creation, or zero-filled when created from
// NULL; size and count are the number of bytes.
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

using core_test::own;

TEST(BufferValue, CopiesTheGivenBytes) {
	const unsigned char bytes[] = {0x00, 0xFF, 0x10, 0x00, 0x7F};
	auto v = own(metacall_value_create_buffer(bytes, sizeof bytes));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_BUFFER);
	ASSERT_EQ(metacall_value_size(v.get()), sizeof bytes);
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(v.get()), bytes, sizeof bytes), 0);
}

TEST(BufferValue, CountIsTheNumberOfBytes) {
	const unsigned char bytes[] = {1, 2, 3, 4, 5, 6, 7};
	auto v = own(metacall_value_create_buffer(bytes, sizeof bytes));
	EXPECT_EQ(metacall_value_count(v.get()), sizeof bytes);
}

TEST(BufferValue, DoesNotReferToTheSourceBytes) {
	unsigned char bytes[] = {1, 2, 3};
	auto v = own(metacall_value_create_buffer(bytes, sizeof bytes));
	bytes[0] = 99;
	EXPECT_EQ(static_cast<unsigned char *>(metacall_value_to_buffer(v.get()))[0], 1);
	EXPECT_NE(metacall_value_to_buffer(v.get()), static_cast<void *>(bytes));
}

TEST(BufferValue, CreatedFromNullIsZeroFilled) {
	auto v = own(metacall_value_create_buffer(nullptr, 64));
	ASSERT_EQ(metacall_value_size(v.get()), 64u);
	const std::vector<unsigned char> zeros(64, 0);
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(v.get()), zeros.data(), zeros.size()), 0);
}

TEST(BufferValue, CreatedFromNullIsFilledThroughToBuffer) {
	auto v = own(metacall_value_create_buffer(nullptr, 4));
	std::memcpy(metacall_value_to_buffer(v.get()), "wxyz", 4);
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(v.get()), "wxyz", 4), 0);
}

TEST(BufferValue, FromBufferReplacesBytesAndSize) {
	auto v = own(metacall_value_create_buffer("ab", 2));
	const unsigned char bytes[] = {9, 8, 7, 6, 5, 4, 3, 2, 1};
	EXPECT_EQ(metacall_value_from_buffer(v.get(), bytes, sizeof bytes), v.get());
	ASSERT_EQ(metacall_value_size(v.get()), sizeof bytes);
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(v.get()), bytes, sizeof bytes), 0);
}

TEST(BufferValue, EmptyBufferHasSizeZero) {
	auto v = own(metacall_value_create_buffer(nullptr, 0));
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_BUFFER);
	EXPECT_EQ(metacall_value_size(v.get()), 0u);
}
