// Numbers between values and C scalars, checked: a value that does not fit is refused, never
// wrapped or silently cut.
#ifndef C_LOADER_SCALAR_CONVERSION_H
#define C_LOADER_SCALAR_CONVERSION_H

#include "c_type.h"

#include <metacall/metacall_value.h>

#include <cstdint>
#include <string>

namespace c_loader {

// Room for one C argument, result or field of any supported scalar or pointer type.
union Slot {
	bool b;
	std::int8_t i8;
	std::uint8_t u8;
	std::int16_t i16;
	std::uint16_t u16;
	std::int32_t i32;
	std::uint32_t u32;
	std::int64_t i64;
	std::uint64_t u64;
	float f;
	double d;
	void *p;
	ffi_arg raw; // what libffi reads and writes for integers narrower than a register
};

// Why a value could not be converted: an exception label and what was wrong (the caller adds
// which function and parameter). Only built on failure.
struct Mismatch {
	const char *label = "TypeError";
	std::string message;
};

// Stores the number held by `value` as the C scalar `to` at `out` (which has room for it).
// Integers must fit the C type; fractions are truncated toward zero, as C converts them.
// Returns false, with `why` filled, for a value that is not a number or does not fit.
// `spelling` names the C type in messages.
bool to_scalar(void *value, Scalar to, void *out, const std::string &spelling, Mismatch &why);

// The value type a C scalar is read from without any conversion (the signed integers, bool,
// float, double), or METACALL_INVALID when every value needs checking (unsigned integers).
enum metacall_value_id exact_value_id(Scalar scalar);

// Reads `value`, whose type is exact_value_id of the slot's scalar, into `slot`: the fast path
// of every call with scalar arguments.
// Copies the scalar a value holds (`scalar`, from metacall_value_scalar) of type `id` into `slot`.
inline void read_exact(enum metacall_value_id id, const void *scalar, Slot &slot) {
	switch (id) {
	case METACALL_BOOL:
		slot.b = *static_cast<const unsigned char *>(scalar) != 0;
		break;
	case METACALL_CHAR:
		slot.i8 = static_cast<std::int8_t>(*static_cast<const char *>(scalar));
		break;
	case METACALL_SHORT:
		slot.i16 = *static_cast<const short *>(scalar);
		break;
	case METACALL_INT:
		slot.i32 = *static_cast<const int *>(scalar);
		break;
	case METACALL_LONG:
		slot.i64 = *static_cast<const long *>(scalar);
		break;
	case METACALL_FLOAT:
		slot.f = *static_cast<const float *>(scalar);
		break;
	case METACALL_DOUBLE:
		slot.d = *static_cast<const double *>(scalar);
		break;
	default:
		break;
	}
}

bool store_count(std::size_t count, Scalar to, void *out);

// A new value holding the C scalar of type `from` stored at `in`; nullptr for a uint64 above
// LONG_MAX, which no metacall integer holds.
void *value_of_scalar(Scalar from, const void *in);

// Narrows a libffi integer return (widened to a register) to the C scalar `to` in `slot`.
inline void narrow_return(Scalar to, Slot &slot) {
	const ffi_arg raw = slot.raw;
	switch (to) {
	case Scalar::bool_:
		slot.b = static_cast<std::uint8_t>(raw) != 0;
		break;
	case Scalar::int8:
		slot.i8 = static_cast<std::int8_t>(static_cast<ffi_sarg>(raw));
		break;
	case Scalar::uint8:
		slot.u8 = static_cast<std::uint8_t>(raw);
		break;
	case Scalar::int16:
		slot.i16 = static_cast<std::int16_t>(static_cast<ffi_sarg>(raw));
		break;
	case Scalar::uint16:
		slot.u16 = static_cast<std::uint16_t>(raw);
		break;
	case Scalar::int32:
		slot.i32 = static_cast<std::int32_t>(static_cast<ffi_sarg>(raw));
		break;
	case Scalar::uint32:
		slot.u32 = static_cast<std::uint32_t>(raw);
		break;
	default: // 64-bit integers and floating point are returned in full
		break;
	}
}

// Widens the C integer of type `from` in `slot` to a whole register (slot.raw), as a libffi
// closure must return it and as a direct call passes it. Other types are left as they are.
inline void widen_integer(Scalar from, Slot &slot) {
	switch (from) {
	case Scalar::bool_:
		slot.raw = slot.b ? 1 : 0;
		break;
	case Scalar::int8:
		slot.raw = static_cast<ffi_arg>(static_cast<ffi_sarg>(slot.i8));
		break;
	case Scalar::uint8:
		slot.raw = slot.u8;
		break;
	case Scalar::int16:
		slot.raw = static_cast<ffi_arg>(static_cast<ffi_sarg>(slot.i16));
		break;
	case Scalar::uint16:
		slot.raw = slot.u16;
		break;
	case Scalar::int32:
		slot.raw = static_cast<ffi_arg>(static_cast<ffi_sarg>(slot.i32));
		break;
	case Scalar::uint32:
		slot.raw = slot.u32;
		break;
	default:
		break;
	}
}

} // namespace c_loader

#endif
