// Python dicts handed to JS as proxies instead of copies (issue #19). A dict passed to a JS
// function (a call through metacall.Function or metacall.metacall) crosses as an object value
// whose entries are the dict's items (object_interface.h, dict_interface); the node loader gives
// JS a Proxy of it, whose reads and writes go to the dict itself. Measured (docs/BENCHMARKS.md):
// reading every key of a 100-key dict by name through the proxy costs half of copying it, and a
// key JS never reads costs nothing; enumerating it (for...in, JSON.stringify) costs 2.3 times. Only where it is safe: exact dicts whose keys are all str (other keys
// have no JS property name of their own), with views on (METACALL_VIEWS, object_views.h), in the
// arguments of a call into the node loader; everything else is still copied into a map value.
// The GIL must be held.
#ifndef PY_LOADER_DICT_PROXIES_H
#define PY_LOADER_DICT_PROXIES_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../../core/fast_tls.h" // header only, shared with the core

namespace py_loader {

class LoaderState;

// While one lives on this thread, from_python converts values bound for JS: the dicts it may as
// proxies (nested ones too), and big `bytes` borrowed (JS copies them into a Buffer: one copy,
// not two).
class ForJs {
public:
	explicit ForJs(bool on) : previous_(on_) { on_ = on; }
	~ForJs() { on_ = previous_; }
	ForJs(const ForJs &) = delete;
	ForJs &operator=(const ForJs &) = delete;
	static bool on() { return on_; }

private:
	bool previous_;
	static inline METACALL_FAST_TLS thread_local bool on_ = false;
};

// Whether the arguments of a call of `function` (a function, borrowed) may proxy dicts: views are
// on and the function is the node loader's.
bool dict_proxies_for(void *function);

// An object value standing for `dict` (dict_interface), or nullptr: with a Python error set when
// making it failed, without one when `dict` must be copied instead (not exactly a dict, a key that
// is not a str).
void *dict_proxy_value(PyObject *dict, LoaderState &state);

// The keys of `dict` that are str, as an array value of strings; nullptr with a Python error set.
void *str_keys_of(PyObject *dict);

} // namespace py_loader

#endif
