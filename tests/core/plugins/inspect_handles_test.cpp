// Inspect with loaded handles: each handle is listed under its loader's tag, by name, with its
// functions; a cleared handle is no longer listed.
#include "plugin_env.h"

#include "../support/error_text.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>

using nlohmann::json;

namespace {

json inspect() {
	char *text = metacall_inspect(nullptr, nullptr);
	if (text == nullptr) {
		return json();
	}
	json doc = json::parse(text, nullptr, false);
	std::free(text);
	return doc;
}

// The handle object named `name` under `tag`, or null.
json handle_named(const json &doc, const std::string &tag, const std::string &name) {
	if (!doc.is_object() || !doc.contains(tag)) {
		return json();
	}
	for (const auto &handle : doc[tag]) {
		if (handle.is_object() && handle.value("name", "") == name) {
			return handle;
		}
	}
	return json();
}

} // namespace

using InspectHandles = PluginEnvironment;

TEST_F(InspectHandles, LoadedHandleIsListedUnderItsTagWithItsFunctions) {
	void *handle = nullptr;
	ASSERT_EQ(load("coretiny", &handle), 0) << core_test::last_error_message().value_or("no error");
	const std::string name = metacall_handle_name(handle);
	json doc = inspect();
	json listed = handle_named(doc, "coretiny", name);
	ASSERT_TRUE(listed.is_object()) << doc.dump();
	const json &funcs = listed["scope"]["funcs"];
	ASSERT_EQ(funcs.size(), 1u) << listed.dump();
	EXPECT_EQ(funcs[0]["name"], "tiny_answer");
	EXPECT_EQ(funcs[0]["signature"]["ret"]["type"]["id"], static_cast<int>(METACALL_LONG));
	EXPECT_TRUE(funcs[0]["signature"]["args"].empty());
}

TEST_F(InspectHandles, ClearedHandleIsNoLongerListed) {
	void *handle = nullptr;
	ASSERT_EQ(load("coretiny", &handle), 0) << core_test::last_error_message().value_or("no error");
	const std::string name = metacall_handle_name(handle);
	ASSERT_EQ(metacall_clear(handle), 0);
	json doc = inspect();
	EXPECT_TRUE(handle_named(doc, "coretiny", name).is_null()) << doc.dump();
}

// metacall_inspect on one thread while another loads and clears handles: inspect copies what it
// shows while the registry is locked (it once wrote the JSON from handles already freed).
TEST_F(InspectHandles, InspectWhileAnotherThreadClearsHandlesReadsNoFreedHandle) {
	std::atomic<bool> done{false}, inspecting{false};
	std::atomic<int> failures{0};
	std::thread clearer([&] {
		while (!inspecting.load()) // the two overlap from the start
			std::this_thread::yield();
		for (int i = 0; i < 2000; ++i) {
			void *handle = nullptr;
			if (load("coretiny", &handle) != 0 || metacall_clear(handle) != 0)
				++failures;
		}
		done = true;
	});
	int inspections = 0;
	do { // for as long as the other thread clears, and 100 times at least
		inspecting = true;
		json doc = inspect();
		if (!doc.is_object())
			++failures;
		++inspections;
	} while (!done.load() || inspections < 100);
	clearer.join();
	EXPECT_EQ(failures.load(), 0);
	EXPECT_GT(inspections, 0);
}
