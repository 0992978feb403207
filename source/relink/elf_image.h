// Reads the dynamic section of an object that is already loaded in this process: its dynamic
// symbols, its relocation tables and its segments, in place, without opening the file.
#pragma once

#include <link.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace metacall_relink {

// A view of one loaded object. The pointers point into the object's mapped image: the view is
// valid while the object stays loaded (the caller keeps a dlopen handle or knows it is never
// unloaded).
struct ElfImage {
	std::string path;    // as the dynamic linker names it; "" for the main program
	ElfW(Addr) base = 0; // l_addr: load bias added to every address in the file
	const ElfW(Phdr) *phdr = nullptr;
	ElfW(Half) phnum = 0;
	const ElfW(Dyn) *dynamic = nullptr;

	const ElfW(Sym) *symtab = nullptr;  // DT_SYMTAB
	const char *strtab = nullptr;       // DT_STRTAB
	size_t strsz = 0;                   // DT_STRSZ
	const ElfW(Word) *hash = nullptr;   // DT_HASH (SysV)
	const uint32_t *gnu_hash = nullptr; // DT_GNU_HASH

	const void *jmprel = nullptr;     // DT_JMPREL: PLT relocations, each DT_PLTREL (DT_RELA or DT_REL)
	size_t pltrelsz = 0;              // DT_PLTRELSZ, in bytes
	ElfW(Sxword) pltrel = 0;          // DT_PLTREL
	const ElfW(Rela) *rela = nullptr; // DT_RELA
	size_t relasz = 0;                // DT_RELASZ, in bytes
	size_t relaent = sizeof(ElfW(Rela));
	const ElfW(Rel) *rel = nullptr; // DT_REL
	size_t relsz = 0;               // DT_RELSZ, in bytes
	size_t relent = sizeof(ElfW(Rel));

	// Number of entries of the dynamic symbol table, from DT_GNU_HASH or DT_HASH, or estimated
	// from the usual layout (the string table follows the symbol table) when neither is there.
	size_t symbol_count() const;
	// Name of a symbol table entry; "" when its name lies outside the string table.
	const char *symbol_name(const ElfW(Sym) & symbol) const;
	// The object's own definition of `name` (not an import), found through DT_GNU_HASH, else DT_HASH,
	// else a linear walk; nullptr when the object does not define it. Ignores symbol versions.
	const ElfW(Sym) * find_definition(const char *name) const;
	// Run-time address of a defined symbol (not for TLS symbols, whose value is an offset).
	void *address_of(const ElfW(Sym) & symbol) const {
		return reinterpret_cast<void *>(base + symbol.st_value);
	}

	// Whether [address, address + size) lies inside one of the object's PT_LOAD segments.
	bool contains(uintptr_t address, size_t size) const;
	// The PT_GNU_RELRO range [first, second), run-time addresses; {0, 0} when there is none.
	std::pair<uintptr_t, uintptr_t> relro() const;

	// Calls fn(index, symbol) for every entry of the dynamic symbol table (index 0 excluded).
	template <typename Fn>
	void for_each_symbol(Fn &&fn) const {
		const size_t count = symbol_count();
		for (size_t i = 1; i < count; ++i)
			fn(i, symtab[i]);
	}
};

// The loaded object of a dlopen handle. The handle is checked against the list of loaded objects
// before it is used, so any pointer may be passed: returns nothing and sets `error` (naming the
// handle) when it is not the handle of a loaded object or the object has no dynamic section.
std::optional<ElfImage> image_from_handle(void *handle, std::string &error);

// The loaded object whose path is `path` (as dl_iterate_phdr reports it, or the same file after
// resolving symbolic links). Returns nothing and sets `error` when no loaded object matches.
std::optional<ElfImage> image_from_path(const char *path, std::string &error);

} // namespace metacall_relink
