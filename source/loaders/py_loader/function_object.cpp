#include "function_object.h"

#include "dict_proxies.h"
#include "loop_watch.h"
#include "object_views.h"

#include "call_values.h"
#include "exceptions.h"
#include "from_python.h"
#include "gil.h"
#include "loader_state.h"
#include "to_python.h"

#include <metacall/metacall.h>

#include <cstddef>
#include <exception>
#include <new>
#include <structmember.h>
#include <vector>

namespace py_loader {
namespace {

struct FunctionObject {
	PyObject_HEAD;
	vectorcallfunc vectorcall;
	void *value;        // a function value, owned
	bool proxies_dicts; // dict_proxies_for(its function), asked once
};

PyTypeObject *function_type = nullptr; // made once per process, never freed

PyObject *call_unguarded(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
	if (kwnames != nullptr && PyTuple_GET_SIZE(kwnames) > 0) {
		PyErr_SetString(PyExc_TypeError, "metacall functions take positional arguments only");
		return nullptr;
	}
	LoaderState *state = LoaderState::current();
	if (state == nullptr) {
		PyErr_SetString(PyExc_RuntimeError, "metacall function called after the py loader was destroyed");
		return nullptr;
	}
	const Py_ssize_t count = PyVectorcall_NARGS(nargsf);
	void *function = metacall_value_to_function(reinterpret_cast<FunctionObject *>(self)->value);
	CallValues values;
	{
		ForJs proxies(reinterpret_cast<FunctionObject *>(self)->proxies_dicts); // JS gets proxies
		for (Py_ssize_t i = 0; i < count; ++i) {
			void *value = from_python(args[i], *state);
			if (value == nullptr)
				return nullptr;
			values.push(value);
		}
	}
	if (!check_running_loop())
		return nullptr;
	void *result = nullptr;
	{
		// The callee may block, or call back into Python from this or another thread.
		GilReleased released;
		WantViews views; // an array or plain object result comes as a view (object_views.h)
		result = metacallfv_s(function, values.data(), values.size());
	}
	return result_to_python(result);
}

// CPython calls this: nothing may unwind through its frames, so C++ failures become exceptions.
PyObject *call(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
	try {
		return call_unguarded(self, args, nargsf, kwnames);
	} catch (const std::bad_alloc &) {
		return PyErr_NoMemory();
	} catch (const std::exception &error) {
		PyErr_SetString(PyExc_RuntimeError, error.what());
		return nullptr;
	}
}

void dealloc(PyObject *self) {
	PyTypeObject *type = Py_TYPE(self);
	metacall_value_destroy(reinterpret_cast<FunctionObject *>(self)->value);
	type->tp_free(self);
	Py_DECREF(type); // instances of heap types own a reference to their type
}

PyObject *repr(PyObject *self) {
	return PyUnicode_FromFormat("<metacall.Function at %p>", self);
}

PyMemberDef members[] = {
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(FunctionObject, vectorcall), READONLY, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

PyType_Slot slots[] = {
    {Py_tp_dealloc, reinterpret_cast<void *>(dealloc)},
    {Py_tp_call, reinterpret_cast<void *>(PyVectorcall_Call)},
    {Py_tp_repr, reinterpret_cast<void *>(repr)},
    {Py_tp_members, members},
    {Py_tp_doc, const_cast<char *>("A metacall function value, callable with positional arguments.")},
    {0, nullptr},
};

PyType_Spec spec = {
    "metacall.Function",
    sizeof(FunctionObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    slots,
};

} // namespace

bool ready_function_type() {
	if (function_type == nullptr)
		function_type = reinterpret_cast<PyTypeObject *>(PyType_FromSpec(&spec));
	return function_type != nullptr;
}

PyObject *new_function_object(void *value) {
	void *copy = metacall_value_copy(value);
	if (copy == nullptr)
		return raise_last_error();
	auto *object = PyObject_New(FunctionObject, function_type);
	if (object == nullptr) {
		metacall_value_destroy(copy);
		return nullptr;
	}
	object->vectorcall = call;
	object->value = copy;
	object->proxies_dicts = dict_proxies_for(metacall_value_to_function(copy));
	return reinterpret_cast<PyObject *>(object);
}

void *function_value_of(PyObject *object) {
	return Py_IS_TYPE(object, function_type) ? reinterpret_cast<FunctionObject *>(object)->value : nullptr;
}

} // namespace py_loader
