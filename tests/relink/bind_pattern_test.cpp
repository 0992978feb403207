// Only the imports whose names match the pattern are rebound; what was rebound is reported.
#include "relink_fixture.h"

#include <elf_binder.h>

using namespace relink_test;
using metacall_relink::bind_imports;

namespace {

class BindPatternTest : public ::testing::Test {
protected:
	void SetUp() override {
		consumer = open_library("consumer_lazy");
		provider_b = open_library("provider_b");
		ASSERT_TRUE(consumer && provider_b);
	}
	int call(const char *name) { return function(consumer.get(), name)(); }

	Library provider_b;
	Library consumer;
};

TEST_F(BindPatternTest, ExactNameRebindsOnlyThatSymbol) {
	const auto result = bind_imports(consumer.get(), "provider_value", provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(result.symbols, std::vector<std::string>{"provider_value"});
	EXPECT_EQ(result.rebound, 2u); // the call slot and the table entry
	EXPECT_EQ(call("consumer_call"), 2);
	EXPECT_EQ(call("consumer_read_counter"), 100);
}

TEST_F(BindPatternTest, GlobSelectsTheMatchingNames) {
	const auto result = bind_imports(consumer.get(), "*_count?r", provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(result.symbols, std::vector<std::string>{"provider_counter"});
	EXPECT_EQ(result.rebound, 1u);
	EXPECT_EQ(call("consumer_read_counter"), 200);
	EXPECT_EQ(call("consumer_call"), 1);
}

TEST_F(BindPatternTest, PatternMatchingNothingSucceedsAndRebindsNothing) {
	const auto result = bind_imports(consumer.get(), "napi_*", provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(result.rebound, 0u);
	EXPECT_TRUE(result.symbols.empty());
	EXPECT_EQ(call("consumer_call"), 1);
}

TEST_F(BindPatternTest, SymbolsTheTargetDefinesAreNotImports) {
	// consumer_* are the consumer's own functions: nothing to rebind, though B has none of them.
	const auto result = bind_imports(consumer.get(), "consumer_*", provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(result.rebound, 0u);
	EXPECT_TRUE(result.skipped.empty());
}

TEST_F(BindPatternTest, SymbolTheProviderLacksIsSkippedWithoutRequireAll) {
	Library provider_c = open_library("provider_c"); // defines provider_value only
	ASSERT_TRUE(provider_c);

	const auto result = bind_imports(consumer.get(), "provider_*", provider_c.get(), false);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(result.symbols, std::vector<std::string>{"provider_value"});
	EXPECT_EQ(result.skipped, std::vector<std::string>{"provider_counter"});
	EXPECT_EQ(call("consumer_call"), 3);
	EXPECT_EQ(call("consumer_read_counter"), 100);
}

} // namespace
