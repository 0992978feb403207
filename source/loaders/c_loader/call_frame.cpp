#include "call_frame.h"

#include <metacall/metacall.h>

#include <climits>
#include <cstring>

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

namespace {

bool is_integer_id(enum metacall_value_id id) {
	return id == METACALL_CHAR || id == METACALL_SHORT || id == METACALL_INT || id == METACALL_LONG;
}

long integer_of(void *value) {
	switch (metacall_value_id(value)) {
	case METACALL_CHAR:
		return metacall_value_to_char(value);
	case METACALL_SHORT:
		return metacall_value_to_short(value);
	case METACALL_INT:
		return metacall_value_to_int(value);
	default:
		return metacall_value_to_long(value);
	}
}

// Whether the number `fresh` converts to type `id` without loss or range error (so the cast
// cannot fail and set an error for a call that succeeded).
bool fits(void *fresh, enum metacall_value_id id) {
	const enum metacall_value_id from = metacall_value_id(fresh);
	if (id == METACALL_DOUBLE || (id == METACALL_FLOAT && from == METACALL_FLOAT))
		return true;
	if (!is_integer_id(from) || !is_integer_id(id))
		return false;
	const long number = integer_of(fresh);
	switch (id) {
	case METACALL_CHAR:
		return number >= CHAR_MIN && number <= CHAR_MAX;
	case METACALL_SHORT:
		return number >= SHRT_MIN && number <= SHRT_MAX;
	case METACALL_INT:
		return number >= INT_MIN && number <= INT_MAX;
	default:
		return true;
	}
}

} // namespace

void CallFrame::write_back_later(void *array, Scalar scalar, const void *memory, const void *before,
                                 std::size_t count) {
	write_backs_.push_back({array, scalar, memory, before, count});
}

void CallFrame::write_back() {
	for (const WriteBack &back : write_backs_) {
		void **elements = metacall_value_to_array(back.array);
		const std::size_t size = size_of(back.scalar);
		const auto *now = static_cast<const char *>(back.memory);
		const auto *then = static_cast<const char *>(back.before);
		for (std::size_t i = 0; i < back.count; ++i) {
			if (std::memcmp(now + i * size, then + i * size, size) == 0)
				continue; // unchanged: the element keeps its exact value (2.5 passed to an int stays 2.5)
			void *fresh = value_of_scalar(back.scalar, now + i * size);
			if (fresh == nullptr)
				continue; // a uint64 above the largest Long: no value holds it
			const enum metacall_value_id id = metacall_value_id(elements[i]);
			if (metacall_value_id(fresh) != id && fits(fresh, id))
				if (void *cast = metacall_value_cast(fresh, id))
					fresh = cast;
			metacall_value_destroy(elements[i]);
			elements[i] = fresh;
		}
	}
}

void *CallFrame::closure(const CallbackSignature &signature, void *function) {
	return closures_.emplace_back(signature, function, failure_).code();
}

} // namespace c_loader
