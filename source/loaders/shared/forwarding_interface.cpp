#include "forwarding_interface.h"

#include <dlfcn.h>

namespace metacall_loaders {

void *open_beside(const void *anchor, const char *loader, const char *file, int flags, const char *entry,
                  void **library) {
	Dl_info info{};
	std::string folder = ".";
	if (dladdr(anchor, &info) != 0 && info.dli_fname != nullptr) {
		const std::string self = info.dli_fname;
		if (const auto slash = self.rfind('/'); slash != std::string::npos)
			folder = self.substr(0, slash);
	}
	const std::string path = folder + "/" + file;
	void *handle = dlopen(path.c_str(), flags | RTLD_LOCAL);
	if (handle == nullptr) {
		metacall_loader_error("%s loader: cannot open its implementation %s: %s", loader, path.c_str(),
		                      dlerror());
		return nullptr;
	}
	void *symbol = dlsym(handle, entry);
	if (symbol == nullptr) {
		metacall_loader_error("%s loader: %s is not its implementation (no %s)", loader, path.c_str(), entry);
		dlclose(handle);
		return nullptr;
	}
	if (library != nullptr)
		*library = handle;
	return symbol;
}

const metacall_loader_interface *checked_table(const metacall_loader_interface *table, const char *loader,
                                               const char *file) {
	if (table == nullptr || table->abi_version != METACALL_LOADER_ABI_VERSION) {
		metacall_loader_error("%s loader: %s gives no table of this ABI (%u)", loader, file,
		                      METACALL_LOADER_ABI_VERSION);
		return nullptr;
	}
	return table;
}

} // namespace metacall_loaders
