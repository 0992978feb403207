#include "argument_conversion.h"

#include "struct_conversion.h"

#include <metacall/metacall.h>

#include <cstring>

namespace c_loader {
namespace {

bool refuse(Mismatch &why, const char *expected, const ParameterPlan &plan, enum metacall_value_id got) {
	why = {"TypeError", std::string("expected ") + expected + " (" + plan.spelling + "), got " +
	                        metacall_value_id_name(got)};
	return false;
}

// The length half of a pair, checked against the C type of the length parameter.
bool store_length(const ParameterPlan &plan, std::size_t length, Slot &slot, Mismatch &why) {
	if (store_count(length, plan.length, &slot))
		return true;
	why = {"RangeError", "the length " + std::to_string(length) + " does not fit (" + plan.spelling + ")"};
	return false;
}

bool convert_pointer(const ParameterPlan &plan, void *value, enum metacall_value_id id, Slot &slot,
                     Mismatch &why) {
	switch (id) {
	case METACALL_NULL:
		slot.p = nullptr;
		return true;
	case METACALL_PTR:
		slot.p = metacall_value_to_ptr(value);
		return true;
	case METACALL_BUFFER: // its own bytes: writes through the pointer land in the caller's buffer
		slot.p = metacall_value_to_buffer(value);
		return true;
	case METACALL_STRING:
		if (plan.char_data) {
			slot.p = metacall_value_to_string(value);
			return true;
		}
		break;
	default:
		break;
	}
	return refuse(why,
	              plan.char_data  ? "a Pointer, Buffer or String"
	              : plan.elements ? "a Pointer, Buffer or Array of numbers"
	                              : "a Pointer or Buffer",
	              plan, id);
}

bool convert_bytes(const ParameterPlan &plan, void *value, enum metacall_value_id id, CallFrame &frame,
                   Mismatch &why) {
	Slot &pointer = frame.slot(plan.c_index);
	std::size_t length = 0;
	if (id == METACALL_BUFFER) {
		pointer.p = metacall_value_to_buffer(value);
		length = metacall_value_size(value);
	} else if (id == METACALL_STRING) {
		pointer.p = metacall_value_to_string(value);
		length = metacall_value_size(value) - 1; // without the NUL
	} else if (id == METACALL_NULL) {
		pointer.p = nullptr;
	} else {
		return refuse(why, "a Buffer or String", plan, id);
	}
	return store_length(plan, length, frame.slot(plan.c_index + 1u), why);
}

// The numbers of an Array as a C array of plan.scalar in the frame's scratch memory; nullptr
// (with `why`) when an element is not a number that fits.
char *copy_numbers(const ParameterPlan &plan, void *array, std::size_t count, CallFrame &frame,
                   Mismatch &why) {
	const std::size_t element_size = size_of(plan.scalar);
	void **elements = metacall_value_to_array(array);
	auto *memory = static_cast<char *>(frame.scratch(count * element_size, element_size));
	const std::string element_spelling = name_of(plan.scalar);
	for (std::size_t i = 0; i < count; ++i) {
		Mismatch element_why;
		if (elements[i] == nullptr ||
		    !to_scalar(elements[i], plan.scalar, memory + i * element_size, element_spelling, element_why)) {
			why = {element_why.label,
			       "element " + std::to_string(i) + ": " +
			           (elements[i] == nullptr ? "null is not a number" : element_why.message)};
			return nullptr;
		}
	}
	return memory;
}

// Unless the pointee is const, what the function writes into the copy of an Array's numbers goes
// back into the Array after the call.
void keep_changes(const ParameterPlan &plan, void *array, const void *memory, std::size_t count,
                  CallFrame &frame) {
	if (plan.read_only || count == 0)
		return;
	const std::size_t bytes = count * size_of(plan.scalar);
	void *before = frame.scratch(bytes, size_of(plan.scalar));
	std::memcpy(before, memory, bytes);
	frame.write_back_later(array, plan.scalar, memory, before, count);
}

bool convert_numbers(const ParameterPlan &plan, void *value, enum metacall_value_id id, CallFrame &frame,
                     Mismatch &why) {
	Slot &pointer = frame.slot(plan.c_index);
	const std::size_t element_size = size_of(plan.scalar);
	std::size_t count = 0;
	if (id == METACALL_ARRAY) {
		count = metacall_value_count(value);
		if ((pointer.p = copy_numbers(plan, value, count, frame, why)) == nullptr)
			return false;
		keep_changes(plan, value, pointer.p, count, frame);
	} else if (id == METACALL_BUFFER) {
		const std::size_t bytes = metacall_value_size(value);
		if (bytes % element_size != 0) {
			why = {"TypeError", "a Buffer of " + std::to_string(bytes) + " bytes is not a whole number of " +
			                        std::to_string(element_size) + "-byte " + name_of(plan.scalar) +
			                        " elements"};
			return false;
		}
		pointer.p = metacall_value_to_buffer(value);
		count = bytes / element_size;
	} else if (id == METACALL_NULL) {
		pointer.p = nullptr;
	} else {
		return refuse(why, "an Array of numbers or a Buffer", plan, id);
	}
	return store_length(plan, count, frame.slot(plan.c_index + 1u), why);
}

// A lone pointer to numbers given an Array: the function gets a C array of its numbers (it must
// know their count from its other arguments, as C code does).
bool convert_elements(const ParameterPlan &plan, void *value, CallFrame &frame, Mismatch &why) {
	const std::size_t count = metacall_value_count(value);
	char *memory = copy_numbers(plan, value, count, frame, why);
	if (memory == nullptr)
		return false;
	frame.slot(plan.c_index).p = memory;
	keep_changes(plan, value, memory, count, frame);
	return true;
}

bool convert_structure(const ParameterPlan &plan, void *value, enum metacall_value_id id, CallFrame &frame,
                       Mismatch &why) {
	Slot &slot = frame.slot(plan.c_index);
	if (id == METACALL_MAP) {
		void *memory = frame.scratch(plan.layout->size(), plan.layout->alignment());
		if (!fill_struct(*plan.layout, value, memory, why))
			return false;
		slot.p = memory;
		return true;
	}
	if (id == METACALL_PTR || id == METACALL_NULL) {
		slot.p = id == METACALL_PTR ? metacall_value_to_ptr(value) : nullptr;
		return true;
	}
	return refuse(why, "a Map of its fields, or a Pointer", plan, id);
}

bool convert_callback(const ParameterPlan &plan, void *value, enum metacall_value_id id, CallFrame &frame,
                      Mismatch &why) {
	Slot &slot = frame.slot(plan.c_index);
	switch (id) {
	case METACALL_FUNCTION:
		slot.p = frame.closure(*plan.callback, metacall_value_to_function(value));
		return true;
	case METACALL_PTR: // the address of a C function
		slot.p = metacall_value_to_ptr(value);
		return true;
	case METACALL_NULL:
		slot.p = nullptr;
		return true;
	default:
		return refuse(why, "a Function", plan, id);
	}
}

} // namespace

bool convert_simple_argument(const ParameterPlan &plan, void *value, Slot &slot, Mismatch &why) {
	switch (plan.kind) {
	case ArgumentKind::scalar:
		return to_scalar(value, plan.scalar, &slot, plan.spelling, why);
	case ArgumentKind::string: {
		const enum metacall_value_id id = metacall_value_id(value);
		if (id == METACALL_STRING) {
			slot.p = metacall_value_to_string(value);
			return true;
		}
		if (id == METACALL_NULL || id == METACALL_PTR) {
			slot.p = id == METACALL_PTR ? metacall_value_to_ptr(value) : nullptr;
			return true;
		}
		return refuse(why, "a String", plan, id);
	}
	case ArgumentKind::pointer:
		return convert_pointer(plan, value, metacall_value_id(value), slot, why);
	default:
		why = {"TypeError", "internal: parameter '" + plan.name + "' needs a call frame"};
		return false;
	}
}

bool convert_argument(const ParameterPlan &plan, void *value, CallFrame &frame, Mismatch &why) {
	switch (plan.kind) {
	case ArgumentKind::scalar:
	case ArgumentKind::string:
	case ArgumentKind::pointer:
		if (plan.elements && metacall_value_id(value) == METACALL_ARRAY)
			return convert_elements(plan, value, frame, why);
		return convert_simple_argument(plan, value, frame.slot(plan.c_index), why);
	case ArgumentKind::bytes:
		return convert_bytes(plan, value, metacall_value_id(value), frame, why);
	case ArgumentKind::numbers:
		return convert_numbers(plan, value, metacall_value_id(value), frame, why);
	case ArgumentKind::structure:
		return convert_structure(plan, value, metacall_value_id(value), frame, why);
	case ArgumentKind::callback:
		return convert_callback(plan, value, metacall_value_id(value), frame, why);
	}
	return false;
}

} // namespace c_loader
