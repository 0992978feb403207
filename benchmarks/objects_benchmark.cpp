// Classes and objects (issue #14's figures), every row against a baseline of the same run:
//  - a method call on a Python and on a JS object from C (metacallv_object) against a plain
//    function call doing the same work (metacallfv_s);
//  - a host object's property read from JS against a plain JS object's, against a napi_wrap'ed
//    object's getter (benchmarks/objects/wrapped_addon.c), and against a call of a host function
//    returning the same number: rows *_x1000 run 1,000 reads (or calls) in a JS loop per
//    iteration, so their time in ns is the time of one read in ps.
// This thread owns Node (metacall_pump before the first load): calls run directly, as in
// node_loader_benchmark.
#include <metacall/metacall.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

[[noreturn]] void fail(const std::string &what) {
	metacall_exception_type error{};
	std::fprintf(stderr, "objects_benchmark: %s: %s\n", what.c_str(),
	             metacall_error_last(&error) == 0 ? error.message : "no error recorded");
	std::exit(1);
}

struct Language {
	void *handle = nullptr;
	void *function = nullptr; // inc(by) on a module-level counter
	void *object = nullptr;   // a Counter instance (its value)
};

Language py, node;

// The host object: a player whose health scripts read.
void *player_get(void *, const char *key) {
	return std::strcmp(key, "health") == 0 ? metacall_value_create_double(100) : nullptr;
}
void *player_keys(void *) {
	const void *names[] = {metacall_value_create_string("health", 6)};
	return metacall_value_create_array(names, 1);
}
const metacall_object_interface kPlayer = {player_get, nullptr, nullptr, player_keys,
                                           nullptr,    nullptr, nullptr, nullptr};

void *health(size_t, void *[], void *) {
	return metacall_value_create_double(100);
}

Language load(const char *tag, const char *path) {
	Language language;
	const char *paths[] = {path};
	if (metacall_load_from_file(tag, paths, 1, &language.handle) != 0)
		fail(std::string("loading ") + path);
	language.function = metacall_handle_function(language.handle, "inc");
	language.object = metacallhv_s(language.handle, "make_counter", nullptr, 0);
	if (language.function == nullptr || metacall_value_id(language.object) != METACALL_OBJECT)
		fail(std::string(tag) + ": inc or make_counter");
	return language;
}

void function_call(benchmark::State &state, const Language &language) {
	void *args[] = {metacall_value_create_long(1)};
	for (auto _ : state) {
		void *result = metacallfv_s(language.function, args, 1);
		benchmark::DoNotOptimize(result);
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
}

void method_call(benchmark::State &state, const Language &language) {
	void *args[] = {metacall_value_create_long(1)};
	void *self = metacall_value_to_object(language.object);
	for (auto _ : state) {
		void *result = metacallv_object(self, "inc", args, 1);
		benchmark::DoNotOptimize(result);
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
}

void py_function_call(benchmark::State &state) {
	function_call(state, py);
}
void py_method_call(benchmark::State &state) {
	method_call(state, py);
}
void node_function_call(benchmark::State &state) {
	function_call(state, node);
}
void node_method_call(benchmark::State &state) {
	method_call(state, node);
}

// Calls the JS loop `name`(1000) per iteration.
void js_loop(benchmark::State &state, const char *name) {
	void *loop = metacall_handle_function(node.handle, name);
	void *args[] = {metacall_value_create_long(1000)};
	for (auto _ : state) {
		void *result = metacallfv_s(loop, args, 1);
		benchmark::DoNotOptimize(result);
		metacall_value_destroy(result);
	}
	metacall_value_destroy(args[0]);
}

void js_host_function_call_x1000(benchmark::State &state) {
	js_loop(state, "call_host_function");
}
void js_host_object_read_x1000(benchmark::State &state) {
	js_loop(state, "read_host");
}
void js_plain_object_read_x1000(benchmark::State &state) {
	js_loop(state, "read_plain");
}
void js_napi_wrap_read_x1000(benchmark::State &state) {
	js_loop(state, "read_wrapped");
}

BENCHMARK(py_function_call);
BENCHMARK(py_method_call);
BENCHMARK(node_function_call);
BENCHMARK(node_method_call);
BENCHMARK(js_host_function_call_x1000);
BENCHMARK(js_host_object_read_x1000);
BENCHMARK(js_plain_object_read_x1000);
BENCHMARK(js_napi_wrap_read_x1000);

// Sanity: every loop reads or returns 100, 1,000 times.
void check(const char *name) {
	void *args[] = {metacall_value_create_long(1000)};
	void *result = metacallhv_s(node.handle, name, args, 1);
	if (metacall_value_id(result) != METACALL_LONG || metacall_value_to_long(result) != 100000)
		fail(std::string("the JS loop ") + name + " gave a " + metacall_value_type_name(result));
	metacall_value_destroy(result);
	metacall_value_destroy(args[0]);
}

} // namespace

int main(int argc, char **argv) {
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return 1;
	if (metacall_initialize() != 0 || metacall_pump("node") != 0)
		fail("starting");
	py = load("py", OBJECTS_BENCHMARK_PY);
	node = load("node", OBJECTS_BENCHMARK_JS);
	void *health_function = nullptr;
	if (metacall_register(nullptr, health, &health_function, METACALL_DOUBLE, 0) != 0)
		fail("registering health()");
	void *args[] = {
	    metacall_value_create_host_object("Player", &kPlayer, nullptr),
	    metacall_value_create_function(health_function),
	    metacall_value_create_string(OBJECTS_BENCHMARK_ADDON, std::strlen(OBJECTS_BENCHMARK_ADDON))};
	void *set = metacallhv_s(node.handle, "set_targets", args, 3);
	if (metacall_value_id(set) == METACALL_THROWABLE)
		fail("set_targets threw");
	metacall_value_destroy(set);
	for (void *arg : args)
		metacall_value_destroy(arg);
	for (const char *name : {"call_host_function", "read_host", "read_plain", "read_wrapped"})
		check(name);
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	metacall_value_destroy(py.object);
	metacall_value_destroy(node.object);
	metacall_destroy();
	return 0;
}
