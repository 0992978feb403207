// Values: typed and borrowed buffers (metacall_buffer.h). A buffer may carry an element format and
// a shape, and may borrow its bytes; copies own theirs and keep the layout.
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

using core_test::own;

namespace {

struct Releases {
	int count = 0;
	void *data = nullptr;
};

void count_release(void *data, void *context) {
	auto *releases = static_cast<Releases *>(context);
	++releases->count;
	releases->data = data;
}

} // namespace

TEST(TypedBufferValue, APlainBufferReadsAsOneDimensionOfBytes) {
	auto v = own(metacall_value_create_buffer("abc", 3));
	size_t ndim = 0;
	const size_t *shape = reinterpret_cast<const size_t *>(1);
	EXPECT_EQ(metacall_value_buffer_layout(v.get(), &ndim, &shape), 'B');
	EXPECT_EQ(ndim, 1u);
	EXPECT_EQ(shape, nullptr); // its one dimension is its size
	EXPECT_EQ(metacall_value_buffer_is_borrowed(v.get()), 0);
}

TEST(TypedBufferValue, KeepsTheFormatAndShapeItIsGiven) {
	const double numbers[6] = {0, 1, 2, 3, 4, 5};
	auto v = own(metacall_value_create_buffer(numbers, sizeof numbers));
	const size_t dims[2] = {2, 3};
	ASSERT_EQ(metacall_value_buffer_set_layout(v.get(), 'd', 2, dims), v.get());
	size_t ndim = 0;
	const size_t *shape = nullptr;
	EXPECT_EQ(metacall_value_buffer_layout(v.get(), &ndim, &shape), 'd');
	ASSERT_EQ(ndim, 2u);
	EXPECT_EQ(shape[0], 2u);
	EXPECT_EQ(shape[1], 3u);
	EXPECT_EQ(metacall_value_size(v.get()), sizeof numbers);
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(v.get()), numbers, sizeof numbers), 0);
}

TEST(TypedBufferValue, ItemSizesAreThoseOfTheCTypes) {
	EXPECT_EQ(metacall_value_buffer_item_size('b'), sizeof(signed char));
	EXPECT_EQ(metacall_value_buffer_item_size('H'), sizeof(unsigned short));
	EXPECT_EQ(metacall_value_buffer_item_size('i'), sizeof(int));
	EXPECT_EQ(metacall_value_buffer_item_size('I'), sizeof(unsigned int));
	EXPECT_EQ(metacall_value_buffer_item_size('q'), sizeof(long long));
	EXPECT_EQ(metacall_value_buffer_item_size('f'), sizeof(float));
	EXPECT_EQ(metacall_value_buffer_item_size('d'), sizeof(double));
	EXPECT_EQ(metacall_value_buffer_item_size('e'), 0u); // float16: not a format of ours
}

TEST(TypedBufferValue, AShapeThatDoesNotMatchTheSizeIsRefusedAndChangesNothing) {
	auto v = own(metacall_value_create_buffer(nullptr, 24));
	const size_t dims[2] = {2, 2};
	EXPECT_EQ(metacall_value_buffer_set_layout(v.get(), 'd', 2, dims), nullptr);
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0);
	EXPECT_STREQ(error.label, "ValueError");
	EXPECT_NE(std::strstr(error.message, "4 elements of 8 bytes, the buffer has 24 bytes"), nullptr)
	    << error.message;
	EXPECT_EQ(metacall_value_buffer_layout(v.get(), nullptr, nullptr), 'B');
}

TEST(TypedBufferValue, BadFormatsDimensionsAndValuesAreErrors) {
	auto v = own(metacall_value_create_buffer(nullptr, 8));
	const size_t one[1] = {1};
	EXPECT_EQ(metacall_value_buffer_set_layout(v.get(), 'x', 1, one), nullptr);
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0);
	EXPECT_STREQ(error.label, "TypeError");
	EXPECT_EQ(metacall_value_buffer_set_layout(v.get(), 'd', 0, one), nullptr);
	EXPECT_EQ(metacall_value_buffer_set_layout(v.get(), 'd', METACALL_BUFFER_MAX_DIMENSIONS + 1, one),
	          nullptr);
	EXPECT_EQ(metacall_value_buffer_set_layout(v.get(), 'd', 1, nullptr), nullptr);
	const size_t huge[2] = {SIZE_MAX / 2, 4}; // the product overflows
	EXPECT_EQ(metacall_value_buffer_set_layout(v.get(), 'd', 2, huge), nullptr);
	auto number = own(metacall_value_create_long(1));
	EXPECT_EQ(metacall_value_buffer_set_layout(number.get(), 'd', 1, one), nullptr);
	EXPECT_EQ(metacall_value_buffer_layout(number.get(), nullptr, nullptr), 0);
	EXPECT_EQ(metacall_value_buffer_layout(nullptr, nullptr, nullptr), 0);
}

TEST(TypedBufferValue, ABorrowedBufferUsesTheOwnersMemoryAndGivesItBackOnce) {
	double numbers[3] = {1, 2, 3};
	Releases releases;
	void *v = metacall_value_create_buffer_borrowed(numbers, sizeof numbers, count_release, &releases);
	ASSERT_NE(v, nullptr);
	EXPECT_EQ(metacall_value_to_buffer(v), numbers);
	EXPECT_EQ(metacall_value_size(v), sizeof numbers);
	EXPECT_EQ(metacall_value_buffer_is_borrowed(v), 1);
	const size_t dims[1] = {3};
	ASSERT_NE(metacall_value_buffer_set_layout(v, 'd', 1, dims), nullptr);
	EXPECT_EQ(metacall_value_to_buffer(v), numbers); // a layout moves nothing
	static_cast<double *>(metacall_value_to_buffer(v))[1] = 20;
	EXPECT_EQ(numbers[1], 20); // writes reach the owner's memory
	EXPECT_EQ(releases.count, 0);
	metacall_value_destroy(v);
	EXPECT_EQ(releases.count, 1);
	EXPECT_EQ(releases.data, numbers);
}

TEST(TypedBufferValue, ACopyOwnsItsBytesAndKeepsTheLayout) {
	int numbers[4] = {1, 2, 3, 4};
	Releases releases;
	void *v = metacall_value_create_buffer_borrowed(numbers, sizeof numbers, count_release, &releases);
	const size_t dims[2] = {2, 2};
	ASSERT_NE(metacall_value_buffer_set_layout(v, 'i', 2, dims), nullptr);
	auto copy = own(metacall_value_copy(v));
	metacall_value_destroy(v);
	EXPECT_EQ(releases.count, 1); // the copy does not keep the owner's memory
	EXPECT_EQ(metacall_value_buffer_is_borrowed(copy.get()), 0);
	EXPECT_NE(metacall_value_to_buffer(copy.get()), static_cast<void *>(numbers));
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(copy.get()), numbers, sizeof numbers), 0);
	size_t ndim = 0;
	const size_t *shape = nullptr;
	EXPECT_EQ(metacall_value_buffer_layout(copy.get(), &ndim, &shape), 'i');
	ASSERT_EQ(ndim, 2u);
	EXPECT_EQ(shape[0], 2u);
	EXPECT_EQ(shape[1], 2u);
}

TEST(TypedBufferValue, ReplacingTheBytesGivesTheBorrowedOnesBackAndDropsTheLayout) {
	float numbers[2] = {1, 2};
	Releases releases;
	auto v = own(metacall_value_create_buffer_borrowed(numbers, sizeof numbers, count_release, &releases));
	const size_t dims[1] = {2};
	ASSERT_NE(metacall_value_buffer_set_layout(v.get(), 'f', 1, dims), nullptr);
	ASSERT_EQ(metacall_value_from_buffer(v.get(), "xyz", 3), v.get());
	EXPECT_EQ(releases.count, 1);
	EXPECT_EQ(metacall_value_buffer_layout(v.get(), nullptr, nullptr), 'B');
	EXPECT_EQ(metacall_value_size(v.get()), 3u);
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(v.get()), "xyz", 3), 0);
}

TEST(TypedBufferValue, ACastToAStringCopiesTheBorrowedBytesAndGivesThemBack) {
	char text[] = {'h', 'i'};
	Releases releases;
	void *v = metacall_value_create_buffer_borrowed(text, sizeof text, count_release, &releases);
	void *s = metacall_value_cast(v, METACALL_STRING);
	ASSERT_NE(s, nullptr);
	auto owned = own(s);
	EXPECT_EQ(releases.count, 1);
	text[0] = 'X';
	EXPECT_STREQ(metacall_value_to_string(s), "hi");
	void *back = metacall_value_cast(owned.release(), METACALL_BUFFER);
	auto plain = own(back);
	EXPECT_EQ(metacall_value_buffer_layout(back, nullptr, nullptr), 'B');
}

TEST(TypedBufferValue, ABorrowedBufferWithoutReleaseOrBytesIsAllowed) {
	auto empty = own(metacall_value_create_buffer_borrowed(nullptr, 0, nullptr, nullptr));
	ASSERT_NE(empty.get(), nullptr);
	EXPECT_EQ(metacall_value_size(empty.get()), 0u);
	EXPECT_EQ(metacall_value_create_buffer_borrowed(nullptr, 4, nullptr, nullptr), nullptr);
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0);
	EXPECT_STREQ(error.label, "TypeError");
}

TEST(TypedBufferValue, FormatBWithOneDimensionMakesATypedBufferPlainAgain) {
	auto v = own(metacall_value_create_buffer(nullptr, 4));
	const size_t two[2] = {2, 2}, four[1] = {4};
	ASSERT_NE(metacall_value_buffer_set_layout(v.get(), 'B', 2, two), nullptr);
	size_t ndim = 0;
	EXPECT_EQ(metacall_value_buffer_layout(v.get(), &ndim, nullptr), 'B');
	EXPECT_EQ(ndim, 2u);
	ASSERT_NE(metacall_value_buffer_set_layout(v.get(), 'B', 1, four), nullptr);
	EXPECT_EQ(metacall_value_buffer_layout(v.get(), &ndim, nullptr), 'B');
	EXPECT_EQ(ndim, 1u);
}
