// Standard vocabulary types: std::pair and std::tuple <-> Arrays of that many elements,
// std::variant <-> its held alternative (read back as the first alternative that accepts the
// value), std::optional <-> null or the value, std::chrono::duration <-> a Double of seconds.
#include "cpp_api_test.h"

#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

using metacall::value;

namespace {

using StdValues = cpp_api_test::CppApi;

// The message of the type_error (or range_error) that `convert` throws; "" when it throws none.
template <typename F>
std::string type_error_of(F convert) {
	try {
		convert();
	} catch (const metacall::type_error &e) {
		return e.what();
	}
	return "";
}

} // namespace

// ---- std::optional ----

TEST_F(StdValues, EmptyOptionalIsNullAndNullIsEmpty) {
	value v = value::from(std::optional<long>());
	EXPECT_EQ(v.type(), METACALL_NULL);
	EXPECT_EQ(v.to<std::optional<long>>(), std::nullopt);
}

TEST_F(StdValues, FilledOptionalIsItsValue) {
	value v = value::from(std::optional<std::string>("here"));
	EXPECT_EQ(v.type(), METACALL_STRING);
	EXPECT_EQ(v.to<std::optional<std::string>>(), std::optional<std::string>("here"));
}

// ---- std::pair, std::tuple ----

TEST_F(StdValues, PairIsAnArrayOfTwo) {
	value v = value::from(std::pair<std::string, long>("answer", 42));
	ASSERT_EQ(v.type(), METACALL_ARRAY);
	ASSERT_EQ(metacall_value_count(v.get()), 2U);
	EXPECT_EQ(metacall_value_id(metacall_value_to_array(v.get())[0]), METACALL_STRING);
	EXPECT_EQ((v.to<std::pair<std::string, long>>()), (std::pair<std::string, long>("answer", 42)));
}

TEST_F(StdValues, TupleIsAnArrayOfItsElementsInOrder) {
	const std::tuple<long, std::string, double, bool> t{1, "two", 3.5, true};
	value v = value::from(t);
	ASSERT_EQ(v.type(), METACALL_ARRAY);
	ASSERT_EQ(metacall_value_count(v.get()), 4U);
	EXPECT_EQ(metacall_value_id(metacall_value_to_array(v.get())[3]), METACALL_BOOL);
	EXPECT_EQ((v.to<std::tuple<long, std::string, double, bool>>()), t);
}

TEST_F(StdValues, EmptyTupleIsAnEmptyArray) {
	value v = value::from(std::tuple<>());
	EXPECT_EQ(v.type(), METACALL_ARRAY);
	EXPECT_EQ(metacall_value_count(v.get()), 0U);
	EXPECT_NO_THROW(v.to<std::tuple<>>());
}

TEST_F(StdValues, TupleOfTheWrongLengthIsATypeErrorNamingBothLengths) {
	value v = value::from(std::vector<long>{1, 2, 3});
	EXPECT_EQ(type_error_of([&] { v.to<std::pair<long, long>>(); }),
	          "cannot convert to std::pair: expected an Array of 2 elements, got 3");
	EXPECT_EQ(type_error_of([&] { v.to<std::tuple<long, long, long, long>>(); }),
	          "cannot convert to std::tuple: expected an Array of 4 elements, got 3");
}

TEST_F(StdValues, TupleElementOfTheWrongTypeIsATypeErrorNamingItsIndex) {
	value v = value::from(std::tuple<long, std::string, long>(1, "two", 3));
	EXPECT_EQ(type_error_of([&] { v.to<std::tuple<long, long, long>>(); }),
	          "element 1: cannot convert to long: expected Char, Short, Integer, Long, Float or Double, "
	          "got String");
}

TEST_F(StdValues, TupleFromANonArrayIsATypeError) {
	EXPECT_EQ(type_error_of([] { value::from(5L).to<std::tuple<long>>(); }),
	          "cannot convert to std::tuple: expected Array, got Long");
}

// ---- std::variant ----

TEST_F(StdValues, VariantIsTheAlternativeItHolds) {
	using number_or_text = std::variant<long, std::string>;
	EXPECT_EQ(value::from(number_or_text(7L)).type(), METACALL_LONG);
	EXPECT_EQ(value::from(number_or_text("seven")).type(), METACALL_STRING);
}

TEST_F(StdValues, VariantReadsTheFirstAlternativeThatAccepts) {
	using number_or_text = std::variant<long, std::string>;
	EXPECT_EQ(value::from(7L).to<number_or_text>(), number_or_text(7L));
	EXPECT_EQ(value::from(std::string("seven")).to<number_or_text>(), number_or_text("seven"));
}

TEST_F(StdValues, VariantTriesAlternativesInOrder) {
	using whole_or_real = std::variant<long, double>;
	// 3.0 is a whole number, which long accepts first; 3.5 only double accepts.
	EXPECT_EQ(value::from(3.0).to<whole_or_real>().index(), 0U);
	EXPECT_EQ(value::from(3.5).to<whole_or_real>(), whole_or_real(3.5));
}

TEST_F(StdValues, VariantThatNoAlternativeAcceptsIsATypeErrorNamingTheValueType) {
	using number_or_text = std::variant<long, std::string>;
	EXPECT_EQ(type_error_of([] { value::from(true).to<number_or_text>(); }),
	          "cannot convert to std::variant: no alternative accepts a Boolean");
}

TEST_F(StdValues, VariantWithTheSameTypeTwiceReadsTheFirst) {
	using twice = std::variant<long, long>;
	EXPECT_EQ(value::from(4L).to<twice>().index(), 0U);
}

TEST_F(StdValues, VariantIsAParameterOfAnyTypeOfHostFunctions) {
	metacall::function f =
	    metacall::register_function("describe", [](const std::variant<long, std::string> &x) {
		    return x.index() == 0 ? std::string("number") : std::string("text");
	    });
	metacall::value_id declared = METACALL_LONG;
	ASSERT_EQ(metacall_function_parameter_type(f.get(), 0, &declared), 0);
	EXPECT_EQ(declared, METACALL_INVALID);
	EXPECT_EQ(metacall::call<std::string>("describe", 1L), "number");
	EXPECT_EQ(metacall::call<std::string>("describe", "one"), "text");
}

// ---- Nesting ----

TEST_F(StdValues, NestedContainersRoundTrip) {
	using row = std::tuple<long, std::string>;
	using nested = std::vector<std::optional<std::map<std::string, row>>>;
	const nested data{std::map<std::string, row>{{"a", {1, "one"}}, {"b", {2, "two"}}}, std::nullopt,
	                  std::map<std::string, row>{}};
	value v = value::from(data);
	ASSERT_EQ(v.type(), METACALL_ARRAY);
	EXPECT_EQ(metacall_value_id(metacall_value_to_array(v.get())[1]), METACALL_NULL);
	EXPECT_EQ(v.to<nested>(), data);
}

TEST_F(StdValues, NestedErrorsNameEveryLevel) {
	using nested = std::vector<std::optional<std::map<std::string, std::tuple<long, std::string>>>>;
	value v = value::from(std::vector<std::map<std::string, std::tuple<long, long>>>{{{"a", {1, 2}}}});
	EXPECT_EQ(type_error_of([&] { v.to<nested>(); }),
	          "element 0: element 0: element 1: cannot convert to std::string: expected String, got Long");
}

// ---- std::chrono::duration ----

TEST_F(StdValues, DurationIsADoubleOfSeconds) {
	value v = value::from(std::chrono::milliseconds(1500));
	ASSERT_EQ(v.type(), METACALL_DOUBLE);
	EXPECT_DOUBLE_EQ(metacall_value_to_double(v.get()), 1.5);
	EXPECT_EQ(v.to<std::chrono::milliseconds>(), std::chrono::milliseconds(1500));
	EXPECT_EQ(v.to<std::chrono::microseconds>(), std::chrono::microseconds(1500000));
}

TEST_F(StdValues, DurationReadsAnyNumberOfSeconds) {
	EXPECT_EQ(value::from(2L).to<std::chrono::seconds>(), std::chrono::seconds(2));
	EXPECT_EQ(value::from(0.3).to<std::chrono::milliseconds>(), std::chrono::milliseconds(300));
	EXPECT_DOUBLE_EQ(value::from(0.25).to<std::chrono::duration<double>>().count(), 0.25);
}

TEST_F(StdValues, DurationRoundsToTheNearestTick) {
	EXPECT_EQ(value::from(1.6).to<std::chrono::seconds>(), std::chrono::seconds(2));
}

TEST_F(StdValues, DurationFromANonNumberIsATypeError) {
	EXPECT_EQ(type_error_of([] { value::from(std::string("1s")).to<std::chrono::seconds>(); }),
	          "cannot convert to std::chrono::duration: expected a number of seconds, got String");
}

TEST_F(StdValues, DurationThatDoesNotFitIsARangeError) {
	EXPECT_THROW(value::from(1e300).to<std::chrono::nanoseconds>(), metacall::range_error);
	EXPECT_THROW(value::from(std::nan("")).to<std::chrono::seconds>(), metacall::range_error);
}
