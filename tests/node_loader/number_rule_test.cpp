// METACALL_NODE_NUMBERS, read when the loader starts: by default whole JS numbers cross as Long
// (docs/NUMBERS.md); with "double" every JS number crosses as a Double, as in MetaCall; any other
// value keeps the default. Both conversion paths are checked: a result alone (the scalar handoff
// of a call from another thread) and numbers inside an array.
#include "node_test.h"

#include <cstdlib>

namespace {

constexpr const char *kNumbers = "module.exports = {\n"
                                 "  three: () => 3,\n"
                                 "  half: () => 0.5,\n"
                                 "  several: () => [1, -2, 2.5],\n"
                                 "  twice: (x) => x * 2,\n"
                                 "};\n";

// A runtime started with METACALL_NODE_NUMBERS=`rule` (nullptr: unset).
class NodeNumberRule : public NodeLoaderTest {
protected:
	void start(const char *rule) {
		if (rule != nullptr)
			setenv("METACALL_NODE_NUMBERS", rule, 1);
		else
			unsetenv("METACALL_NODE_NUMBERS");
		NodeLoaderTest::SetUp();
		handle_ = load_memory(kNumbers);
	}
	void SetUp() override {} // each test starts with its rule
	void TearDown() override {
		NodeLoaderTest::TearDown();
		unsetenv("METACALL_NODE_NUMBERS");
	}
	ValuePtr call_numbers(const char *name, std::initializer_list<void *> args = {}) {
		return call_in(handle_, name, args);
	}
	// The elements of several() are Long (true) or all Double (false).
	void expect_several(bool as_long) {
		const ValuePtr several = call_numbers("several");
		ASSERT_EQ(metacall_value_count(several.get()), 3u) << describe(several.get());
		void **items = metacall_value_to_array(several.get());
		if (as_long) {
			EXPECT_TRUE(is_long(items[0], 1));
			EXPECT_TRUE(is_long(items[1], -2));
		} else {
			EXPECT_TRUE(is_double(items[0], 1.0));
			EXPECT_TRUE(is_double(items[1], -2.0));
		}
		EXPECT_TRUE(is_double(items[2], 2.5));
	}

	void *handle_ = nullptr;
};

TEST_F(NodeNumberRule, ByDefaultWholeNumbersCrossAsLong) {
	start(nullptr);
	EXPECT_TRUE(is_long(call_numbers("three").get(), 3));
	EXPECT_TRUE(is_double(call_numbers("half").get(), 0.5));
	expect_several(true);
}

TEST_F(NodeNumberRule, WithDoubleEveryNumberCrossesAsDouble) {
	start("double");
	EXPECT_TRUE(is_double(call_numbers("three").get(), 3.0));
	EXPECT_TRUE(is_double(call_numbers("half").get(), 0.5));
	EXPECT_TRUE(is_double(call_numbers("twice", {metacall_value_create_long(21)}).get(), 42.0));
	expect_several(false);
}

TEST_F(NodeNumberRule, WithDoubleRejectionsAndThrownNumbersAreDoubles) {
	start("double");
	void *handle = load_memory("module.exports = { fail: (x) => { throw x; } };");
	const ValuePtr thrown = call_in(handle, "fail", {metacall_value_create_long(56)});
	ASSERT_EQ(metacall_value_id(thrown.get()), METACALL_THROWABLE) << describe(thrown.get());
	EXPECT_TRUE(is_double(metacall_throwable_value(thrown.get()), 56.0));
}

TEST_F(NodeNumberRule, BigIntsStayIntegersWithDouble) {
	start("double");
	void *handle = load_memory("module.exports = { big: () => 2n ** 60n };");
	EXPECT_TRUE(is_long(call_in(handle, "big").get(), 1L << 60));
}

TEST_F(NodeNumberRule, AnUnknownRuleKeepsTheDefault) {
	start("float");
	EXPECT_TRUE(is_long(call_numbers("three").get(), 3));
	expect_several(true);
}

TEST_F(NodeNumberRule, TheRuleIsReadAgainWhenTheLoaderStartsAgain) {
	start("double");
	EXPECT_TRUE(is_double(call_numbers("three").get(), 3.0));
	NodeLoaderTest::TearDown();
	start(nullptr);
	EXPECT_TRUE(is_long(call_numbers("three").get(), 3));
}

} // namespace
