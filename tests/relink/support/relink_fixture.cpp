#include "relink_fixture.h"

#include <cstdio>
#include <fstream>

namespace relink_test {

std::string library_path(const std::string &name) {
	return std::string(RELINK_TEST_LIBRARIES) + "/lib" + name + ".so";
}

Library open_library(const std::string &name, int flags) {
	Library library(dlopen(library_path(name).c_str(), flags));
	EXPECT_NE(library, nullptr) << "dlopen " << name << ": " << dlerror();
	return library;
}

IntFunction function(void *handle, const char *name) {
	auto found = reinterpret_cast<IntFunction>(dlsym(handle, name));
	EXPECT_NE(found, nullptr) << "dlsym " << name;
	return found;
}

metacall_relink::ElfImage image_of(void *handle) {
	std::string error;
	auto image = metacall_relink::image_from_handle(handle, error);
	EXPECT_TRUE(image.has_value()) << error;
	return image.value_or(metacall_relink::ElfImage{});
}

std::vector<Relocation> relocations_of(const metacall_relink::ElfImage &image, const std::string &name) {
	std::vector<Relocation> found;
	auto scan = [&](const void *table, size_t bytes) {
		auto entries = static_cast<const ElfW(Rela) *>(table);
		for (size_t i = 0; table != nullptr && i < bytes / sizeof(ElfW(Rela)); ++i) {
			const uint32_t index = ELF64_R_SYM(entries[i].r_info);
			if (index != 0 && image.symbol_name(image.symtab[index]) == name)
				found.push_back({static_cast<uint32_t>(ELF64_R_TYPE(entries[i].r_info)),
				                 image.base + entries[i].r_offset});
		}
	};
	scan(image.jmprel, image.pltrelsz);
	scan(image.rela, image.relasz);
	return found;
}

uintptr_t slot_of(const metacall_relink::ElfImage &image, const std::string &name, uint32_t type) {
	for (const Relocation &relocation : relocations_of(image, name)) {
		if (relocation.type == type)
			return relocation.slot;
	}
	return 0;
}

std::string page_permissions(uintptr_t address) {
	std::ifstream maps("/proc/self/maps");
	std::string line;
	while (std::getline(maps, line)) {
		unsigned long long start = 0, end = 0;
		char perms[5] = {};
		if (std::sscanf(line.c_str(), "%llx-%llx %4s", &start, &end, perms) == 3 && address >= start &&
		    address < end)
			return std::string(perms, 3);
	}
	return {};
}

} // namespace relink_test
