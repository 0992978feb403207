// Views (metacall_loader_set_views, issue #19): a caller that asks for them gets a plain JS array
// or object result by reference, as an object value read through the object interface; every
// other caller, and everything else, still gets copies.
#include "node_test.h"

#include <metacall/metacall_loader.h>

namespace {

class NodeViews : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		handle_ = load_memory("let kept = [1, 2, 3];\n"
		                      "module.exports = {\n"
		                      "  kept: () => kept,\n"
		                      "  push: (x) => kept.push(x),\n"
		                      "  settings: () => ({ name: 'metacall', list: [4, 5] }),\n"
		                      "  numbers: (n) => Array.from({ length: n }, (_, i) => i + 0.5 * (i % 2)),\n"
		                      "  mixed: () => [1, 2, 3, 4, 5, 6, 7, 8, 'nine', 10],\n"
		                      "  date: () => new Date(0),\n"
		                      "};\n");
	}

	// name(args...) of the script.
	ValuePtr call(const char *name, std::initializer_list<void *> args = {}) const {
		return call_in(handle_, name, args);
	}

	// name() with views asked for, as the py port asks.
	ValuePtr viewed(const char *name) const {
		metacall_loader_set_views(1);
		ValuePtr result = call(name);
		metacall_loader_set_views(0);
		return result;
	}

	void *handle_ = nullptr;
};

TEST_F(NodeViews, AnArrayComesByReferenceAndReadsThrough) {
	const ValuePtr view = viewed("kept");
	ASSERT_EQ(metacall_value_id(view.get()), METACALL_OBJECT) << metacall_value_type_name(view.get());
	void *object = metacall_value_to_object(view.get());
	EXPECT_STREQ(metacall_object_class_name(object), "Array");
	EXPECT_TRUE(is_long(ValuePtr(metacall_object_get(object, "length")).get(), 3));
	EXPECT_TRUE(is_long(ValuePtr(metacall_object_get(object, "1")).get(), 2));
	call("push", {metacall_value_create_long(4)});
	EXPECT_TRUE(is_long(ValuePtr(metacall_object_get(object, "length")).get(), 4)) << "not read through";
	const ValuePtr copy(metacallv_object(object, "valueOf", nullptr, 0)); // the eager copy
	ASSERT_EQ(metacall_value_id(copy.get()), METACALL_ARRAY);
	EXPECT_EQ(metacall_value_count(copy.get()), 4u);
}

TEST_F(NodeViews, APlainObjectComesByReferenceWithItsKeys) {
	const ValuePtr view = viewed("settings");
	ASSERT_EQ(metacall_value_id(view.get()), METACALL_OBJECT);
	void *object = metacall_value_to_object(view.get());
	EXPECT_STREQ(metacall_object_class_name(object), "Object");
	EXPECT_TRUE(is_string(ValuePtr(metacall_object_get(object, "name")).get(), "metacall"));
	const ValuePtr keys(metacall_object_keys(object));
	ASSERT_EQ(metacall_value_id(keys.get()), METACALL_ARRAY);
	EXPECT_EQ(metacall_value_count(keys.get()), 2u);
	// A read without views asked for copies the nested array.
	EXPECT_EQ(metacall_value_id(ValuePtr(metacall_object_get(object, "list")).get()), METACALL_ARRAY);
}

TEST_F(NodeViews, WithoutAskingResultsAreCopiesAndTheFlagIsTakenOnce) {
	EXPECT_EQ(metacall_value_id(call("kept").get()), METACALL_ARRAY);
	EXPECT_EQ(metacall_value_id(call("settings").get()), METACALL_MAP);
	metacall_loader_set_views(1);
	EXPECT_EQ(metacall_value_id(call("kept").get()), METACALL_OBJECT);
	EXPECT_EQ(metacall_value_id(call("kept").get()), METACALL_ARRAY) << "the loader did not take the flag";
	EXPECT_EQ(metacall_loader_take_views(), 0);
}

TEST_F(NodeViews, AViewOfAClearedHandleGivesAClearError) {
	const ValuePtr view = viewed("kept");
	ASSERT_EQ(metacall_value_id(view.get()), METACALL_OBJECT);
	ASSERT_EQ(metacall_clear(handle_), 0) << last_error();
	handle_ = nullptr;
	EXPECT_EQ(metacall_object_get(metacall_value_to_object(view.get()), "length"), nullptr);
	EXPECT_NE(last_error().find("cleared"), std::string::npos) << last_error();
}

TEST_F(NodeViews, OnlyPlainArraysAndObjectsAreViewed) {
	const ValuePtr date = viewed("date");
	ASSERT_EQ(metacall_value_id(date.get()), METACALL_OBJECT);
	EXPECT_STREQ(metacall_object_class_name(metacall_value_to_object(date.get())), "Date");
}

TEST_F(NodeViews, ArraysOfNumbersConvertAllAtOnceAndKeepTheNumberRule) {
	const ValuePtr numbers = call("numbers", {metacall_value_create_long(20)});
	ASSERT_EQ(metacall_value_id(numbers.get()), METACALL_ARRAY);
	void **items = metacall_value_to_array(numbers.get());
	EXPECT_TRUE(is_long(items[0], 0));
	ASSERT_EQ(metacall_value_id(items[1]), METACALL_DOUBLE);
	EXPECT_EQ(metacall_value_to_double(items[1]), 1.5);
	EXPECT_TRUE(is_long(items[18], 18));
	// A string among the numbers: those before it at once, the rest one by one.
	const ValuePtr mixed = call("mixed");
	void **mixed_items = metacall_value_to_array(mixed.get());
	ASSERT_EQ(metacall_value_count(mixed.get()), 10u);
	EXPECT_TRUE(is_long(mixed_items[7], 8));
	EXPECT_TRUE(is_string(mixed_items[8], "nine"));
	EXPECT_TRUE(is_long(mixed_items[9], 10));
}

} // namespace
