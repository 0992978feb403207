// Discovery: which functions a module gives, with parameter names, annotated types, async and
// variadic flags, as metacall_function_* and metacall_inspect report them.
// nlohmann/json.hpp first: metacall_def.h defines a `boolean` macro that would break it.
#include <nlohmann/json.hpp>

#include "py_test.h"

#include <cstdlib>

namespace {

class PyDiscovery : public PyLoaderTest {
protected:
	void SetUp() override {
		PyLoaderTest::SetUp();
		ASSERT_EQ(load("signatures.py", &handle_), 0) << last_error();
	}

	void *function(const char *name) const { return metacall_handle_function(handle_, name); }

	enum metacall_value_id parameter_type(const char *name, std::size_t index) const {
		enum metacall_value_id id = METACALL_SIZE;
		EXPECT_EQ(metacall_function_parameter_type(function(name), index, &id), 0) << last_error();
		return id;
	}

	enum metacall_value_id return_type(const char *name) const {
		enum metacall_value_id id = METACALL_SIZE;
		EXPECT_EQ(metacall_function_return_type(function(name), &id), 0) << last_error();
		return id;
	}

	void *handle_ = nullptr;
};

TEST_F(PyDiscovery, AnnotationsGiveTheParameterTypes) {
	const enum metacall_value_id expected[] = {METACALL_LONG, METACALL_DOUBLE, METACALL_STRING,
	                                           METACALL_BOOL, METACALL_BUFFER, METACALL_ARRAY,
	                                           METACALL_MAP};
	ASSERT_EQ(metacall_function_size(function("typed")), 7u);
	for (std::size_t i = 0; i < 7; ++i)
		EXPECT_EQ(parameter_type("typed", i), expected[i]) << "parameter " << i;
}

TEST_F(PyDiscovery, ANoneReturnAnnotationIsNull) {
	EXPECT_EQ(return_type("typed"), METACALL_NULL);
}

TEST_F(PyDiscovery, UnannotatedParametersHaveNoDeclaredType) {
	EXPECT_EQ(parameter_type("untyped", 0), METACALL_INVALID);
	EXPECT_EQ(return_type("untyped"), METACALL_INVALID);
}

TEST_F(PyDiscovery, GenericAliasesAreTheirContainerType) {
	EXPECT_EQ(parameter_type("generic", 0), METACALL_ARRAY);
	EXPECT_EQ(parameter_type("generic", 1), METACALL_MAP);
	EXPECT_EQ(return_type("generic"), METACALL_ARRAY);
}

TEST_F(PyDiscovery, StringAnnotationsAreReadToo) {
	void *handle = nullptr;
	ASSERT_EQ(load("string_annotations.py", &handle), 0) << last_error();
	void *stringly = metacall_handle_function(handle, "stringly");
	enum metacall_value_id id = METACALL_SIZE;
	ASSERT_EQ(metacall_function_parameter_type(stringly, 0, &id), 0);
	EXPECT_EQ(id, METACALL_LONG);
	ASSERT_EQ(metacall_function_parameter_type(stringly, 1, &id), 0);
	EXPECT_EQ(id, METACALL_ARRAY);
	ASSERT_EQ(metacall_function_return_type(stringly, &id), 0);
	EXPECT_EQ(id, METACALL_STRING);
}

TEST_F(PyDiscovery, AsyncDefIsAsync) {
	EXPECT_EQ(metacall_function_async(function("coroutine")), 1);
	EXPECT_EQ(metacall_function_async(function("untyped")), 0);
}

TEST_F(PyDiscovery, StarArgsMakeAFunctionVariadic) {
	EXPECT_EQ(metacall_function_size(function("variadic")), 1u);
	const ValuePtr one = call_in(handle_, "variadic", {metacall_value_create_long(1)});
	EXPECT_EQ(metacall_value_count(one.get()), 1u) << describe(one.get());
	const ValuePtr three = call_in(
	    handle_, "variadic",
	    {metacall_value_create_long(1), metacall_value_create_long(2), metacall_value_create_long(3)});
	ASSERT_EQ(metacall_value_id(three.get()), METACALL_ARRAY) << describe(three.get());
	EXPECT_EQ(metacall_value_count(three.get()), 3u);
}

TEST_F(PyDiscovery, ParametersWithDefaultsAreDeclaredParameters) {
	EXPECT_EQ(metacall_function_size(function("with_default")), 2u);
}

TEST_F(PyDiscovery, KeywordOnlyParametersAreLeftToTheirDefaults) {
	EXPECT_EQ(metacall_function_size(function("keyword_only")), 1u);
	const ValuePtr result = call_in(handle_, "keyword_only", {metacall_value_create_long(5)});
	ASSERT_EQ(metacall_value_count(result.get()), 2u) << describe(result.get());
	EXPECT_TRUE(is_long(metacall_value_to_array(result.get())[1], 1));
}

TEST_F(PyDiscovery, ImportedFunctionsAndConstantsAreLeftOut) {
	EXPECT_EQ(metacall_handle_function(handle_, "dumps"), nullptr);
	EXPECT_EQ(metacall_handle_function(handle_, "CONSTANT"), nullptr);
	EXPECT_EQ(metacall_handle_function(handle_, "__dunder__"), nullptr);
}

TEST_F(PyDiscovery, TheNamesOfAllAreGivenEvenWhenImported) {
	void *handle = nullptr;
	ASSERT_EQ(load("public_names.py", &handle), 0) << last_error();
	EXPECT_NE(metacall_handle_function(handle, "dumps"), nullptr);
	EXPECT_NE(metacall_handle_function(handle, "own"), nullptr);
	EXPECT_EQ(metacall_handle_function(handle, "loads"), nullptr) << "imported, not in __all__";
}

TEST_F(PyDiscovery, AScriptDoesNotGiveWhatItImportsFromTheScriptBesideIt) {
	ASSERT_EQ(load("importing_user.py"), 0) << last_error();
	EXPECT_EQ(metacall_function("name"), nullptr);
	ASSERT_EQ(load("sibling_helper.py"), 0) << last_error() << ": the name is defined once";
	EXPECT_NE(metacall_function("name"), nullptr);
	EXPECT_NE(metacall_function("greeting"), nullptr);
}

TEST_F(PyDiscovery, AClassOfTheModuleIsAClassNotAFunction) {
	EXPECT_EQ(metacall_handle_function(handle_, "NotAFunction"), nullptr);
	EXPECT_NE(metacall_handle_class(handle_, "NotAFunction"), nullptr) << last_error();
}

TEST_F(PyDiscovery, ADecoratedFunctionShowsTheParametersOfTheFunctionItWraps) {
	EXPECT_EQ(metacall_function_size(function("decorated")), 2u);
	EXPECT_EQ(parameter_type("decorated", 1), METACALL_LONG);
	EXPECT_TRUE(is_long(
	    call_in(handle_, "decorated", {metacall_value_create_long(5), metacall_value_create_long(3)}).get(),
	    2));
}

TEST_F(PyDiscovery, PrivateFunctionsOfTheModuleAreIncluded) {
	EXPECT_NE(function("_private"), nullptr);
}

TEST_F(PyDiscovery, BuiltinsOfAnExtensionModuleAreDiscoveredWithTheirParameters) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("py", "math", &handle), 0) << last_error();
	void *sqrt = metacall_handle_function(handle, "sqrt");
	ASSERT_NE(sqrt, nullptr);
	EXPECT_EQ(metacall_function_size(sqrt), 1u);
	Args args{metacall_value_create_double(16.0)};
	const ValuePtr root(metacallfv_s(sqrt, args.data(), args.size()));
	ASSERT_EQ(metacall_value_id(root.get()), METACALL_DOUBLE) << describe(root.get());
	EXPECT_EQ(metacall_value_to_double(root.get()), 4.0);
}

TEST_F(PyDiscovery, InspectShowsParameterNamesTypesAndAsync) {
	size_t size = 0;
	std::unique_ptr<char, decltype(&std::free)> text(metacall_inspect(&size, nullptr), &std::free);
	ASSERT_NE(text, nullptr) << last_error();
	const nlohmann::json document = nlohmann::json::parse(text.get());
	const nlohmann::json *typed = nullptr;
	const nlohmann::json *coroutine = nullptr;
	for (const auto &handle : document.at("py")) {
		for (const auto &function : handle.at("scope").at("funcs")) {
			if (function.at("name") == "typed")
				typed = &function;
			if (function.at("name") == "coroutine")
				coroutine = &function;
		}
	}
	ASSERT_NE(typed, nullptr) << document.dump(2);
	const auto &args = typed->at("signature").at("args");
	ASSERT_EQ(args.size(), 7u) << typed->dump(2);
	EXPECT_EQ(args[0].at("name"), "a");
	EXPECT_EQ(args[0].at("type").at("name"), metacall_value_id_name(METACALL_LONG));
	EXPECT_EQ(args[2].at("name"), "c");
	EXPECT_EQ(args[2].at("type").at("name"), metacall_value_id_name(METACALL_STRING));
	ASSERT_NE(coroutine, nullptr);
	EXPECT_EQ(coroutine->at("async"), true);
}

} // namespace
