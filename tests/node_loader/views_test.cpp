// Views (metacall_loader_set_views, issue #19): a caller that asks for them gets a plain JS array,
// object or Map result by reference, as an object value read through the object interface, and
// bytes as a buffer value borrowing the JS memory; every other caller, and everything else, still
// gets copies.
#include "node_test.h"

#include <metacall/metacall_buffer.h>
#include <metacall/metacall_loader.h>

namespace {

class NodeViews : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		handle_ =
		    load_memory("let kept = [1, 2, 3];\n"
		                "const bytes = new Uint8Array([1, 2, 3]);\n"
		                "module.exports = {\n"
		                "  kept: () => kept,\n"
		                "  push: (x) => kept.push(x),\n"
		                "  settings: () => ({ name: 'metacall', list: [4, 5] }),\n"
		                "  numbers: (n) => Array.from({ length: n }, (_, i) => i + 0.5 * (i % 2)),\n"
		                "  mixed: () => [1, 2, 3, 4, 5, 6, 7, 8, 'nine', 10],\n"
		                "  date: () => new Date(0),\n"
		                "  map: () => new Map([['a', 1], [2, 'two']]),\n"
		                "  sub_map: () => new (class Sub extends Map {})([[1, 2]]),\n"
		                "  sub_array: () => new (class List extends Array {})(1, 2),\n"
		                "  bare: () => Object.assign(Object.create(null), { a: 1 }),\n"
		                "  proxied: () => new Proxy({ a: 1 }, {}),\n"
		                "  error: () => new TypeError('made'),\n"
		                "  promise: () => Promise.resolve(1),\n"
		                "  kept_bytes: () => bytes,\n"
		                "  first_byte: () => bytes[0],\n"
		                "  doubles: () => { const d = new Float64Array([1, 2, 3, 4]); d.shape = [2, 2]; "
		                "return d; },\n"
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
	EXPECT_STREQ(metacall_object_loader_tag(metacall_value_to_object(date.get())), "node");
	// Instances of subclasses are no views: as without views, a copy of an Array's elements, an
	// object of a Map's class.
	const ValuePtr list = viewed("sub_array");
	ASSERT_EQ(metacall_value_id(list.get()), METACALL_ARRAY) << metacall_value_type_name(list.get());
	EXPECT_EQ(metacall_value_count(list.get()), 2u);
	const ValuePtr sub = viewed("sub_map");
	ASSERT_EQ(metacall_value_id(sub.get()), METACALL_OBJECT) << metacall_value_type_name(sub.get());
	EXPECT_STREQ(metacall_object_class_name(metacall_value_to_object(sub.get())), "Sub");
	// No prototype, or a Proxy (whose prototype a trap would tell): copies, as without views.
	for (const char *name : {"bare", "proxied"}) {
		const ValuePtr copy = viewed(name);
		ASSERT_EQ(metacall_value_id(copy.get()), METACALL_MAP)
		    << name << ": " << metacall_value_type_name(copy.get());
		EXPECT_EQ(metacall_value_count(copy.get()), 1u);
	}
	// Errors and promises keep their own values.
	const ValuePtr error = viewed("error");
	EXPECT_EQ(metacall_value_id(error.get()), METACALL_EXCEPTION) << metacall_value_type_name(error.get());
	const ValuePtr promise = viewed("promise");
	EXPECT_EQ(metacall_value_id(promise.get()), METACALL_FUTURE) << metacall_value_type_name(promise.get());
}

TEST_F(NodeViews, AMapComesByReferenceOrAsAMapValueOfItsEntries) {
	const ValuePtr view = viewed("map");
	ASSERT_EQ(metacall_value_id(view.get()), METACALL_OBJECT) << metacall_value_type_name(view.get());
	void *object = metacall_value_to_object(view.get());
	EXPECT_STREQ(metacall_object_class_name(object), "Map");
	EXPECT_TRUE(is_long(ValuePtr(metacall_object_get(object, "size")).get(), 2));
	void *key = metacall_value_create_long(2);
	EXPECT_TRUE(is_string(ValuePtr(metacallv_object(object, "get", &key, 1)).get(), "two"));
	metacall_value_destroy(key);
	// Without views: a map value of the entries, in order, keys of any type.
	const ValuePtr copy = call("map");
	ASSERT_EQ(metacall_value_id(copy.get()), METACALL_MAP) << metacall_value_type_name(copy.get());
	ASSERT_EQ(metacall_value_count(copy.get()), 2u);
	void **second = metacall_value_to_array(metacall_value_to_map(copy.get())[1]);
	EXPECT_TRUE(is_long(second[0], 2));
	EXPECT_TRUE(is_string(second[1], "two"));
	// An instance of a subclass of Map stays an object of its class either way.
	const ValuePtr sub = call("sub_map");
	ASSERT_EQ(metacall_value_id(sub.get()), METACALL_OBJECT);
	EXPECT_STREQ(metacall_object_class_name(metacall_value_to_object(sub.get())), "Sub");
}

TEST_F(NodeViews, BytesComeAsABufferBorrowingTheJsMemory) {
	const ValuePtr view = viewed("kept_bytes");
	ASSERT_EQ(metacall_value_id(view.get()), METACALL_BUFFER) << metacall_value_type_name(view.get());
	EXPECT_EQ(metacall_value_buffer_is_borrowed(view.get()), 1);
	ASSERT_EQ(metacall_value_size(view.get()), 3u);
	static_cast<unsigned char *>(metacall_value_to_buffer(view.get()))[0] = 42; // JS sees it
	EXPECT_TRUE(is_long(call("first_byte").get(), 42));
	const ValuePtr copy = call("kept_bytes"); // without views: a copy of its own
	EXPECT_EQ(metacall_value_buffer_is_borrowed(copy.get()), 0);
	const ValuePtr doubles = viewed("doubles"); // with the typed array's layout
	size_t ndim = 0;
	const size_t *shape = nullptr;
	EXPECT_EQ(metacall_value_buffer_layout(doubles.get(), &ndim, &shape), 'd');
	ASSERT_EQ(ndim, 2u);
	EXPECT_EQ(shape[0], 2u);
	EXPECT_EQ(static_cast<const double *>(metacall_value_to_buffer(doubles.get()))[3], 4.0);
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
