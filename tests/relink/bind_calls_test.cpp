// A consumer loaded with provider A, rebound to provider B: its calls and reads reach B, through
// every kind of slot, in each build of the consumer.
#include "relink_fixture.h"

#include <elf_binder.h>

#include <elf.h>

using namespace relink_test;
using metacall_relink::bind_imports;

namespace {

struct Build {
	const char *consumer;        // library name
	uint32_t function_slot_type; // the relocation its calls to provider_value go through
};
void PrintTo(const Build &build, std::ostream *out) {
	*out << build.consumer;
}

class BindCallsTest : public ::testing::TestWithParam<Build> {
protected:
	void SetUp() override {
		consumer = open_library(GetParam().consumer);
		provider_b = open_library("provider_b");
		ASSERT_TRUE(consumer && provider_b);
	}
	int call(const char *name) { return function(consumer.get(), name)(); }

	Library provider_b; // outlives the consumer, which calls into it once rebound
	Library consumer;
};

TEST_P(BindCallsTest, FunctionImportReachesTheNewProvider) {
	const auto image = image_of(consumer.get());
	ASSERT_NE(slot_of(image, "provider_value", GetParam().function_slot_type), 0u)
	    << "the build does not call provider_value through the expected relocation";
	ASSERT_EQ(call("consumer_call"), 1);

	const auto result = bind_imports(consumer.get(), "provider_*", provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(call("consumer_call"), 2);
}

TEST_P(BindCallsTest, DataImportReadsTheNewProvidersVariable) {
	ASSERT_NE(slot_of(image_of(consumer.get()), "provider_counter", R_X86_64_GLOB_DAT), 0u);
	ASSERT_EQ(call("consumer_read_counter"), 100);

	const auto result = bind_imports(consumer.get(), "provider_*", provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(call("consumer_read_counter"), 200);
}

TEST_P(BindCallsTest, FunctionPointerInDataIsRebound) {
	ASSERT_NE(slot_of(image_of(consumer.get()), "provider_value", R_X86_64_64), 0u);
	ASSERT_EQ(call("consumer_call_through_table"), 1);

	const auto result = bind_imports(consumer.get(), "provider_*", provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(call("consumer_call_through_table"), 2);
}

TEST_P(BindCallsTest, ReportsEverySlotAndSymbolRebound) {
	// provider_value: its call slot and the table entry; provider_counter: its GLOB_DAT slot.
	const auto result = bind_imports(consumer.get(), "provider_*", provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(result.rebound, 3u);
	EXPECT_EQ(result.symbols, (std::vector<std::string>{"provider_counter", "provider_value"}));
	EXPECT_TRUE(result.skipped.empty());
}

TEST_P(BindCallsTest, BindingTwiceGoesBackToTheFirstProvider) {
	Library provider_a = open_library("provider_a");
	ASSERT_TRUE(bind_imports(consumer.get(), "provider_*", provider_b.get(), true).ok());
	ASSERT_EQ(call("consumer_call"), 2);

	const auto result = bind_imports(consumer.get(), "provider_*", provider_a.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(call("consumer_call"), 1);
	EXPECT_EQ(call("consumer_read_counter"), 100);
	EXPECT_EQ(call("consumer_call_through_table"), 1);
}

INSTANTIATE_TEST_SUITE_P(Builds, BindCallsTest,
                         ::testing::Values(Build{"consumer_lazy", R_X86_64_JUMP_SLOT},
                                           Build{"consumer_now", R_X86_64_JUMP_SLOT},
                                           Build{"consumer_noplt", R_X86_64_GLOB_DAT}),
                         [](const auto &info) { return std::string(info.param.consumer); });

// With lazy binding, a slot never called yet holds the address of the PLT stub, not A's function:
// the stub must not run the resolver once the slot is rewritten.
TEST(BindLazySlotTest, SlotNotResolvedYetIsRebound) {
	Library provider_b = open_library("provider_b");
	Library consumer = open_library("consumer_lazy", RTLD_LAZY | RTLD_LOCAL);
	ASSERT_TRUE(consumer && provider_b);

	const auto result = bind_imports(consumer.get(), "provider_value", provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(function(consumer.get(), "consumer_call")(), 2);
}

} // namespace
