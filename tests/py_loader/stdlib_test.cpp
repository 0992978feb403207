// Real standard-library code called from C: json as a package, difflib behind a small script.
#include "py_test.h"

#include <cmath>

namespace {

using PyStandardLibrary = PyLoaderTest;

TEST_F(PyStandardLibrary, JsonDumpsAMap) {
	void *json = nullptr;
	ASSERT_EQ(metacall_load_from_package("py", "json", &json), 0) << last_error();
	const ValuePtr text = call_in(
	    json, "dumps",
	    {map_value({{"name", string_value("metacall")},
	                {"list", array_value({metacall_value_create_long(1), metacall_value_create_double(2.5),
	                                      metacall_value_create_bool(1), metacall_value_create_null()})}})});
	EXPECT_TRUE(is_string(text.get(), R"({"name": "metacall", "list": [1, 2.5, true, null]})"));
}

TEST_F(PyStandardLibrary, JsonLoadsGivesAMap) {
	void *json = nullptr;
	ASSERT_EQ(metacall_load_from_package("py", "json", &json), 0) << last_error();
	const ValuePtr map = call_in(json, "loads", {string_value(R"({"a": [1, 2]})")});
	ASSERT_EQ(metacall_value_id(map.get()), METACALL_MAP) << describe(map.get());
	void **pair = metacall_value_to_array(metacall_value_to_map(map.get())[0]);
	EXPECT_TRUE(is_string(pair[0], "a"));
	EXPECT_EQ(metacall_value_count(pair[1]), 2u);
}

TEST_F(PyStandardLibrary, DifflibRatioThroughAScript) {
	ASSERT_EQ(load("similarity.py"), 0) << last_error();
	const ValuePtr ratio = call("ratio", {string_value("abcd"), string_value("bcde")});
	ASSERT_EQ(metacall_value_id(ratio.get()), METACALL_DOUBLE) << describe(ratio.get());
	EXPECT_DOUBLE_EQ(metacall_value_to_double(ratio.get()), 0.75);
}

} // namespace
