// The cost of calling Python from C: add(a, b) in benchmarks/py/add.py, through metacallfv_s and
// metacallv_s, against the raw CPython C API making the same call (take the GIL with the calling
// thread's state, two PyLong_FromLong, PyObject_Vectorcall on the same function object,
// PyLong_AsLong, the reference drops, release the GIL). The CPython functions are looked up with
// dlsym in the libpython the py loader loaded: this program does not link libpython.
#include <metacall/metacall.h>

#define PY_SSIZE_T_CLEAN
#include <Python.h> // types and inline helpers only; every function is reached through dlsym

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

#ifndef PY_BENCHMARK_SCRIPT
#  error "PY_BENCHMARK_SCRIPT must name benchmarks/py/add.py"
#endif

namespace {

template <typename F>
F *python_function(const char *name) {
	auto *function = reinterpret_cast<F *>(dlsym(RTLD_DEFAULT, name));
	if (function == nullptr) {
		std::fprintf(stderr, "no %s in the process: did the py loader start?\n", name);
		std::exit(1);
	}
	return function;
}

// The CPython C API, as the raw row calls it.
struct CPython {
	decltype(PyGILState_GetThisThreadState) *this_thread_state;
	decltype(PyEval_RestoreThread) *restore_thread;
	decltype(PyEval_SaveThread) *save_thread;
	decltype(PyImport_ImportModule) *import_module;
	decltype(PyObject_GetAttrString) *get_attribute;
	decltype(PyLong_FromLong) *from_long;
	decltype(PyLong_AsLong) *as_long;
	decltype(PyObject_Vectorcall) *vectorcall;
	decltype(_Py_Dealloc) *dealloc;

	void decref(PyObject *object) const { // Py_DECREF, without linking _Py_Dealloc
		if (--object->ob_refcnt == 0)
			dealloc(object);
	}
};

CPython cpython;
PyObject *add_object = nullptr; // add from the module the py loader imported
void *add_function = nullptr;

void raw_cpython_vectorcall(benchmark::State &state) {
	PyThreadState *thread = cpython.this_thread_state(); // the thread's one state, as the loader uses
	long a = 2, b = 3;
	for (auto _ : state) {
		benchmark::DoNotOptimize(a);
		cpython.restore_thread(thread);
		PyObject *args[] = {cpython.from_long(a), cpython.from_long(b)};
		PyObject *result = cpython.vectorcall(add_object, args, 2, nullptr);
		benchmark::DoNotOptimize(cpython.as_long(result));
		cpython.decref(result);
		cpython.decref(args[0]);
		cpython.decref(args[1]);
		cpython.save_thread();
	}
}

void metacallfv_s_call(benchmark::State &state) {
	void *args[] = {metacall_value_create_long(2), metacall_value_create_long(3)};
	for (auto _ : state) {
		void *result = metacallfv_s(add_function, args, 2);
		benchmark::DoNotOptimize(metacall_value_to_long(result));
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

void metacallv_s_call(benchmark::State &state) {
	void *args[] = {metacall_value_create_long(2), metacall_value_create_long(3)};
	for (auto _ : state) {
		void *result = metacallv_s("add", args, 2);
		benchmark::DoNotOptimize(metacall_value_to_long(result));
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

BENCHMARK(raw_cpython_vectorcall);
BENCHMARK(metacallfv_s_call);
BENCHMARK(metacallv_s_call);

void fail(const char *what) {
	metacall_exception_type error{};
	std::fprintf(stderr, "%s: %s\n", what, metacall_error_last(&error) == 0 ? error.message : "no reason");
	std::exit(1);
}

void set_up() {
	const char *scripts[] = {PY_BENCHMARK_SCRIPT};
	if (metacall_initialize() != 0 || metacall_load_from_file("py", scripts, 1, nullptr) != 0)
		fail("loading " PY_BENCHMARK_SCRIPT);
	add_function = metacall_function("add");
	void *args[] = {metacall_value_create_long(2), metacall_value_create_long(3)};
	void *first = metacallfv_s(add_function, args, 2); // gives this thread its Python thread state
	if (first == nullptr || metacall_value_to_long(first) != 5)
		fail("the first call of add");
	metacall_value_destroy(first);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);

	cpython = CPython{
	    python_function<decltype(PyGILState_GetThisThreadState)>("PyGILState_GetThisThreadState"),
	    python_function<decltype(PyEval_RestoreThread)>("PyEval_RestoreThread"),
	    python_function<decltype(PyEval_SaveThread)>("PyEval_SaveThread"),
	    python_function<decltype(PyImport_ImportModule)>("PyImport_ImportModule"),
	    python_function<decltype(PyObject_GetAttrString)>("PyObject_GetAttrString"),
	    python_function<decltype(PyLong_FromLong)>("PyLong_FromLong"),
	    python_function<decltype(PyLong_AsLong)>("PyLong_AsLong"),
	    python_function<decltype(PyObject_Vectorcall)>("PyObject_Vectorcall"),
	    python_function<decltype(_Py_Dealloc)>("_Py_Dealloc"),
	};
	cpython.restore_thread(cpython.this_thread_state());
	PyObject *module = cpython.import_module("add"); // the module the loader registered
	add_object = module != nullptr ? cpython.get_attribute(module, "add") : nullptr;
	if (module != nullptr)
		cpython.decref(module);
	cpython.save_thread();
	if (add_object == nullptr)
		fail("finding add in sys.modules");
}

} // namespace

int main(int argc, char **argv) {
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return 1;
	set_up();
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	metacall_destroy(); // add_object is left to the parked interpreter
	return 0;
}
