// Typed arrays <-> typed buffers (metacall_buffer.h), on the owner thread.
//
//   Int8Array 'b'   Int16Array 'h'   Uint16Array 'H'   Int32Array 'i'   Uint32Array 'I'
//   BigInt64Array 'q'   BigUint64Array 'Q'   Float32Array 'f'   Float64Array 'd'
//
// A typed array of those becomes a buffer with that element format; its own `shape` property, an
// array of dimensions whose product is its length, gives it more than one dimension. Buffer,
// Uint8Array, Uint8ClampedArray, DataView and ArrayBuffer stay plain bytes (js_values.h). A buffer
// with a layout becomes the typed array of its format, with `shape` (an array of numbers) set when
// it has more than one dimension; a plain buffer stays a Buffer.
//
// Without copies where the lifetimes allow: a call's arguments borrow the JS memory (the arrays are
// held by the caller's stack until the call returns), and a result handed to JS becomes an
// external ArrayBuffer over the result's own bytes, which the value is destroyed with (within
// bounds: typed_buffer_to_js_taken).
#ifndef NODE_LOADER_JS_TYPED_ARRAYS_H
#define NODE_LOADER_JS_TYPED_ARRAYS_H

#include <node_api.h>

#include <cstddef>

namespace node_loader {

// Whether the buffer value `value` has a layout other than plain bytes.
bool is_typed_buffer(void *value);

// The element format of a typed array type; 0 for the byte arrays (Uint8Array, Uint8ClampedArray),
// which cross as plain bytes.
char typed_array_format(napi_typedarray_type type);

// A new typed buffer value for the typed array `js` of `type`, `length` elements at `data`
// (format typed_array_format(type), not 0): borrowing the bytes when `borrow` (a call's argument),
// else copying them. A throwable for a bad `shape` property.
void *typed_buffer_from_js(napi_env env, napi_value js, napi_typedarray_type type, void *data, size_t length,
                           bool borrow);

// Gives `value` (TAKEN: a plain buffer value of the bytes of the typed array `js` of `type`,
// `length` elements) the layout of `js`: `value`, or a throwable for a bad `shape` property.
void *with_typed_layout(napi_env env, napi_value js, napi_typedarray_type type, size_t length, void *value);

// A typed array holding a copy of the typed buffer `value` (borrowed); nullptr with a JS exception
// pending.
napi_value typed_buffer_to_js(napi_env env, void *value);

// A typed array over the bytes of the typed buffer `value`, TAKEN: destroyed when JS collects the
// array's ArrayBuffer, once Node's event loop turns (Node-API runs such finalizers there). Copied
// instead (and `value` destroyed) for less than 64 KiB, and while the results lent so and not yet
// finalized hold 256 MiB: a synchronous loop of calls then keeps no more than that. nullptr with
// a JS exception pending.
napi_value typed_buffer_to_js_taken(napi_env env, void *value);

} // namespace node_loader

#endif
