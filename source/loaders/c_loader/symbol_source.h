// Where a module's functions live: a shared library opened with dlopen, the process itself, or C
// sources compiled in memory. Functions keep their source alive (shared ownership): it is released
// when the module is cleared and no function value of it is left.
#ifndef C_LOADER_SYMBOL_SOURCE_H
#define C_LOADER_SYMBOL_SOURCE_H

#include <string>

namespace c_loader {

class SymbolSource {
public:
	virtual ~SymbolSource() = default;

	// The address of `symbol`, or nullptr when the source does not define it.
	virtual void *symbol(const std::string &symbol) const = 0;
	// For messages: "the library '<path>'", "the process", "the sources 'a.c'".
	virtual const std::string &description() const = 0;
};

} // namespace c_loader

#endif
