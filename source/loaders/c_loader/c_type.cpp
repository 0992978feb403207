#include "c_type.h"

#include <cstdint>

namespace c_loader {

static_assert(sizeof(long) == 8 && sizeof(void *) == 8 && sizeof(size_t) == 8,
              "the C loader maps long, size_t and pointers as 64-bit (LP64) types");

bool is_integer(Scalar scalar) {
	return scalar != Scalar::void_ && scalar != Scalar::float_ && scalar != Scalar::double_;
}

std::size_t size_of(Scalar scalar) {
	switch (scalar) {
	case Scalar::void_:
		return 0;
	case Scalar::bool_:
		return sizeof(bool);
	case Scalar::int8:
	case Scalar::uint8:
		return 1;
	case Scalar::int16:
	case Scalar::uint16:
		return 2;
	case Scalar::int32:
	case Scalar::uint32:
	case Scalar::float_:
		return 4;
	case Scalar::int64:
	case Scalar::uint64:
	case Scalar::double_:
		return 8;
	}
	return 0;
}

ffi_type *ffi_type_of(Scalar scalar) {
	switch (scalar) {
	case Scalar::void_:
		return &ffi_type_void;
	case Scalar::bool_: // C's bool is one byte holding 0 or 1
	case Scalar::uint8:
		return &ffi_type_uint8;
	case Scalar::int8:
		return &ffi_type_sint8;
	case Scalar::int16:
		return &ffi_type_sint16;
	case Scalar::uint16:
		return &ffi_type_uint16;
	case Scalar::int32:
		return &ffi_type_sint32;
	case Scalar::uint32:
		return &ffi_type_uint32;
	case Scalar::int64:
		return &ffi_type_sint64;
	case Scalar::uint64:
		return &ffi_type_uint64;
	case Scalar::float_:
		return &ffi_type_float;
	case Scalar::double_:
		return &ffi_type_double;
	}
	return &ffi_type_void;
}

enum metacall_value_id value_id_of(Scalar scalar) {
	switch (scalar) {
	case Scalar::void_:
		return METACALL_NULL;
	case Scalar::bool_:
		return METACALL_BOOL;
	case Scalar::int8:
		return METACALL_CHAR;
	case Scalar::uint8:
	case Scalar::int16:
		return METACALL_SHORT;
	case Scalar::uint16:
	case Scalar::int32:
		return METACALL_INT;
	case Scalar::uint32:
	case Scalar::int64:
	case Scalar::uint64:
		return METACALL_LONG;
	case Scalar::float_:
		return METACALL_FLOAT;
	case Scalar::double_:
		return METACALL_DOUBLE;
	}
	return METACALL_INVALID;
}

const char *name_of(Scalar scalar) {
	switch (scalar) {
	case Scalar::void_:
		return "void";
	case Scalar::bool_:
		return "bool";
	case Scalar::int8:
		return "int8_t";
	case Scalar::uint8:
		return "uint8_t";
	case Scalar::int16:
		return "int16_t";
	case Scalar::uint16:
		return "uint16_t";
	case Scalar::int32:
		return "int32_t";
	case Scalar::uint32:
		return "uint32_t";
	case Scalar::int64:
		return "int64_t";
	case Scalar::uint64:
		return "uint64_t";
	case Scalar::float_:
		return "float";
	case Scalar::double_:
		return "double";
	}
	return "?";
}

} // namespace c_loader
