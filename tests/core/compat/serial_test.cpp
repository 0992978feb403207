// metacall_serialize and metacall_deserialize write and read values as MetaCall's JSON serial
// does; metacallfs and metacallfs_await call with arguments written as a JSON array.
#include "../support/counting_allocator.h"
#include "../support/error_text.h"
#include "../support/host_add.h"
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <string>

using core_test::LastErrorContains;
using core_test::own;

namespace {

// The JSON text of `v` (borrowed), through malloc.
std::string json_of(void *v) {
	size_t size = 0;
	char *text = metacall_serialize(metacall_serial(), v, &size, nullptr);
	if (text == nullptr)
		return "<NULL: " + core_test::last_error_message().value_or("no error") + ">";
	std::string out(text);
	EXPECT_EQ(size, out.size() + 1);
	std::free(text);
	return out;
}

core_test::Value read_json(const std::string &text) {
	return own(metacall_deserialize(metacall_serial(), text.data(), text.size(), nullptr));
}

void *pair(void *key, void *value) {
	const void *items[] = {key, value};
	return metacall_value_create_array(items, 2);
}

} // namespace

TEST(Serialize, ScalarsAsJson) {
	EXPECT_EQ(json_of(own(metacall_value_create_bool(1)).get()), "true");
	EXPECT_EQ(json_of(own(metacall_value_create_char('x')).get()), "\"x\"");
	EXPECT_EQ(json_of(own(metacall_value_create_short(-3)).get()), "-3");
	EXPECT_EQ(json_of(own(metacall_value_create_int(42)).get()), "42");
	EXPECT_EQ(json_of(own(metacall_value_create_long(1L << 40)).get()), "1099511627776");
	EXPECT_EQ(json_of(own(metacall_value_create_double(2.5)).get()), "2.5");
	EXPECT_EQ(json_of(own(metacall_value_create_float(0.5f)).get()), "0.5");
	EXPECT_EQ(json_of(own(metacall_value_create_null()).get()), "null");
	EXPECT_EQ(json_of(own(metacall_value_create_string("a\"b\n", 4)).get()), "\"a\\\"b\\n\"");
}

TEST(Serialize, ContainersInOrder) {
	const void *items[] = {metacall_value_create_int(1), metacall_value_create_string("two", 3),
	                       metacall_value_create_array(nullptr, 0)};
	EXPECT_EQ(json_of(own(metacall_value_create_array(items, 3)).get()), "[1,\"two\",[]]");
	const void *tuples[] = {pair(metacall_value_create_string("z", 1), metacall_value_create_int(1)),
	                        pair(metacall_value_create_string("a", 1), metacall_value_create_bool(0)),
	                        pair(metacall_value_create_int(7), metacall_value_create_null())};
	EXPECT_EQ(json_of(own(metacall_value_create_map(tuples, 3)).get()), "{\"z\":1,\"a\":false,\"7\":null}");
}

TEST(Serialize, MetaCallShapesForTheRest) {
	EXPECT_EQ(json_of(own(metacall_value_create_buffer("\x01\xff", 2)).get()),
	          "{\"data\":[1,255],\"length\":2}");
	auto th = own(metacall_error_throw("TypeError", 5, "at x", "bad %d", 1));
	EXPECT_EQ(json_of(th.get()), "{\"ExceptionThrown\":{\"message\":\"bad 1\",\"label\":\"TypeError\","
	                             "\"code\":5,\"stacktrace\":\"at x\"}}");
	auto future = own(metacall_future_create());
	EXPECT_EQ(json_of(future.get()), "\"[Future]\"");
	static int x;
	std::string address = json_of(own(metacall_value_create_ptr(&x)).get());
	EXPECT_EQ(address.substr(0, 3), "\"0x");
	EXPECT_EQ(std::strtoull(address.c_str() + 1, nullptr, 16), reinterpret_cast<unsigned long long>(&x));
}

TEST(Serialize, UsesTheAllocator) {
	core_test::counts.reset();
	auto functions = core_test::counting_functions();
	void *allocator = metacall_allocator_create(METACALL_ALLOCATOR_STD, &functions);
	auto v = own(metacall_value_create_int(3));
	size_t size = 0;
	char *text = metacall_serialize("json", v.get(), &size, allocator);
	ASSERT_NE(text, nullptr);
	EXPECT_STREQ(text, "3");
	EXPECT_EQ(size, 2u);
	EXPECT_GE(core_test::counts.mallocs.load(), 1);
	metacall_allocator_free(allocator, text);
	EXPECT_GE(core_test::counts.frees.load(), 1);
	metacall_allocator_destroy(allocator);
}

TEST(Serialize, RefusesUnknownSerialsAndNonValues) {
	auto v = own(metacall_value_create_int(3));
	EXPECT_EQ(metacall_serialize("yaml", v.get(), nullptr, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("yaml"));
	int not_a_value = 0;
	EXPECT_EQ(metacall_serialize(nullptr, &not_a_value, nullptr, nullptr), nullptr);
	char *text = metacall_serialize("rapid_json", v.get(), nullptr, nullptr); // MetaCall's name
	ASSERT_NE(text, nullptr);
	std::free(text);
}

TEST(Serialize, RefusesTooDeepValues) {
	void *v = metacall_value_create_int(0);
	for (int i = 0; i < METACALL_VALUE_MAX_DEPTH + 2; ++i) {
		const void *items[] = {v};
		v = metacall_value_create_array(items, 1);
	}
	auto deep = own(v);
	EXPECT_EQ(metacall_serialize(nullptr, deep.get(), nullptr, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("nested"));
}

TEST(Deserialize, NumbersTakeMetaCallsTypes) {
	auto small = read_json("12");
	EXPECT_EQ(metacall_value_id(small.get()), METACALL_INT);
	auto big = read_json("-1099511627776");
	EXPECT_EQ(metacall_value_id(big.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(big.get()), -1099511627776L);
	auto huge = read_json("18446744073709551615");
	EXPECT_EQ(metacall_value_id(huge.get()), METACALL_BIGINT);
	auto exact = read_json("3.5");
	EXPECT_EQ(metacall_value_id(exact.get()), METACALL_FLOAT);
	auto inexact = read_json("0.1");
	EXPECT_EQ(metacall_value_id(inexact.get()), METACALL_DOUBLE);
	EXPECT_DOUBLE_EQ(metacall_value_to_double(inexact.get()), 0.1);
}

TEST(Deserialize, ObjectsAreMapsInTheTextsOrder) {
	auto v = read_json("{\"b\": [true, null, \"s\"], \"a\": 1}");
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_MAP);
	ASSERT_EQ(metacall_value_count(v.get()), 2u);
	void **tuples = metacall_value_to_map(v.get());
	void **first = metacall_value_to_array(tuples[0]);
	EXPECT_STREQ(metacall_value_to_string(first[0]), "b");
	ASSERT_EQ(metacall_value_id(first[1]), METACALL_ARRAY);
	void **items = metacall_value_to_array(first[1]);
	EXPECT_EQ(metacall_value_id(items[0]), METACALL_BOOL);
	EXPECT_EQ(metacall_value_id(items[1]), METACALL_NULL);
	EXPECT_STREQ(metacall_value_to_string(items[2]), "s");
	EXPECT_STREQ(metacall_value_to_string(metacall_value_to_array(tuples[1])[0]), "a");
}

TEST(Deserialize, RoundTrips) {
	const std::string text = "{\"name\":\"x\",\"list\":[1,2.5,false,null],\"nested\":{\"k\":\"v\"}}";
	EXPECT_EQ(json_of(read_json(text).get()), text);
}

TEST(Deserialize, CountedNulIsIgnored) {
	static const char text[] = "[1]";
	auto v = own(metacall_deserialize(nullptr, text, sizeof text, nullptr));
	ASSERT_NE(v, nullptr);
	EXPECT_EQ(metacall_value_count(v.get()), 1u);
}

TEST(Deserialize, BadTextSaysWhere) {
	EXPECT_EQ(read_json("[1, 2"), nullptr);
	EXPECT_TRUE(LastErrorContains("not JSON"));
	EXPECT_TRUE(LastErrorContains("column"));
	EXPECT_EQ(metacall_deserialize(nullptr, nullptr, 0, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("NULL"));
	EXPECT_EQ(metacall_deserialize("xml", "1", 1, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("xml"));
}

TEST(Deserialize, RefusesTooDeepText) {
	const std::string deep = std::string(100000, '[') + std::string(100000, ']');
	EXPECT_EQ(read_json(deep), nullptr);
	EXPECT_TRUE(LastErrorContains("nested"));
	// As deep as a value may be (an element METACALL_VALUE_MAX_DEPTH levels below the top), and one
	// more: the same limit as metacall_value_copy and metacall_serialize.
	const int levels = METACALL_VALUE_MAX_DEPTH;
	auto v = read_json(std::string(levels, '[') + "7" + std::string(levels, ']'));
	ASSERT_NE(v, nullptr);
	void *at = v.get();
	for (int i = 0; i < levels; ++i) {
		ASSERT_EQ(metacall_value_count(at), 1u);
		at = metacall_value_to_array(at)[0];
	}
	EXPECT_EQ(metacall_value_to_int(at), 7); // kept, not dropped
	auto copy = own(metacall_value_copy(v.get()));
	EXPECT_NE(copy, nullptr);
	EXPECT_EQ(read_json(std::string(levels + 1, '[') + "7" + std::string(levels + 1, ']')), nullptr);
	EXPECT_TRUE(LastErrorContains("nested"));
}

class CallWithJson : public core_test::RuntimeTest {};

TEST_F(CallWithJson, ArgumentsFromAJsonArray) {
	void *add = nullptr;
	ASSERT_EQ(core_test::register_add("add", &add), 0);
	static const char args[] = "[3, 4]";
	auto result = own(metacallfs(add, args, sizeof(args) - 1, nullptr));
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(metacall_value_to_int(result.get()), 7);
}

TEST_F(CallWithJson, WrongCountIsAThrowableAsForValues) {
	void *add = nullptr;
	ASSERT_EQ(core_test::register_add("add", &add), 0);
	auto result = own(metacallfs(add, "[3]", 3, nullptr));
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE);
}

TEST_F(CallWithJson, RefusesTextThatIsNotAnArray) {
	void *add = nullptr;
	ASSERT_EQ(core_test::register_add("add", &add), 0);
	EXPECT_EQ(metacallfs(add, "{\"a\": 1}", 8, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("JSON array"));
	EXPECT_EQ(metacallfs(add, "[1,", 3, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("not JSON"));
	EXPECT_EQ(metacallfs(nullptr, "[]", 2, nullptr), nullptr);
}

namespace {
void *keep_result(void *result, void *data) {
	*static_cast<long *>(data) = metacall_value_to_int(result);
	return metacall_value_copy(result);
}
} // namespace

TEST_F(CallWithJson, AwaitRunsTheCallbackWithTheResult) {
	void *add = nullptr;
	ASSERT_EQ(core_test::register_add("add", &add), 0);
	long seen = 0;
	auto future = own(metacallfs_await(add, "[20, 22]", 8, nullptr, keep_result, nullptr, &seen));
	ASSERT_NE(future, nullptr);
	EXPECT_EQ(metacall_value_id(future.get()), METACALL_FUTURE);
	EXPECT_EQ(seen, 42); // a plain function's result settles at once
}
