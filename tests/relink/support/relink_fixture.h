// Helpers of the relink tests: the test libraries, their relocations, and page protections.
#pragma once

#include <elf_image.h>

#include <gtest/gtest.h>

#include <dlfcn.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// Expects the string `text` to contain `part`, printing both otherwise.
#define EXPECT_CONTAINS(text, part) EXPECT_PRED_FORMAT2(::testing::IsSubstring, part, text)

namespace relink_test {

struct LibraryCloser {
	void operator()(void *handle) const { dlclose(handle); }
};
using Library = std::unique_ptr<void, LibraryCloser>;

// Full path of lib<name>.so among the test libraries.
std::string library_path(const std::string &name);

// Opens lib<name>.so; fails the test (and returns null) when it cannot.
Library open_library(const std::string &name, int flags = RTLD_NOW | RTLD_LOCAL);

// A function of a library, by name; null (and a failed test) when it is missing.
using IntFunction = int (*)();
IntFunction function(void *handle, const char *name);

// The image of a dlopen handle; fails the test when there is none.
metacall_relink::ElfImage image_of(void *handle);

// The relocations of `image` against the symbol `name`, from DT_JMPREL and DT_RELA.
struct Relocation {
	uint32_t type;
	uintptr_t slot; // run-time address
};
std::vector<Relocation> relocations_of(const metacall_relink::ElfImage &image, const std::string &name);
// The slot of the first relocation of `type` against `name`, or 0.
uintptr_t slot_of(const metacall_relink::ElfImage &image, const std::string &name, uint32_t type);

// The permissions /proc/self/maps gives the page of `address` ("r--", "rw-", ...); "" if unmapped.
std::string page_permissions(uintptr_t address);

} // namespace relink_test
