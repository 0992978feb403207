// The objects loaded in this process (dl_iterate_phdr), each with its own dynamic symbol table.
// A symbol is looked up in ONE object, not through dlsym(RTLD_DEFAULT): a library a host loaded
// RTLD_LOCAL is invisible to the global scope but is still found here.
#pragma once

#include "elf_image.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace metacall_relink {

struct LoadedObject {
	std::string path;          // the file; for the main program, /proc/self/exe resolved
	std::string soname;        // DT_SONAME, else the file name of `path`
	std::uintptr_t base = 0;   // load bias
	bool main_program = false; // the executable itself, not a shared library
	ElfImage image;            // its dynamic section (elf_image.h)

	// Run-time address of this object's own definition of the function or data symbol `name`;
	// nullptr when it does not define it (imports, TLS and GNU indirect functions do not count).
	void *find_symbol(const char *name) const;
};

// A snapshot of the loaded objects, in the dynamic linker's order. Every object is kept loaded
// (a dlopen RTLD_NOLOAD reference) while the snapshot lives, so its pointers stay valid.
// Objects the dynamic linker cannot reopen by name (the vDSO) are left out.
class LoadedObjects {
public:
	static LoadedObjects snapshot();

	const std::vector<LoadedObject> &objects() const { return objects_; }

private:
	struct Close {
		void operator()(void *handle) const;
	};
	std::vector<std::unique_ptr<void, Close>> references_;
	std::vector<LoadedObject> objects_;
};

// The executable's path (/proc/self/exe resolved); "" when it cannot be read.
std::string executable_path();

} // namespace metacall_relink
