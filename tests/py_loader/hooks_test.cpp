// MetaCall's module hooks: `__metacall_initialize__()` after a load (its failure fails the load),
// `__metacall_finalize__()` at clear and at destroy (its failure is logged; the handle still goes).
#include "py_test.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

using PyHooks = PyLoaderTest;

// A file the finalize hooks append to, so that what they did is seen after the loader stopped.
class HookTrace {
public:
	HookTrace()
	    : path_(fs::temp_directory_path() / ("metacall_py_hooks_" + std::to_string(getpid()) + ".txt")) {
		fs::remove(path_);
	}
	~HookTrace() { fs::remove(path_); }
	// Python code appending `word` to the trace.
	std::string append(const std::string &word) const {
		return "open(r'" + path_.string() + "', 'a').write('" + word + ";')";
	}
	std::string read() const {
		std::ifstream in(path_);
		std::stringstream text;
		text << in.rdbuf();
		return text.str();
	}

private:
	fs::path path_;
};

TEST_F(PyHooks, InitializeRunsAfterTheLoadOfAFile) {
	ASSERT_EQ(load("init_fini_hooks.py"), 0) << last_error();
	ValuePtr ready = call("is_ready");
	ASSERT_EQ(metacall_value_id(ready.get()), METACALL_BOOL) << describe(ready.get());
	EXPECT_TRUE(metacall_value_to_bool(ready.get()));
}

TEST_F(PyHooks, InitializeRunsAfterTheLoadFromMemory) {
	void *handle = load_memory("state = 0\n"
	                           "def __metacall_initialize__():\n"
	                           "    global state\n"
	                           "    state = 15\n"
	                           "def get_state():\n"
	                           "    return state\n");
	ASSERT_NE(handle, nullptr);
	EXPECT_TRUE(is_long(call_in(handle, "get_state").get(), 15));
}

TEST_F(PyHooks, InitializeThatRaisesFailsTheLoadWithItsError) {
	const std::string source = "def __metacall_initialize__():\n"
	                           "    raise ValueError('no database')\n"
	                           "def never_defined():\n"
	                           "    return 1\n";
	void *handle = nullptr;
	EXPECT_NE(metacall_load_from_memory("py", source.data(), source.size(), &handle), 0);
	EXPECT_NE(last_error().find("no database"), std::string::npos) << last_error();
	EXPECT_EQ(metacall_function("never_defined"), nullptr);
}

TEST_F(PyHooks, InitializeReturningNonZeroFailsTheLoad) {
	const std::string source = "def __metacall_initialize__():\n"
	                           "    return 3\n";
	EXPECT_NE(metacall_load_from_memory("py", source.data(), source.size(), nullptr), 0);
	EXPECT_NE(last_error().find("returned 3"), std::string::npos) << last_error();
}

TEST_F(PyHooks, AFileWhoseInitializeFailedIsNotLeftInSysModules) {
	const std::string folder =
	    (fs::temp_directory_path() / ("metacall_py_hooks_" + std::to_string(getpid()))).string();
	fs::create_directories(folder);
	std::ofstream(folder + "/failing_init_hook.py") << "def __metacall_initialize__():\n"
	                                                   "    raise RuntimeError('refused')\n";
	const std::string path = folder + "/failing_init_hook.py";
	const char *paths[] = {path.c_str()};
	EXPECT_NE(metacall_load_from_file("py", paths, 1, nullptr), 0);
	EXPECT_NE(last_error().find("refused"), std::string::npos) << last_error();
	EXPECT_FALSE(python_has_module("failing_init_hook"));
	fs::remove_all(folder);
}

TEST_F(PyHooks, FinalizeRunsAtClear) {
	HookTrace trace;
	void *handle = load_memory("def __metacall_finalize__():\n    " + trace.append("fini") + "\n");
	ASSERT_NE(handle, nullptr);
	EXPECT_EQ(trace.read(), "");
	ASSERT_EQ(metacall_clear(handle), 0) << last_error();
	EXPECT_EQ(trace.read(), "fini;");
}

TEST_F(PyHooks, FinalizeRunsAtDestroyForHandlesStillLoaded) {
	HookTrace trace;
	ASSERT_NE(load_memory("def __metacall_finalize__():\n    " + trace.append("a") + "\n"), nullptr);
	ASSERT_NE(load_memory("def __metacall_finalize__():\n    " + trace.append("b") + "\n"), nullptr);
	metacall_destroy();
	EXPECT_EQ(trace.read(), "b;a;"); // the latest load first, as MetaCall
}

TEST_F(PyHooks, FinalizeThatRaisesStillClearsTheHandle) {
	HookTrace trace;
	void *handle = load_memory("def __metacall_finalize__():\n    " + trace.append("fini") +
	                           "\n    raise ValueError('cannot close')\n"
	                           "def still_here():\n    return 1\n");
	ASSERT_NE(handle, nullptr);
	ASSERT_EQ(metacall_clear(handle), 0) << last_error();
	EXPECT_EQ(trace.read(), "fini;");
	EXPECT_EQ(metacall_function("still_here"), nullptr);
}

} // namespace
