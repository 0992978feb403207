#include "python_environment.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace py_loader {
namespace {

namespace fs = std::filesystem;

fs::path absolute_path(const std::string &text) {
	std::error_code error;
	fs::path path = fs::absolute(fs::path(text), error);
	if (error)
		path = text;
	path = path.lexically_normal();
	if (!path.has_filename() && path.has_parent_path() && path != path.root_path())
		path = path.parent_path(); // "venv/" is "venv"
	return path;
}

bool is_file(const fs::path &path) {
	std::error_code error;
	return fs::is_regular_file(path, error); // follows symlinks, as exec does
}

bool is_folder(const fs::path &path) {
	std::error_code error;
	return fs::is_directory(path, error);
}

bool is_program(const fs::path &path) {
	return is_file(path) && ::access(path.c_str(), X_OK) == 0;
}

// "3.11" of "3.11.2", "3.11.2.final.0" or "3.11"; "" when it does not start with two numbers.
std::string minor_of(const std::string &version) {
	std::smatch match;
	static const std::regex pattern(R"(^\s*(\d+)\.(\d+))");
	return std::regex_search(version, match, pattern) ? match[1].str() + "." + match[2].str() : "";
}

// The venv's Python version from pyvenv.cfg: `version` (venv), `version_info` (virtualenv).
std::string venv_version(const fs::path &venv) {
	std::ifstream file(venv / "pyvenv.cfg");
	std::string line;
	static const std::regex pattern(R"(^\s*(version|version_info)\s*=\s*(\S+)\s*$)");
	while (std::getline(file, line)) {
		std::smatch match;
		if (std::regex_match(line, match, pattern))
			return match[2].str();
	}
	return "";
}

// The venv an interpreter belongs to: pyvenv.cfg one folder up (venv/bin/python) or beside it,
// where CPython's getpath looks.
std::optional<fs::path> venv_of(const fs::path &interpreter) {
	const fs::path folder = interpreter.parent_path();
	for (const fs::path &candidate : {folder.parent_path(), folder}) {
		if (!candidate.empty() && is_file(candidate / "pyvenv.cfg"))
			return candidate;
	}
	return std::nullopt;
}

// "3.12" when the interpreter's real file is named python3.12; "" when its name tells nothing.
std::string version_from_name(const fs::path &interpreter) {
	std::error_code error;
	const fs::path real = fs::canonical(interpreter, error);
	std::smatch match;
	const std::string name = (error ? interpreter : real).filename().string();
	static const std::regex pattern(R"(^python(\d+\.\d+)$)");
	return std::regex_match(name, match, pattern) ? match[1].str() : "";
}

// The first `name` on PATH that is an executable file, as execvp would find it.
std::optional<fs::path> find_on_path(const std::string &path_variable, const std::string &name) {
	std::stringstream entries(path_variable);
	std::string entry;
	while (std::getline(entries, entry, ':')) {
		const fs::path candidate = absolute_path(entry.empty() ? "." : entry) / name;
		if (is_program(candidate))
			return candidate;
	}
	return std::nullopt;
}

class Chooser {
public:
	Chooser(const EnvironmentInputs &inputs, std::string &error) : inputs_(inputs), error_(error) {}

	std::optional<PythonEnvironment> choose() {
		if (auto value = inputs_.variable("METACALL_PYTHON"))
			return from_given("METACALL_PYTHON", *value);
		if (auto value = inputs_.variable("METACALL_PYTHON_EXECUTABLE"))
			return from_given("METACALL_PYTHON_EXECUTABLE", *value);
		if (auto value = inputs_.variable("VIRTUAL_ENV")) {
			const fs::path venv = absolute_path(*value);
			if (!is_file(venv / "pyvenv.cfg"))
				return fail("VIRTUAL_ENV=" + *value +
				            " is not a virtualenv (no pyvenv.cfg there): deactivate it, or name the "
				            "environment in METACALL_PYTHON");
			return from_venv(venv, "VIRTUAL_ENV=" + *value);
		}
		if (auto path = inputs_.variable("PATH")) {
			if (auto python = find_on_path(*path, "python3")) {
				if (auto venv = venv_of(*python))
					return with_venv(*python, *venv, "the first python3 on PATH, " + python->string());
			}
		}
		return from_interpreter(absolute_path(inputs_.default_executable), "the build's Python");
	}

private:
	std::optional<PythonEnvironment> fail(std::string message) {
		error_ = std::move(message);
		return std::nullopt;
	}

	// METACALL_PYTHON(_EXECUTABLE): a venv folder or an interpreter.
	std::optional<PythonEnvironment> from_given(const std::string &name, const std::string &value) {
		const fs::path path = absolute_path(value);
		const std::string source = name + "=" + value;
		if (is_folder(path)) {
			if (!is_file(path / "pyvenv.cfg"))
				return fail(source +
				            " is a folder without pyvenv.cfg: neither a virtualenv nor an interpreter");
			return from_venv(path, source);
		}
		if (!is_program(path))
			return fail(source + ": no such interpreter (not an executable file)");
		return from_interpreter(path, source);
	}

	std::optional<PythonEnvironment> from_venv(const fs::path &venv, const std::string &source) {
		// The version first: a venv of another Python has no interpreter of this one's name.
		if (!check_venv_version(venv, source))
			return std::nullopt;
		const std::string versioned = "python" + minor_of(inputs_.runtime_version);
		for (const std::string &name : {std::string("python"), std::string("python3"), versioned}) {
			if (is_program(venv / "bin" / name))
				return with_venv(venv / "bin" / name, venv, source);
		}
		return fail("the virtualenv " + venv.string() + " (" + source + ") has no bin/python");
	}

	std::optional<PythonEnvironment> from_interpreter(const fs::path &interpreter,
	                                                  const std::string &source) {
		if (auto venv = venv_of(interpreter))
			return with_venv(interpreter, *venv, source);
		const std::string version = version_from_name(interpreter);
		if (!version.empty() && version != minor_of(inputs_.runtime_version))
			return fail("the interpreter " + interpreter.string() + " (" + source + ") is Python " + version +
			            ", but the py loader embeds CPython " + inputs_.runtime_version + ": name a Python " +
			            minor_of(inputs_.runtime_version) + " interpreter or venv");
		PythonEnvironment environment;
		environment.executable = interpreter.string();
		environment.source = source;
		return environment;
	}

	std::optional<PythonEnvironment> with_venv(const fs::path &interpreter, const fs::path &venv,
	                                           const std::string &source) {
		if (!check_venv_version(venv, source))
			return std::nullopt;
		PythonEnvironment environment;
		environment.executable = interpreter.string();
		environment.venv = venv.string();
		environment.source = source;
		environment.version = venv_version(venv);
		return environment;
	}

	bool check_venv_version(const fs::path &venv, const std::string &source) {
		const std::string version = venv_version(venv);
		if (version.empty() || minor_of(version) == minor_of(inputs_.runtime_version))
			return true; // no version line (hand-made venvs): CPython's own checks decide
		error_ = "the virtualenv " + venv.string() + " (" + source + ") was made with Python " + version +
		         ", but the py loader embeds CPython " + inputs_.runtime_version + ": make it with Python " +
		         minor_of(inputs_.runtime_version) + " (python" + minor_of(inputs_.runtime_version) +
		         " -m venv --clear " + venv.string() + ")";
		return false;
	}

	const EnvironmentInputs &inputs_;
	std::string &error_;
};

} // namespace

std::optional<PythonEnvironment> choose_python_environment(const EnvironmentInputs &inputs,
                                                           std::string &error) {
	return Chooser(inputs, error).choose();
}

std::string describe(const PythonEnvironment &environment) {
	std::string text;
	if (!environment.venv.empty())
		text = "virtualenv " + environment.venv +
		       (environment.version.empty() ? "" : " (Python " + environment.version + ")") +
		       ", interpreter " + environment.executable;
	else
		text = "interpreter " + environment.executable + " (no virtualenv)";
	return text + ", chosen by " + environment.source;
}

std::optional<std::string> process_variable(const char *name) {
	const char *value = std::getenv(name);
	if (value == nullptr || value[0] == '\0')
		return std::nullopt;
	return std::string(value);
}

} // namespace py_loader
