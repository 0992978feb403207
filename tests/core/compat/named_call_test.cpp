// metacallfmv and metacallfms: arguments by parameter name (or position), in any order; every
// parameter given once, or the call is refused before it runs.
#include "../support/error_text.h"
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <string>

using core_test::LastErrorContains;
using core_test::own;

namespace {

// minus(arg0, arg1) = arg0 - arg1: the order shows which argument went where.
void *minus(size_t, void *argv[], void *) {
	return metacall_value_create_long(metacall_value_to_long(argv[0]) - metacall_value_to_long(argv[1]));
}

void *keep(void *result, void *data) {
	*static_cast<long *>(data) = metacall_value_to_long(result);
	return nullptr;
}

class NamedCall : public core_test::RuntimeTest {
protected:
	void SetUp() override {
		RuntimeTest::SetUp();
		ASSERT_EQ(metacall_register("minus", minus, &func, METACALL_LONG, 2, METACALL_LONG, METACALL_LONG),
		          0);
	}
	long call(void *k0, void *k1, void *v0, void *v1) {
		void *keys[] = {k0, k1};
		void *values[] = {v0, v1};
		void *result = metacallfmv(func, keys, values);
		const long out = result != nullptr ? metacall_value_to_long(result) : -999;
		metacall_value_destroy(result);
		for (void *v : {k0, k1, v0, v1})
			metacall_value_destroy(v);
		return out;
	}
	static void *name(const char *n) {
		return metacall_value_create_string(n, std::char_traits<char>::length(n));
	}
	static void *number(long n) { return metacall_value_create_long(n); }
	void *func = nullptr;
};

} // namespace

TEST_F(NamedCall, NamesPlaceTheArgumentsInAnyOrder) {
	EXPECT_EQ(call(name("arg0"), name("arg1"), number(10), number(3)), 7);
	EXPECT_EQ(call(name("arg1"), name("arg0"), number(10), number(3)), -7);
}

TEST_F(NamedCall, IntegerKeysArePositions) {
	EXPECT_EQ(call(number(1), number(0), number(10), number(3)), -7);
	EXPECT_EQ(call(metacall_value_create_int(0), name("arg1"), number(10), number(3)), 7);
}

TEST_F(NamedCall, UnknownNameIsRefusedNamingTheParameters) {
	EXPECT_EQ(call(name("arg0"), name("nope"), number(1), number(2)), -999);
	EXPECT_TRUE(LastErrorContains("no parameter named 'nope'"));
	EXPECT_TRUE(LastErrorContains("arg0, arg1"));
}

TEST_F(NamedCall, RepeatedOrOutOfRangeKeysAreRefused) {
	EXPECT_EQ(call(name("arg0"), number(0), number(1), number(2)), -999);
	EXPECT_TRUE(LastErrorContains("given twice"));
	EXPECT_EQ(call(name("arg0"), number(2), number(1), number(2)), -999);
	EXPECT_TRUE(LastErrorContains("position 2"));
	EXPECT_EQ(call(name("arg0"), metacall_value_create_double(1.0), number(1), number(2)), -999);
	EXPECT_TRUE(LastErrorContains("Double"));
	EXPECT_EQ(call(name("arg0"), metacall_value_create_bool(1), number(1), number(2)), -999);
	EXPECT_TRUE(LastErrorContains("is a Boolean"));
}

TEST_F(NamedCall, CallersValuesAreLeftAsTheyWere) {
	auto k0 = own(name("arg0"));
	auto k1 = own(name("arg1"));
	auto v0 = own(metacall_value_create_int(9));
	auto v1 = own(metacall_value_create_int(4));
	void *keys[] = {k0.get(), k1.get()};
	void *values[] = {v0.get(), v1.get()};
	auto result = own(metacallfmv(func, keys, values));
	EXPECT_EQ(metacall_value_to_long(result.get()), 5);
	EXPECT_EQ(values[0], v0.get());
	EXPECT_EQ(metacall_value_id(v0.get()), METACALL_INT);
}

TEST_F(NamedCall, JsonObjectOfNames) {
	static const char args[] = "{\"arg1\": 3, \"arg0\": 10}";
	auto result = own(metacallfms(func, args, sizeof(args) - 1, nullptr));
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(metacall_value_to_long(result.get()), 7);
}

TEST_F(NamedCall, JsonThatIsNotAnObjectOrMissesOneIsRefused) {
	EXPECT_EQ(metacallfms(func, "[1, 2]", 6, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("JSON object"));
	EXPECT_EQ(metacallfms(func, "{\"arg0\": 1}", 11, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("takes 2 arguments, 1 were given"));
	EXPECT_EQ(metacallfms(func, nullptr, 0, nullptr), nullptr);
}

TEST_F(NamedCall, EmptyJsonCallsAFunctionWithoutParameters) {
	void *none = nullptr;
	ASSERT_EQ(metacall_register(
	              "none", [](size_t, void *[], void *) { return metacall_value_create_long(1); }, &none,
	              METACALL_LONG, 0),
	          0);
	auto result = own(metacallfms(none, nullptr, 0, nullptr));
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(metacall_value_to_long(result.get()), 1);
	auto from_object = own(metacallfms(none, "{}", 2, nullptr));
	EXPECT_EQ(metacall_value_to_long(from_object.get()), 1);
}

TEST_F(NamedCall, AwaitForms) {
	long seen = 0;
	auto future =
	    own(metacallfms_await(func, "{\"arg0\": 2, \"arg1\": 5}", 22, nullptr, keep, nullptr, &seen));
	ASSERT_NE(future, nullptr);
	EXPECT_EQ(seen, -3);
	auto k0 = own(name("arg1"));
	auto k1 = own(name("arg0"));
	auto v0 = own(number(2));
	auto v1 = own(number(5));
	void *keys[] = {k0.get(), k1.get()};
	void *values[] = {v0.get(), v1.get()};
	auto f1 = own(metacallfmv_await(func, keys, values, keep, nullptr, &seen));
	EXPECT_EQ(seen, 3);
	auto f2 = own(metacallfmv_await_s(func, keys, values, 2, keep, nullptr, &seen));
	EXPECT_EQ(seen, 3);
	EXPECT_EQ(metacallfmv_await_s(func, keys, values, 1, keep, nullptr, &seen), nullptr);
	EXPECT_TRUE(LastErrorContains("takes 2 arguments"));
}
