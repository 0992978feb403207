#include "call_frame.h"

namespace c_loader {

CallFrame::CallFrame(std::size_t c_arguments) {
	if (c_arguments <= kInlineArguments) {
		slots_ = inline_slots_;
		arguments_ = inline_arguments_;
	} else {
		more_slots_.resize(c_arguments);
		more_arguments_.resize(c_arguments);
		slots_ = more_slots_.data();
		arguments_ = more_arguments_.data();
	}
	for (std::size_t i = 0; i < c_arguments; ++i)
		arguments_[i] = &slots_[i];
}

void *CallFrame::scratch(std::size_t size, std::size_t alignment) {
	if (alignment == 0)
		alignment = 1;
	const std::size_t start = (scratch_used_ + alignment - 1) / alignment * alignment;
	if (alignment <= alignof(std::max_align_t) && start + size <= kInlineScratch) {
		scratch_used_ = start + size;
		return inline_scratch_ + start;
	}
	// operator new[] aligns to at least alignof(std::max_align_t), enough for every C scalar.
	return scratch_blocks_.emplace_back(std::make_unique<std::byte[]>(size == 0 ? 1 : size)).get();
}

void *CallFrame::closure(const CallbackSignature &signature, void *function) {
	return closures_.emplace_back(signature, function, failure_).code();
}

} // namespace c_loader
