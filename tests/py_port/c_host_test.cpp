// A C host runs libmetacall; a Python file its py loader loads does `import metacall` and calls,
// through the port, a host function registered from C and a JS function the host loaded (own
// mode: the port reuses the running library and loaders).
#include <metacall/metacall.h>

#include <gtest/gtest.h>

namespace {

void *host_double(size_t, void *args[], void *) {
	return metacall_value_create_long(2 * metacall_value_to_long(args[0]));
}

TEST(PyPortCHost, ScriptImportsMetacallAndCallsHostFunction) {
	ASSERT_EQ(metacall_initialize(), 0);
	ASSERT_EQ(metacall_register("host_double", host_double, nullptr, METACALL_LONG, 1, METACALL_LONG), 0);
	ASSERT_EQ(metacall_execution_path("py", PY_PORT_PACKAGE), 0); // the package, not installed here
	ASSERT_EQ(metacall_execution_path("py", PY_PORT_SCRIPTS), 0);
	const char *files[] = {"uses_port.py"};
	ASSERT_EQ(metacall_load_from_file("py", files, 1, nullptr), 0);

	void *args[] = {metacall_value_create_long(21)};
	void *result = metacallv_s("double_through_host", args, 1);
	ASSERT_NE(result, nullptr);
	ASSERT_EQ(metacall_value_id(result), METACALL_LONG) << metacall_value_type_name(result);
	EXPECT_EQ(metacall_value_to_long(result), 42);
	metacall_value_destroy(result);
	metacall_value_destroy(args[0]);

	// Another loader's function, through the port: a JS function the host loaded.
	const char js[] = "module.exports = { js_twice: (x) => 2 * x };";
	ASSERT_EQ(metacall_load_from_memory("node", js, sizeof js, nullptr), 0);
	void *twice_args[] = {metacall_value_create_long(21)};
	void *twice = metacallv_s("js_twice_through_port", twice_args, 1);
	metacall_value_destroy(twice_args[0]);
	ASSERT_NE(twice, nullptr);
	ASSERT_EQ(metacall_value_id(twice), METACALL_LONG) << metacall_value_type_name(twice); // docs/NUMBERS.md
	EXPECT_EQ(metacall_value_to_long(twice), 42);
	metacall_value_destroy(twice);

	void *reused = metacallv_s("port_module_is_the_loaders", nullptr, 0);
	ASSERT_NE(reused, nullptr);
	EXPECT_EQ(metacall_value_id(reused), METACALL_BOOL);
	EXPECT_TRUE(metacall_value_to_bool(reused));
	metacall_value_destroy(reused);
	metacall_destroy();
}

} // namespace
