// Start-up of the py loader: the time from main() to the first result of add(2, 3) from
// benchmarks/py/add.py, in fresh processes, against a bare CPython embedding doing the same
// (load libpython, initialize with the same program name, import the file, call). Each kind runs
// `runs` times (default 10), alternating; the medians are printed in milliseconds, with the whole
// process's time too (spawn to exit: exec, the dynamic loader, start-up, exit).
//
//   py_startup [runs]          runs both kinds and prints the table
//   py_startup metacall|bare   one measurement (what the table's runs execute)
#include <metacall/metacall.h>

#define PY_SSIZE_T_CLEAN
#include <Python.h> // types only; CPython is reached through dlopen/dlsym

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#ifndef PY_BENCHMARK_SCRIPT
#  error "PY_BENCHMARK_SCRIPT must name benchmarks/py/add.py"
#endif
#ifndef PY_BENCHMARK_FOLDER
#  error "PY_BENCHMARK_FOLDER must name benchmarks/py"
#endif
#ifndef PY_RUNTIME_LIBRARY
#  error "PY_RUNTIME_LIBRARY must name the libpython the py loader uses"
#endif
#ifndef PY_EXECUTABLE
#  error "PY_EXECUTABLE must name the python3 of that libpython"
#endif

extern char **environ;

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
	return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int metacall_first_call(Clock::time_point start) {
	const char *scripts[] = {PY_BENCHMARK_SCRIPT};
	if (metacall_initialize() != 0 || metacall_load_from_file("py", scripts, 1, nullptr) != 0)
		return 1;
	void *args[] = {metacall_value_create_long(2), metacall_value_create_long(3)};
	void *result = metacallv_s("add", args, 2);
	const bool right = result != nullptr && metacall_value_to_long(result) == 5;
	const double elapsed = since(start);
	metacall_value_destroy(result);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	std::printf("%.3f\n", elapsed);
	return right ? 0 : 1;
}

template <typename F>
F *symbol(void *library, const char *name) {
	return reinterpret_cast<F *>(dlsym(library, name));
}

int bare_first_call(Clock::time_point start) {
	void *python = dlopen(PY_RUNTIME_LIBRARY, RTLD_NOW | RTLD_GLOBAL);
	if (python == nullptr)
		return 1;
	PyConfig config;
	symbol<decltype(PyConfig_InitPythonConfig)>(python, "PyConfig_InitPythonConfig")(&config);
	config.install_signal_handlers = 0;
	symbol<decltype(PyConfig_SetBytesString)>(python, "PyConfig_SetBytesString")(
	    &config, &config.program_name, PY_EXECUTABLE);
	symbol<decltype(Py_InitializeFromConfig)>(python, "Py_InitializeFromConfig")(&config);
	symbol<decltype(PyConfig_Clear)>(python, "PyConfig_Clear")(&config);
	PyObject *path = symbol<decltype(PySys_GetObject)>(python, "PySys_GetObject")("path");
	PyObject *folder =
	    symbol<decltype(PyUnicode_FromString)>(python, "PyUnicode_FromString")(PY_BENCHMARK_FOLDER);
	symbol<decltype(PyList_Insert)>(python, "PyList_Insert")(path, 0, folder);
	PyObject *module = symbol<decltype(PyImport_ImportModule)>(python, "PyImport_ImportModule")("add");
	PyObject *add =
	    module != nullptr
	        ? symbol<decltype(PyObject_GetAttrString)>(python, "PyObject_GetAttrString")(module, "add")
	        : nullptr;
	if (add == nullptr)
		return 1;
	auto from_long = symbol<decltype(PyLong_FromLong)>(python, "PyLong_FromLong");
	PyObject *args[] = {from_long(2), from_long(3)};
	PyObject *result =
	    symbol<decltype(PyObject_Vectorcall)>(python, "PyObject_Vectorcall")(add, args, 2, nullptr);
	const long sum = result != nullptr ? symbol<decltype(PyLong_AsLong)>(python, "PyLong_AsLong")(result) : 0;
	std::printf("%.3f\n", since(start));
	return sum == 5 ? 0 : 1;
}

struct Run {
	double first_call = -1; // main() to the first result, as the child measured it
	double process = -1;    // spawn to exit, as the parent measured it
};

// Runs this program as `kind` in a fresh process.
Run run_child(const char *kind) {
	const Clock::time_point spawn = Clock::now();
	int out[2];
	if (pipe(out) != 0)
		return {};
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&actions, out[0]);
	char self[] = "/proc/self/exe";
	char *argv[] = {self, const_cast<char *>(kind), nullptr};
	pid_t child = 0;
	const int spawned = posix_spawn(&child, "/proc/self/exe", &actions, nullptr, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	close(out[1]);
	std::string text;
	char buffer[64];
	for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;)
		text.append(buffer, static_cast<std::size_t>(n));
	close(out[0]);
	int status = 0;
	if (spawned != 0 || waitpid(child, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return {};
	return Run{std::atof(text.c_str()), since(spawn)};
}

double median(std::vector<double> values) {
	std::sort(values.begin(), values.end());
	const std::size_t middle = values.size() / 2;
	return values.size() % 2 != 0 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

} // namespace

int main(int argc, char **argv) {
	const Clock::time_point start = Clock::now();
	if (argc > 1 && std::strcmp(argv[1], "metacall") == 0)
		return metacall_first_call(start);
	if (argc > 1 && std::strcmp(argv[1], "bare") == 0)
		return bare_first_call(start);
	const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
	std::vector<double> bare_call, bare_process, metacall_call, metacall_process;
	for (int i = 0; i < runs; ++i) {
		const Run bare = run_child("bare");
		const Run metacall = run_child("metacall");
		if (bare.first_call < 0 || metacall.first_call < 0) {
			std::fprintf(stderr, "a measurement failed\n");
			return 1;
		}
		bare_call.push_back(bare.first_call);
		bare_process.push_back(bare.process);
		metacall_call.push_back(metacall.first_call);
		metacall_process.push_back(metacall.process);
	}
	std::printf(
	    "| Start-up, medians of %d fresh processes | main() to the first result (ms) | whole process, "
	    "spawn to exit (ms) |\n",
	    runs);
	std::printf("|---|---:|---:|\n");
	std::printf("| bare CPython embedding: dlopen libpython, initialize, import, call | %.1f | %.1f |\n",
	            median(bare_call), median(bare_process));
	std::printf("| metacall_initialize + metacall_load_from_file(\"py\") + metacallv_s | %.1f | %.1f |\n",
	            median(metacall_call), median(metacall_process));
	return 0;
}
