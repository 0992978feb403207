/*
 * libmetacall: classes and objects that live in a language runtime or in the host (ours).
 *
 * A class value (METACALL_CLASS) or an object value (METACALL_OBJECT) refers to a class or an
 * object kept by its owner: a Python class or instance, a JS constructor or instance, or a host
 * object whose data and callbacks are the host's (the JSI HostObject model). Copying the value
 * shares the same class or object; its owner keeps it alive while any value refers to it, and
 * releases it (`release` below; a Python reference, a JS handle) when the last value is
 * destroyed. A language that received it holds such a value for as long as its own garbage
 * collector keeps the proxy it made: an object released on one side is released on the other.
 * A cycle across two languages (a Python object holding a JS object that holds it) is not
 * collected.
 *
 * The same table of callbacks serves loaders and hosts. metacall.h has the calls (MetaCall's
 * metacall_class_new, metacallv_object, metacall_object_get, ...); this header says what an owner
 * implements.
 */
#ifndef METACALL_OBJECT_H
#define METACALL_OBJECT_H

#include <metacall/metacall_def.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What the owner of a class or an object does for the core. `data` is the pointer the owner gave
 * when it made the value. Every entry may be called from any thread and re-entrantly; an entry
 * that can fail returns a throwable (metacall_error_throw, label "AttributeError" for a missing
 * attribute or method, "TypeError" for a wrong use) rather than NULL. Values passed in are
 * BORROWED; values returned are NEW and pass to the core. Entries that may be NULL say so.
 * The table must outlive every value made with it (static storage). */
struct metacall_object_interface {
	/* The attribute `key`: a new value; for a method, a function value bound to the object (so that
	 * calling it later calls the method). NULL when there is no attribute `key`: the core then
	 * gives a bound method when `key` is one of `methods`, else an "AttributeError" naming the key
	 * and the class. A throwable when reading it failed (a getter threw). */
	void *(*get)(void *data, const char *key);

	/* Sets the attribute `key` to `value` (borrowed). Returns NULL on success, a throwable on
	 * failure. May be NULL: read-only (setting is a "TypeError"). */
	void *(*set)(void *data, const char *key, void *value);

	/* Calls the method `method` with `size` arguments (borrowed). Returns its result (NULL for
	 * null) or a throwable. May be NULL for an object without methods. */
	void *(*call)(void *data, const char *method, void *args[], size_t size);

	/* The names of the attributes, as an array value of strings (the order scripts see when they
	 * enumerate). May be NULL: none to list. */
	void *(*keys)(void *data);

	/* Hosts: the names of the methods (an array value of strings), asked once when the value is
	 * made; scripts see them as functions that call `call`. NULL for loaders and for hosts whose
	 * objects have no methods. */
	void *(*methods)(void *data);

	/* Classes: a new instance made with `size` arguments (borrowed): an object value, or a
	 * throwable. NULL for objects, and for classes that cannot be instantiated. */
	void *(*construct)(void *data, void *args[], size_t size);

	/* Classes: what metacall_inspect shows of the class, as a map value with the optional keys
	 * "constructor" (array of parameter names), "methods" and "static_methods" (maps of method
	 * name to an array of parameter names), "attributes" and "static_attributes" (arrays of
	 * names). May be NULL. */
	void *(*describe)(void *data);

	/* The core holds no more value of this class or object: release `data`. Called once, on the
	 * thread that destroyed the last value. May be NULL. For loader objects it is not called after
	 * the loader was destroyed (its destroy releases what is left). */
	void (*release)(void *data);
};

/* A new object value (owned by the caller) for a host object: `data` and the callbacks of
 * `iface` (see above; `keys`, `methods`, `set` and `call` say what scripts can do with it).
 * `class_name` (copied; may be NULL) names it in errors and in metacall_inspect. The object is
 * released (iface->release(data)) when no value and no language holds it any more, also after
 * metacall_destroy. NULL (with an error, and without calling release) on a bad argument. */
METACALL_API void *metacall_value_create_host_object(const char *class_name,
                                                     const struct metacall_object_interface *iface,
                                                     void *data);

/* As metacall_value_create_host_object, a class value whose `construct` makes its instances
 * (scripts call it with `new` in JS, as a class in Python). */
METACALL_API void *metacall_value_create_host_class(const char *class_name,
                                                    const struct metacall_object_interface *iface,
                                                    void *data);

/* The `data` of a class or object value (or of a class or object, as metacall_value_to_class /
 * metacall_value_to_object give them) that was made with `iface`; NULL for anything else. For an
 * owner to recognize its own objects when they come back. No error is recorded. */
METACALL_API void *metacall_object_data(void *v, const struct metacall_object_interface *iface);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_OBJECT_H */
