// Load options (grant.h): what is wrong fails the load naming the key, a handle's options show
// in metacall_inspect, and loaders that take no options refuse them.
#include "wasm_fixture.h"

#include <metacall/metacall_compat.h>

#include <nlohmann/json.hpp>

namespace {

using Options = WasmLoaderTest;

TEST_F(Options, UnknownKeyFailsTheLoadNamingIt) {
	ValuePtr options(
	    map_of({{"fuel", metacall_value_create_long(10)}, {"bogus", metacall_value_create_int(1)}}));
	EXPECT_TRUE(
	    mentions(load_error("numbers.wat", options.get()), {"load option 'bogus'", "unknown option"}));
}

TEST_F(Options, WrongTypeFailsTheLoadNamingTheKey) {
	ValuePtr options(map_of({{"fuel", string_value("x")}}));
	EXPECT_TRUE(
	    mentions(load_error("numbers.wat", options.get()), {"load option 'fuel'", "expected a number"}));
}

TEST_F(Options, NegativeMemoryFailsTheLoadNamingTheKey) {
	ValuePtr options(map_of({{"memory", metacall_value_create_long(-1)}}));
	EXPECT_TRUE(mentions(load_error("numbers.wat", options.get()),
	                     {"load option 'memory'", "expected a whole number >= 0"}));
}

TEST_F(Options, DirsWithoutHostFailsTheLoadNamingTheKey) {
	ValuePtr options(map_of({{"dirs", array_of({map_of({{"guest", string_value("/data")}})})}}));
	EXPECT_TRUE(
	    mentions(load_error("numbers.wat", options.get()), {"load option 'dirs[0]'", "no 'host' folder"}));
}

TEST_F(Options, StreamWithAnUnknownModeFailsTheLoadNamingTheKey) {
	ValuePtr options(map_of({{"stdout", string_value("loud")}}));
	EXPECT_TRUE(mentions(load_error("numbers.wat", options.get()), {"load option 'stdout'", "\"loud\""}));
}

TEST_F(Options, OptionsThatAreNotAMapFailTheLoad) {
	ValuePtr options(metacall_value_create_long(5));
	EXPECT_TRUE(mentions(load_error("numbers.wat", options.get()), {"options"}));
}

TEST_F(Options, InspectListsAHandlesOptions) {
	ValuePtr options(
	    map_of({{"fuel", metacall_value_create_long(5000)}, {"memory", metacall_value_create_long(131072)}}));
	void *limited = load("numbers.wat", options.get());
	ASSERT_NE(limited, nullptr);
	void *plain = load("limits.wat");
	ASSERT_NE(plain, nullptr);
	size_t size = 0;
	char *text = metacall_inspect(&size, nullptr);
	ASSERT_NE(text, nullptr) << last_error_message();
	const nlohmann::json document = nlohmann::json::parse(text, text + size);
	free(text);
	const nlohmann::json *limited_entry = nullptr, *plain_entry = nullptr;
	for (const auto &module : document.at("wasm")) {
		if (module.at("name") == metacall_handle_name(limited))
			limited_entry = &module;
		if (module.at("name") == metacall_handle_name(plain))
			plain_entry = &module;
	}
	ASSERT_NE(limited_entry, nullptr) << document.dump();
	ASSERT_NE(plain_entry, nullptr) << document.dump();
	EXPECT_EQ(limited_entry->value("options", nlohmann::json()),
	          nlohmann::json::parse(R"({"fuel": 5000, "memory": 131072})"));
	EXPECT_FALSE(plain_entry->contains("options")) << plain_entry->dump();
}

TEST_F(Options, PythonLoaderRefusesLoadOptions) {
#ifndef WASM_LOADER_TEST_PY
	GTEST_SKIP() << "built without the py loader";
#endif
	ValuePtr options(map_of({{"fuel", metacall_value_create_long(10)}}));
	const char script[] = "x = 1\n";
	void *handle = nullptr;
	ASSERT_NE(metacall_load_from_memory_ex("py", script, sizeof script, &handle, options.get()), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"'py'", "takes no load options"}));
}

} // namespace
