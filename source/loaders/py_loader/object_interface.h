// What the core calls on the Python classes and objects the loader handed out (python_objects.h),
// `data` being their ObjectRef (object_refs.h). Any thread, re-entrantly: each entry takes the GIL.
//
//   get        getattr; a missing attribute is NULL (the core names it), another error a throwable
//   set        setattr; NULL, or a throwable
//   call       getattr + call: the result (a coroutine: a future), or a throwable with the Python
//              label and traceback; an attribute that is not callable is a "TypeError"
//   keys       the instance's __dict__ keys, then the public members of its class (class_members.h)
//   construct  calls the class: the instance, as an object value
//   describe   classes: constructor, methods, static methods, attributes (class_members.h)
//   release    drops the reference (Py_DECREF under the GIL); nothing once the interpreter is
//              finalizing (host mode: python3 exiting) — the object is left to it
#ifndef PY_LOADER_OBJECT_INTERFACE_H
#define PY_LOADER_OBJECT_INTERFACE_H

#include <metacall/metacall_object.h>

namespace py_loader {

extern const metacall_object_interface python_object_interface;

// A dict handed to JS as a proxy (dict_proxies.h): get, set and keys are its str-keyed items
// (a missing key is NULL: undefined in JS); no methods; release as above.
extern const metacall_object_interface dict_interface;

} // namespace py_loader

#endif
