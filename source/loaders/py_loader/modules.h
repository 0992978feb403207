// What each load brought in: one Python module per file (several for a load of several files), the
// module of code loaded from memory, or the module of a package. Used under the GIL.
#ifndef PY_LOADER_MODULES_H
#define PY_LOADER_MODULES_H

#include "py_ref.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace py_loader {

struct LoadedModule {
	PyRef module;
	std::string name;        // its __name__, and its key in sys.modules
	bool registered = false; // this load put it in sys.modules: unloading takes it out again
	bool package = false;    // loaded by name: its functions may be defined in its submodules
};

// The core's `module`: everything one load brought in.
struct Module {
	std::vector<LoadedModule> parts;
	std::uint64_t order = 0; // set by Modules::add: later loads have larger numbers
};

class Modules {
public:
	// Keeps `module`; its address is its identity for the core.
	Module *add(std::unique_ptr<Module> module);
	// Gives `module` back for unloading; nullptr when it is not live (never loaded, or cleared).
	std::unique_ptr<Module> take(Module *module);
	// All of them, the latest load first (the order MetaCall finalizes them in).
	std::vector<std::unique_ptr<Module>> take_all();
	// `object` is one of the modules loaded and not cleared.
	bool is_loaded(PyObject *object) const;

private:
	std::unordered_map<Module *, std::unique_ptr<Module>> modules_;
	std::uint64_t added_ = 0;
};

} // namespace py_loader

#endif
