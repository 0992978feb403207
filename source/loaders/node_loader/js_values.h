// Values between the core and JavaScript (owner thread, inside a handle scope).
//
//   bool <-> boolean            char/short/int/long/float/double -> number; number -> long when
//   whole within +-(2^53 - 1), else double (docs/NUMBERS.md; METACALL_NODE_NUMBERS=double: always double)
//   long beyond +-(2^53 - 1) -> BigInt, BigInt -> long (lossless, else a RangeError)
//   string <-> string (UTF-8)   buffer -> Buffer; Buffer, Uint8Array, DataView, ArrayBuffer -> buffer
//   typed buffer <-> Float64Array, Int32Array, BigInt64Array, ... (js_typed_arrays.h)
//   array <-> Array             map <-> plain object (keys as strings)
//   ptr <-> external            null <-> null (and undefined -> null)
//   function <-> function (a C function called from JS; a JS function called from C, any thread)
//   future <-> Promise          exception/throwable -> Error; Error -> exception
//   class <-> class, object <-> instance (js_objects.h): the same JS object back; another
//   owner's class or object -> a Proxy (js_object_proxy.h), which comes back as that value
#ifndef NODE_LOADER_JS_VALUES_H
#define NODE_LOADER_JS_VALUES_H

#include <node_api.h>

namespace node_loader {

class LoaderState;

// A JS value for `value` (borrowed), or nullptr with a JS exception pending.
napi_value to_js(LoaderState &state, void *value);

// A new value for `js` (owned by the caller): never nullptr; a throwable when `js` cannot be
// converted (a symbol, a BigInt beyond long).
void *from_js(LoaderState &state, napi_value js);

// As from_js, for an argument of a call that returns before `js` can go (it is on the caller's
// stack): a typed array of numbers borrows its bytes instead of copying them (js_typed_arrays.h).
void *argument_from_js(LoaderState &state, napi_value js);

// A view of `js` when it is an Array or a plain object (Object.prototype its prototype): an object
// value of the loader's (class "Array" or "Object", js_objects.h) holding the JS value itself,
// read through the object interface. For a Buffer, typed array, DataView or ArrayBuffer: a buffer
// value borrowing its bytes where they live (with the typed array's layout), which holds them until
// it is destroyed, on any thread; only when the loader started Node (a copy inside a process that
// runs Node). nullptr for anything else (then convert with from_js).
void *view_from_js(LoaderState &state, napi_value js);

// Whether from_js gives a class or object value for `js` (discover keeps those exports).
bool crosses_by_reference(LoaderState &state, napi_value js);

} // namespace node_loader

#endif
