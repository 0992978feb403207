#include "object_refs.h"

namespace py_loader {

ObjectRef *ObjectRefs::add(PyObject *object) {
	auto ref = std::make_unique<ObjectRef>(ObjectRef{PyRef::borrow(object)});
	ObjectRef *raw = ref.get();
	refs_.emplace(raw, std::move(ref));
	latest_[object] = raw;
	return raw;
}

void ObjectRefs::release(ObjectRef *ref) {
	// Extracted first: the object is dropped once the map is consistent again, since dropping it
	// may run Python code (__del__) that makes or releases other values.
	auto node = refs_.extract(ref);
	if (!node.empty()) {
		auto latest = latest_.find(node.mapped()->object.get());
		if (latest != latest_.end() && latest->second == ref)
			latest_.erase(latest);
	}
}

void ObjectRefs::release_all() {
	// Moved out first, for the same reason.
	auto refs = std::move(refs_);
	refs_.clear();
	latest_.clear();
	refs.clear();
}

} // namespace py_loader
