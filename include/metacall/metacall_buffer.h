/*
 * libmetacall: typed and borrowed buffers (ours; MetaCall has plain buffers only).
 *
 * A buffer value (METACALL_BUFFER) is bytes. It may also carry an element layout, so that an
 * array of numbers crosses between languages as one: a NumPy array, a JS Float64Array. The layout
 * is an element format, one Python `struct` letter,
 *
 *   'b' int8   'B' uint8   'h' int16   'H' uint16   'i' int32   'I' uint32
 *   'q' int64  'Q' uint64  'f' float32 'd' float64                (native byte order)
 *
 * and a shape: `ndim` dimensions, in C (row-major) order, whose product times the element size is
 * the buffer's size. A plain buffer has format 'B' and one dimension (its size): bytes. Loaders
 * give a buffer with any other layout to their language as a typed array (a Float64Array, a
 * memoryview NumPy wraps with its dtype and shape), and a plain one as bytes (a Node Buffer,
 * a Python memoryview or bytes).
 *
 * A buffer value may BORROW its bytes instead of copying them (metacall_value_create_buffer_
 * borrowed): the value reads and writes the owner's memory, and tells the owner when it no longer
 * needs it. Copying such a value (metacall_value_copy) gives an ordinary value that owns a copy of
 * the bytes, with the same layout. Everything else reads a borrowed buffer as any other:
 * metacall_value_to_buffer gives the owner's address.
 *
 * Threads and errors as in metacall_value.h.
 */
#ifndef METACALL_BUFFER_H
#define METACALL_BUFFER_H

#include <metacall/metacall_def.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The most dimensions a layout may have (Python's PyBUF_MAX_NDIM). */
#define METACALL_BUFFER_MAX_DIMENSIONS 64

/* Gives borrowed memory back to its owner: called exactly once, with the `data` and `context` the
 * value was made with, when the value is destroyed or its bytes are replaced
 * (metacall_value_from_buffer, metacall_value_cast). It may be called on any thread that destroys
 * the value, and must not call back into libmetacall with that value. */
typedef void (*metacall_buffer_release)(void *data, void *context);

/* A new buffer value of `size` bytes at `data` that are NOT copied: the value uses that memory
 * until `release(data, context)` (see above). `data` must stay valid and unmoved until then; with
 * `release` NULL the caller promises that it outlives the value (say, a call's argument destroyed
 * before the caller's memory goes). `data` may be NULL only when `size` is 0. The value starts as
 * a plain buffer; give it a layout with metacall_value_buffer_set_layout. Owned by the caller,
 * destroyed with metacall_value_destroy; NULL and an error on bad arguments (`release` is then
 * not called). */
METACALL_API void *metacall_value_create_buffer_borrowed(void *data, size_t size,
                                                         metacall_buffer_release release, void *context);

/* The size in bytes of one element of `format` (see the table above); 0 for a letter not in it. */
METACALL_API size_t metacall_value_buffer_item_size(char format);

/* Gives the buffer `v` the element `format` and the shape `shape[0..ndim)` (copied). The shape's
 * product times the item size must equal the buffer's size, and 1 <= ndim <=
 * METACALL_BUFFER_MAX_DIMENSIONS. Format 'B' with ndim 1 makes it plain again. Returns `v`, or NULL
 * and an error ("TypeError" for an unknown format or a value that is no buffer, "ValueError" for a
 * shape that does not match), leaving `v` unchanged. metacall_value_copy keeps the layout;
 * metacall_value_from_buffer and a cast to a string and back drop it (the value is plain bytes). */
METACALL_API void *metacall_value_buffer_set_layout(void *v, char format, size_t ndim, const size_t shape[]);

/* The layout of the buffer `v`: returns its format ('B' for a plain buffer) and, when the pointers
 * are not NULL, its number of dimensions in *ndim and its dimensions in *shape (BORROWED from `v`:
 * valid until `v` is destroyed or changed). A plain buffer reads as ndim 1, shape {size}. On a value
 * that is no buffer: returns 0 with an error, and *ndim = 0, *shape = NULL. */
METACALL_API char metacall_value_buffer_layout(void *v, size_t *ndim, const size_t **shape);

/* Whether the buffer `v` borrows its bytes (1) or owns them (0; also for a value that is no buffer,
 * with an error). */
METACALL_API int metacall_value_buffer_is_borrowed(void *v);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_BUFFER_H */
