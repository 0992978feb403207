// host_demo: a C++ program that embeds libmetacall through its C API.
//
// It registers two C++ functions as host functions, calls them by name the three ways the API
// offers, shows what a failed call returns, and prints what the runtime knows. Each step is one
// function below; loading and calling scripts of other languages (scripts/: Python, and
// JavaScript with an awaited promise) is one more step each.
//
// Ownership, as everywhere in the API: arguments are borrowed (we destroy ours), every call
// returns a new value (we destroy it too).
#include <metacall/metacall.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <string>

namespace {

// ---- Host functions: arguments arrive borrowed and already converted to the declared types ----

void *add(size_t, void *argv[], void *) {
	return metacall_value_create_long(metacall_value_to_long(argv[0]) + metacall_value_to_long(argv[1]));
}

void *greet(size_t, void *argv[], void *) {
	std::string text = std::string("hello, ") + metacall_value_to_string(argv[0]);
	return metacall_value_create_string(text.data(), text.size());
}

// ---- Helpers ----

// Prints the calling thread's last error (set by a function that returned NULL or non-zero).
void print_last_error(const char *what) {
	metacall_exception_type ex;
	if (metacall_error_last(&ex) == 0) {
		std::fprintf(stderr, "%s failed: %s: %s\n", what, ex.label, ex.message);
	} else {
		std::fprintf(stderr, "%s failed\n", what);
	}
}

// Prints a call's result, then destroys it: results belong to the caller. False when the call
// could not be made at all (NULL).
bool show(const char *call, void *result) {
	if (result == nullptr) {
		print_last_error(call);
		return false;
	}
	metacall_exception_type ex;
	switch (metacall_value_id(result)) {
	case METACALL_LONG:
		std::printf("%s = %ld\n", call, metacall_value_to_long(result));
		break;
	case METACALL_STRING:
		std::printf("%s = \"%s\"\n", call, metacall_value_to_string(result));
		break;
	case METACALL_THROWABLE:
		if (metacall_error_from_value(result, &ex) == 0) {
			std::printf("%s threw %s: %s\n", call, ex.label, ex.message);
		}
		break;
	default:
		std::printf("%s = <%s>\n", call, metacall_value_type_name(result));
	}
	metacall_value_destroy(result);
	return true;
}

// ---- Steps ----

bool register_host_functions() {
	// Name, callback, out-pointer to the function (unused here), return type, parameter types.
	if (metacall_register("add", add, nullptr, METACALL_LONG, 2, METACALL_LONG, METACALL_LONG) != 0) {
		print_last_error("metacall_register(\"add\")");
		return false;
	}
	if (metacall_register("greet", greet, nullptr, METACALL_STRING, 1, METACALL_STRING) != 0) {
		print_last_error("metacall_register(\"greet\")");
		return false;
	}
	return true;
}

bool call_host_functions() {
	bool ok = true;
	// 1. By name, with C arguments converted by the declared parameter types.
	ok &= show("metacall(\"add\", 2, 3)", metacall("add", 2L, 3L));
	ok &= show("metacall(\"greet\", \"world\")", metacall("greet", "world"));

	// 2. By name, with values.
	void *args[] = {metacall_value_create_long(40), metacall_value_create_long(2)};
	ok &= show("metacallv_s(\"add\", [40, 2])", metacallv_s("add", args, 2));

	// 3. Through the function itself: no lookup by name, the fastest path for repeated calls.
	void *add_function = metacall_function("add");
	ok &= show("metacallfv_s(add, [40, 2])", metacallfv_s(add_function, args, 2));

	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	return ok;
}

// Loads a Python script through the py loader and calls its function like any other.
bool call_python() {
	const char *scripts[] = {HOST_DEMO_SCRIPTS "/greeting.py"};
	if (metacall_load_from_file("py", scripts, 1, nullptr) != 0) {
		print_last_error("metacall_load_from_file(\"py\")");
		return false;
	}
	void *args[] = {metacall_value_create_string("C++", 3)};
	bool ok =
	    show("metacallv_s(\"greet_from_python\", [\"C++\"])", metacallv_s("greet_from_python", args, 1));
	metacall_value_destroy(args[0]);
	return ok;
}

// Loads a JavaScript file through the node loader, calls a function, and awaits a promise.
bool call_javascript() {
	const char *scripts[] = {HOST_DEMO_SCRIPTS "/greeting.js"};
	if (metacall_load_from_file("node", scripts, 1, nullptr) != 0) {
		print_last_error("metacall_load_from_file(\"node\")");
		return false;
	}
	void *name = metacall_value_create_string("C++", 3);
	bool ok = show("metacallv_s(\"greet_from_js\", [\"C++\"])", metacallv_s("greet_from_js", &name, 1));
	metacall_value_destroy(name);

	// An async function returns a future: its callbacks run on Node's thread when the promise
	// settles, and hand the outcome back here. The result they see is borrowed: copy to keep it.
	std::promise<void *> outcome;
	auto settled = [](void *result, void *data) -> void * {
		static_cast<std::promise<void *> *>(data)->set_value(metacall_value_copy(result));
		return nullptr;
	};
	void *x = metacall_value_create_double(21);
	void *future = metacall_await("double_later", &x, settled, settled, &outcome);
	metacall_value_destroy(x);
	if (future == nullptr) {
		print_last_error("metacall_await(\"double_later\")");
		return false;
	}
	std::future<void *> result = outcome.get_future();
	if (result.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
		std::fprintf(stderr, "double_later(21) did not settle\n");
		ok = false;
	} else {
		void *value = result.get();
		std::printf("await double_later(21) = %g\n", metacall_value_to_double(value));
		metacall_value_destroy(value);
	}
	metacall_value_destroy(future);
	return ok;
}

bool show_a_failed_call() {
	// A call that reaches its function but does not fit it returns a throwable, not NULL.
	void *args[] = {metacall_value_create_long(1)};
	bool ok = show("metacallv_s(\"add\", [1])", metacallv_s("add", args, 1));
	metacall_value_destroy(args[0]);
	return ok;
}

bool print_inspect() {
	char *json = metacall_inspect(nullptr, nullptr); // from malloc: ours to free
	if (json == nullptr) {
		print_last_error("metacall_inspect");
		return false;
	}
	std::printf("metacall_inspect() =\n%s\n", json);
	std::free(json);
	return true;
}

} // namespace

int main() {
	std::printf("libmetacall %s\n", metacall_version_str());
	if (metacall_initialize() != 0) {
		print_last_error("metacall_initialize");
		return 1;
	}
	bool ok = register_host_functions() && call_host_functions() && call_python() && call_javascript() &&
	          show_a_failed_call() && print_inspect();
	metacall_destroy();
	return ok ? 0 : 1;
}
