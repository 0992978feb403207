#include "class_members.h"

#include "py_ref.h"
#include "python_objects.h"
#include "signature.h"

#include <metacall/metacall.h>

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace py_loader {
namespace {

using Names = std::vector<std::string>;
using Methods = std::vector<std::pair<std::string, Names>>;

// Names in first-seen order, each once.
class NameList {
public:
	void add(std::string name) {
		if (seen_.insert(name).second)
			names_.push_back(std::move(name));
	}
	const Names &names() const { return names_; }

private:
	std::unordered_set<std::string> seen_;
	Names names_;
};

bool is_public(const char *name) {
	return name[0] != '_';
}

// The classes of `type`'s MRO that Python code defined (`object` and C types left out).
std::vector<PyTypeObject *> python_bases(PyTypeObject *type) {
	std::vector<PyTypeObject *> bases;
	PyObject *mro = type->tp_mro;
	for (Py_ssize_t i = 0; mro != nullptr && i < PyTuple_GET_SIZE(mro); ++i) {
		auto *base = reinterpret_cast<PyTypeObject *>(PyTuple_GET_ITEM(mro, i));
		if (is_python_class(base) && base->tp_dict != nullptr)
			bases.push_back(base);
	}
	return bases;
}

// visit(name, attribute) for each public member of `type`, each name once (the most derived
// definition), in MRO then definition order. False with a Python error set.
template <typename Visit>
bool for_each_member(PyTypeObject *type, Visit visit) {
	std::unordered_set<std::string> seen;
	for (PyTypeObject *base : python_bases(type)) {
		PyRef items = PyRef::steal(PyDict_Items(base->tp_dict)); // a snapshot: visiting may run Python code
		if (!items)
			return false;
		for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items.get()); ++i) {
			PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(items.get(), i), 0);
			const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : nullptr;
			if (name == nullptr) {
				PyErr_Clear();
				continue;
			}
			if (is_public(name) && seen.insert(name).second)
				visit(name, PyTuple_GET_ITEM(PyList_GET_ITEM(items.get(), i), 1));
		}
	}
	return true;
}

// The parameter names of `function`, without the first (`self`, `cls`) when `bound`.
Names parameters(PyObject *function, bool bound) {
	Names names = signature_of(function, "").param_names;
	if (bound && !names.empty())
		names.erase(names.begin());
	return names;
}

// The function a staticmethod or classmethod wraps (new reference), or empty.
PyRef wrapped_function(PyObject *descriptor) {
	PyRef function = PyRef::steal(PyObject_GetAttrString(descriptor, "__func__"));
	if (!function)
		PyErr_Clear();
	return function;
}

// The parameters of the constructor: __init__ (or else __new__) of the first Python class of the
// MRO that defines it, without `self` / `cls`.
Names constructor_parameters(PyTypeObject *type) {
	for (const char *name : {"__init__", "__new__"})
		for (PyTypeObject *base : python_bases(type)) {
			PyObject *defined = PyDict_GetItemString(base->tp_dict, name); // borrowed
			if (defined == nullptr)
				continue;
			if (PyFunction_Check(defined))
				return parameters(defined, true);
			if (Py_IS_TYPE(defined, &PyStaticMethod_Type)) // __new__ is stored as a staticmethod
				if (PyRef function = wrapped_function(defined))
					return parameters(function.get(), true);
			break;
		}
	return {};
}

void *string_value(const std::string &text) {
	return metacall_value_create_string(text.data(), text.size());
}

void *string_array(const Names &names) {
	std::vector<const void *> items;
	for (const std::string &name : names)
		items.push_back(string_value(name));
	return metacall_value_create_array(items.data(), items.size());
}

// [key, value] for a map; takes `value`.
const void *entry(const std::string &key, void *value) {
	const void *pair[] = {string_value(key), value};
	return metacall_value_create_array(pair, 2);
}

void *methods_map(const Methods &methods) {
	std::vector<const void *> entries;
	for (const auto &[name, params] : methods)
		entries.push_back(entry(name, string_array(params)));
	return metacall_value_create_map(entries.data(), entries.size());
}

} // namespace

void *member_names(PyObject *object) {
	NameList names;
	PyTypeObject *type = Py_TYPE(object);
	if (PyType_Check(object)) {
		type = reinterpret_cast<PyTypeObject *>(object);
	} else if (PyRef dict = PyRef::steal(PyObject_GetAttrString(object, "__dict__"));
	           dict && PyDict_Check(dict.get())) {
		PyObject *key = nullptr, *item = nullptr;
		Py_ssize_t position = 0;
		while (PyDict_Next(dict.get(), &position, &key, &item)) {
			const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : nullptr;
			if (name != nullptr && is_public(name))
				names.add(name);
		}
	}
	PyErr_Clear(); // no __dict__ (__slots__), or a key that is not text
	if (!for_each_member(type, [&](const char *name, PyObject *) { names.add(name); }))
		return nullptr;
	return string_array(names.names());
}

void *describe_class(PyTypeObject *type) {
	Methods methods, static_methods;
	NameList attributes;
	Names static_attributes;
	for (PyTypeObject *base : python_bases(type)) { // declared instance attributes: `name: int`
		PyObject *annotations = PyDict_GetItemString(base->tp_dict, "__annotations__"); // borrowed
		PyObject *key = nullptr, *item = nullptr;
		Py_ssize_t position = 0;
		while (annotations != nullptr && PyDict_Check(annotations) &&
		       PyDict_Next(annotations, &position, &key, &item)) {
			const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : nullptr;
			if (name != nullptr && is_public(name))
				attributes.add(name);
		}
	}
	PyErr_Clear();
	const bool read = for_each_member(type, [&](const char *name, PyObject *member) {
		if (PyFunction_Check(member)) {
			methods.emplace_back(name, parameters(member, true));
		} else if (Py_IS_TYPE(member, &PyStaticMethod_Type) || Py_IS_TYPE(member, &PyClassMethod_Type)) {
			PyRef function = wrapped_function(member);
			static_methods.emplace_back(
			    name,
			    function ? parameters(function.get(), Py_IS_TYPE(member, &PyClassMethod_Type)) : Names{});
		} else if (Py_TYPE(member)->tp_descr_set != nullptr) { // a property, a __slots__ member
			attributes.add(name);
		} else if (!PyCallable_Check(member)) {
			static_attributes.push_back(name);
		}
	});
	if (!read)
		return nullptr;
	const void *entries[] = {
	    entry("constructor", string_array(constructor_parameters(type))),
	    entry("methods", methods_map(methods)),
	    entry("static_methods", methods_map(static_methods)),
	    entry("attributes", string_array(attributes.names())),
	    entry("static_attributes", string_array(static_attributes)),
	};
	return metacall_value_create_map(entries, 5);
}

} // namespace py_loader
