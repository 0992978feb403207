// Attribute and method names as Python strings, made once: every method call and attribute read
// from C names its attribute with a C string, and making a str from it each time (then hashing it
// for the lookup) costs more than the lookup itself.
#ifndef PY_LOADER_ATTRIBUTE_NAMES_H
#define PY_LOADER_ATTRIBUTE_NAMES_H

#include "py_ref.h"

#include <string>
#include <unordered_map>

namespace py_loader {

class AttributeNames {
public:
	// The interned str for `name` (a new reference), or an empty PyRef with a Python error set.
	// Under the GIL.
	PyRef get(const char *name);
	void clear() { names_.clear(); }

private:
	// Names seen so far; a script can make up names without end, so past this many a name is
	// made for the call and not kept.
	static constexpr std::size_t kLimit = 4096;
	std::unordered_map<std::string, PyRef> names_;
};

} // namespace py_loader

#endif
