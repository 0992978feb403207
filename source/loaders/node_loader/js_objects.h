// JS classes and instances as the core's class and object values (owner thread, inside a handle
// scope), and the node loader's metacall_object_interface, through which the core uses them from
// any thread.
//
//   class (an ES class, or a function whose prototype has methods) -> class value
//   instance (an object whose prototype is neither Object.prototype nor null, and which is not an
//   array, a buffer, a promise or an error: a class's instance, a Date, Map, Set, RegExp, ...)
//     -> object value
// Each value holds a strong reference to the JS object, released when the core's last value of
// it goes. Back to JS, a class or object value made here gives the very same JS object.
#ifndef NODE_LOADER_JS_OBJECTS_H
#define NODE_LOADER_JS_OBJECTS_H

#include <node_api.h>

#include <string>

#include <metacall/metacall_value.h>

namespace node_loader {

class LoaderState;

// Whether the JS function `fn` is a class: an ES class, or a constructor function (a plain
// function whose prototype has own properties besides `constructor`).
bool is_js_class(LoaderState &state, napi_value fn);

// The prototype of a JS object (not an array, buffer, promise or error), into *prototype.
enum class Prototype {
	object, // Object.prototype: a plain object, data (a map)
	none,   // null: data too (Object.create(null)); Node-API also sees proxies so
	other,  // any other: an instance of a class
	failed, // it cannot be read: a JS exception is pending
};
Prototype prototype_of(LoaderState &state, napi_value js, napi_value *prototype);

// A new value referring to `js`: a class value (kind METACALL_CLASS, `js` a class) or an object
// value (METACALL_OBJECT, `js` an instance whose prototype is `prototype`); a throwable when it
// cannot be made.
void *js_object_value(LoaderState &state, napi_value js, enum metacall_value_id kind, napi_value prototype);
// As js_object_value, for an object whose class name is known (a view's: "Array", "Object").
void *js_object_value_named(LoaderState &state, napi_value js, enum metacall_value_id kind,
                            std::string class_name);

// For a class or object value (borrowed) made here: true, with the JS object in *js (nullptr,
// with a JS exception pending, when the loader that made it is gone). False for another owner's.
bool own_object_to_js(LoaderState &state, void *value, napi_value *js);

} // namespace node_loader

#endif
