// Host mode: the process runs CPython before the py loader starts (as when libmetacall is used from
// python3). The loader must use that interpreter, never initialize or finalize it, and work from a
// host thread that holds the GIL. A process of its own: main() starts CPython first.
// CPython is reached through dlopen/dlsym, as a host embedding it would.
#include "py_test.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h> // types only

#include <dlfcn.h>

#ifndef PY_TEST_RUNTIME_LIBRARY
#  error "PY_TEST_RUNTIME_LIBRARY must name the libpython the loader uses"
#endif

namespace {

void *python = nullptr;

template <typename F>
F *cpython(const char *name) {
	return reinterpret_cast<F *>(dlsym(python, name));
}

// What the host does before libmetacall is involved: start CPython and leave a mark in it.
bool start_host_python() {
	python = dlopen(PY_TEST_RUNTIME_LIBRARY, RTLD_NOW | RTLD_GLOBAL);
	if (python == nullptr)
		return false;
	PyConfig config;
	cpython<decltype(PyConfig_InitPythonConfig)>("PyConfig_InitPythonConfig")(&config);
	config.install_signal_handlers = 0;
	cpython<decltype(PyConfig_SetBytesString)>("PyConfig_SetBytesString")(&config, &config.program_name,
	                                                                      PY_TEST_EXECUTABLE);
	const PyStatus status = cpython<decltype(Py_InitializeFromConfig)>("Py_InitializeFromConfig")(&config);
	cpython<decltype(PyConfig_Clear)>("PyConfig_Clear")(&config);
	if (cpython<decltype(PyStatus_Exception)>("PyStatus_Exception")(status))
		return false;
	cpython<decltype(PyRun_SimpleString)>("PyRun_SimpleString")(
	    "import builtins\nbuiltins.host_marker = 'the host'\n");
	cpython<decltype(PyEval_SaveThread)>("PyEval_SaveThread")(); // the host lets other threads in
	return true;
}

using PyHostMode = PyLoaderTest;

TEST_F(PyHostMode, TheLoaderRunsInTheHostsInterpreter) {
	void *handle = load_memory("import builtins\ndef marker():\n    return builtins.host_marker\n");
	EXPECT_TRUE(is_string(call_in(handle, "marker").get(), "the host"));
}

TEST_F(PyHostMode, DestroyLeavesTheHostsInterpreterRunning) {
	ASSERT_EQ(load("threads.py"), 0) << last_error();
	metacall_destroy();
	EXPECT_EQ(cpython<decltype(Py_IsInitialized)>("Py_IsInitialized")(), 1);
	const PyGILState_STATE gil = cpython<decltype(PyGILState_Ensure)>("PyGILState_Ensure")();
	EXPECT_EQ(
	    cpython<decltype(PyRun_SimpleString)>("PyRun_SimpleString")("assert host_marker == 'the host'\n"), 0);
	cpython<decltype(PyGILState_Release)>("PyGILState_Release")(gil);
}

TEST_F(PyHostMode, AHostThreadHoldingTheGilCanCallWithoutDeadlock) {
	ASSERT_EQ(load("threads.py"), 0) << last_error();
	within(std::chrono::seconds(20), [] {
		const PyGILState_STATE gil = cpython<decltype(PyGILState_Ensure)>("PyGILState_Ensure")();
		const ValuePtr sum = call("add", {metacall_value_create_long(40), metacall_value_create_long(2)});
		cpython<decltype(PyGILState_Release)>("PyGILState_Release")(gil);
		EXPECT_TRUE(is_long(sum.get(), 42));
	});
}

} // namespace

int main(int argc, char **argv) {
	::testing::InitGoogleTest(&argc, argv);
	if (!start_host_python()) {
		std::fprintf(stderr, "cannot start CPython from %s\n", PY_TEST_RUNTIME_LIBRARY);
		return 1;
	}
	return RUN_ALL_TESTS();
}
