// What the binder cannot do fails with an error naming the object and the symbol, and changes
// nothing.
#include "relink_fixture.h"

#include <elf_binder.h>

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace relink_test;
using metacall_relink::bind_imports;

namespace {

TEST(BindErrorsTest, ProviderLackingASymbolFailsWithRequireAllAndChangesNothing) {
	Library provider_c = open_library("provider_c"); // no provider_counter
	Library consumer = open_library("consumer_now");
	ASSERT_TRUE(consumer && provider_c);

	const auto result = bind_imports(consumer.get(), "provider_*", provider_c.get(), true);

	EXPECT_FALSE(result.ok());
	EXPECT_CONTAINS(result.error, "'provider_counter'");
	EXPECT_CONTAINS(result.error, library_path("consumer_now"));
	EXPECT_CONTAINS(result.error, "libprovider_c.so");
	EXPECT_EQ(result.rebound, 0u);
	EXPECT_EQ(function(consumer.get(), "consumer_call")(), 1) << "provider_value was rebound anyway";
}

TEST(BindErrorsTest, TargetThatIsNotALoadedObjectFails) {
	Library provider_b = open_library("provider_b");
	int not_a_handle = 0;

	const auto result = bind_imports(&not_a_handle, "provider_*", provider_b.get(), false);

	EXPECT_FALSE(result.ok());
	EXPECT_CONTAINS(result.error, "is not the handle of a loaded object");
	EXPECT_CONTAINS(result.error, "target");
}

TEST(BindErrorsTest, NullTargetFails) {
	Library provider_b = open_library("provider_b");

	const auto result = bind_imports(static_cast<void *>(nullptr), "provider_*", provider_b.get(), false);

	EXPECT_CONTAINS(result.error, "is not the handle of a loaded object");
}

TEST(BindErrorsTest, ProviderThatIsNotALoadedObjectFails) {
	Library consumer = open_library("consumer_lazy");
	int not_a_handle = 0;

	const auto result = bind_imports(consumer.get(), "provider_*", &not_a_handle, false);

	EXPECT_CONTAINS(result.error, "is not the handle of a loaded object");
	EXPECT_CONTAINS(result.error, "provider");
	EXPECT_EQ(function(consumer.get(), "consumer_call")(), 1);
}

TEST(BindErrorsTest, UnsupportedRelocationFailsNamingTheSymbolAndType) {
	Library provider_b = open_library("provider_b");
	Library consumer = open_library("tls_consumer"); // imports a thread-local variable
	ASSERT_TRUE(consumer && provider_b);

	const auto result = bind_imports(consumer.get(), "provider_*", provider_b.get(), false);

	EXPECT_FALSE(result.ok());
	EXPECT_CONTAINS(result.error, "'provider_tls'");
	EXPECT_CONTAINS(result.error, library_path("tls_consumer"));
	EXPECT_CONTAINS(result.error, "R_X86_64_DTPMOD64");
	EXPECT_CONTAINS(result.error, "not supported");
	EXPECT_EQ(function(consumer.get(), "tls_consumer_read")(), 4);
}

TEST(BindErrorsTest, MissingPatternFails) {
	Library provider_b = open_library("provider_b");
	Library consumer = open_library("consumer_lazy");

	const auto result = bind_imports(consumer.get(), nullptr, provider_b.get(), false);

	EXPECT_CONTAINS(result.error, "no symbol pattern");
}

// A hand-made target: one PT_LOAD segment over the page at `address`, one import, provider_value,
// with a GLOB_DAT slot at `address + 8`.
class HandmadeImage {
public:
	explicit HandmadeImage(uintptr_t address, size_t page_size) {
		symbols_[1].st_name = 1;
		symbols_[1].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC);
		symbols_[1].st_shndx = SHN_UNDEF;
		relocation_.r_offset = address + 8;
		relocation_.r_info = ELF64_R_INFO(1, R_X86_64_GLOB_DAT);
		segment_.p_type = PT_LOAD;
		segment_.p_vaddr = address;
		segment_.p_memsz = page_size;
		image.path = "/handmade/libtarget.so";
		image.phdr = &segment_;
		image.phnum = 1;
		image.symtab = symbols_;
		image.strtab = names_;
		image.strsz = sizeof(names_);
		image.rela = &relocation_;
		image.relasz = sizeof(relocation_);
	}
	metacall_relink::ElfImage image;

private:
	ElfW(Sym) symbols_[2] = {};
	static constexpr char names_[] = "\0provider_value";
	ElfW(Rela) relocation_ = {};
	ElfW(Phdr) segment_ = {};
};

// A page that cannot be made writable: a shared mapping of a file opened read-only (mprotect
// refuses PROT_WRITE with EACCES).
TEST(BindErrorsTest, PageThatCannotBeMadeWritableFailsAndIsLeftAsItWas) {
	Library provider_b = open_library("provider_b");
	const long page_size = sysconf(_SC_PAGESIZE);
	const int file = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	ASSERT_GE(file, 0);
	void *page = mmap(nullptr, page_size, PROT_READ, MAP_SHARED, file, 0);
	close(file);
	ASSERT_NE(page, MAP_FAILED);
	const auto address = reinterpret_cast<uintptr_t>(page);
	HandmadeImage target(address, page_size);

	const auto result = bind_imports(target.image, "provider_*", provider_b.get(), true);

	EXPECT_CONTAINS(result.error, "'provider_value'");
	EXPECT_CONTAINS(result.error, "/handmade/libtarget.so");
	EXPECT_CONTAINS(result.error, "mprotect failed");
	EXPECT_EQ(result.rebound, 0u);
	EXPECT_EQ(page_permissions(address), "r--");
	munmap(page, page_size);
}

TEST(BindErrorsTest, SlotOnAnUnmappedPageFails) {
	Library provider_b = open_library("provider_b");
	const long page_size = sysconf(_SC_PAGESIZE);
	void *page = mmap(nullptr, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(page, MAP_FAILED);
	munmap(page, page_size);
	HandmadeImage target(reinterpret_cast<uintptr_t>(page), page_size);

	const auto result = bind_imports(target.image, "provider_value", provider_b.get(), true);

	EXPECT_CONTAINS(result.error, "'provider_value'");
	EXPECT_CONTAINS(result.error, "not mapped");
	EXPECT_EQ(result.rebound, 0u);
}

} // namespace
