#include "elf_binder.h"

#include <dlfcn.h>
#include <fnmatch.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

namespace metacall_relink {
namespace {

#if defined(__x86_64__)

std::string object_name(const ElfImage &image) {
	return image.path.empty() ? std::string("the main program") : "'" + image.path + "'";
}

std::string hex(uintptr_t value) {
	char text[24];
	std::snprintf(text, sizeof(text), "0x%llx", static_cast<unsigned long long>(value));
	return text;
}

struct Slot {
	uintptr_t address;
	uintptr_t value;
	std::string symbol;
};

struct Plan {
	std::vector<Slot> slots;
	std::set<std::string> symbols;
	std::set<std::string> skipped;
};

const char *relocation_name(uint32_t type) {
	switch (type) {
	case R_X86_64_JUMP_SLOT:
		return "R_X86_64_JUMP_SLOT";
	case R_X86_64_GLOB_DAT:
		return "R_X86_64_GLOB_DAT";
	case R_X86_64_64:
		return "R_X86_64_64";
	case R_X86_64_COPY:
		return "R_X86_64_COPY";
	case R_X86_64_DTPMOD64:
		return "R_X86_64_DTPMOD64";
	case R_X86_64_DTPOFF64:
		return "R_X86_64_DTPOFF64";
	case R_X86_64_TPOFF64:
		return "R_X86_64_TPOFF64";
	case R_X86_64_PC32:
		return "R_X86_64_PC32";
	default:
		return nullptr;
	}
}

std::string describe_type(uint32_t type) {
	const char *name = relocation_name(type);
	return name != nullptr ? name : "relocation type " + std::to_string(type);
}

// The provider's addresses, looked up once per name.
class Provider {
public:
	Provider(void *handle, std::string name) : handle_(handle), name_(std::move(name)) {}
	const std::string &name() const { return name_; }
	// The address dlsym gives, or nothing when the provider (with its dependencies) lacks `symbol`.
	std::optional<uintptr_t> lookup(const std::string &symbol) {
		auto found = cache_.find(symbol);
		if (found == cache_.end()) {
			dlerror();
			void *address = dlsym(handle_, symbol.c_str());
			std::optional<uintptr_t> value;
			if (address != nullptr || dlerror() == nullptr)
				value = reinterpret_cast<uintptr_t>(address);
			found = cache_.emplace(symbol, value).first;
		}
		return found->second;
	}

private:
	void *handle_;
	std::string name_;
	std::map<std::string, std::optional<uintptr_t>> cache_;
};

// Adds to `plan` the slots of the relocations of one table that name a matching import. Returns an
// error message, or "" when every matching relocation can be rebound.
std::string plan_table(const ElfImage &target, const ElfW(Rela) * table, size_t bytes, size_t entry_size,
                       const char *pattern, Provider &provider, bool require_all, Plan &plan) {
	if (table == nullptr || bytes == 0)
		return {};
	if (entry_size < sizeof(ElfW(Rela)))
		return "relink: " + object_name(target) + " has relocation entries of an unexpected size (" +
		       std::to_string(entry_size) + " bytes)";
	const auto *first = reinterpret_cast<const char *>(table);
	for (size_t offset = 0; offset + entry_size <= bytes; offset += entry_size) {
		const auto &relocation = *reinterpret_cast<const ElfW(Rela) *>(first + offset);
		const uint32_t type = ELF64_R_TYPE(relocation.r_info);
		const uint32_t index = ELF64_R_SYM(relocation.r_info);
		if (index == STN_UNDEF || target.symtab[index].st_shndx != SHN_UNDEF)
			continue; // not an import: relative relocations, or symbols the target defines itself
		const std::string symbol = target.symbol_name(target.symtab[index]);
		if (fnmatch(pattern, symbol.c_str(), 0) != 0)
			continue;
		const uintptr_t address = target.base + relocation.r_offset;
		if (type != R_X86_64_JUMP_SLOT && type != R_X86_64_GLOB_DAT && type != R_X86_64_64)
			return "relink: cannot rebind '" + symbol + "' in " + object_name(target) + ": its " +
			       describe_type(type) +
			       " relocation is not supported (only R_X86_64_JUMP_SLOT, R_X86_64_GLOB_DAT and "
			       "R_X86_64_64)";
		if (!target.contains(address, sizeof(uintptr_t)))
			return "relink: cannot rebind '" + symbol + "' in " + object_name(target) + ": its slot at " +
			       hex(address) + " lies outside the object's segments";
		const auto value = provider.lookup(symbol);
		if (!value) {
			if (require_all)
				return "relink: cannot rebind '" + symbol + "' in " + object_name(target) +
				       ": the provider " + provider.name() + " does not define it";
			plan.skipped.insert(symbol);
			continue;
		}
		const uintptr_t addend = type == R_X86_64_64 ? static_cast<uintptr_t>(relocation.r_addend) : 0;
		plan.slots.push_back({address, *value + addend, symbol});
		plan.symbols.insert(symbol);
	}
	return {};
}

struct Mapping {
	uintptr_t start, end;
	int prot;
};

// The process's mappings and their protection, as the kernel reports them now.
std::vector<Mapping> read_mappings() {
	std::vector<Mapping> mappings;
	std::ifstream maps("/proc/self/maps");
	std::string line;
	while (std::getline(maps, line)) {
		unsigned long long start = 0, end = 0;
		char perms[5] = {};
		if (std::sscanf(line.c_str(), "%llx-%llx %4s", &start, &end, perms) != 3)
			continue;
		const int prot = (perms[0] == 'r' ? PROT_READ : 0) | (perms[1] == 'w' ? PROT_WRITE : 0) |
		                 (perms[2] == 'x' ? PROT_EXEC : 0);
		mappings.push_back({static_cast<uintptr_t>(start), static_cast<uintptr_t>(end), prot});
	}
	return mappings;
}

// The protection of `page`, or nothing when it is not mapped. Without /proc/self/maps (no /proc):
// RELRO's pages are read-only (the dynamic linker rounds its end down to a page), the others
// writable.
std::optional<int> protection(const ElfImage &target, const std::vector<Mapping> &mappings, uintptr_t page,
                              uintptr_t page_size) {
	if (mappings.empty()) {
		const auto [start, end] = target.relro();
		const bool relro = page >= (start & ~(page_size - 1)) && page < (end & ~(page_size - 1));
		return relro ? PROT_READ : PROT_READ | PROT_WRITE;
	}
	for (const Mapping &mapping : mappings) {
		if (page >= mapping.start && page < mapping.end)
			return mapping.prot;
	}
	return std::nullopt;
}

// Pages made writable for the writes, given back their protection when it ends (or by restore()).
class WritablePages {
public:
	~WritablePages() { restore(); }

	// Makes the pages of every slot writable. Returns an error naming the symbol whose page could
	// not be made writable (the pages already changed are restored), or "".
	std::string open(const ElfImage &target, const std::vector<Slot> &slots) {
		const uintptr_t page_size = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
		std::map<uintptr_t, const std::string *> pages; // page -> first symbol with a slot on it
		for (const Slot &slot : slots) {
			pages.emplace(slot.address & ~(page_size - 1), &slot.symbol);
			pages.emplace((slot.address + sizeof(uintptr_t) - 1) & ~(page_size - 1), &slot.symbol);
		}
		const std::vector<Mapping> mappings = read_mappings();
		for (const auto &[page, symbol] : pages) {
			const auto prot = protection(target, mappings, page, page_size);
			std::string problem;
			if (!prot)
				problem = "it is not mapped (per /proc/self/maps)";
			else if ((*prot & PROT_WRITE) != 0)
				continue;
			else if (mprotect(reinterpret_cast<void *>(page), page_size, *prot | PROT_WRITE) != 0)
				problem = std::string("mprotect failed: ") + std::strerror(errno);
			if (!problem.empty()) {
				restore();
				return "relink: cannot rebind '" + *symbol + "' in " + object_name(target) +
				       ": cannot make the page " + hex(page) + " of its slot writable: " + problem;
			}
			changed_.push_back({page, page + page_size, *prot});
		}
		return {};
	}

	// Gives the pages back their protection. Returns an error naming the first page that kept
	// write access, or "".
	std::string restore() {
		std::string error;
		for (const Mapping &page : changed_) {
			if (mprotect(reinterpret_cast<void *>(page.start), page.end - page.start, page.prot) != 0 &&
			    error.empty())
				error = "cannot restore the protection of the page " + hex(page.start) + ": " +
				        std::strerror(errno);
		}
		changed_.clear();
		return error;
	}

private:
	std::vector<Mapping> changed_;
};

void write_slot(const Slot &slot) {
	if (slot.address % alignof(uintptr_t) == 0)
		__atomic_store_n(reinterpret_cast<uintptr_t *>(slot.address), slot.value, __ATOMIC_RELEASE);
	else
		std::memcpy(reinterpret_cast<void *>(slot.address), &slot.value, sizeof(slot.value));
}

#endif // __x86_64__

} // namespace

BindResult bind_imports(const ElfImage &target, const char *pattern, void *provider_handle,
                        bool require_all) {
	BindResult result;
#if !defined(__x86_64__)
	(void)target;
	(void)pattern;
	(void)provider_handle;
	(void)require_all;
	result.error = "relink: rebinding imports is not supported on this architecture (only x86_64)";
	return result;
#else
	if (pattern == nullptr) {
		result.error = "relink: no symbol pattern given to rebind the imports of " + object_name(target);
		return result;
	}
	std::string error;
	const auto provider_image = image_from_handle(provider_handle, error);
	if (!provider_image) {
		result.error =
		    error + " (the provider to rebind '" + pattern + "' in " + object_name(target) + " to)";
		return result;
	}
	Provider provider(provider_handle, object_name(*provider_image));
	if (target.jmprel != nullptr && target.pltrelsz != 0 && target.pltrel != DT_RELA) {
		result.error =
		    "relink: " + object_name(target) + " has DT_REL PLT relocations, which x86_64 does not use";
		return result;
	}

	Plan plan;
	error = plan_table(target, static_cast<const ElfW(Rela) *>(target.jmprel), target.pltrelsz,
	                   sizeof(ElfW(Rela)), pattern, provider, require_all, plan);
	if (error.empty())
		error = plan_table(target, target.rela, target.relasz, target.relaent, pattern, provider, require_all,
		                   plan);
	if (!error.empty()) {
		result.error = error;
		return result;
	}

	WritablePages pages;
	error = pages.open(target, plan.slots);
	if (!error.empty()) {
		result.error = error;
		return result;
	}
	for (const Slot &slot : plan.slots)
		write_slot(slot);
	error = pages.restore();
	if (!error.empty())
		result.error = "relink: rebound the imports '" + std::string(pattern) + "' of " +
		               object_name(target) + " but " + error;

	result.rebound = plan.slots.size();
	result.symbols.assign(plan.symbols.begin(), plan.symbols.end());
	result.skipped.assign(plan.skipped.begin(), plan.skipped.end());
	return result;
#endif
}

BindResult bind_imports(void *target_handle, const char *pattern, void *provider_handle, bool require_all) {
	std::string error;
	const auto target = image_from_handle(target_handle, error);
	if (!target) {
		BindResult result;
		result.error = error + " (the target whose imports '" + (pattern != nullptr ? pattern : "") +
		               "' were to be rebound)";
		return result;
	}
	return bind_imports(*target, pattern, provider_handle, require_all);
}

} // namespace metacall_relink
