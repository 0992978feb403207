// The values a Python-side caller converted for one call into the core: destroyed afterwards.
// The first few live inside the object: a call of a few arguments allocates nothing here.
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
		for (std::size_t i = 0; i < size_; ++i)
			metacall_value_destroy(data()[i]);
	}
	void push(void *value) {
		if (size_ < kInline) {
			inline_[size_++] = value;
			return;
		}
		if (heap_.empty())
			heap_.assign(inline_, inline_ + kInline);
		heap_.push_back(value);
		++size_;
	}
	void **data() { return size_ <= kInline ? inline_ : heap_.data(); }
	std::size_t size() const { return size_; }

private:
	static constexpr std::size_t kInline = 8;
	void *inline_[kInline];
	std::vector<void *> heap_; // all of them, once there are more than kInline
	std::size_t size_ = 0;
};

} // namespace py_loader

#endif
