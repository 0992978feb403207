/*
 * What the conformance suite needs to know about a loader: one descriptor per loader.
 *
 * Adding a loader to the suite: write descriptors/<tag>.cpp defining
 * `ConformanceLoader conformance_loader_<tag>()` and put its scripts in scripts/<tag>/. The
 * descriptor is compiled in when the build has the target <tag>_loader (see CMakeLists.txt).
 */
#ifndef CONFORMANCE_LOADER_H
#define CONFORMANCE_LOADER_H

#include <metacall/metacall_value.h>

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

struct ConformanceLoader {
	std::string tag; // the loader's tag ("mock", "py", "node", "c")

	// The folder of the loader's scripts; every test gives it to metacall_execution_path, so the
	// names below are relative to it.
	std::filesystem::path scripts;

	// Defines add(a, b) -> a + b, echo(x) -> x, fail(message) throwing an error whose message is
	// `message`, call(f, x) -> f(x), nothing() -> null; and, when supports_async, echo_async(x)
	// and fail_async(message), their async versions.
	std::string main_script;

	// Defines add(a, b) again (a duplicate name) and only_in_duplicate(x) -> x.
	std::string duplicate_script;

	// A script that fails to load (a syntax or compile error).
	std::string broken_script;

	// Source code for metacall_load_from_memory defining from_memory(a, b) -> a + b.
	std::string memory_source;

	// Defines a class Counter (constructor(start), attribute count, inc(by) -> count, fail(message)
	// throwing as fail() does, static attribute kind = "counter", static make(start)) and the
	// functions make_counter, keep, is_kept, read_attribute, write_attribute, call_method and
	// keys_of (scripts/py/classes.py is the reference). Empty: the loader has no classes (the class
	// cases are skipped).
	std::string classes_script;

	// A package for metacall_load_from_package defining from_package(a, b) -> a + b.
	std::string package;

	// The label of the exception fail() throws ("MockError", "Error", "Exception", ...).
	std::string error_label;

	bool supports_async = false;

	// Whether the language can throw: fail(message) raises an error (false for C, whose fail()
	// can only return; the exception cases are skipped, not faked).
	bool supports_exceptions = true;

	// Whether call(f, x) can take a function value (false for WebAssembly, whose functions take
	// numbers only: the callback cases are skipped).
	bool supports_callbacks = true;

	// The declared types of add's parameters a and b (METACALL_INVALID: not declared).
	std::vector<enum metacall_value_id> add_parameter_types;

	// The type echo(value) gives back for `value` (borrowed): the same type when the language
	// keeps it, another when it converts (JS numbers are doubles), METACALL_INVALID when the
	// language cannot carry the value at all (that round trip is skipped).
	std::function<enum metacall_value_id(void *value)> echo_type;
};

// Every loader built into this test binary (generated from CMake's list).
std::vector<ConformanceLoader> conformance_loaders();

// The root of the scripts folders: scripts/<tag> lives below it.
std::filesystem::path conformance_scripts_root();

// GoogleTest prints the parameter of a failing test with this.
inline void PrintTo(const ConformanceLoader &loader, std::ostream *out) {
	*out << "loader \"" << loader.tag << '"';
}

#endif
