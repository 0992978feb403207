// core tests, plug-ins: a runtime whose METACALL_LOADER_PATH is a fresh temporary folder followed
// by the folder of the test plug-ins (coretiny, noentry, badabi, failinit).
#pragma once

#include "../support/error_text.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

class PluginEnvironment : public ::testing::Test {
protected:
	void SetUp() override {
		metacall_destroy();
		char pattern[] = "/tmp/metacall-core-plugins-XXXXXX";
		ASSERT_NE(mkdtemp(pattern), nullptr);
		temp_dir = pattern;
		loader_path = temp_dir + ":" + CORE_TEST_PLUGIN_DIR;
		ASSERT_EQ(setenv("METACALL_LOADER_PATH", loader_path.c_str(), 1), 0);
		ASSERT_EQ(metacall_initialize(), 0) << core_test::last_error_message().value_or("no error");
		metacall_error_clear();
	}

	void TearDown() override {
		metacall_destroy();
		unsetenv("METACALL_LOADER_PATH");
		std::error_code ignored;
		std::filesystem::remove_all(temp_dir, ignored);
		metacall_error_clear();
	}

	// Loads a one-line source with `tag`; into the global scope when `handle` is NULL. 0 on success.
	int load(const char *tag, void **handle) {
		static const char source[] = "x";
		return metacall_load_from_memory(tag, source, sizeof source, handle);
	}

	std::string temp_dir;
	std::string loader_path;
};
