// What the core is told about a Python callable: parameter names, declared types, async, variadic.
#ifndef PY_LOADER_SIGNATURE_H
#define PY_LOADER_SIGNATURE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <metacall/metacall_loader.h>

#include <string>
#include <vector>

namespace py_loader {

struct Signature {
	std::string name;
	std::vector<std::string> param_names;
	std::vector<enum metacall_value_id> param_types; // METACALL_INVALID: not annotated
	enum metacall_value_id return_type = METACALL_INVALID;
	bool is_async = false;    // `async def`: calls go through await and return a future
	bool is_variadic = false; // *args, or a callable whose parameters are unknown
	std::size_t optional = 0; // how many of the last parameters have defaults
};

// The signature of `callable`, shown under `name`. Python functions (and methods bound to one) are
// read from their code object: positional parameters (keyword-only ones are left to their
// defaults), *args makes them variadic, annotations give the types (annotation_type); a decorator
// made with functools.wraps shows the parameters of the function it wraps. Builtins are
// read from __text_signature__ when they have one. Anything else (classes, partials, callable
// objects) is variadic with no declared parameters. Never fails: what cannot be read is left out.
Signature signature_of(PyObject *callable, const std::string &name);

// int -> Long, float -> Double, str -> String, bool -> Boolean, bytes/bytearray -> Buffer,
// list/tuple -> Array, dict -> Map, None -> Null; generic aliases (list[int]) by their origin;
// string annotations (from __future__ import annotations) by those names. Others: METACALL_INVALID.
enum metacall_value_id annotation_type(PyObject *annotation);

// The description for the core; points into `signature` and `names`, which must outlive its use.
metacall_loader_function describe(const Signature &signature, void *data, std::vector<const char *> &names);

} // namespace py_loader

#endif
