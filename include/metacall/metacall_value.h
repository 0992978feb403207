/*
 * libmetacall: values, the one currency of every call.
 *
 * A value is an opaque `void *` holding one tagged datum (see enum metacall_value_id). Values
 * cross every language boundary: a loader converts its runtime's objects into values and back.
 *
 * Ownership, once for the whole header:
 *  - metacall_value_create_* and metacall_value_copy return a NEW value: the caller owns it and
 *    releases it with metacall_value_destroy (once).
 *  - Containers own their elements. metacall_value_create_array/_map and _from_array/_map TAKE
 *    ownership of the element values passed in; destroying the container destroys them.
 *  - metacall_value_to_* returns data BORROWED from the value: valid until the value is destroyed
 *    or changed with metacall_value_from_* / metacall_value_cast.
 *  - Pointers (METACALL_PTR) are never owned: the value only carries the address.
 *  - Functions, futures, classes and objects are shared references: copying the value shares the
 *    same function, future, class or object, and each value keeps it alive (metacall_object.h).
 *
 * Errors: every function checks its arguments. A NULL value, a value of the wrong type for a
 * to_* call, or a pointer that is not a value (a handle, a function, freed memory that no longer
 * looks like a value) gives a neutral result (0, NULL, METACALL_INVALID) and leaves a message
 * naming the function and the problem for metacall_error_last. Nothing here aborts.
 *
 * Threads: values are plain data. Different values may be used from different threads at once;
 * one value must not be changed by one thread while another uses it. Function and future
 * references inside values are thread-safe.
 *
 * Nesting: arrays, maps and throwables hold other values, as trees (a container must not hold
 * itself or one of its ancestors). Copies and every loader's conversions go down at most
 * METACALL_VALUE_MAX_DEPTH levels: a deeper value, or a cyclic one a script builds (a JS array
 * that contains itself, a Python list appended to itself), is an error with the label
 * "RecursionError" naming the limit, never a stack overflow. Destruction has no limit.
 */
#ifndef METACALL_VALUE_H
#define METACALL_VALUE_H

#include <metacall/metacall_def.h>

/* How many levels of arrays, maps and throwables a copy or a conversion goes down (see above). */
#define METACALL_VALUE_MAX_DEPTH 128

/* The most elements (or map entries) a loader converts into one array (or map): a longer one is a
 * "RangeError". A script sets an array's length at will ([].length = 2 ** 32 - 1); large data
 * crosses as a buffer (a typed array, bytes), which has no such limit. */
#define METACALL_VALUE_MAX_ELEMENTS (1 << 24)

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The type tag of a value. The numbering is MetaCall's and is part of the ABI.
 * In C++ the function metacall_value_id() hides this type's name: write `enum metacall_value_id`. */
enum metacall_value_id {
	METACALL_BOOL = 0,       /* boolean (unsigned char), 0 or 1 */
	METACALL_CHAR = 1,       /* char */
	METACALL_SHORT = 2,      /* short */
	METACALL_INT = 3,        /* int */
	METACALL_LONG = 4,       /* long (64 bits on the platforms we support) */
	METACALL_FLOAT = 5,      /* float */
	METACALL_DOUBLE = 6,     /* double */
	METACALL_STRING = 7,     /* UTF-8 bytes with an explicit length, always NUL-terminated */
	METACALL_BUFFER = 8,     /* bytes with a length */
	METACALL_ARRAY = 9,      /* sequence of values */
	METACALL_MAP = 10,       /* sequence of [key, value] arrays */
	METACALL_PTR = 11,       /* an address, not owned */
	METACALL_FUTURE = 12,    /* the pending or settled result of an async call */
	METACALL_FUNCTION = 13,  /* a callable function of any loader, or of the host */
	METACALL_NULL = 14,      /* null, None, undefined, void */
	METACALL_CLASS = 15,     /* a class of any loader, or of the host (metacall_object.h) */
	METACALL_OBJECT = 16,    /* an instance of any loader, or a host object (metacall_object.h) */
	METACALL_EXCEPTION = 17, /* an error: message, label, code, stack trace (see metacall_error.h) */
	METACALL_THROWABLE = 18, /* a thrown value; calls that fail return one wrapping an exception */

	METACALL_SIZE,    /* the number of ids above */
	METACALL_INVALID, /* no type: an unknown id, or a parameter whose type is not declared */

	/* Ours, numbered after MetaCall's ids so that theirs keep their numbers: */
	METACALL_BIGINT = 21 /* an integer beyond long (a JS BigInt, a Python int): sign and 64-bit words */
};

/* ---- Create: each returns a new value owned by the caller, or NULL on failure. ---- */

METACALL_API void *metacall_value_create_bool(boolean b);
METACALL_API void *metacall_value_create_char(char c);
METACALL_API void *metacall_value_create_short(short s);
METACALL_API void *metacall_value_create_int(int i);
METACALL_API void *metacall_value_create_long(long l);
METACALL_API void *metacall_value_create_float(float f);
METACALL_API void *metacall_value_create_double(double d);

/* Copies `length` bytes of UTF-8 from `str` (which need not be NUL-terminated and may contain
 * NUL bytes); the value stores them followed by a NUL. `str` may be NULL only when length is 0. */
METACALL_API void *metacall_value_create_string(const char *str, size_t length);

/* Copies `size` bytes from `buffer`. With buffer NULL, the value holds `size` zero bytes to be
 * filled through metacall_value_to_buffer. */
METACALL_API void *metacall_value_create_buffer(const void *buffer, size_t size);

/* An array of `size` elements. TAKES ownership of values[0..size-1]. With values NULL, every
 * element starts as NULL, to be filled through metacall_value_to_array; the array owns what is
 * stored there. A NULL element reads as null for the loaders. */
METACALL_API void *metacall_value_create_array(const void *values[], size_t size);

/* A map of `size` entries. Each tuple is an array value of two elements [key, value]. TAKES
 * ownership of the tuples. With tuples NULL, entries start as NULL (fill them through
 * metacall_value_to_map with arrays created by metacall_value_create_array(NULL, 2)). */
METACALL_API void *metacall_value_create_map(const void *tuples[], size_t size);

/* An integer of any size: its sign (`negative` non-zero for a negative number) and its magnitude as
 * `count` 64-bit words, least significant first; the words are copied (leading zero words are
 * dropped; zero is never negative). Loaders make a METACALL_LONG for what fits in a long and a
 * METACALL_BIGINT only beyond it (docs/NUMBERS.md). `words` may be NULL only when count is 0. */
METACALL_API void *metacall_value_create_bigint(int negative, const uint64_t words[], size_t count);

/* Carries the address `ptr`; nothing is copied or owned. */
METACALL_API void *metacall_value_create_ptr(const void *ptr);

/* A new value referring to the future `f` (as returned by metacall_value_to_future); the value
 * keeps the future alive. To make a new pending future see metacall_future_create. */
METACALL_API void *metacall_value_create_future(void *f);

/* A new value referring to the function `f` (from metacall_function, metacall_register or
 * metacall_value_to_function). The value keeps the function object alive: after its handle is
 * cleared, or after metacall_destroy, calls through it return an error instead of crashing. */
METACALL_API void *metacall_value_create_function(void *f);

/* Like metacall_value_create_function, binding closure data `c`: calls through this value pass
 * `c` as the `data` argument of a host function's invoke callback (see metacall_register).
 * `c` is borrowed: keep it alive as long as the value and its copies. */
METACALL_API void *metacall_value_create_function_closure(void *f, void *c);

METACALL_API void *metacall_value_create_null(void);

/* A new value referring to the class `c` (from metacall_class or metacall_value_to_class); the
 * value keeps the class alive. */
METACALL_API void *metacall_value_create_class(void *c);

/* A new value referring to the object `o` (from metacall_value_to_object); the value keeps the
 * object alive. New objects come from metacall_class_new, from calls, or, for host objects, from
 * metacall_value_create_host_object (metacall_object.h). */
METACALL_API void *metacall_value_create_object(void *o);

/* An exception value. `ex` points to a `struct metacall_exception_type` (metacall_error.h)
 * whose strings are copied; NULL strings read as "". */
METACALL_API void *metacall_value_create_exception(void *ex);

/* A throwable value. TAKES ownership of the thrown value `th` (usually an exception value; any
 * value may be thrown). With `th` NULL the throwable carries null. */
METACALL_API void *metacall_value_create_throwable(void *th);

/* ---- Inspect ---- */

/* Size in bytes of the value's data: for a string its length + 1 (the NUL), for a buffer its
 * size, for an array or a map count * sizeof(void *), for a big integer its words' bytes, for
 * scalars the size of the C type.
 * 0 for NULL or an invalid value. */
METACALL_API size_t metacall_value_size(void *v);

/* Number of elements: arrays and maps their entries, strings length + 1, buffers bytes, big
 * integers their 64-bit words, other values 1. 0 for NULL or an invalid value. */
METACALL_API size_t metacall_value_count(void *v);

/* The type of `v`; METACALL_INVALID (with an error message) when `v` is not a value. */
METACALL_API enum metacall_value_id metacall_value_id(void *v);

/* Name of a type id ("Integer", "String", ...); "Invalid" for ids out of range. Static string. */
METACALL_API const char *metacall_value_id_name(enum metacall_value_id id);

/* Name of the type of `v`, as metacall_value_id_name(metacall_value_id(v)). Static string. */
METACALL_API const char *metacall_value_type_name(void *v);

/* ---- Copy, cast, destroy ---- */

/* A deep copy (strings, buffers, arrays, maps, exceptions, throwables are duplicated; functions,
 * futures, classes and objects are shared). New value owned by the caller; NULL on failure (a RecursionError
 * for a value nested deeper than METACALL_VALUE_MAX_DEPTH levels). */
METACALL_API void *metacall_value_copy(void *v);

/* Converts `v` to type `id`. On success returns the converted value and `v` must no longer be
 * used unless the result is `v` itself (the old value was consumed). On failure returns NULL,
 * leaves `v` untouched and owned by the caller, and sets an error.
 * Supported: between all numeric types (bool, char, short, int, long, float, double; out of
 * range integers fail instead of wrapping), big integers to and from the integer types (when they
 * fit) and to double (rounded) and string (decimal), numbers to strings, strings holding a number
 * to numbers, string <-> buffer, and any value to its own type. */
METACALL_API void *metacall_value_cast(void *v, enum metacall_value_id id);

/* Releases `v` and everything it owns, however deep (without recursion). NULL is ignored. Each
 * value is destroyed exactly once. */
METACALL_API void metacall_value_destroy(void *v);

/* ---- Read: data borrowed from `v`. On a type mismatch: 0 / NULL and an error. The number readers
 * (char to double) also read another number the type can hold: an integer as a float or double
 * (rounded beyond 2^53), a whole double or another integer in range as an integer (a BigInt too);
 * never a boolean, never a fraction as an integer (docs/NUMBERS.md). ---- */

METACALL_API boolean metacall_value_to_bool(void *v);
METACALL_API char metacall_value_to_char(void *v);
METACALL_API short metacall_value_to_short(void *v);
METACALL_API int metacall_value_to_int(void *v);
METACALL_API long metacall_value_to_long(void *v);
METACALL_API float metacall_value_to_float(void *v);
METACALL_API double metacall_value_to_double(void *v);
/* The bytes, NUL-terminated; the length is metacall_value_size(v) - 1. Writable in place. */
METACALL_API char *metacall_value_to_string(void *v);
/* The bytes (writable); the size is metacall_value_size(v). */
METACALL_API void *metacall_value_to_buffer(void *v);
/* The element slots (metacall_value_count(v) of them), writable: storing a value in a slot
 * gives it to the array; replacing a slot's value does not destroy the old one. */
METACALL_API void **metacall_value_to_array(void *v);
/* The tuple slots, as for arrays. */
METACALL_API void **metacall_value_to_map(void *v);
METACALL_API void *metacall_value_to_ptr(void *v);
/* The future referred to (opaque; pass to metacall_value_create_future to share it). */
METACALL_API void *metacall_value_to_future(void *v);
/* The function referred to, usable with metacallfv_s and friends while `v` lives. */
METACALL_API void *metacall_value_to_function(void *v);
/* The class referred to (opaque; for metacall_class_new, metacallv_class and friends while `v`
 * lives). */
METACALL_API void *metacall_value_to_class(void *v);
/* The object referred to (opaque; for metacallv_object and friends while `v` lives). */
METACALL_API void *metacall_value_to_object(void *v);
/* NULL (a null value has no data; no error for a null value). */
METACALL_API void *metacall_value_to_null(void *v);
/* A `struct metacall_exception_type *` whose strings live as long as `v`. */
METACALL_API void *metacall_value_to_exception(void *v);
/* The thrown value held by a throwable (borrowed). */
METACALL_API void *metacall_value_to_throwable(void *v);
/* A big integer's magnitude: its words, least significant first (borrowed from `v`; NULL for zero),
 * their number in `*count` and the sign in `*negative` (either pointer may be NULL). */
METACALL_API const uint64_t *metacall_value_to_bigint(void *v, int *negative, size_t *count);

/* ---- Assign in place: `v` must already have that type. Returns `v`, or NULL and an error. ---- */
/* The numbers (char to double) may also go into a value of another number type, not a boolean:
 * the value keeps its type and gets the number converted when it is exactly representable there
 * (rounded for float and double; whole and in range for the integer types), as MetaCall hosts
 * expect (metacall_value_from_int on a Long); otherwise NULL, a RangeError, and `v` unchanged. */

METACALL_API void *metacall_value_from_bool(void *v, boolean b);
METACALL_API void *metacall_value_from_char(void *v, char c);
METACALL_API void *metacall_value_from_short(void *v, short s);
METACALL_API void *metacall_value_from_int(void *v, int i);
METACALL_API void *metacall_value_from_long(void *v, long l);
METACALL_API void *metacall_value_from_float(void *v, float f);
METACALL_API void *metacall_value_from_double(void *v, double d);
/* Replaces the bytes (any length); earlier metacall_value_to_string pointers become invalid. */
METACALL_API void *metacall_value_from_string(void *v, const char *str, size_t length);
METACALL_API void *metacall_value_from_buffer(void *v, const void *buffer, size_t size);
/* Replaces the elements. TAKES ownership of values[]; old elements not passed again are destroyed. */
METACALL_API void *metacall_value_from_array(void *v, const void *values[], size_t size);
METACALL_API void *metacall_value_from_map(void *v, const void *tuples[], size_t size);
METACALL_API void *metacall_value_from_ptr(void *v, const void *ptr);
METACALL_API void *metacall_value_from_future(void *v, void *f);
METACALL_API void *metacall_value_from_function(void *v, void *f);
METACALL_API void *metacall_value_from_null(void *v);
METACALL_API void *metacall_value_from_class(void *v, void *c);
METACALL_API void *metacall_value_from_object(void *v, void *o);
METACALL_API void *metacall_value_from_exception(void *v, void *ex);
/* TAKES ownership of `th`; the previously thrown value is destroyed. */
METACALL_API void *metacall_value_from_throwable(void *v, void *th);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_VALUE_H */
