// Handles: each load with a handle has its own scope, found by name and reached through the handle.
#include "fixture.h"

#include <filesystem>

namespace {

TEST_P(Conformance, LoadingTheSameScriptTwiceGivesTwoHandles) {
	void *first = nullptr;
	void *second = nullptr;
	ASSERT_EQ(load(loader().main_script, &first), 0) << last_error_message();
	ASSERT_EQ(load(loader().main_script, &second), 0) << last_error_message();
	ASSERT_NE(first, nullptr);
	ASSERT_NE(second, nullptr);
	EXPECT_NE(first, second);
}

TEST_P(Conformance, BothHandlesOfTheSameScriptAreCallable) {
	void *first = nullptr;
	void *second = nullptr;
	ASSERT_EQ(load(loader().main_script, &first), 0) << last_error_message();
	ASSERT_EQ(load(loader().main_script, &second), 0) << last_error_message();
	for (void *handle : {first, second}) {
		Args args{metacall_value_create_long(2), metacall_value_create_long(3)};
		const ValuePtr result(metacallhv_s(handle, "add", args.data(), args.size()));
		EXPECT_TRUE(is_number(result.get(), 5));
	}
}

TEST_P(Conformance, HandleFunctionsStayOutOfTheGlobalScope) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	EXPECT_EQ(metacall_function("add"), nullptr);
}

TEST_P(Conformance, MetacallHandleFindsAHandleByItsPath) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	EXPECT_EQ(metacall_handle(tag(), loader().main_script.c_str()), handle);
}

TEST_P(Conformance, MetacallHandleFindsAHandleByItsStem) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	const std::string stem = std::filesystem::path(loader().main_script).stem().string();
	EXPECT_EQ(metacall_handle(tag(), stem.c_str()), handle);
}

TEST_P(Conformance, MetacallHandleFindsOneOfTwoHandlesOfTheSameScript) {
	void *first = nullptr;
	void *second = nullptr;
	ASSERT_EQ(load(loader().main_script, &first), 0) << last_error_message();
	ASSERT_EQ(load(loader().main_script, &second), 0) << last_error_message();
	void *found = metacall_handle(tag(), loader().main_script.c_str());
	EXPECT_TRUE(found == first || found == second) << "found " << found;
}

TEST_P(Conformance, MetacallHandleOfAnUnknownNameIsNull) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	EXPECT_EQ(metacall_handle(tag(), "never_loaded"), nullptr);
}

TEST_P(Conformance, HandleIsNamedAfterTheScript) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	const char *name = metacall_handle_name(handle);
	ASSERT_NE(name, nullptr) << last_error_message();
	EXPECT_EQ(std::string(name), loader().main_script);
}

TEST_P(Conformance, HandleFunctionIsCallable) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	void *add = metacall_handle_function(handle, "add");
	ASSERT_NE(add, nullptr) << last_error_message();
	EXPECT_TRUE(is_number(add_through(add, 8, 9).get(), 17));
}

TEST_P(Conformance, HandleFunctionOfAnUnknownNameIsNull) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	EXPECT_EQ(metacall_handle_function(handle, "not_here"), nullptr);
}

} // namespace
