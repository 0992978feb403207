// Rebinds the imports of an object that is already loaded: rewrites its GOT and data slots so that
// the symbols whose names match a pattern resolve to another object (the provider) from now on.
#pragma once

#include "elf_image.h"

#include <cstddef>
#include <string>
#include <vector>

namespace metacall_relink {

struct BindResult {
	size_t rebound = 0;               // slots written (one symbol may have several)
	std::vector<std::string> symbols; // names rebound, sorted, each once
	std::vector<std::string> skipped; // matching imports the provider does not define (left alone)
	std::string error;                // empty on success; names the object and the symbol
	bool ok() const { return error.empty(); }
};

// Rewrites the imports of `target` whose names match `pattern` (an fnmatch(3) glob such as
// "napi_*") to the addresses dlsym(provider_handle, name) gives. Only undefined symbols of the
// target (its imports) are considered; the relocations handled are, on x86_64, R_X86_64_JUMP_SLOT
// and R_X86_64_GLOB_DAT (slot = S) and R_X86_64_64 (slot = S + addend), from DT_JMPREL and DT_RELA.
// Slots on read-only pages (RELRO) are made writable for the write, then given back their
// protection as /proc/self/maps reported it.
//
// All or nothing: every matching relocation is checked first (its type, its slot inside the
// target, the provider's definition), so an error leaves the target as it was, with `rebound` 0.
// A matching import the provider lacks is listed in `skipped`, or is an error if `require_all`.
// A pattern that matches nothing is not an error (`rebound` 0). Other architectures: an error.
//
// Imports with a symbol version are bound to the provider's default version (what dlsym gives).
//
// Threads: each 8-byte aligned slot is written with one atomic store, but the caller must make
// sure no thread is calling through the slots being rewritten or unloading either object, and no
// other thread changes the protection of the target's pages meanwhile.
BindResult bind_imports(const ElfImage &target, const char *pattern, void *provider_handle, bool require_all);

// The same, for the loaded object of a dlopen handle (checked first: any pointer may be passed).
BindResult bind_imports(void *target_handle, const char *pattern, void *provider_handle, bool require_all);

} // namespace metacall_relink
