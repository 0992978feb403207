#include "object_interface.h"

#include "class_members.h"
#include "dict_proxies.h"
#include "exceptions.h"
#include "from_python.h"
#include "gil.h"
#include "invoke.h"
#include "loader_state.h"
#include "object_refs.h"
#include "to_python.h"

#include <metacall/metacall.h>

#include <exception>
#include <string>

namespace py_loader {
namespace {

PyObject *object_of(void *data) {
	return static_cast<ObjectRef *>(data)->object.get();
}

// Runs body(state) under the GIL for the entry `entry`; a stopped loader or a C++ failure becomes
// a throwable (the core calls this: nothing may unwind through it).
template <typename Body>
void *guarded(const char *entry, Body body) {
	try {
		GilScope gil;
		LoaderState *state = LoaderState::current();
		if (state == nullptr)
			return metacall_error_throw("ReferenceError", 0, nullptr, "py loader: %s: the loader is stopped",
			                            entry);
		return body(*state);
	} catch (const std::exception &error) {
		return metacall_error_throw("LoaderError", 0, nullptr, "py loader: %s: %s", entry, error.what());
	}
}

// "class 'Counter'" or "object of class 'Counter'", for errors.
std::string describe_self(PyObject *self) {
	if (PyType_Check(self))
		return std::string("class '") + _PyType_Name(reinterpret_cast<PyTypeObject *>(self)) + "'";
	return std::string("object of class '") + _PyType_Name(Py_TYPE(self)) + "'";
}

void *get(void *data, const char *key) {
	return guarded("get", [&](LoaderState &state) -> void * {
		PyRef name = state.attribute_names().get(key);
		PyRef attribute = PyRef::steal(name ? PyObject_GetAttr(object_of(data), name.get()) : nullptr);
		if (!attribute) {
			if (!PyErr_ExceptionMatches(PyExc_AttributeError))
				return throwable_from_error(); // a property that raised
			PyErr_Clear();
			return nullptr; // the core names the key and the class
		}
		void *value = from_python(attribute.get(), state);
		return value != nullptr ? value : throwable_from_error();
	});
}

void *set(void *data, const char *key, void *value) {
	return guarded("set", [&](LoaderState &) -> void * {
		PyRef object = PyRef::steal(to_python(value, nullptr));
		if (!object || PyObject_SetAttrString(object_of(data), key, object.get()) != 0)
			return throwable_from_error();
		return nullptr;
	});
}

void *call(void *data, const char *method, void *args[], size_t size) {
	return guarded("call", [&](LoaderState &state) -> void * {
		PyObject *self = object_of(data);
		PyRef name = state.attribute_names().get(method);
		if (!name)
			return throwable_from_error();
		void *result = invoke_method(state, self, name.get(), args, size); // AttributeError names both
		if (metacall_value_id(result) != METACALL_THROWABLE)
			return result;
		// A TypeError may say that the attribute is not callable: then say it in our words.
		PyRef attribute = PyRef::steal(PyObject_GetAttr(self, name.get()));
		if (!attribute || PyCallable_Check(attribute.get())) {
			PyErr_Clear();
			return result;
		}
		metacall_value_destroy(result);
		return metacall_error_throw("TypeError", 0, nullptr, "'%s' of %s is a '%s', not a method", method,
		                            describe_self(self).c_str(), Py_TYPE(attribute.get())->tp_name);
	});
}

void *keys(void *data) {
	return guarded("keys", [&](LoaderState &) -> void * {
		void *names = member_names(object_of(data));
		return names != nullptr ? names : throwable_from_error();
	});
}

void *construct(void *data, void *args[], size_t size) {
	return guarded("construct",
	               [&](LoaderState &state) { return invoke_python(state, object_of(data), args, size); });
}

void *describe(void *data) {
	return guarded("describe", [&](LoaderState &) -> void * {
		PyObject *object = object_of(data);
		if (!PyType_Check(object))
			return nullptr; // only classes are described
		void *description = describe_class(reinterpret_cast<PyTypeObject *>(object));
		PyErr_Clear(); // a part that could not be read is left out
		return description;
	});
}

void release(void *data) {
	if (!Py_IsInitialized() || _Py_IsFinalizing())
		return; // the interpreter is going away with everything in it; taking the GIL could hang
	GilScope gil;
	if (LoaderState *state = LoaderState::current())
		state->objects().release(static_cast<ObjectRef *>(data));
}

// A dict's entries as a JS object's properties (dict_proxies.h): its str keys only.
void *dict_get(void *data, const char *key) {
	return guarded("get", [&](LoaderState &state) -> void * {
		PyRef name = state.attribute_names().get(key);
		if (!name)
			return throwable_from_error();
		PyObject *item = PyDict_GetItemWithError(object_of(data), name.get()); // borrowed
		if (item == nullptr)
			return PyErr_Occurred() ? throwable_from_error() : nullptr; // no such key: undefined in JS
		PyRef held = PyRef::borrow(item); // the conversion may run Python code that drops the entry
		ForJs proxies(true);              // what JS reads of it crosses as it would as an argument
		void *value = from_python(held.get(), state);
		return value != nullptr ? value : throwable_from_error();
	});
}

void *dict_set(void *data, const char *key, void *value) {
	return guarded("set", [&](LoaderState &) -> void * {
		PyRef item = PyRef::steal(to_python(value, nullptr));
		if (!item || PyDict_SetItemString(object_of(data), key, item.get()) != 0)
			return throwable_from_error();
		return nullptr;
	});
}

void *dict_keys(void *data) {
	return guarded("keys", [&](LoaderState &) -> void * {
		void *keys = str_keys_of(object_of(data));
		return keys != nullptr ? keys : throwable_from_error();
	});
}

} // namespace

const metacall_object_interface dict_interface{
    .get = dict_get,
    .set = dict_set,
    .call = nullptr,
    .keys = dict_keys,
    .methods = nullptr,
    .construct = nullptr,
    .describe = nullptr,
    .release = release,
};

const metacall_object_interface python_object_interface{
    .get = get,
    .set = set,
    .call = call,
    .keys = keys,
    .methods = nullptr, // loaders answer `get` themselves
    .construct = construct,
    .describe = describe,
    .release = release,
};

} // namespace py_loader
