// The state of the started py loader (one per process): its search path, modules, the callables,
// classes and objects the core holds, the event loop of async calls and the exception classes
// made for labels.
//
// Lifecycle: stop() (metacall_destroy) parks the interpreter instead of finalizing it. It stops the
// event loop (pending coroutines are cancelled, their futures reject), drops every reference the
// loader holds, takes the loader's modules out of sys.modules (with the modules imported from the
// loader's folders since it started) and its folders out of sys.path. The next initialize starts
// a fresh state on the same interpreter. Threads that scripts started keep running: CPython cannot
// stop them. Everything here is used under the GIL.
#ifndef PY_LOADER_LOADER_STATE_H
#define PY_LOADER_LOADER_STATE_H

#include "async_loop.h"
#include "attribute_names.h"
#include "exceptions.h"
#include "function_refs.h"
#include "modules.h"
#include "object_refs.h"
#include "py_ref.h"
#include "search_path.h"

#include <string>

namespace py_loader {

class LoaderState {
public:
	// The started loader, or nullptr.
	static LoaderState *current();

	explicit LoaderState(std::string tag) : tag_(std::move(tag)) {}
	LoaderState(const LoaderState &) = delete;
	LoaderState &operator=(const LoaderState &) = delete;
	~LoaderState();

	// Becomes current; remembers which modules were imported before it. False with a Python error
	// set, or when another py loader is current (one per process).
	bool start();
	// Undoes what the loader did to the interpreter (see above) and stops being current.
	void stop();

	const std::string &tag() const { return tag_; }
	SearchPath &search_path() { return search_path_; }
	Modules &modules() { return modules_; }
	FunctionRefs &functions() { return functions_; }
	ObjectRefs &objects() { return objects_; }
	AttributeNames &attribute_names() { return attribute_names_; }
	AsyncLoop &async_loop() { return async_loop_; }
	ErrorTypes &error_types() { return error_types_; }
	// metacall.Future (future_object.h), made on first use.
	PyRef &future_class() { return future_class_; }

private:
	// Takes out of sys.modules what was imported from the loader's folders since start().
	void forget_imported_modules();

	std::string tag_;
	SearchPath search_path_;
	Modules modules_;
	FunctionRefs functions_;
	ObjectRefs objects_;
	AttributeNames attribute_names_;
	AsyncLoop async_loop_;
	ErrorTypes error_types_;
	PyRef future_class_;
	PyRef modules_at_start_; // a set of the names in sys.modules when the loader started
};

} // namespace py_loader

#endif
