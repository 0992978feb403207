// The Python callables the loader has handed to the core: discovered functions, and callables
// passed out of Python as function values. Each is the `data` the core gives back to invoke,
// await and function_release. Used under the GIL only (the GIL is the lock).
#ifndef PY_LOADER_FUNCTION_REFS_H
#define PY_LOADER_FUNCTION_REFS_H

#include "py_ref.h"

#include <memory>
#include <unordered_map>

namespace py_loader {

struct FunctionRef {
	PyRef callable;
};

class FunctionRefs {
public:
	// A new reference to `callable` for the core.
	FunctionRef *add(PyObject *callable);
	// The core no longer uses `ref` (unknown pointers are ignored).
	void release(FunctionRef *ref);
	// Drops every reference still held (destroy: the core calls function_release no more).
	void release_all();

private:
	std::unordered_map<FunctionRef *, std::unique_ptr<FunctionRef>> refs_;
};

} // namespace py_loader

#endif
