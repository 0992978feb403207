// A native library opened with dlopen, closed when the last function that uses it is gone.
#ifndef C_LOADER_NATIVE_LIBRARY_H
#define C_LOADER_NATIVE_LIBRARY_H

#include "symbol_source.h"

#include <filesystem>
#include <memory>
#include <string>

namespace c_loader {

class NativeLibrary final : public SymbolSource {
public:
	// dlopen(path, RTLD_NOW | RTLD_LOCAL); throws LoadError with dlerror's reason.
	static std::shared_ptr<const NativeLibrary> open(const std::filesystem::path &path);
	// The process itself (dlopen(NULL)): the program and every library loaded with it or with
	// RTLD_GLOBAL, e.g. libc and libm.
	static std::shared_ptr<const NativeLibrary> process();

	// Only open() and process() make one (the key is private).
	struct Key {
	private:
		Key() = default;
		friend class NativeLibrary;
	};
	NativeLibrary(Key, void *handle, std::string description)
	    : handle_(handle), description_(std::move(description)) {}
	~NativeLibrary() override;
	NativeLibrary(const NativeLibrary &) = delete;
	NativeLibrary &operator=(const NativeLibrary &) = delete;

	// The address of `symbol`, or nullptr when the library does not define it.
	void *symbol(const std::string &symbol) const override;
	// For messages: "the library '<path>'" or "the process".
	const std::string &description() const override { return description_; }

private:
	void *handle_;
	std::string description_;
};

} // namespace c_loader

#endif
