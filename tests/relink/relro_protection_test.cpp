// Slots in RELRO are written through a page made writable for the write, and the page is
// read-only again afterwards; slots on writable pages leave them writable.
#include "relink_fixture.h"

#include <elf_binder.h>

#include <elf.h>

using namespace relink_test;
using metacall_relink::bind_imports;

namespace {

struct Slot {
	const char *consumer;
	const char *symbol;
	uint32_t type;
	const char *permissions; // of its page, before and after binding
};
void PrintTo(const Slot &slot, std::ostream *out) {
	*out << slot.consumer << " " << slot.symbol;
}

class RelroProtectionTest : public ::testing::TestWithParam<Slot> {};

TEST_P(RelroProtectionTest, PageKeepsItsProtection) {
	Library provider_b = open_library("provider_b");
	Library consumer = open_library(GetParam().consumer);
	ASSERT_TRUE(consumer && provider_b);
	const auto image = image_of(consumer.get());
	const uintptr_t slot = slot_of(image, GetParam().symbol, GetParam().type);
	ASSERT_NE(slot, 0u);
	ASSERT_EQ(page_permissions(slot), GetParam().permissions);

	const auto result = bind_imports(consumer.get(), GetParam().symbol, provider_b.get(), true);

	ASSERT_TRUE(result.ok()) << result.error;
	EXPECT_EQ(page_permissions(slot), GetParam().permissions);
	void *expected = dlsym(provider_b.get(), GetParam().symbol);
	EXPECT_EQ(*reinterpret_cast<void *const *>(slot), expected) << "the slot was not written";
}

INSTANTIATE_TEST_SUITE_P(Slots, RelroProtectionTest,
                         ::testing::Values(Slot{"consumer_now", "provider_value", R_X86_64_JUMP_SLOT, "r--"},
                                           Slot{"consumer_now", "provider_counter", R_X86_64_GLOB_DAT, "r--"},
                                           Slot{"consumer_noplt", "provider_value", R_X86_64_GLOB_DAT, "r--"},
                                           Slot{"consumer_noplt", "provider_value", R_X86_64_64, "r--"},
                                           Slot{"consumer_lazy", "provider_value", R_X86_64_JUMP_SLOT,
                                                "rw-"}),
                         [](const auto &info) {
	                         const char *type = info.param.type == R_X86_64_JUMP_SLOT  ? "jump_slot"
	                                            : info.param.type == R_X86_64_GLOB_DAT ? "glob_dat"
	                                                                                   : "abs64";
	                         return std::string(info.param.consumer) + "_" + info.param.symbol + "_" + type;
                         });

} // namespace
