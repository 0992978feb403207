#include "loaded_objects.h"

#include <dlfcn.h>
#include <link.h>
#include <sys/auxv.h>

#include <climits>
#include <unistd.h>

namespace metacall_relink {
namespace {

struct Listed {
	std::string name; // as the dynamic linker names it
	bool main_program;
};

// Names only: the dynamic linker's lock is held during the callback, so nothing that may take
// another loader lock (dlopen) runs inside it.
std::vector<Listed> list_objects() {
	std::vector<Listed> listed;
	dl_iterate_phdr(
	    [](dl_phdr_info *info, size_t, void *data) -> int {
		    // The main program is the object whose program headers the kernel passed (AT_PHDR); its
		    // dlpi_name is "".
		    const bool main_program = reinterpret_cast<uintptr_t>(info->dlpi_phdr) == getauxval(AT_PHDR);
		    static_cast<std::vector<Listed> *>(data)->push_back(
		        {info->dlpi_name != nullptr ? info->dlpi_name : "", main_program});
		    return 0;
	    },
	    &listed);
	return listed;
}

std::string soname_of(const ElfImage &image, const std::string &path) {
	for (const ElfW(Dyn) *entry = image.dynamic; entry != nullptr && entry->d_tag != DT_NULL; ++entry) {
		// DT_SONAME is an offset into the string table, never relocated.
		if (entry->d_tag == DT_SONAME && (image.strsz == 0 || entry->d_un.d_val < image.strsz))
			return image.strtab + entry->d_un.d_val;
	}
	return path.substr(path.find_last_of('/') + 1);
}

} // namespace

std::string executable_path() {
	char path[PATH_MAX];
	const ssize_t length = readlink("/proc/self/exe", path, sizeof path);
	return length > 0 ? std::string(path, static_cast<size_t>(length)) : std::string();
}

void LoadedObjects::Close::operator()(void *handle) const {
	dlclose(handle);
}

void *LoadedObject::find_symbol(const char *name) const {
	const ElfW(Sym) *symbol = image.find_definition(name);
	if (symbol == nullptr)
		return nullptr;
	const unsigned type = ELF64_ST_TYPE(symbol->st_info); // the same as ELF32_ST_TYPE
	// A TLS value is an offset, an indirect function's value is its resolver: neither is an address.
	if (type == STT_TLS || type == STT_GNU_IFUNC)
		return nullptr;
	return image.address_of(*symbol);
}

LoadedObjects LoadedObjects::snapshot() {
	LoadedObjects snapshot;
	for (const Listed &listed : list_objects()) {
		if (!listed.main_program && listed.name.empty())
			continue;
		// RTLD_NOLOAD never loads anything and leaves the object's scope (local or global) unchanged.
		void *handle = listed.main_program ? dlopen(nullptr, RTLD_LAZY)
		                                   : dlopen(listed.name.c_str(), RTLD_LAZY | RTLD_NOLOAD);
		if (handle == nullptr)
			continue;
		std::unique_ptr<void, Close> reference(handle);
		std::string error;
		std::optional<ElfImage> image = image_from_handle(handle, error);
		if (!image)
			continue; // no dynamic symbols: nothing to find in it
		LoadedObject object;
		object.path = listed.main_program ? executable_path() : listed.name;
		object.soname = soname_of(*image, object.path);
		object.base = image->base;
		object.main_program = listed.main_program;
		object.image = std::move(*image);
		snapshot.objects_.push_back(std::move(object));
		snapshot.references_.push_back(std::move(reference));
	}
	return snapshot;
}

} // namespace metacall_relink
