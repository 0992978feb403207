#include "python_objects.h"

#include "exceptions.h"
#include "loader_state.h"
#include "object_interface.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

namespace py_loader {

void *python_object_value(PyObject *object, enum metacall_value_id kind, LoaderState &state,
                          const metacall_object_interface *iface) {
	if (ObjectRef *live = state.objects().find(object)) {
		void *shared = kind == METACALL_CLASS ? metacall_value_create_class(live->core)
		                                      : metacall_value_create_object(live->core);
		if (shared != nullptr)
			return shared;
		metacall_error_clear(); // its last value is going away on another thread: make a new one
	}
	PyTypeObject *type = kind == METACALL_CLASS ? reinterpret_cast<PyTypeObject *>(object) : Py_TYPE(object);
	ObjectRef *ref = state.objects().add(object);
	void *value = metacall_loader_object_value(state.tag().c_str(), kind, _PyType_Name(type),
	                                           iface != nullptr ? iface : &python_object_interface, ref);
	if (value == nullptr) { // the core did not take `ref`
		state.objects().release(ref);
		return raise_last_error();
	}
	ref->core = kind == METACALL_CLASS ? metacall_value_to_class(value) : metacall_value_to_object(value);
	return value;
}

PyObject *python_object_of(void *value) {
	auto *ref = static_cast<ObjectRef *>(metacall_object_data(value, &python_object_interface));
	if (ref == nullptr)
		ref = static_cast<ObjectRef *>(metacall_object_data(value, &dict_interface));
	if (ref == nullptr)
		return nullptr;
	LoaderState *state = LoaderState::current();
	if (state == nullptr || !state->objects().holds(ref)) {
		PyErr_SetString(PyExc_ReferenceError,
		                "the Python object of this class or object value was released when its py loader "
		                "was destroyed (metacall_destroy)");
		return nullptr;
	}
	return ref->object.get();
}

} // namespace py_loader
