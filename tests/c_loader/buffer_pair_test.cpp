// (pointer, length) parameter pairs: one parameter for the caller, a Buffer for bytes and an
// Array for numbers (a Buffer of whole elements is accepted there too).
#include "c_loader_fixture.h"

#include <cstring>

namespace {

class BufferPairs : public CLoaderTest {
protected:
	void SetUp() override {
		CLoaderTest::SetUp();
		if (!HasFatalFailure())
			load_types();
	}

	enum metacall_value_id parameter_type(const char *name, std::size_t index) {
		enum metacall_value_id id = METACALL_INVALID;
		EXPECT_EQ(metacall_function_parameter_type(metacall_function(name), index, &id), 0) << name;
		return id;
	}
};

TEST_F(BufferPairs, APairIsOneParameter) {
	EXPECT_EQ(metacall_function_size(metacall_function("mean")), 1u);
	EXPECT_EQ(metacall_function_size(metacall_function("count_byte")), 2u);
	EXPECT_EQ(metacall_function_size(metacall_function("first_int")), 2u) << "'first' is not a length";
}

TEST_F(BufferPairs, BytePointersAreBuffersAndOthersArrays) {
	EXPECT_EQ(parameter_type("mean", 0), METACALL_ARRAY);
	EXPECT_EQ(parameter_type("count_byte", 0), METACALL_BUFFER);
	EXPECT_EQ(parameter_type("count_byte", 1), METACALL_SHORT);
	EXPECT_EQ(parameter_type("fill_bytes", 0), METACALL_BUFFER);
	EXPECT_EQ(parameter_type("text_bytes", 0), METACALL_BUFFER);
	EXPECT_EQ(parameter_type("sum_ints", 0), METACALL_ARRAY);
	EXPECT_EQ(parameter_type("sum_shorts", 0), METACALL_ARRAY);
	EXPECT_EQ(parameter_type("sum_floats", 0), METACALL_ARRAY);
	EXPECT_EQ(parameter_type("first_int", 0), METACALL_PTR);
}

TEST_F(BufferPairs, TheParameterIsNamedAfterThePointer) {
	char *json = metacall_inspect(nullptr, nullptr);
	ASSERT_NE(json, nullptr);
	const std::string inspect(json);
	free(json);
	EXPECT_TRUE(mentions(inspect, {"\"name\":\"xs\""}));
}

TEST_F(BufferPairs, AnArrayOfDoublesForMean) {
	Args args{array_of({metacall_value_create_double(1.0), metacall_value_create_double(2.0),
	                    metacall_value_create_double(6.0)})};
	const ValuePtr result = call("mean", args);
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_DOUBLE) << describe(result.get());
	EXPECT_EQ(metacall_value_to_double(result.get()), 3.0);
}

TEST_F(BufferPairs, ArrayElementsAreConvertedToTheElementType) {
	Args args{array_of(
	    {metacall_value_create_int(1), metacall_value_create_long(2), metacall_value_create_float(3.0f)})};
	EXPECT_EQ(metacall_value_to_double(call("mean", args).get()), 2.0);
	Args ints{array_of({metacall_value_create_int(10), metacall_value_create_double(20.0)})};
	EXPECT_EQ(metacall_value_to_int(call("sum_ints", ints).get()), 30);
	Args shorts{array_of({metacall_value_create_short(-1), metacall_value_create_long(30000)})};
	EXPECT_EQ(metacall_value_to_long(call("sum_shorts", shorts).get()), 29999);
	Args floats{array_of({metacall_value_create_float(0.5f), metacall_value_create_float(0.25f)})};
	EXPECT_EQ(metacall_value_to_float(call("sum_floats", floats).get()), 0.75f);
}

TEST_F(BufferPairs, AnEmptyArrayPassesNoElements) {
	Args args{metacall_value_create_array(nullptr, 0)};
	EXPECT_EQ(metacall_value_to_double(call("mean", args).get()), 0.0);
}

TEST_F(BufferPairs, AnElementThatDoesNotFitIsNamed) {
	Args args{array_of({metacall_value_create_int(1), metacall_value_create_long(70000)})};
	EXPECT_TRUE(is_error(call("sum_shorts", args).get(), "RangeError",
	                     {"sum_shorts", "parameter 0 ('values')", "element 1", "70000"}));
	Args text{array_of({string_value("x")})};
	EXPECT_TRUE(is_error(call("mean", text).get(), "TypeError", {"element 0", "String"}));
}

TEST_F(BufferPairs, ABufferOfWholeElementsIsAcceptedForAnArray) {
	const double numbers[] = {2.0, 4.0};
	Args args{metacall_value_create_buffer(numbers, sizeof numbers)};
	EXPECT_EQ(metacall_value_to_double(call("mean", args).get()), 3.0);
}

TEST_F(BufferPairs, ABufferOfPartElementsIsATypeError) {
	const char bytes[12] = {};
	Args args{metacall_value_create_buffer(bytes, sizeof bytes)};
	EXPECT_TRUE(is_error(call("mean", args).get(), "TypeError", {"12 bytes", "8-byte double"}));
}

TEST_F(BufferPairs, ABufferIsPassedAsItsBytesAndLength) {
	const unsigned char bytes[] = {1, 0, 1, 1, 0xFF};
	Args args{metacall_value_create_buffer(bytes, sizeof bytes), metacall_value_create_short(1)};
	const ValuePtr result = call("count_byte", args);
	EXPECT_EQ(metacall_value_to_long(result.get()), 3) << describe(result.get());
}

TEST_F(BufferPairs, AStringIsAcceptedAsBytesWithoutItsNul) {
	Args args{string_value("abc")};
	EXPECT_EQ(metacall_value_to_long(call("text_bytes", args).get()), 3);
}

TEST_F(BufferPairs, CWritesIntoTheCallersBuffer) {
	const ValuePtr buffer(metacall_value_create_buffer(nullptr, 4));
	void *args[] = {buffer.get(), metacall_value_create_short(7)};
	ValuePtr(metacallv_s("fill_bytes", args, 2));
	metacall_value_destroy(args[1]);
	const unsigned char expected[] = {7, 7, 7, 7};
	EXPECT_EQ(std::memcmp(metacall_value_to_buffer(buffer.get()), expected, 4), 0);
}

TEST_F(BufferPairs, NullPassesNoBuffer) {
	Args args{metacall_value_create_null()};
	EXPECT_EQ(metacall_value_to_double(call("mean", args).get()), 0.0);
}

TEST_F(BufferPairs, ANumberForABufferIsATypeError) {
	Args args{metacall_value_create_int(1), metacall_value_create_short(1)};
	EXPECT_TRUE(is_error(call("count_byte", args).get(), "TypeError",
	                     {"count_byte", "parameter 0 ('data')", "expected a Buffer or String", "Integer"}));
}

TEST_F(BufferPairs, ALengthThatDoesNotFitItsTypeIsARangeError) {
	std::vector<const void *> elements;
	for (int i = 0; i < 300; ++i)
		elements.push_back(metacall_value_create_char(1));
	Args args{metacall_value_create_array(elements.data(), elements.size())};
	EXPECT_TRUE(is_error(call("sum_int8", args).get(), "RangeError",
	                     {"sum_int8", "parameter 0 ('values')", "the length 300 does not fit"}));
}

TEST_F(BufferPairs, SignedCharElementsAreNumbersNotBytes) {
	EXPECT_EQ(parameter_type("sum_int8", 0), METACALL_ARRAY);
	Args args{array_of({metacall_value_create_char(-3), metacall_value_create_char(5)})};
	EXPECT_EQ(metacall_value_to_int(call("sum_int8", args).get()), 2);
}

} // namespace

namespace {

// What C writes into the numbers of an Array comes back into the Array (unless const).
TEST_F(BufferPairs, APairsArrayComesBackWithWhatCWrote) {
	void *values = array_of({metacall_value_create_int(1), metacall_value_create_long(-2)});
	void *args[] = {values, metacall_value_create_int(3)};
	ValuePtr(metacallv_s("scale_ints", args, 2));
	metacall_value_destroy(args[1]);
	void **elements = metacall_value_to_array(values);
	EXPECT_EQ(metacall_value_id(elements[0]), METACALL_INT);
	EXPECT_EQ(metacall_value_to_int(elements[0]), 3);
	EXPECT_EQ(metacall_value_id(elements[1]), METACALL_LONG) << "an element keeps its number type";
	EXPECT_EQ(metacall_value_to_long(elements[1]), -6);
	metacall_value_destroy(values);
}

TEST_F(BufferPairs, ALonePointerToNumbersTakesAnArrayAndWritesBack) {
	EXPECT_EQ(metacall_function_size(metacall_function("blur_row")), 2u);
	void *pixels = array_of({metacall_value_create_int(0), metacall_value_create_int(3),
	                         metacall_value_create_double(7.5), metacall_value_create_int(9)});
	void *args[] = {pixels, metacall_value_create_int(4)};
	const ValuePtr result(metacallv_s("blur_row", args, 2));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_NULL) << describe(result.get());
	metacall_value_destroy(args[1]);
	void **elements = metacall_value_to_array(pixels);
	EXPECT_EQ(metacall_value_to_int(elements[0]), 0) << "unchanged";
	EXPECT_EQ(metacall_value_to_int(elements[1]), 3); // (0 + 3 + 7) / 3
	EXPECT_EQ(metacall_value_id(elements[2]), METACALL_DOUBLE);
	EXPECT_EQ(metacall_value_to_double(elements[2]), 6.0); // (3 + 7 + 9) / 3: 7.5 reached C as 7
	EXPECT_EQ(metacall_value_to_int(elements[3]), 9) << "unchanged";
	metacall_value_destroy(pixels);
}

TEST_F(BufferPairs, AConstPointerReadsTheArrayAndLeavesItAlone) {
	void *pixels = array_of({metacall_value_create_double(1.5), metacall_value_create_int(3)});
	void *args[] = {pixels, metacall_value_create_int(2)};
	const ValuePtr result(metacallv_s("row_mean", args, 2));
	metacall_value_destroy(args[1]);
	EXPECT_EQ(metacall_value_to_double(result.get()), 2.0); // 1.5 reaches C as 1
	EXPECT_EQ(metacall_value_to_double(metacall_value_to_array(pixels)[0]), 1.5);
	metacall_value_destroy(pixels);
}

TEST_F(BufferPairs, ALonePointerStillTakesAPointerAndRefusesOtherValues) {
	int row[] = {3, 6, 9};
	void *args[] = {metacall_value_create_ptr(row), metacall_value_create_int(3)};
	ValuePtr(metacallv_s("blur_row", args, 2));
	EXPECT_EQ(row[1], 6);
	metacall_value_destroy(args[0]);
	args[0] = metacall_value_create_string("x", 1);
	EXPECT_TRUE(is_error(metacallv_s("blur_row", args, 2), "TypeError",
	                     {"blur_row", "expected a Pointer, Buffer or Array of numbers", "String"}));
	metacall_value_destroy(args[0]);
	args[0] = array_of({string_value("not a number")});
	EXPECT_TRUE(is_error(metacallv_s("blur_row", args, 2), "TypeError", {"blur_row", "element 0"}));
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

} // namespace
