// Enumerations cross as their underlying integer; spans (C++20) as buffers and arrays.
#include "cpp_api_test.h"

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__cpp_lib_span)
#  include <span>
#endif

namespace {

using EnumsAndSpans = cpp_api_test::CppApi;

enum class colour : std::uint8_t { red = 1, green = 2 };
enum plain { first = -1, second = 7 };

} // namespace

TEST_F(EnumsAndSpans, AnEnumIsItsUnderlyingInteger) {
	metacall::value green = metacall::value::from(colour::green);
	EXPECT_EQ(green.type(), METACALL_SHORT); // uint8_t widens to the next signed type
	EXPECT_EQ(green.to<int>(), 2);
	EXPECT_EQ(green.to<colour>(), colour::green);
	EXPECT_EQ(metacall::value::from(first).to<plain>(), first);
	EXPECT_EQ(metacall::value::from(7L).to<plain>(), second);
}

TEST_F(EnumsAndSpans, AnEnumOutOfItsUnderlyingRangeIsARangeError) {
	EXPECT_THROW(metacall::value::from(300L).to<colour>(), metacall::range_error);
}

TEST_F(EnumsAndSpans, HostFunctionsTakeAndGiveEnums) {
	metacall::register_function("next",
	                            [](colour c) { return c == colour::red ? colour::green : colour::red; });
	EXPECT_EQ(metacall::call<colour>("next", colour::red), colour::green);
}

#if defined(__cpp_lib_span)
TEST_F(EnumsAndSpans, AByteSpanIsABufferReadWithoutACopy) {
	const std::vector<std::byte> bytes{std::byte{1}, std::byte{2}, std::byte{3}};
	metacall::value buffer = metacall::value::from(std::span<const std::byte>(bytes));
	ASSERT_EQ(buffer.type(), METACALL_BUFFER);
	const auto view = buffer.to<std::span<const std::byte>>();
	EXPECT_EQ(static_cast<const void *>(view.data()), metacall_value_to_buffer(buffer.get())); // no copy
	ASSERT_EQ(view.size(), 3u);
	EXPECT_EQ(view[2], std::byte{3});
}

TEST_F(EnumsAndSpans, ASpanOfNumbersIsAnArray) {
	const double numbers[] = {1.5, 2.5};
	metacall::value array = metacall::value::from(std::span<const double>(numbers));
	EXPECT_EQ(array.to<std::vector<double>>(), (std::vector<double>{1.5, 2.5}));
}
#endif
