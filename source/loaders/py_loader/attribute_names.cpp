#include "attribute_names.h"

namespace py_loader {

PyRef AttributeNames::get(const char *name) {
	auto found = names_.find(name);
	if (found != names_.end())
		return PyRef::borrow(found->second.get());
	PyRef made = PyRef::steal(PyUnicode_InternFromString(name));
	if (made && names_.size() < kLimit)
		names_.emplace(name, PyRef::borrow(made.get()));
	return made;
}

} // namespace py_loader
