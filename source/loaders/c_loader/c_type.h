// The C types the declaration subset can spell, and what each maps to: a libffi type for the
// call and a metacall value type for the caller.
#ifndef C_LOADER_C_TYPE_H
#define C_LOADER_C_TYPE_H

#include <metacall/metacall_value.h>

#include <ffi.h>

#include <memory>
#include <string>

namespace c_loader {

// The C scalar types, by width and signedness (LP64: long and size_t are 64 bits).
enum class Scalar { void_, bool_, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float_, double_ };

struct Prototype;

// A type as declared: a scalar or struct base, a number of '*', and for pointers to functions
// the function's prototype.
struct CType {
	Scalar base = Scalar::int32;
	bool plain_char = false; // spelled `char` (strings and byte buffers), not signed/unsigned char
	bool const_base = false; // `const T` / `const T *`: the pointed-to data is read-only
	std::string struct_name; // non-empty: the base is `struct <name>`
	int pointers = 0;        // the number of '*'
	std::shared_ptr<const Prototype> callback; // non-null: a pointer to a function of this prototype
	std::string spelling;                      // as written, for messages ("unsigned int", "const double *")

	bool is_void() const {
		return pointers == 0 && callback == nullptr && struct_name.empty() && base == Scalar::void_;
	}
	bool is_scalar() const {
		return pointers == 0 && callback == nullptr && struct_name.empty() && base != Scalar::void_;
	}
	bool is_struct_value() const { return pointers == 0 && !struct_name.empty(); }
	bool is_callback() const { return callback != nullptr; }
	bool is_pointer() const { return pointers > 0 || callback != nullptr; }
	// `char *` or `const char *`: a NUL-terminated string.
	bool is_string() const { return pointers == 1 && plain_char && struct_name.empty(); }
	// `struct name *`.
	bool is_struct_pointer() const { return pointers == 1 && !struct_name.empty(); }
	// A pointer to bytes: char, unsigned char, uint8_t or void.
	bool points_to_bytes() const {
		return pointers == 1 && struct_name.empty() && callback == nullptr &&
		       (plain_char || base == Scalar::uint8 || base == Scalar::void_);
	}
	// A pointer to numbers of one scalar type (other than bytes).
	bool points_to_numbers() const {
		return pointers == 1 && struct_name.empty() && callback == nullptr && base != Scalar::void_ &&
		       !points_to_bytes();
	}
};

bool is_integer(Scalar scalar);
std::size_t size_of(Scalar scalar);
ffi_type *ffi_type_of(Scalar scalar);

// The metacall type that holds every value of `scalar`: signed integers by width, unsigned ones
// one width up (uint64 is a Long: values above LONG_MAX are refused instead of wrapped).
enum metacall_value_id value_id_of(Scalar scalar);

// A name for messages: "int32_t", "double", ...
const char *name_of(Scalar scalar);

} // namespace c_loader

#endif
