// Inspect: metacall_inspect describes host functions as JSON under "__metacall_host__", with their
// arguments and types; memory comes from malloc or from the given allocator.
#include "../support/counting_allocator.h"
#include "../support/host_add.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

using nlohmann::json;

namespace {

// The text of metacall_inspect(NULL allocator), released with free as documented.
std::string inspect_text() {
	size_t size = 0;
	char *text = metacall_inspect(&size, nullptr);
	if (text == nullptr) {
		return {};
	}
	std::string copy(text);
	std::free(text);
	return copy;
}

// Every function object listed under the host tag whose name is `name`.
std::optional<json> host_function(const json &document, const std::string &name) {
	if (!document.contains("__metacall_host__")) {
		return std::nullopt;
	}
	for (const auto &handle : document["__metacall_host__"]) {
		if (!handle.contains("scope") || !handle["scope"].contains("funcs")) {
			continue;
		}
		for (const auto &func : handle["scope"]["funcs"]) {
			if (func.is_object() && func.value("name", "") == name) {
				return func;
			}
		}
	}
	return std::nullopt;
}

void *concat_like(size_t, void *[], void *) {
	return metacall_value_create_string("", 0);
}

} // namespace

class Inspect : public core_test::RuntimeTest {
protected:
	void SetUp() override {
		RuntimeTest::SetUp();
		ASSERT_EQ(core_test::register_add("add"), 0);
		ASSERT_EQ(metacall_register("greet", concat_like, nullptr, METACALL_STRING, 2, METACALL_STRING,
		                            METACALL_DOUBLE),
		          0);
	}

	json document() {
		std::string text = inspect_text();
		EXPECT_FALSE(text.empty()) << "metacall_inspect returned NULL";
		return json::parse(text, nullptr, /*allow_exceptions=*/false);
	}
};

TEST_F(Inspect, GivesAJsonObject) {
	json doc = document();
	ASSERT_FALSE(doc.is_discarded()) << inspect_text();
	EXPECT_TRUE(doc.is_object());
}

TEST_F(Inspect, ListsHostFunctionsUnderTheHostTag) {
	json doc = document();
	ASSERT_TRUE(doc.contains("__metacall_host__")) << doc.dump();
	ASSERT_TRUE(doc["__metacall_host__"].is_array());
	EXPECT_TRUE(host_function(doc, "add").has_value()) << doc.dump();
	EXPECT_TRUE(host_function(doc, "greet").has_value()) << doc.dump();
}

TEST_F(Inspect, HandlesHaveNameAndScopeWithFuncsClassesObjects) {
	json doc = document();
	ASSERT_TRUE(doc.contains("__metacall_host__")) << doc.dump();
	ASSERT_FALSE(doc["__metacall_host__"].empty());
	for (const auto &handle : doc["__metacall_host__"]) {
		EXPECT_TRUE(handle.contains("name") && handle["name"].is_string()) << handle.dump();
		ASSERT_TRUE(handle.contains("scope")) << handle.dump();
		const json &scope = handle["scope"];
		EXPECT_TRUE(scope.contains("name")) << scope.dump();
		EXPECT_TRUE(scope["funcs"].is_array()) << scope.dump();
		EXPECT_TRUE(scope["classes"].is_array()) << scope.dump();
		EXPECT_TRUE(scope["objects"].is_array()) << scope.dump();
	}
}

TEST_F(Inspect, FunctionArgsCarryTheirTypeNameAndId) {
	auto add = host_function(document(), "add");
	ASSERT_TRUE(add.has_value());
	const json &args = (*add)["signature"]["args"];
	ASSERT_TRUE(args.is_array()) << add->dump();
	ASSERT_EQ(args.size(), 2u) << add->dump();
	for (const auto &arg : args) {
		EXPECT_TRUE(arg.contains("name") && arg["name"].is_string()) << arg.dump();
		EXPECT_EQ(arg["type"]["name"], "Integer") << arg.dump();
		EXPECT_EQ(arg["type"]["id"], static_cast<int>(METACALL_INT)) << arg.dump();
	}
}

TEST_F(Inspect, MixedArgumentTypesAreListedInOrder) {
	auto greet = host_function(document(), "greet");
	ASSERT_TRUE(greet.has_value());
	const json &args = (*greet)["signature"]["args"];
	ASSERT_EQ(args.size(), 2u) << greet->dump();
	EXPECT_EQ(args[0]["type"]["name"], "String");
	EXPECT_EQ(args[0]["type"]["id"], static_cast<int>(METACALL_STRING));
	EXPECT_EQ(args[1]["type"]["name"], "Double");
	EXPECT_EQ(args[1]["type"]["id"], static_cast<int>(METACALL_DOUBLE));
}

TEST_F(Inspect, FunctionReturnTypeIsListed) {
	auto add = host_function(document(), "add");
	ASSERT_TRUE(add.has_value());
	const json &ret = (*add)["signature"]["ret"]["type"];
	EXPECT_EQ(ret["name"], "Integer") << add->dump();
	EXPECT_EQ(ret["id"], static_cast<int>(METACALL_INT)) << add->dump();
}

TEST_F(Inspect, HostFunctionsAreNotAsync) {
	auto add = host_function(document(), "add");
	ASSERT_TRUE(add.has_value());
	ASSERT_TRUE(add->contains("async")) << add->dump();
	EXPECT_EQ((*add)["async"], false);
}

TEST_F(Inspect, AnonymousFunctionsAreNotListed) {
	void *func = nullptr;
	ASSERT_EQ(metacall_register(nullptr, concat_like, &func, METACALL_STRING, 0), 0);
	json doc = document();
	size_t listed = 0;
	for (const auto &handle : doc["__metacall_host__"]) {
		listed += handle["scope"]["funcs"].size();
	}
	EXPECT_EQ(listed, 2u) << doc.dump();
}

TEST_F(Inspect, SizeIsTheLengthPlusOne) {
	size_t size = 0;
	char *text = metacall_inspect(&size, nullptr);
	ASSERT_NE(text, nullptr);
	EXPECT_EQ(size, std::strlen(text) + 1);
	std::free(text);
}

TEST_F(Inspect, SizeOutParameterMayBeNull) {
	char *text = metacall_inspect(nullptr, nullptr);
	ASSERT_NE(text, nullptr);
	EXPECT_TRUE(json::accept(text));
	std::free(text);
}

TEST_F(Inspect, UsesTheGivenAllocator) {
	core_test::counts.reset();
	metacall_allocator_std_type functions = core_test::counting_functions();
	void *allocator = metacall_allocator_create(METACALL_ALLOCATOR_STD, &functions);
	ASSERT_NE(allocator, nullptr);
	size_t size = 0;
	char *text = metacall_inspect(&size, allocator);
	ASSERT_NE(text, nullptr);
	EXPECT_GE(core_test::counts.mallocs.load() + core_test::counts.reallocs.load(), 1);
	EXPECT_EQ(size, std::strlen(text) + 1);
	EXPECT_TRUE(json::accept(text));
	const int frees_before = core_test::counts.frees.load();
	metacall_allocator_free(allocator, text);
	EXPECT_EQ(core_test::counts.frees.load(), frees_before + 1);
	metacall_allocator_destroy(allocator);
}

TEST_F(Inspect, FunctionsGoneAfterDestroyAreNotListed) {
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0);
	json doc = document();
	EXPECT_FALSE(host_function(doc, "add").has_value()) << doc.dump();
}

TEST_F(Inspect, FunctionNamesAreEscapedAsJsonStrings) {
	const std::string odd_name = "quote\" back\\slash\nnewline\ttab \x01 \xC3\xA9";
	ASSERT_EQ(metacall_register(odd_name.c_str(), concat_like, nullptr, METACALL_STRING, 0), 0);
	std::string text = inspect_text();
	json doc = json::parse(text, nullptr, false);
	ASSERT_FALSE(doc.is_discarded()) << text;
	EXPECT_TRUE(host_function(doc, odd_name).has_value()) << doc.dump();
}
