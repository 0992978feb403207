#include "function_refs.h"

namespace py_loader {

FunctionRef *FunctionRefs::add(PyObject *callable) {
	auto ref = std::make_unique<FunctionRef>(FunctionRef{PyRef::borrow(callable)});
	FunctionRef *raw = ref.get();
	refs_.emplace(raw, std::move(ref));
	return raw;
}

void FunctionRefs::release(FunctionRef *ref) {
	// Extracted first: the callable is dropped once the map is consistent again, since dropping it
	// may run Python code (__del__) that adds or releases other references.
	auto node = refs_.extract(ref);
}

void FunctionRefs::release_all() {
	// Moved out first: dropping a callable may run Python code that hands out new function values.
	auto refs = std::move(refs_);
	refs_.clear();
	refs.clear();
}

} // namespace py_loader
