// Discovery: what the loader reports of each exported function (parameter names read from the
// source, async, rest parameters), and module.exports = function.
#include "node_test.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace {

class NodeDiscovery : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("discovery.js"), 0) << last_error();
	}

	// The description metacall_inspect gives of the node function `name`.
	static nlohmann::json inspected(const std::string &name) {
		char *text = metacall_inspect(nullptr, nullptr);
		if (text == nullptr)
			return nullptr;
		const auto json = nlohmann::json::parse(text);
		std::free(text);
		for (const auto &handle : json.value("node", nlohmann::json::array()))
			for (const auto &function : handle["scope"]["funcs"])
				if (function["name"] == name)
					return function;
		return nullptr;
	}

	// The parameter names metacall_inspect lists for `name`.
	static std::vector<std::string> parameter_names(const std::string &name) {
		std::vector<std::string> names;
		const nlohmann::json function = inspected(name);
		if (function.is_null())
			return {"(not listed)"};
		for (const auto &arg : function["signature"]["args"])
			names.push_back(arg["name"].get<std::string>());
		return names;
	}
};

using Names = std::vector<std::string>;

TEST_F(NodeDiscovery, APlainFunctionListsItsParameterNames) {
	EXPECT_EQ(parameter_names("plain"), (Names{"first", "second"}));
	EXPECT_EQ(metacall_function_size(metacall_function("plain")), 2u);
	EXPECT_EQ(metacall_function_async(metacall_function("plain")), 0);
	EXPECT_STREQ(metacall_function_loader_tag(metacall_function("plain")), "node");
	EXPECT_EQ(inspected("plain")["async"], false);
}

TEST_F(NodeDiscovery, AnAsyncFunctionIsAsyncWithItsParameterNames) {
	EXPECT_EQ(parameter_names("later"), (Names{"value", "delay_ms"}));
	EXPECT_EQ(metacall_function_async(metacall_function("later")), 1);
	EXPECT_EQ(inspected("later")["async"], true);
}

TEST_F(NodeDiscovery, AnAsyncArrowFunctionIsAsync) {
	EXPECT_EQ(parameter_names("arrow_async"), (Names{"x"}));
	EXPECT_EQ(metacall_function_async(metacall_function("arrow_async")), 1);
}

TEST_F(NodeDiscovery, ArrowFunctionsWithAndWithoutParenthesesListTheirParameter) {
	EXPECT_EQ(parameter_names("single"), (Names{"x"}));
	EXPECT_EQ(parameter_names("bare"), (Names{"x"}));
	EXPECT_TRUE(is_long(call("bare", {metacall_value_create_long(5)}).get(), 15));
}

TEST_F(NodeDiscovery, DefaultValuesDoNotHideTheNamesOrAddParameters) {
	EXPECT_EQ(parameter_names("with_defaults"), (Names{"a", "b", "c"}));
	EXPECT_EQ(metacall_function_size(metacall_function("with_defaults")), 3u);
}

TEST_F(NodeDiscovery, DestructuredParametersGetPositionalNames) {
	EXPECT_EQ(parameter_names("destructured"), (Names{"arg0", "arg1"}));
	EXPECT_TRUE(is_long(call("destructured", {map_value({{"x", metacall_value_create_long(1)},
	                                                     {"y", metacall_value_create_long(2)}}),
	                                          array_value({metacall_value_create_long(3)})})
	                        .get(),
	                    6));
}

TEST_F(NodeDiscovery, ARestParameterMakesTheFunctionVariadicOverItsOtherParameters) {
	EXPECT_EQ(parameter_names("sum_all"), (Names{"first"}));
	EXPECT_EQ(metacall_function_size(metacall_function("sum_all")), 1u);
	EXPECT_TRUE(is_long(call("sum_all", {metacall_value_create_long(1)}).get(), 1));
	EXPECT_TRUE(is_long(call("sum_all", {metacall_value_create_long(1), metacall_value_create_long(2),
	                                     metacall_value_create_long(3), metacall_value_create_long(4)})
	                        .get(),
	                    10));
}

TEST_F(NodeDiscovery, ARestParameterStillRequiresTheParametersBeforeIt) {
	EXPECT_TRUE(is_error(call("sum_all").get(), "TypeError"));
}

TEST_F(NodeDiscovery, AFunctionWithoutParametersTakesNone) {
	EXPECT_EQ(metacall_function_size(metacall_function("nothing_declared")), 0u);
	EXPECT_TRUE(is_long(call("nothing_declared").get(), 0));
}

TEST_F(NodeDiscovery, ExportsThatAreNotFunctionsAreNotListed) {
	EXPECT_EQ(metacall_function("not_a_function"), nullptr);
	EXPECT_EQ(metacall_function("neither_is_this"), nullptr);
	EXPECT_TRUE(inspected("not_a_function").is_null());
}

TEST_F(NodeDiscovery, ModuleExportsAsANamedFunctionIsDiscoveredUnderItsName) {
	void *handle = nullptr;
	ASSERT_EQ(load("exports_function.js", &handle), 0) << last_error();
	void *multiply = metacall_handle_function(handle, "multiply");
	ASSERT_NE(multiply, nullptr);
	EXPECT_EQ(metacall_function_size(multiply), 2u);
	EXPECT_TRUE(is_long(
	    call_in(handle, "multiply", {metacall_value_create_long(6), metacall_value_create_long(7)}).get(),
	    42));
	EXPECT_TRUE(is_long(call_in(handle, "attached", {metacall_value_create_long(5)}).get(), -5));
}

TEST_F(NodeDiscovery, ModuleExportsAsAnAnonymousFunctionIsDiscoveredAsDefault) {
	void *handle = load_memory("module.exports = function (a, b) { return a - b; };\n");
	ASSERT_NE(handle, nullptr);
	EXPECT_TRUE(is_long(
	    call_in(handle, "default", {metacall_value_create_long(50), metacall_value_create_long(8)}).get(),
	    42));
}

} // namespace
