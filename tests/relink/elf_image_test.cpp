// Reading a loaded object's dynamic section: symbol lookup through each kind of hash table, the
// symbol table walk, and finding an object by handle or by path.
#include "relink_fixture.h"

#include <elf_image.h>

#include <set>

using namespace relink_test;
using metacall_relink::ElfImage;

namespace {

TEST(ElfImageTest, FindsADefinitionThroughTheGnuHashTable) {
	Library provider = open_library("provider_b");
	const ElfImage image = image_of(provider.get());
	ASSERT_NE(image.gnu_hash, nullptr);

	const auto *symbol = image.find_definition("provider_value");

	ASSERT_NE(symbol, nullptr);
	EXPECT_EQ(image.address_of(*symbol), dlsym(provider.get(), "provider_value"));
	EXPECT_EQ(image.find_definition("provider_missing"), nullptr);
}

TEST(ElfImageTest, FindsADefinitionThroughTheSysvHashTable) {
	Library provider = open_library("provider_sysv");
	const ElfImage image = image_of(provider.get());
	ASSERT_EQ(image.gnu_hash, nullptr);
	ASSERT_NE(image.hash, nullptr);

	const auto *symbol = image.find_definition("provider_counter");

	ASSERT_NE(symbol, nullptr);
	EXPECT_EQ(image.address_of(*symbol), dlsym(provider.get(), "provider_counter"));
	EXPECT_EQ(image.find_definition("provider_missing"), nullptr);
}

TEST(ElfImageTest, FindsADefinitionWithoutAHashTable) {
	Library provider = open_library("provider_b");
	ElfImage image = image_of(provider.get());
	image.gnu_hash = nullptr;
	image.hash = nullptr;

	const auto *symbol = image.find_definition("provider_value");

	ASSERT_NE(symbol, nullptr);
	EXPECT_EQ(image.address_of(*symbol), dlsym(provider.get(), "provider_value"));
}

TEST(ElfImageTest, ImportsAreNotDefinitions) {
	Library consumer = open_library("consumer_lazy");
	const ElfImage image = image_of(consumer.get());

	EXPECT_EQ(image.find_definition("provider_value"), nullptr);
	const auto *own = image.find_definition("consumer_call");
	ASSERT_NE(own, nullptr);
	EXPECT_EQ(image.address_of(*own), dlsym(consumer.get(), "consumer_call"));
}

TEST(ElfImageTest, SymbolWalkVisitsImportsAndDefinitions) {
	Library consumer = open_library("consumer_lazy");
	const ElfImage image = image_of(consumer.get());
	std::set<std::string> names;

	image.for_each_symbol([&](size_t, const ElfW(Sym) & symbol) { names.insert(image.symbol_name(symbol)); });

	EXPECT_TRUE(names.count("provider_value"));
	EXPECT_TRUE(names.count("provider_counter"));
	EXPECT_TRUE(names.count("consumer_call"));
	EXPECT_TRUE(names.count("consumer_call_through_table"));
}

TEST(ElfImageTest, FindsTheSameObjectByPathAsByHandle) {
	Library consumer = open_library("consumer_now");
	const ElfImage by_handle = image_of(consumer.get());
	std::string error;

	const auto by_path = metacall_relink::image_from_path(library_path("consumer_now").c_str(), error);

	ASSERT_TRUE(by_path.has_value()) << error;
	EXPECT_EQ(by_path->dynamic, by_handle.dynamic);
	EXPECT_EQ(by_path->base, by_handle.base);
	EXPECT_EQ(by_handle.path, library_path("consumer_now"));
}

TEST(ElfImageTest, PathOfNoLoadedObjectFails) {
	std::string error;

	const auto image = metacall_relink::image_from_path("/nowhere/libabsent.so", error);

	EXPECT_FALSE(image.has_value());
	EXPECT_NE(error.find("/nowhere/libabsent.so"), std::string::npos) << error;
}

TEST(ElfImageTest, RelroRangeCoversTheGlobDatSlotsOfAFullRelroBuild) {
	Library consumer = open_library("consumer_now");
	const ElfImage image = image_of(consumer.get());
	const uintptr_t slot = slot_of(image, "provider_counter", R_X86_64_GLOB_DAT);
	ASSERT_NE(slot, 0u);

	const auto [start, end] = image.relro();

	EXPECT_LE(start, slot);
	EXPECT_LT(slot, end);
	EXPECT_TRUE(image.contains(slot, sizeof(void *)));
}

} // namespace
