#include "implementation_library.h"

#include "runtime_entry.h"

#include <dlfcn.h>
#include <mutex>
#include <string>

namespace py_loader {
namespace {

// The folder this bootstrap was loaded from: the implementation is installed beside it.
std::string own_folder() {
	Dl_info info{};
	if (dladdr(reinterpret_cast<void *>(&open_implementation), &info) == 0 || info.dli_fname == nullptr)
		return ".";
	const std::string path = info.dli_fname;
	const auto slash = path.rfind('/');
	return slash == std::string::npos ? "." : path.substr(0, slash);
}

} // namespace

const metacall_loader_interface *open_implementation(bool host_mode) {
	static std::mutex mutex;
	static const metacall_loader_interface *table = nullptr;
	std::lock_guard lock(mutex);
	if (table != nullptr)
		return table;
	const std::string path = own_folder() + "/" PY_LOADER_RUNTIME_FILE;
	// RTLD_LOCAL: only its CPython imports need resolving, against the global libpython.
	void *library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
	if (library == nullptr) {
		metacall_loader_error("py loader: cannot open its implementation %s: %s", path.c_str(), dlerror());
		return nullptr;
	}
	auto entry = reinterpret_cast<py_loader_runtime_entry>(dlsym(library, PY_LOADER_RUNTIME_ENTRY_NAME));
	const metacall_loader_interface *found = entry != nullptr ? entry(host_mode ? 1 : 0) : nullptr;
	if (found == nullptr || found->abi_version != METACALL_LOADER_ABI_VERSION) {
		metacall_loader_error("py loader: %s is not the py loader's implementation (no %s, or another ABI)",
		                      path.c_str(), PY_LOADER_RUNTIME_ENTRY_NAME);
		dlclose(library);
		return nullptr;
	}
	table = found;
	return table;
}

} // namespace py_loader
