// The relink policy as the loaders see it: which mode they get, what forcing one does, and the
// errors of a refusal. Each test runs in its own process (ctest), since a decision stands for the
// life of a process; the environment is set before anything starts.
#include <metacall/metacall.h>
#include <metacall/metacall_error.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <dlfcn.h>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

struct Relink : ::testing::Test {
	void TearDown() override { metacall_destroy(); }

	// Loads `file` of the policy folder with `tag`; "" on success, else the error message.
	static std::string load(const char *tag, const char *file) {
		EXPECT_EQ(metacall_initialize(), 0);
		const std::string path = std::string(POLICY_TEST_SCRIPTS "/") + file;
		const char *paths[] = {path.c_str()};
		if (metacall_load_from_file(tag, paths, 1, nullptr) == 0)
			return "";
		metacall_exception_type error{};
		return metacall_error_last(&error) == 0 ? error.message : "failed without an error";
	}

	// Calls `name` with the first `count` of (x, y); the double it returns, or -1.
	static double call(const char *name, size_t count, double x, double y = 0) {
		void *args[] = {metacall_value_create_double(x), metacall_value_create_double(y)};
		void *result = metacallv_s(name, args, count);
		metacall_value_destroy(args[0]);
		metacall_value_destroy(args[1]);
		// JS's whole results come back as Long, Python's floats as Double (docs/NUMBERS.md).
		const auto id = metacall_value_id(result);
		const double value =
		    id == METACALL_LONG || id == METACALL_DOUBLE ? metacall_value_to_double(result) : -1;
		metacall_value_destroy(result);
		return value;
	}

	// The distinct files mapped whose name contains `part`.
	static std::set<std::string> mapped(const std::string &part) {
		std::ifstream maps("/proc/self/maps");
		std::set<std::string> files;
		for (std::string line; std::getline(maps, line);) {
			const auto slash = line.find('/');
			if (slash != std::string::npos && line.find(part, slash) != std::string::npos)
				files.insert(line.substr(slash));
		}
		return files;
	}
};

TEST_F(Relink, WithNothingInTheProcessEachLoaderStartsItsOwnRuntime) {
	ASSERT_EQ(load("node", "guest.js"), "");
	EXPECT_EQ(call("policy_add", 2, 2, 3), 5);
	ASSERT_EQ(load("py", "guest.py"), "");
	EXPECT_EQ(call("policy_twice", 1, 21), 42);
	EXPECT_EQ(mapped("libnode.so").size(), 1u);
	EXPECT_EQ(mapped("libpython3").size(), 1u);
}

TEST_F(Relink, RefuseIsAClearErrorNotACrash) {
	setenv("METACALL_RELINK_NODE", "refuse", 1);
	const std::string error = load("node", "guest.js");
	EXPECT_NE(error.find("refused"), std::string::npos) << error;
	EXPECT_TRUE(mapped("libnode.so").empty());
}

TEST_F(Relink, AnUnknownModeIsNamedInTheError) {
	setenv("METACALL_RELINK_NODE", "sideways", 1);
	const std::string error = load("node", "guest.js");
	EXPECT_NE(error.find("METACALL_RELINK_NODE=sideways is not a mode"), std::string::npos) << error;
}

TEST_F(Relink, ForcingHostModeWithoutARunningRuntimeFailsSayingSo) {
	setenv("METACALL_RELINK_PY", "host", 1);
	const std::string error = load("py", "guest.py");
	EXPECT_NE(error.find("the process has none"), std::string::npos) << error;
	EXPECT_TRUE(mapped("libpython3").empty());
}

// A host that loaded libpython RTLD_LOCAL for itself but never started it: the py loader starts
// that very copy (promoted to the global scope), and no second libpython is mapped.
TEST_F(Relink, AHostsLocalLibpythonThatDoesNotRunIsTheOneStarted) {
	void *local = dlopen(METACALL_TEST_PY_LIBRARY, RTLD_NOW | RTLD_LOCAL);
	ASSERT_NE(local, nullptr) << dlerror();
	ASSERT_EQ(dlsym(RTLD_DEFAULT, "Py_IsInitialized"), nullptr);
	ASSERT_EQ(load("py", "guest.py"), "");
	EXPECT_EQ(call("policy_twice", 1, 4), 8);
	EXPECT_EQ(mapped("libpython3").size(), 1u);
	EXPECT_NE(dlsym(RTLD_DEFAULT, "Py_IsInitialized"), nullptr); // promoted
}

} // namespace
