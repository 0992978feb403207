// The values a Python-side caller converted for one call into the core: destroyed afterwards.
#ifndef PY_LOADER_CALL_VALUES_H
#define PY_LOADER_CALL_VALUES_H

#include <metacall/metacall_value.h>

#include <cstddef>
#include <vector>

namespace py_loader {

class CallValues {
public:
	CallValues() = default;
	CallValues(const CallValues &) = delete;
	CallValues &operator=(const CallValues &) = delete;
	~CallValues() {
		for (void *value : values_)
			metacall_value_destroy(value);
	}
	void push(void *value) { values_.push_back(value); }
	void **data() { return values_.data(); }
	std::size_t size() const { return values_.size(); }

private:
	std::vector<void *> values_;
};

} // namespace py_loader

#endif
