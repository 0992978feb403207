#include "signature.h"

#include "py_ref.h"

#include <algorithm>
#include <string_view>

namespace py_loader {
namespace {

std::string utf8(PyObject *text) {
	Py_ssize_t size = 0;
	const char *bytes =
	    text != nullptr && PyUnicode_Check(text) ? PyUnicode_AsUTF8AndSize(text, &size) : nullptr;
	if (bytes == nullptr) {
		PyErr_Clear();
		return {};
	}
	return std::string(bytes, static_cast<std::size_t>(size));
}

enum metacall_value_id type_named(std::string_view name) {
	if (const auto bracket = name.find('['); bracket != std::string_view::npos)
		name = name.substr(0, bracket); // "list[int]" -> "list"
	struct Entry {
		std::string_view name;
		enum metacall_value_id id;
	};
	static constexpr Entry kNames[] = {
	    {"int", METACALL_LONG},        {"float", METACALL_DOUBLE},      {"str", METACALL_STRING},
	    {"bool", METACALL_BOOL},       {"bytes", METACALL_BUFFER},      {"bytearray", METACALL_BUFFER},
	    {"list", METACALL_ARRAY},      {"tuple", METACALL_ARRAY},       {"dict", METACALL_MAP},
	    {"None", METACALL_NULL},       {"List", METACALL_ARRAY},        {"Tuple", METACALL_ARRAY},
	    {"Dict", METACALL_MAP},        {"typing.List", METACALL_ARRAY}, {"typing.Tuple", METACALL_ARRAY},
	    {"typing.Dict", METACALL_MAP},
	};
	for (const Entry &entry : kNames) {
		if (entry.name == name)
			return entry.id;
	}
	return METACALL_INVALID;
}

// The annotation of `name` in the dict `annotations` (borrowed), or METACALL_INVALID.
enum metacall_value_id annotated(PyObject *annotations, const char *name) {
	if (annotations == nullptr || !PyDict_Check(annotations))
		return METACALL_INVALID;
	PyObject *annotation = PyDict_GetItemString(annotations, name); // borrowed, no error raised
	return annotation != nullptr ? annotation_type(annotation) : METACALL_INVALID;
}

// Positional parameters of a Python function; `skip` leading ones (the `self` of a bound method).
void read_code(PyObject *function, Py_ssize_t skip, Signature &signature) {
	auto *code = reinterpret_cast<PyCodeObject *>(PyFunction_GET_CODE(function));
	signature.is_async = (code->co_flags & CO_COROUTINE) != 0;
	signature.is_variadic = (code->co_flags & CO_VARARGS) != 0;
	PyRef names = PyRef::steal(PyCode_GetVarnames(code));
	PyRef annotations = PyRef::steal(PyObject_GetAttrString(function, "__annotations__"));
	if (!annotations)
		PyErr_Clear();
	for (Py_ssize_t i = skip; names && i < code->co_argcount && i < PyTuple_GET_SIZE(names.get()); ++i) {
		std::string name = utf8(PyTuple_GET_ITEM(names.get(), i));
		signature.param_types.push_back(annotated(annotations.get(), name.c_str()));
		signature.param_names.push_back(std::move(name));
	}
	signature.return_type = annotated(annotations.get(), "return");
	PyErr_Clear();
	// Positional defaults belong to the last positional parameters: those may be left out.
	PyObject *defaults = PyFunction_GET_DEFAULTS(function);
	const std::size_t defaulted =
	    defaults != nullptr && PyTuple_Check(defaults) ? PyTuple_GET_SIZE(defaults) : 0;
	signature.optional = std::min(defaulted, signature.param_names.size());
}

// Builtins: "($module, x, /)" -> x. Stops at keyword-only parameters; *args makes it variadic.
bool read_text_signature(PyObject *builtin, Signature &signature) {
	PyRef text = PyRef::steal(PyObject_GetAttrString(builtin, "__text_signature__"));
	const std::string signature_text = utf8(text.get());
	PyErr_Clear();
	if (signature_text.size() < 2 || signature_text.front() != '(' || signature_text.back() != ')')
		return false;
	std::string_view rest(signature_text);
	rest = rest.substr(1, rest.size() - 2);
	while (!rest.empty()) {
		const auto comma = rest.find(',');
		std::string_view item = rest.substr(0, comma);
		rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
		while (!item.empty() && item.front() == ' ')
			item.remove_prefix(1);
		item = item.substr(0, item.find_first_of("=: "));
		if (item.empty() || item.front() == '$' || item == "/")
			continue;
		if (item.front() == '*') {
			signature.is_variadic = item.size() > 1 && item[1] != '*';
			break;
		}
		signature.param_names.emplace_back(item);
		signature.param_types.push_back(METACALL_INVALID);
	}
	return true;
}

} // namespace

enum metacall_value_id annotation_type(PyObject *annotation) {
	if (annotation == Py_None || annotation == reinterpret_cast<PyObject *>(Py_TYPE(Py_None)))
		return METACALL_NULL;
	if (PyUnicode_Check(annotation))
		return type_named(utf8(annotation));
	if (PyType_Check(annotation)) {
		auto *type = reinterpret_cast<PyTypeObject *>(annotation);
		if (type == &PyBool_Type)
			return METACALL_BOOL;
		if (type == &PyLong_Type)
			return METACALL_LONG;
		if (type == &PyFloat_Type)
			return METACALL_DOUBLE;
		if (type == &PyUnicode_Type)
			return METACALL_STRING;
		if (type == &PyBytes_Type || type == &PyByteArray_Type)
			return METACALL_BUFFER;
		if (type == &PyList_Type || type == &PyTuple_Type)
			return METACALL_ARRAY;
		if (type == &PyDict_Type)
			return METACALL_MAP;
		return METACALL_INVALID;
	}
	// list[int], typing.List[int], ...: the type they specialise.
	PyRef origin = PyRef::steal(PyObject_GetAttrString(annotation, "__origin__"));
	if (!origin) {
		PyErr_Clear();
		return METACALL_INVALID;
	}
	return origin.get() != annotation && PyType_Check(origin.get()) ? annotation_type(origin.get())
	                                                                : METACALL_INVALID;
}

namespace {

// The function a decorator made with functools.wraps stands for (its __wrapped__ chain), whose
// parameters are the ones callers pass; `callable` itself when it wraps nothing.
PyRef unwrapped(PyObject *callable) {
	PyRef current = PyRef::borrow(callable);
	for (int depth = 0; depth < 16; ++depth) { // a chain that loops stops somewhere
		PyRef inner = PyRef::steal(PyObject_GetAttrString(current.get(), "__wrapped__"));
		if (!inner) {
			PyErr_Clear();
			break;
		}
		current = std::move(inner);
	}
	return current;
}

} // namespace

Signature signature_of(PyObject *callable, const std::string &name) {
	Signature signature;
	signature.name = name;
	if (PyFunction_Check(callable)) {
		// A decorator made with functools.wraps takes the wrapped function's parameters; whether it
		// is async is its own.
		PyRef inner = unwrapped(callable);
		read_code(PyFunction_Check(inner.get()) ? inner.get() : callable, 0, signature);
		signature.is_async =
		    (reinterpret_cast<PyCodeObject *>(PyFunction_GET_CODE(callable))->co_flags & CO_COROUTINE) != 0;
	} else if (PyMethod_Check(callable) && PyFunction_Check(PyMethod_GET_FUNCTION(callable))) {
		read_code(PyMethod_GET_FUNCTION(callable), 1, signature);
	} else if (!(PyCFunction_Check(callable) && read_text_signature(callable, signature))) {
		signature.param_names.clear();
		signature.param_types.clear();
		signature.is_variadic = true;
	}
	return signature;
}

metacall_loader_function describe(const Signature &signature, void *data, std::vector<const char *> &names) {
	names.clear();
	for (const std::string &name : signature.param_names)
		names.push_back(name.c_str());
	return metacall_loader_function{
	    .name = signature.name.c_str(),
	    .data = data,
	    .is_async = signature.is_async ? 1 : 0,
	    .is_variadic = signature.is_variadic ? 1 : 0,
	    .return_type = signature.return_type,
	    .param_count = signature.param_names.size(),
	    .param_names = names.data(),
	    .param_types = signature.param_types.data(),
	    .optional_count = signature.optional,
	};
}

} // namespace py_loader
