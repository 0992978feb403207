#include "exceptions.h"

#include "loader_state.h"
#include "to_python.h"

#include <metacall/metacall.h>

#include <cstring>

namespace py_loader {
namespace {

std::string text_of(PyObject *object) {
	PyRef text = PyRef::steal(object != nullptr ? PyObject_Str(object) : nullptr);
	Py_ssize_t size = 0;
	const char *bytes = text ? PyUnicode_AsUTF8AndSize(text.get(), &size) : nullptr;
	if (bytes == nullptr) {
		PyErr_Clear();
		return "<unprintable>";
	}
	return std::string(bytes, static_cast<std::size_t>(size));
}

std::string type_name(PyObject *exception) {
	PyRef name = PyRef::steal(PyType_GetName(Py_TYPE(exception)));
	return name ? text_of(name.get()) : "Exception";
}

// "".join(traceback.format_exception(exception)), or "" when it cannot be formatted.
std::string traceback_text(PyObject *exception) {
	LoaderState *state = LoaderState::current();
	PyRef format;
	if (state != nullptr) {
		format = PyRef::borrow(state->error_types().format_exception());
	} else {
		PyRef traceback = PyRef::steal(PyImport_ImportModule("traceback"));
		format =
		    PyRef::steal(traceback ? PyObject_GetAttrString(traceback.get(), "format_exception") : nullptr);
	}
	PyRef lines = PyRef::steal(format ? PyObject_CallOneArg(format.get(), exception) : nullptr);
	PyRef empty = PyRef::steal(PyUnicode_FromStringAndSize("", 0));
	PyRef joined = PyRef::steal(lines && empty ? PyUnicode_Join(empty.get(), lines.get()) : nullptr);
	if (!joined) {
		PyErr_Clear();
		return "";
	}
	return text_of(joined.get());
}

// " (at file:line)" for the innermost frame of the traceback that is not CPython's frozen import
// machinery; "" without a traceback. SyntaxError says where itself.
std::string location_of(PyObject *exception) {
	if (PyErr_GivenExceptionMatches(exception, PyExc_SyntaxError))
		return "";
	PyRef traceback = PyRef::steal(PyException_GetTraceback(exception));
	std::string where;
	for (auto *tb = reinterpret_cast<PyTracebackObject *>(traceback.get()); tb != nullptr; tb = tb->tb_next) {
		PyRef code = PyRef::steal(reinterpret_cast<PyObject *>(PyFrame_GetCode(tb->tb_frame)));
		const std::string file = text_of(reinterpret_cast<PyCodeObject *>(code.get())->co_filename);
		if (file.rfind("<frozen ", 0) != 0)
			where = " (at " + file + ":" + std::to_string(tb->tb_lineno) + ")";
	}
	return where;
}

// The pending exception, normalized and with its traceback attached; clears the error indicator.
PyRef fetch_exception() {
	PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
	PyErr_Fetch(&type, &value, &traceback);
	if (type == nullptr)
		return PyRef();
	PyErr_NormalizeException(&type, &value, &traceback);
	if (traceback != nullptr && value != nullptr)
		PyException_SetTraceback(value, traceback);
	Py_XDECREF(type);
	Py_XDECREF(traceback);
	return PyRef::steal(value);
}

// The class for `label`: a builtin exception of that name, else one made for it.
PyObject *class_for(const std::string &label) {
	if (PyObject *builtin = PyDict_GetItemString(PyEval_GetBuiltins(), label.c_str());
	    builtin != nullptr && PyType_Check(builtin) &&
	    PyType_IsSubtype(reinterpret_cast<PyTypeObject *>(builtin),
	                     reinterpret_cast<PyTypeObject *>(PyExc_BaseException)))
		return builtin;
	if (LoaderState *state = LoaderState::current(); state != nullptr && !label.empty())
		return state->error_types().type_for_label(label);
	return PyExc_RuntimeError;
}

PyObject *new_exception(const char *label, const char *message, const char *stacktrace) {
	PyRef text = PyRef::steal(PyUnicode_DecodeUTF8(message, std::strlen(message), "replace"));
	if (!text)
		return nullptr;
	PyObject *type = class_for(label);
	PyRef exception = PyRef::steal(type != nullptr ? PyObject_CallOneArg(type, text.get()) : nullptr);
	if (!exception) { // a builtin whose constructor wants more than a message (UnicodeDecodeError, ...)
		PyErr_Clear();
		exception = PyRef::steal(PyObject_CallOneArg(PyExc_RuntimeError, text.get()));
		if (!exception)
			return nullptr;
	}
	if (stacktrace != nullptr && stacktrace[0] != '\0') {
		PyRef note = PyRef::steal(PyObject_CallMethod(exception.get(), "add_note", "s", stacktrace));
		if (!note)
			PyErr_Clear(); // the note is a courtesy
	}
	return exception.release();
}

} // namespace

PyObject *ErrorTypes::type_for_label(const std::string &label) {
	if (!label_types_) {
		label_types_ = PyRef::steal(PyDict_New());
		if (!label_types_)
			return nullptr;
	}
	if (PyObject *known = PyDict_GetItemString(label_types_.get(), label.c_str()))
		return known;
	const std::string qualified = "metacall." + label;
	PyRef made = PyRef::steal(PyErr_NewException(qualified.c_str(), PyExc_RuntimeError, nullptr));
	if (!made || PyDict_SetItemString(label_types_.get(), label.c_str(), made.get()) != 0)
		return nullptr;
	return made.get(); // the dict keeps it
}

PyObject *ErrorTypes::format_exception() {
	if (!format_exception_) {
		PyRef traceback = PyRef::steal(PyImport_ImportModule("traceback"));
		format_exception_ =
		    PyRef::steal(traceback ? PyObject_GetAttrString(traceback.get(), "format_exception") : nullptr);
		if (!format_exception_)
			PyErr_Clear();
	}
	return format_exception_.get();
}

void *exception_value(PyObject *exception) {
	const std::string label = type_name(exception);
	const std::string message = text_of(exception);
	const std::string stacktrace = traceback_text(exception);
	metacall_exception_type fields{message.c_str(), label.c_str(), 0, stacktrace.c_str()};
	return metacall_value_create_exception(&fields);
}

void *throwable_from_exception(PyObject *exception) {
	return metacall_value_create_throwable(exception_value(exception));
}

void *throwable_from_error() {
	PyRef exception = fetch_exception();
	if (!exception)
		return metacall_error_throw("RuntimeError", 0, nullptr,
		                            "py loader: the call failed without an exception");
	void *throwable = throwable_from_exception(exception.get());
	PyErr_Clear();
	return throwable;
}

std::string describe_error() {
	PyRef exception = fetch_exception();
	if (!exception)
		return "unknown Python error";
	std::string text =
	    type_name(exception.get()) + ": " + text_of(exception.get()) + location_of(exception.get());
	PyRef traceback = PyRef::steal(PyException_GetTraceback(exception.get()));
	if (traceback)
		text += "\n" + traceback_text(exception.get());
	PyErr_Clear();
	return text;
}

PyObject *exception_object(void *value) {
	void *thrown =
	    metacall_value_id(value) == METACALL_THROWABLE ? metacall_value_to_throwable(value) : value;
	metacall_exception_type fields{};
	if (metacall_value_id(thrown) == METACALL_EXCEPTION && metacall_error_from_value(thrown, &fields) == 0)
		return new_exception(fields.label, fields.message, fields.stacktrace);
	// Any other value thrown (JS `throw 56`) or rejected with (`Promise.reject(10)`): an exception
	// that carries it as its argument, as `raise Exception(15)` carries 15.
	PyRef argument = PyRef::steal(thrown != nullptr ? to_python(thrown, nullptr) : Py_NewRef(Py_None));
	if (!argument)
		return nullptr;
	PyObject *type = class_for("Error");
	return type != nullptr ? PyObject_CallOneArg(type, argument.get()) : nullptr;
}

PyObject *raise_from_value(void *value) {
	PyRef exception = PyRef::steal(exception_object(value));
	if (exception)
		PyErr_SetObject(reinterpret_cast<PyObject *>(Py_TYPE(exception.get())), exception.get());
	return nullptr;
}

PyObject *raise_last_error() {
	metacall_exception_type fields{};
	if (metacall_error_last(&fields) != 0) {
		PyErr_SetString(PyExc_RuntimeError, "a metacall call failed without giving a reason");
		return nullptr;
	}
	PyRef exception = PyRef::steal(new_exception(fields.label, fields.message, nullptr));
	if (exception)
		PyErr_SetObject(reinterpret_cast<PyObject *>(Py_TYPE(exception.get())), exception.get());
	return nullptr;
}

} // namespace py_loader
