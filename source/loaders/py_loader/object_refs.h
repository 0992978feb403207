// The Python classes and instances the loader has handed to the core as class and object values.
// Each is the `data` of one value's object (object_interface.h); the core gives it back to the
// interface's entries and to `release` when its last value is gone. Used under the GIL only.
#ifndef PY_LOADER_OBJECT_REFS_H
#define PY_LOADER_OBJECT_REFS_H

#include "py_ref.h"

#include <memory>
#include <unordered_map>

namespace py_loader {

struct ObjectRef {
	PyRef object;         // a strong reference: the object lives at least as long as a value refers to it
	void *core = nullptr; // the core's class or object made for it (metacall_value_to_object)
};

class ObjectRefs {
public:
	// A new reference to `object` for the core; the latest one is what find(object) gives.
	ObjectRef *add(PyObject *object);
	// The live reference made last for `object`, or nullptr: the same Python object crosses as the
	// same core object while one lives (a proxy the other language cached for it then serves again).
	ObjectRef *find(PyObject *object) const {
		auto found = latest_.find(object);
		return found != latest_.end() ? found->second : nullptr;
	}
	// Whether `ref` is one of this loader's live references (a value kept across metacall_destroy
	// refers to one that was dropped).
	bool holds(const ObjectRef *ref) const { return refs_.count(ref) != 0; }
	// The core no longer uses `ref` (unknown pointers are ignored).
	void release(ObjectRef *ref);
	// Drops every reference still held (destroy: the core calls release no more).
	void release_all();

private:
	std::unordered_map<const ObjectRef *, std::unique_ptr<ObjectRef>> refs_;
	std::unordered_map<const PyObject *, ObjectRef *> latest_;
};

} // namespace py_loader

#endif
