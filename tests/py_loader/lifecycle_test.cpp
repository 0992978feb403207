// Lifecycle: clear removes what a load brought in; destroy parks the interpreter so that
// initialize -> destroy -> initialize works, and forgets what the loader added to it.
#include "py_test.h"

namespace {

using PyLifecycle = PyLoaderTest;

TEST_F(PyLifecycle, ClearRemovesTheModuleFromSysModules) {
	void *handle = nullptr;
	ASSERT_EQ(load("first_part.py", &handle), 0) << last_error();
	ASSERT_TRUE(python_has_module("first_part"));
	ASSERT_EQ(metacall_clear(handle), 0) << last_error();
	EXPECT_FALSE(python_has_module("first_part"));
}

TEST_F(PyLifecycle, ClearOfAPackageRemovesItsSubmodules) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("py", "demo_package", &handle), 0) << last_error();
	ASSERT_TRUE(python_has_module("demo_package.impl"));
	ASSERT_EQ(metacall_clear(handle), 0) << last_error();
	EXPECT_FALSE(python_has_module("demo_package"));
	EXPECT_FALSE(python_has_module("demo_package.impl"));
}

TEST_F(PyLifecycle, ClearOfAStandardModuleImportedBeforeLeavesIt) {
	void *user = load_memory("import json\ndef dump(x):\n    return json.dumps(x)\n");
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("py", "json", &handle), 0) << last_error();
	ASSERT_EQ(metacall_clear(handle), 0) << last_error();
	EXPECT_TRUE(python_has_module("json"));
	EXPECT_TRUE(is_string(call_in(user, "dump", {metacall_value_create_long(1)}).get(), "1"));
}

TEST_F(PyLifecycle, InitializeDestroyInitializeLoadAndCallWorks) {
	for (int cycle = 0; cycle < 3; ++cycle) {
		ASSERT_EQ(load("threads.py"), 0) << "cycle " << cycle << ": " << last_error();
		ASSERT_TRUE(
		    is_long(call("add", {metacall_value_create_long(cycle), metacall_value_create_long(40)}).get(),
		            cycle + 40));
		metacall_destroy();
		ASSERT_EQ(metacall_initialize(), 0) << last_error();
		ASSERT_EQ(metacall_execution_path("py", scripts_folder().c_str()), 0) << last_error();
	}
}

TEST_F(PyLifecycle, DestroyParksTheInterpreterInsteadOfFinalizingIt) {
	void *handle = load_memory("import sys\nsys.metacall_marker = 'kept'\n");
	ASSERT_NE(handle, nullptr);
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	void *reader =
	    load_memory("import sys\ndef marker():\n    return getattr(sys, 'metacall_marker', None)\n");
	EXPECT_TRUE(is_string(call_in(reader, "marker").get(), "kept"));
}

TEST_F(PyLifecycle, DestroyForgetsTheModulesImportedFromTheLoadersFolders) {
	ASSERT_EQ(load("sibling_user.py"), 0) << last_error();
	ASSERT_TRUE(python_has_module("sibling_helper"));
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	EXPECT_FALSE(python_has_module("sibling_user"));
	EXPECT_FALSE(python_has_module("sibling_helper"));
}

TEST_F(PyLifecycle, DestroyTakesTheExecutionPathsOutOfSysPath) {
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	void *handle = load_memory("import sys\ndef on_path(folder):\n    return folder in sys.path\n");
	const ValuePtr found = call_in(handle, "on_path", {string_value(scripts_folder())});
	ASSERT_EQ(metacall_value_id(found.get()), METACALL_BOOL) << describe(found.get());
	EXPECT_EQ(metacall_value_to_bool(found.get()), 0);
}

TEST_F(PyLifecycle, APythonCallbackKeptAcrossDestroyFailsCleanly) {
	ASSERT_EQ(load("callbacks.py"), 0) << last_error();
	const ValuePtr adder = call("make_adder", {metacall_value_create_long(1)});
	ASSERT_EQ(metacall_value_id(adder.get()), METACALL_FUNCTION) << describe(adder.get());
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	Args args{metacall_value_create_long(1)};
	const ValuePtr result(metacallfv_s(metacall_value_to_function(adder.get()), args.data(), args.size()));
	if (result != nullptr) {
		EXPECT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE) << describe(result.get());
	}
}

} // namespace
