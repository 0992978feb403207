#include "elf_image.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace metacall_relink {
namespace {

std::string describe_handle(const void *handle) {
	char text[32];
	std::snprintf(text, sizeof(text), "%p", handle);
	return text;
}

const ElfW(Phdr) * find_segment(const ElfW(Phdr) * phdr, ElfW(Half) phnum, ElfW(Word) type) {
	for (ElfW(Half) i = 0; i < phnum; ++i) {
		if (phdr[i].p_type == type)
			return &phdr[i];
	}
	return nullptr;
}

// glibc rewrites the pointers of a loaded object's dynamic section to run-time addresses, except
// where the section is read-only (the vDSO, some architectures): accept both forms.
uintptr_t runtime_address(const ElfImage &image, ElfW(Addr) value) {
	if (image.contains(value, 1))
		return value;
	return image.base + value;
}

template <typename T>
const T *runtime_pointer(const ElfImage &image, ElfW(Addr) value) {
	return reinterpret_cast<const T *>(runtime_address(image, value));
}

std::optional<ElfImage> image_from_phdr(const dl_phdr_info &info, std::string &error) {
	ElfImage image;
	image.path = info.dlpi_name != nullptr ? info.dlpi_name : "";
	image.base = info.dlpi_addr;
	image.phdr = info.dlpi_phdr;
	image.phnum = info.dlpi_phnum;
	const ElfW(Phdr) *dynamic = find_segment(info.dlpi_phdr, info.dlpi_phnum, PT_DYNAMIC);
	if (dynamic == nullptr) {
		error = "relink: the loaded object '" + image.path + "' has no dynamic section (PT_DYNAMIC)";
		return std::nullopt;
	}
	image.dynamic = reinterpret_cast<const ElfW(Dyn) *>(image.base + dynamic->p_vaddr);
	for (const ElfW(Dyn) *entry = image.dynamic; entry->d_tag != DT_NULL; ++entry) {
		switch (entry->d_tag) {
		case DT_SYMTAB:
			image.symtab = runtime_pointer<ElfW(Sym)>(image, entry->d_un.d_ptr);
			break;
		case DT_STRTAB:
			image.strtab = runtime_pointer<char>(image, entry->d_un.d_ptr);
			break;
		case DT_STRSZ:
			image.strsz = entry->d_un.d_val;
			break;
		case DT_HASH:
			image.hash = runtime_pointer<ElfW(Word)>(image, entry->d_un.d_ptr);
			break;
		case DT_GNU_HASH:
			image.gnu_hash = runtime_pointer<uint32_t>(image, entry->d_un.d_ptr);
			break;
		case DT_JMPREL:
			image.jmprel = runtime_pointer<void>(image, entry->d_un.d_ptr);
			break;
		case DT_PLTRELSZ:
			image.pltrelsz = entry->d_un.d_val;
			break;
		case DT_PLTREL:
			image.pltrel = static_cast<ElfW(Sxword)>(entry->d_un.d_val);
			break;
		case DT_RELA:
			image.rela = runtime_pointer<ElfW(Rela)>(image, entry->d_un.d_ptr);
			break;
		case DT_RELASZ:
			image.relasz = entry->d_un.d_val;
			break;
		case DT_RELAENT:
			image.relaent = entry->d_un.d_val;
			break;
		case DT_REL:
			image.rel = runtime_pointer<ElfW(Rel)>(image, entry->d_un.d_ptr);
			break;
		case DT_RELSZ:
			image.relsz = entry->d_un.d_val;
			break;
		case DT_RELENT:
			image.relent = entry->d_un.d_val;
			break;
		default:
			break;
		}
	}
	if (image.symtab == nullptr || image.strtab == nullptr) {
		error = "relink: the loaded object '" + image.path + "' has no dynamic symbol table";
		return std::nullopt;
	}
	return image;
}

// The dynamic linker's list of loaded objects (the base namespace): a dlopen handle in glibc is
// the object's link_map, so a pointer is a handle only if it is on this list.
const link_map *find_link_map(const void *handle) {
	for (const link_map *map = _r_debug.r_map; map != nullptr; map = map->l_next) {
		if (map == handle)
			return map;
	}
	return nullptr;
}

template <typename Match>
std::optional<ElfImage> find_loaded(Match &&match, std::string &error) {
	struct Search {
		Match *match;
		std::optional<ElfImage> image;
		std::string error;
	} search{&match, std::nullopt, {}};
	dl_iterate_phdr(
	    [](dl_phdr_info *info, size_t, void *data) -> int {
		    auto *search = static_cast<Search *>(data);
		    if (!(*search->match)(*info))
			    return 0;
		    search->image = image_from_phdr(*info, search->error);
		    return 1;
	    },
	    &search);
	if (!search.image && !search.error.empty())
		error = search.error;
	return std::move(search.image);
}

uint32_t gnu_hash_of(const char *name) {
	uint32_t h = 5381;
	for (auto c = reinterpret_cast<const unsigned char *>(name); *c != 0; ++c)
		h = h * 33 + *c;
	return h;
}

uint32_t sysv_hash_of(const char *name) {
	uint32_t h = 0;
	for (auto c = reinterpret_cast<const unsigned char *>(name); *c != 0; ++c) {
		h = (h << 4) + *c;
		uint32_t g = h & 0xf0000000u;
		h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

bool defines(const ElfImage &image, const ElfW(Sym) & symbol, const char *name) {
	return symbol.st_shndx != SHN_UNDEF && std::strcmp(image.symbol_name(symbol), name) == 0;
}

// The DT_GNU_HASH layout: nbuckets, symoffset, bloom_size, bloom_shift, bloom[bloom_size] (words of
// the class size), buckets[nbuckets], chain[] (one per symbol from symoffset on, bit 0 ends a chain).
struct GnuHash {
	uint32_t nbuckets, symoffset, bloom_size, bloom_shift;
	const ElfW(Addr) * bloom;
	const uint32_t *buckets, *chain;
	explicit GnuHash(const uint32_t *table)
	    : nbuckets(table[0]), symoffset(table[1]), bloom_size(table[2]), bloom_shift(table[3]),
	      bloom(reinterpret_cast<const ElfW(Addr) *>(table + 4)),
	      buckets(reinterpret_cast<const uint32_t *>(bloom + bloom_size)), chain(buckets + nbuckets) {}
};

} // namespace

size_t ElfImage::symbol_count() const {
	if (gnu_hash != nullptr) {
		GnuHash table(gnu_hash);
		uint32_t last = 0;
		for (uint32_t i = 0; i < table.nbuckets; ++i)
			last = table.buckets[i] > last ? table.buckets[i] : last;
		if (last < table.symoffset)
			return table.symoffset;
		while ((table.chain[last - table.symoffset] & 1) == 0)
			++last;
		return last + 1;
	}
	if (hash != nullptr)
		return hash[1]; // nchain: one per symbol
	auto symbols = reinterpret_cast<const char *>(symtab);
	return strtab > symbols ? static_cast<size_t>(strtab - symbols) / sizeof(ElfW(Sym)) : 0;
}

const char *ElfImage::symbol_name(const ElfW(Sym) & symbol) const {
	if (strsz != 0 && symbol.st_name >= strsz)
		return "";
	return strtab + symbol.st_name;
}

const ElfW(Sym) * ElfImage::find_definition(const char *name) const {
	if (gnu_hash != nullptr) {
		GnuHash table(gnu_hash);
		if (table.nbuckets == 0 || table.bloom_size == 0)
			return nullptr;
		const uint32_t h = gnu_hash_of(name);
		constexpr uint32_t bits = sizeof(ElfW(Addr)) * CHAR_BIT;
		const ElfW(Addr) word = table.bloom[(h / bits) % table.bloom_size];
		const ElfW(Addr) mask =
		    (ElfW(Addr)(1) << (h % bits)) | (ElfW(Addr)(1) << ((h >> table.bloom_shift) % bits));
		if ((word & mask) != mask)
			return nullptr;
		for (uint32_t i = table.buckets[h % table.nbuckets]; i >= table.symoffset && i != 0; ++i) {
			const uint32_t entry = table.chain[i - table.symoffset];
			if ((entry | 1) == (h | 1) && defines(*this, symtab[i], name))
				return &symtab[i];
			if ((entry & 1) != 0)
				break;
		}
		return nullptr;
	}
	if (hash != nullptr) {
		const ElfW(Word) nbucket = hash[0], nchain = hash[1];
		const ElfW(Word) *bucket = hash + 2, *chain = bucket + nbucket;
		if (nbucket == 0)
			return nullptr;
		for (ElfW(Word) i = bucket[sysv_hash_of(name) % nbucket]; i != STN_UNDEF && i < nchain;
		     i = chain[i]) {
			if (defines(*this, symtab[i], name))
				return &symtab[i];
		}
		return nullptr;
	}
	const ElfW(Sym) *found = nullptr;
	for_each_symbol([&](size_t, const ElfW(Sym) & symbol) {
		if (found == nullptr && defines(*this, symbol, name))
			found = &symbol;
	});
	return found;
}

bool ElfImage::contains(uintptr_t address, size_t size) const {
	for (ElfW(Half) i = 0; i < phnum; ++i) {
		if (phdr[i].p_type != PT_LOAD)
			continue;
		const uintptr_t start = base + phdr[i].p_vaddr;
		if (address >= start && address - start <= phdr[i].p_memsz &&
		    size <= phdr[i].p_memsz - (address - start))
			return true;
	}
	return false;
}

std::pair<uintptr_t, uintptr_t> ElfImage::relro() const {
	const ElfW(Phdr) *segment = find_segment(phdr, phnum, PT_GNU_RELRO);
	if (segment == nullptr)
		return {0, 0};
	return {base + segment->p_vaddr, base + segment->p_vaddr + segment->p_memsz};
}

std::optional<ElfImage> image_from_handle(void *handle, std::string &error) {
	// The list is walked inside dl_iterate_phdr, which holds the lock dlopen and dlclose take to
	// change it.
	const link_map *map = nullptr;
	bool searched = false;
	auto image = find_loaded(
	    [&](const dl_phdr_info &info) {
		    if (!searched) {
			    searched = true;
			    map = find_link_map(handle);
		    }
		    const ElfW(Phdr) *dynamic = find_segment(info.dlpi_phdr, info.dlpi_phnum, PT_DYNAMIC);
		    return map != nullptr && dynamic != nullptr &&
		           reinterpret_cast<const ElfW(Dyn) *>(info.dlpi_addr + dynamic->p_vaddr) == map->l_ld;
	    },
	    error);
	if (map == nullptr)
		error = "relink: " + describe_handle(handle) + " is not the handle of a loaded object";
	else if (!image && error.empty())
		error =
		    "relink: the loaded object of the handle " + describe_handle(handle) + " has no dynamic section";
	return image;
}

std::optional<ElfImage> image_from_path(const char *path, std::string &error) {
	if (path == nullptr) {
		error = "relink: no path given for the loaded object";
		return std::nullopt;
	}
	auto resolve = [](const char *file) {
		std::unique_ptr<char, decltype(&std::free)> real(realpath(file, nullptr), &std::free);
		return real ? std::string(real.get()) : std::string();
	};
	const std::string wanted = resolve(path);
	auto image = find_loaded(
	    [&](const dl_phdr_info &info) {
		    const char *name = info.dlpi_name != nullptr ? info.dlpi_name : "";
		    return std::strcmp(name, path) == 0 || (!wanted.empty() && *name != 0 && resolve(name) == wanted);
	    },
	    error);
	if (!image && error.empty())
		error = std::string("relink: no loaded object has the path '") + path + "'";
	return image;
}

} // namespace metacall_relink
