// The embedded CPython runs in the environment the user chose (python_environment.h), and sets
// sys.prefix, sys.executable, sys.path and site as that environment's own interpreter does.
//
// The loader's CPython starts once per process: each test runs in a process of its own, with the
// environment CMake gives it (tests/py_loader/CMakeLists.txt, py_loader.environment.*):
//   PY_ENV_EXPECTED_PYTHON  the interpreter the embedded one must behave like (run for comparison)
//   PY_ENV_EXPECT_NUMPY     "1": numpy must be found (in the venv), "0": it must not
#include "py_test.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace {

using nlohmann::json;

std::string required_variable(const char *name) {
	const char *value = std::getenv(name);
	if (value == nullptr)
		ADD_FAILURE() << name << " is not set: run this test through ctest (py_loader.environment.*)";
	return value != nullptr ? value : "";
}

// The standard output of `command`, "" when it cannot run.
std::string output_of(const std::string &command) {
	std::unique_ptr<FILE, int (*)(FILE *)> pipe(popen(command.c_str(), "r"), pclose);
	if (!pipe)
		return "";
	std::string output;
	char chunk[4096];
	for (size_t read; (read = std::fread(chunk, 1, sizeof chunk, pipe.get())) > 0;)
		output.append(chunk, read);
	return output;
}

// What environment_probe.py reports about the interpreter the loader started.
json embedded_environment() {
	if (metacall_initialize() != 0 || metacall_execution_path("py", scripts_folder().c_str()) != 0) {
		ADD_FAILURE() << "cannot start: " << last_error();
		return json();
	}
	const char *files[] = {"environment_probe.py"};
	if (metacall_load_from_file("py", files, 1, nullptr) != 0) {
		ADD_FAILURE() << "cannot load environment_probe.py: " << last_error();
		return json();
	}
	ValuePtr result(metacallv_s("environment", nullptr, 0));
	return json::parse(text_of(result.get()), nullptr, false);
}

// What environment_probe.py reports when `python` runs it: the reference.
json reference_environment(const std::string &python) {
	return json::parse(output_of("'" + python + "' '" + scripts_folder() + "/environment_probe.py'"), nullptr,
	                   false);
}

class PyEnvironment : public ::testing::Test {
protected:
	void TearDown() override { metacall_destroy(); }
};

TEST_F(PyEnvironment, MatchesTheChosenInterpretersOwnView) {
	const std::string python = required_variable("PY_ENV_EXPECTED_PYTHON");
	const std::string expect_numpy = required_variable("PY_ENV_EXPECT_NUMPY");
	const json reference = reference_environment(python);
	ASSERT_TRUE(reference.is_object()) << python << " did not run environment_probe.py";
	const json embedded = embedded_environment();
	ASSERT_TRUE(embedded.is_object()) << "environment() gave no JSON";

	for (const char *key : {"prefix", "exec_prefix", "base_prefix", "executable", "path", "numpy"})
		EXPECT_EQ(embedded[key], reference[key]) << "sys." << key << " differs from " << python << "'s";
	if (expect_numpy == "1") {
		ASSERT_TRUE(embedded["numpy"].is_string()) << "numpy not found";
		EXPECT_EQ(embedded["numpy"].get<std::string>().rfind(embedded["prefix"].get<std::string>() + "/", 0),
		          0u)
		    << "numpy comes from outside sys.prefix: " << embedded["numpy"];
	} else {
		EXPECT_TRUE(embedded["numpy"].is_null()) << "numpy found at " << embedded["numpy"];
	}
	// Every PYTHONPATH folder is on sys.path.
	if (const char *pythonpath = std::getenv("PYTHONPATH")) {
		std::stringstream entries(pythonpath);
		for (std::string entry; std::getline(entries, entry, ':');)
			EXPECT_NE(std::find(embedded["path"].begin(), embedded["path"].end(), entry),
			          embedded["path"].end())
			    << "PYTHONPATH entry " << entry << " is not on sys.path";
	}
}

// A venv made by another Python minor version: refused, naming both versions, before CPython
// reads a standard library it cannot run.
TEST_F(PyEnvironment, RefusesAVenvOfAnotherMinorVersion) {
	namespace fs = std::filesystem;
	const fs::path venv = fs::temp_directory_path() / ("metacall-venv-312-" + std::to_string(getpid()));
	fs::create_directories(venv / "bin");
	std::ofstream(venv / "pyvenv.cfg") << "home = /usr/local/bin\ninclude-system-site-packages = false\n"
	                                      "version = 3.12.1\n";
	fs::create_symlink(PY_TEST_EXECUTABLE, venv / "bin" / "python3.12");
	setenv("VIRTUAL_ENV", venv.c_str(), 1);
	unsetenv("METACALL_PYTHON");
	unsetenv("METACALL_PYTHON_EXECUTABLE");

	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	const char *files[] = {"environment_probe.py"};
	EXPECT_NE(metacall_load_from_file("py", files, 1, nullptr), 0) << "the 3.12 venv was accepted";
	const std::string error = last_error();
	EXPECT_NE(error.find("3.12.1"), std::string::npos) << error;
	EXPECT_NE(error.find(PY_TEST_VERSION), std::string::npos) << error;
	EXPECT_NE(error.find(venv.string()), std::string::npos) << error;
	fs::remove_all(venv);
}

// METACALL_LOG=info says which environment and why (stderr, captured around the start).
TEST_F(PyEnvironment, LogsTheChoiceAndWhy) {
	const std::string venv = required_variable("VIRTUAL_ENV");
	ASSERT_STREQ(std::getenv("METACALL_LOG"), "info");
	std::FILE *captured = std::tmpfile();
	ASSERT_NE(captured, nullptr);
	std::fflush(stderr);
	const int saved = dup(STDERR_FILENO);
	dup2(fileno(captured), STDERR_FILENO);
	const json embedded = embedded_environment();
	std::fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);

	std::rewind(captured);
	std::string log;
	char chunk[4096];
	for (size_t read; (read = std::fread(chunk, 1, sizeof chunk, captured)) > 0;)
		log.append(chunk, read);
	std::fclose(captured);
	ASSERT_TRUE(embedded.is_object());
	const std::string expected = "[metacall info] py loader: Python environment: virtualenv " + venv;
	EXPECT_NE(log.find(expected), std::string::npos) << "no line starting with '" << expected << "' in:\n"
	                                                 << log;
	EXPECT_NE(log.find("chosen by VIRTUAL_ENV=" + venv), std::string::npos) << log;
	EXPECT_NE(log.find("sys.prefix " + embedded["prefix"].get<std::string>()), std::string::npos) << log;
}

} // namespace
