// Handles at shutdown: metacall_destroy "unloads every handle", so the loader's clear runs for each
// handle still loaded before its destroy. The coretiny plug-in reports how many modules were left
// to its destroy.
#include "plugin_env.h"

#include "../support/error_text.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <dlfcn.h>

using DestroyUnloads = PluginEnvironment;

TEST_F(DestroyUnloads, EveryHandleIsClearedBeforeTheLoaderStops) {
	void *handle = nullptr;
	ASSERT_EQ(load("coretiny", &handle), 0) << core_test::last_error_message().value_or("no error");
	ASSERT_EQ(load("coretiny", nullptr), 0) << core_test::last_error_message().value_or("no error");
	// Hold the plug-in so it stays mapped after metacall_destroy lets it go.
	void *plugin = dlopen(CORE_TEST_PLUGIN_DIR "/libcoretiny_loader.so", RTLD_NOW | RTLD_NOLOAD);
	ASSERT_NE(plugin, nullptr) << dlerror();
	auto modules_left = reinterpret_cast<int (*)()>(dlsym(plugin, "coretiny_modules_left_at_destroy"));
	ASSERT_NE(modules_left, nullptr) << dlerror();
	metacall_destroy();
	EXPECT_EQ(modules_left(), 0) << "modules not cleared by metacall_destroy (left to the loader's destroy)";
	dlclose(plugin);
}
