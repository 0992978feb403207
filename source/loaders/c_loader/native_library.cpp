#include "native_library.h"

#include "load_error.h"

#include <dlfcn.h>

namespace c_loader {

std::shared_ptr<const NativeLibrary> NativeLibrary::open(const std::filesystem::path &path) {
	// RTLD_NOW: a library with unresolved symbols fails here, not in the middle of a call.
	void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
	if (handle == nullptr) {
		const char *reason = dlerror();
		throw LoadError("cannot open the library '" + path.string() +
		                "': " + (reason ? reason : "unknown reason"));
	}
	return std::make_shared<const NativeLibrary>(Key{}, handle, "the library '" + path.string() + "'");
}

std::shared_ptr<const NativeLibrary> NativeLibrary::process() {
	void *handle = dlopen(nullptr, RTLD_NOW);
	if (handle == nullptr) {
		const char *reason = dlerror();
		throw LoadError(std::string("cannot look into the process's symbols: ") +
		                (reason ? reason : "unknown reason"));
	}
	return std::make_shared<const NativeLibrary>(Key{}, handle, "the process (its loaded libraries)");
}

NativeLibrary::~NativeLibrary() {
	dlclose(handle_);
}

void *NativeLibrary::symbol(const std::string &symbol) const {
	dlerror(); // a NULL from dlsym is only an error when dlerror says so
	void *address = dlsym(handle_, symbol.c_str());
	return dlerror() == nullptr ? address : nullptr;
}

} // namespace c_loader
