// A host in the style of MetaCall's metacall_configuration_exec_path_test and
// metacall_loader_types_test (our code): CONFIGURATION_PATH names a global.json whose loader files
// give execution paths relative to themselves, LOADER_SCRIPT_PATH holds the scripts, and the host
// names scripts without folders. Only <metacall/metacall.h>.
#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

class metacall_compat_startup : public testing::Test {
protected:
	void SetUp() override { ASSERT_EQ((int)0, (int)metacall_initialize()); }
	void TearDown() override { metacall_destroy(); }
};

TEST_F(metacall_compat_startup, PythonScriptImportsFromTheConfiguredExecutionPath) {
	const char *py_scripts[] = {"startup_main.py"};
	ASSERT_EQ((int)0, (int)metacall_load_from_file("py", py_scripts, 1, NULL));
	void *ret = metacallv_s("main", metacall_null_args, 0);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_STREQ(metacall_value_to_string(ret), "Python hello_world: test");
	metacall_value_destroy(ret);
}

TEST_F(metacall_compat_startup, NodeScriptIsFoundInTheConfiguredExecutionPath) {
	const char *node_scripts[] = {"startup_node.js"};
	ASSERT_EQ((int)0, (int)metacall_load_from_file("node", node_scripts, 1, NULL));
	void *args[] = {metacall_value_create_string("there", 5)};
	void *ret = metacallv_s("node_hello", args, 1);
	metacall_value_destroy(args[0]);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_STREQ(metacall_value_to_string(ret), "Node hello: there");
	metacall_value_destroy(ret);
}

TEST_F(metacall_compat_startup, PythonLoaderTypesNameBool) {
	struct metacall_loader_type *types = NULL;
	size_t size = 0;
	ASSERT_EQ((int)0, (int)metacall_loader_types("py", &types, &size));
	ASSERT_GT(size, (size_t)0);
	ASSERT_NE(types, (struct metacall_loader_type *)NULL);
	bool has_bool = false;
	for (size_t i = 0; i < size; ++i) {
		ASSERT_NE(types[i].name, (const char *)NULL);
		EXPECT_GE((int)types[i].id, 0);
		if (std::string(types[i].name) == "bool")
			has_bool = types[i].id == METACALL_BOOL;
	}
	EXPECT_TRUE(has_bool);
	free(types);
}
