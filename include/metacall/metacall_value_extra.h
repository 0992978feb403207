/*
 * libmetacall: MetaCall's value functions beyond metacall_value.h: casts in place, references to a
 * value's data, and the value a throwable carries. Included by metacall.h.
 */
#ifndef METACALL_VALUE_EXTRA_H
#define METACALL_VALUE_EXTRA_H

#include <metacall/metacall_def.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Casts in place ----
 * metacall_value_cast_<type>(&v) converts *v to <type> as metacall_value_cast does (see its list of
 * supported conversions), stores the converted value in *v, and returns what
 * metacall_value_to_<type> returns for it (borrowed from *v). The value stays the caller's: *v is
 * still the one value to destroy (today the conversion happens inside the same value, so *v keeps
 * its address; do not rely on that). A value already of that type is left as it is. When the
 * conversion is not possible (a string that is not a number, a function to an int, a number out of
 * range), *v is left untouched and the result is 0 or NULL, with metacall_value_cast's reason in
 * metacall_error_last. `v` or *v NULL: the same. */
METACALL_API boolean metacall_value_cast_bool(void **v);
METACALL_API char metacall_value_cast_char(void **v);
METACALL_API short metacall_value_cast_short(void **v);
METACALL_API int metacall_value_cast_int(void **v);
METACALL_API long metacall_value_cast_long(void **v);
METACALL_API float metacall_value_cast_float(void **v);
METACALL_API double metacall_value_cast_double(void **v);
METACALL_API char *metacall_value_cast_string(void **v);
METACALL_API void *metacall_value_cast_buffer(void **v);
METACALL_API void **metacall_value_cast_array(void **v);
METACALL_API void *metacall_value_cast_map(void **v); /* the tuple slots, as metacall_value_to_map */
METACALL_API void *metacall_value_cast_ptr(void **v);
METACALL_API void *metacall_value_cast_future(void **v);
METACALL_API void *metacall_value_cast_function(void **v);
METACALL_API void *metacall_value_cast_null(void **v);
METACALL_API void *metacall_value_cast_class(void **v);
METACALL_API void *metacall_value_cast_object(void **v);
METACALL_API void *metacall_value_cast_exception(void **v);
METACALL_API void *metacall_value_cast_throwable(void **v);

/* ---- References ---- */

/* A NEW pointer value (METACALL_PTR, owned by the caller) holding the address of the data inside
 * `v`, so that C code can read and write it in place: for a bool, char, short, int, long, float or
 * double the address of that number (an `int *` for an int value: writing through it changes `v`),
 * for a pointer value the address of its pointer (a `void **`), for a string its bytes (`char *`),
 * for a buffer its bytes, for an array or a map its element slots (`void **`), for a big integer
 * its words. For a null, function, future, class, object, exception or throwable it holds `v`
 * itself. `v` stays the caller's and is NOT kept alive: the reference must not be used after `v` is
 * destroyed, and a string's or buffer's address changes when metacall_value_from_string/_buffer
 * replaces its bytes. NULL, with an error, when `v` is not a value. */
METACALL_API void *metacall_value_reference(void *v);

/* The value that the pointer value `v` refers to, BORROWED: for a reference made by
 * metacall_value_reference(w), `w` itself (even after C code wrote through it); for a pointer value
 * whose address is a value (metacall_value_create_ptr(w)), `w`. Nothing is copied or allocated.
 * NULL, with an error, when `v` is not a pointer value or refers to no value (its address was
 * changed since metacall_value_reference, or never was a value's). As in MetaCall, using it after
 * `w` was destroyed is undefined. */
METACALL_API void *metacall_value_dereference(void *v);

/* ---- Throwables ---- */

/* The value thrown, held by the throwable value `th` (borrowed from `th`: valid while it lives):
 * usually an exception value (metacall_error.h), or whatever the script threw (JS `throw 56`: the
 * number). MetaCall's hosts write metacall_throwable_value(metacall_value_to_throwable(v)); here
 * metacall_value_to_throwable already gives the thrown value, so any value that is not a throwable
 * is returned as it is. NULL, with an error, when `th` is NULL or not a value. */
METACALL_API void *metacall_throwable_value(void *th);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_VALUE_EXTRA_H */
