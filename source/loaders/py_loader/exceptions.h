// Errors across the boundary. A Python exception becomes a throwable whose label is the
// exception's type name (type(e).__name__), whose message is str(e) and whose stack trace is the
// full traceback.format_exception text. A throwable coming back into Python is raised as the
// builtin exception named by its label (TypeError, KeyError, ...) or, for other labels, as a
// subclass of RuntimeError named after the label (made once per label, module "metacall"), so the
// label survives a round trip; its stack trace is attached as a note (PEP 678).
// Every function here needs the GIL.
#ifndef PY_LOADER_EXCEPTIONS_H
#define PY_LOADER_EXCEPTIONS_H

#include "py_ref.h"

#include <string>

namespace py_loader {

// The exception types made for labels, and traceback.format_exception, looked up once per loader.
class ErrorTypes {
public:
	// The class raised for `label` (borrowed), or nullptr with a Python error set.
	PyObject *type_for_label(const std::string &label);
	// traceback.format_exception (borrowed), or nullptr (no error set).
	PyObject *format_exception();

private:
	PyRef label_types_; // dict: label -> class
	PyRef format_exception_;
};

// The pending Python exception as a new throwable value; clears it. A generic throwable when no
// exception is pending.
void *throwable_from_error();

// `exception` (an exception instance, borrowed) as a new throwable value.
void *throwable_from_exception(PyObject *exception);

// `exception` as a new exception value, not thrown (a function returned an exception object).
void *exception_value(PyObject *exception);

// The pending Python exception as the text of a load failure, "Type: message (at file:line)"
// followed by the traceback when there is one; clears it.
std::string describe_error();

// A new Python exception object for the throwable or exception value `value` (borrowed), or
// nullptr with a Python error set. A throwable of another value (JS `throw 56`), or such a value
// itself (the reason a promise was rejected with), gives metacall.Error(value): its args[0] is the
// value converted.
PyObject *exception_object(void *value);

// Raises the exception `value` (a throwable or exception value) holds, as exception_object makes
// it. Returns nullptr.
PyObject *raise_from_value(void *value);

// Raises the calling thread's metacall_error_last, after an API function returned NULL. Returns nullptr.
PyObject *raise_last_error();

} // namespace py_loader

#endif
