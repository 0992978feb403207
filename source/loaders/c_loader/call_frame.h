// The C arguments of one call: their storage, the temporary memory that arrays and structs need,
// and the closures made for function pointers. On the stack for the common case, so that a call
// with a few scalar arguments allocates nothing.
#ifndef C_LOADER_CALL_FRAME_H
#define C_LOADER_CALL_FRAME_H

#include "callback.h"
#include "scalar_conversion.h"

#include <cstddef>
#include <list>
#include <memory>
#include <vector>

namespace c_loader {

class CallFrame {
public:
	explicit CallFrame(std::size_t c_arguments);
	CallFrame(const CallFrame &) = delete;
	CallFrame &operator=(const CallFrame &) = delete;

	Slot &slot(std::size_t c_index) { return slots_[c_index]; }
	// What ffi_call reads: one pointer per C argument, to its slot.
	void **arguments() { return arguments_; }

	// Memory that lives until the call returns (arrays, structs).
	void *scratch(std::size_t size, std::size_t alignment);
	// After the call, write_back() stores each of the `count` C scalars of type `scalar` at
	// `memory` that differs from its copy at `before` into element i of the Array `array`
	// (borrowed), keeping the element's number type when the new number fits it.
	void write_back_later(void *array, Scalar scalar, const void *memory, const void *before,
	                      std::size_t count);
	void write_back();
	// A C function pointer calling `function` (borrowed) for the duration of the call.
	void *closure(const CallbackSignature &signature, void *function);
	// The first failure of a callback during the call.
	CallbackFailure &callback_failure() { return failure_; }

private:
	static constexpr std::size_t kInlineArguments = 12;
	static constexpr std::size_t kInlineScratch = 512;

	Slot inline_slots_[kInlineArguments];
	void *inline_arguments_[kInlineArguments];
	std::vector<Slot> more_slots_; // only for functions of more than kInlineArguments C arguments
	std::vector<void *> more_arguments_;
	Slot *slots_;
	void **arguments_;

	alignas(std::max_align_t) std::byte inline_scratch_[kInlineScratch];
	std::size_t scratch_used_ = 0;
	std::vector<std::unique_ptr<std::byte[]>> scratch_blocks_; // beyond inline_scratch_

	struct WriteBack {
		void *array;
		Scalar scalar;
		const void *memory;
		const void *before;
		std::size_t count;
	};
	std::vector<WriteBack> write_backs_;

	CallbackFailure failure_;
	std::list<Closure> closures_; // destroyed before failure_: nothing runs them any more
};

} // namespace c_loader

#endif
