#include "dict_proxies.h"

#include "exceptions.h"
#include "from_python.h"
#include "object_interface.h"
#include "object_views.h"
#include "python_objects.h"

#include <metacall/metacall.h>

#include <cstring>
#include <vector>

namespace py_loader {

bool dict_proxies_for(void *function) {
	if (!WantViews::enabled())
		return false;
	const char *tag = metacall_function_loader_tag(function);
	return tag != nullptr && std::strcmp(tag, "node") == 0;
}

void *dict_proxy_value(PyObject *dict, LoaderState &state) {
	if (!PyDict_CheckExact(dict))
		return nullptr;
	PyObject *key = nullptr, *item = nullptr;
	Py_ssize_t position = 0;
	while (PyDict_Next(dict, &position, &key, &item))
		if (!PyUnicode_CheckExact(key))
			return nullptr;
	return python_object_value(dict, METACALL_OBJECT, state, &dict_interface);
}

void *str_keys_of(PyObject *dict) {
	std::vector<const void *> names;
	const auto drop = [&names] {
		for (const void *name : names)
			metacall_value_destroy(const_cast<void *>(name));
	};
	PyObject *key = nullptr, *item = nullptr;
	Py_ssize_t position = 0;
	while (PyDict_Next(dict, &position, &key, &item)) {
		if (!PyUnicode_Check(key))
			continue; // no JS property name of its own
		Py_ssize_t size = 0;
		const char *text = PyUnicode_AsUTF8AndSize(key, &size);
		void *name =
		    text != nullptr ? metacall_value_create_string(text, static_cast<size_t>(size)) : nullptr;
		if (name == nullptr) {
			drop();
			if (text != nullptr)
				raise_last_error();
			return nullptr;
		}
		names.push_back(name);
	}
	void *keys = metacall_value_create_array(names.data(), names.size()); // takes the names
	if (keys == nullptr)
		raise_last_error();
	return keys;
}

} // namespace py_loader
