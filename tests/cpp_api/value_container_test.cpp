// Containers: std::vector <-> Array, std::map / std::unordered_map <-> Map (arrays of [key, value]
// arrays), std::optional <-> null or the value; nested freely; a failed element names its place.
#include "cpp_api_test.h"

#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

using metacall::value;

namespace {

using ContainerValues = cpp_api_test::CppApi;

// [key, value] as the C API builds it.
void *entry(void *key, void *item) {
	const void *pair[] = {key, item};
	return metacall_value_create_array(pair, 2);
}

} // namespace

TEST_F(ContainerValues, VectorIsAnArrayOfItsElements) {
	value v = value::from(std::vector<long>{1, 2, 3});
	ASSERT_EQ(v.type(), METACALL_ARRAY);
	ASSERT_EQ(metacall_value_count(v.get()), 3U);
	void **slots = metacall_value_to_array(v.get());
	EXPECT_EQ(metacall_value_id(slots[0]), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(slots[2]), 3);
	EXPECT_EQ(v.to<std::vector<long>>(), (std::vector<long>{1, 2, 3}));
}

TEST_F(ContainerValues, EmptyVectorRoundTrips) {
	value v = value::from(std::vector<std::string>());
	EXPECT_EQ(v.type(), METACALL_ARRAY);
	EXPECT_TRUE(v.to<std::vector<std::string>>().empty());
}

TEST_F(ContainerValues, ElementsConvertWithTheirOwnRules) {
	const void *items[] = {metacall_value_create_char(1), metacall_value_create_int(2),
	                       metacall_value_create_long(3)};
	value mixed(metacall_value_create_array(items, 3));
	EXPECT_EQ(mixed.to<std::vector<short>>(), (std::vector<short>{1, 2, 3}));
	EXPECT_EQ(mixed.to<std::vector<double>>(), (std::vector<double>{1, 2, 3}));
}

TEST_F(ContainerValues, FailedElementNamesItsIndex) {
	value v = value::from(std::vector<std::string>{"a", "b"});
	try {
		(void)v.to<std::vector<long>>();
		FAIL() << "no type_error";
	} catch (const metacall::type_error &e) {
		EXPECT_STREQ(e.what(), "element 0: cannot convert to long: expected Char, Short, Integer, Long, "
		                       "Float or Double, got String");
	}
	value big = value::from(std::vector<long>{1, 1000});
	EXPECT_THROW(big.to<std::vector<unsigned char>>(), metacall::range_error);
}

TEST_F(ContainerValues, NestedContainersRoundTrip) {
	const std::map<std::string, std::vector<std::optional<double>>> nested = {
	    {"a", {1.5, std::nullopt}}, {"b", {}}, {"c", {std::nullopt}}};
	value v = value::from(nested);
	EXPECT_EQ(v.type(), METACALL_MAP);
	EXPECT_EQ((v.to<std::map<std::string, std::vector<std::optional<double>>>>()), nested);

	const std::vector<std::vector<std::vector<int>>> deep = {{{1}, {2, 3}}, {}, {{}}};
	EXPECT_EQ(value::from(deep).to<std::vector<std::vector<std::vector<int>>>>(), deep);
}

TEST_F(ContainerValues, MapIsAnArrayOfKeyValuePairs) {
	value v = value::from(std::map<std::string, long>{{"one", 1}, {"two", 2}});
	ASSERT_EQ(v.type(), METACALL_MAP);
	ASSERT_EQ(metacall_value_count(v.get()), 2U);
	void *first = metacall_value_to_map(v.get())[0];
	ASSERT_EQ(metacall_value_id(first), METACALL_ARRAY);
	ASSERT_EQ(metacall_value_count(first), 2U);
	EXPECT_STREQ(metacall_value_to_string(metacall_value_to_array(first)[0]), "one");
	EXPECT_EQ(metacall_value_to_long(metacall_value_to_array(first)[1]), 1);
}

TEST_F(ContainerValues, MapsRoundTrip) {
	const std::map<std::string, long> ordered = {{"x", -1}, {"y", 2}};
	EXPECT_EQ((value::from(ordered).to<std::map<std::string, long>>()), ordered);
	const std::unordered_map<long, std::string> hashed = {{1, "one"}, {2, "two"}, {3, ""}};
	EXPECT_EQ((value::from(hashed).to<std::unordered_map<long, std::string>>()), hashed);
	EXPECT_EQ((value::from(ordered).to<std::unordered_map<std::string, int>>()),
	          (std::unordered_map<std::string, int>{{"x", -1}, {"y", 2}}));
}

TEST_F(ContainerValues, MapBuiltByTheCApiConvertsAndALaterKeyWins) {
	const void *tuples[] = {entry(metacall_value_create_string("k", 1), metacall_value_create_int(1)),
	                        entry(metacall_value_create_string("k", 1), metacall_value_create_int(2))};
	value v(metacall_value_create_map(tuples, 2));
	EXPECT_EQ((v.to<std::map<std::string, int>>()), (std::map<std::string, int>{{"k", 2}}));
}

TEST_F(ContainerValues, MapEntryThatIsNotAPairIsATypeError) {
	const void *tuples[] = {metacall_value_create_long(1)};
	value v(metacall_value_create_map(tuples, 1));
	try {
		(void)v.to<std::map<long, long>>();
		FAIL() << "no type_error";
	} catch (const metacall::type_error &e) {
		EXPECT_STREQ(e.what(), "cannot convert to a map: entry 0 is not a [key, value] Array");
	}
}

TEST_F(ContainerValues, ArrayIsNotAMapNorTheOtherWay) {
	EXPECT_THROW((value::from(std::vector<int>{}).to<std::map<int, int>>()), metacall::type_error);
	EXPECT_THROW((value::from(std::map<int, int>{}).to<std::vector<int>>()), metacall::type_error);
}

TEST_F(ContainerValues, OptionalIsNullOrTheValue) {
	value none = value::from(std::optional<long>());
	EXPECT_EQ(none.type(), METACALL_NULL);
	EXPECT_EQ(none.to<std::optional<long>>(), std::nullopt);
	value some = value::from(std::optional<long>(5));
	EXPECT_EQ(some.type(), METACALL_LONG);
	EXPECT_EQ(some.to<std::optional<long>>(), 5);
	EXPECT_THROW(value::from("x").to<std::optional<long>>(), metacall::type_error);
}

TEST_F(ContainerValues, NullSlotsReadAsNull) {
	value v(metacall_value_create_array(nullptr, 2)); // both slots NULL
	EXPECT_EQ(v.to<std::vector<std::optional<int>>>(),
	          (std::vector<std::optional<int>>{std::nullopt, std::nullopt}));
	EXPECT_EQ(v.to<std::vector<value>>()[0].type(), METACALL_NULL);
	EXPECT_THROW(v.to<std::vector<int>>(), metacall::type_error);
}

TEST_F(ContainerValues, VectorOfValuesTakesItsElementsWhenMoved) {
	std::vector<value> items;
	items.push_back(value::from(1));
	items.push_back(value::from("two"));
	void *first = items[0].get();
	value v = value::from(std::move(items));
	EXPECT_EQ(metacall_value_to_array(v.get())[0], first); // taken, not copied
	std::vector<value> back = v.to<std::vector<value>>();
	EXPECT_EQ(back[1].to<std::string>(), "two");
	EXPECT_NE(back[0].get(), first); // reading copies: `v` still owns its elements
}

TEST_F(ContainerValues, VectorOfValuesIsCopiedWhenNotMoved) {
	std::vector<value> items;
	items.push_back(value::from(1));
	value v = value::from(items);
	EXPECT_NE(metacall_value_to_array(v.get())[0], items[0].get());
	EXPECT_EQ(items[0].to<int>(), 1);
}
