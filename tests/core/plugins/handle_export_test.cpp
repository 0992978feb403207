// Handles: metacall_handle_export gives a new map of [name, function value] pairs of a live
// handle's functions; a handle that is not live gives NULL and an error.
#include "plugin_env.h"

#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using core_test::own;

class HandleExport : public PluginEnvironment {
protected:
	void SetUp() override {
		PluginEnvironment::SetUp();
		ASSERT_EQ(load("coretiny", &handle), 0) << core_test::last_error_message().value_or("no error");
	}

	void *handle = nullptr;
};

TEST_F(HandleExport, GivesAMapOfNameAndFunctionValue) {
	auto exported = own(metacall_handle_export(handle));
	ASSERT_EQ(metacall_value_id(exported.get()), METACALL_MAP) << metacall_value_type_name(exported.get());
	ASSERT_EQ(metacall_value_count(exported.get()), 1u);
	void **pair = metacall_value_to_array(metacall_value_to_map(exported.get())[0]);
	ASSERT_NE(pair, nullptr);
	EXPECT_STREQ(metacall_value_to_string(pair[0]), "tiny_answer");
	EXPECT_EQ(metacall_value_id(pair[1]), METACALL_FUNCTION);
}

TEST_F(HandleExport, ExportedFunctionsAreCallable) {
	auto exported = own(metacall_handle_export(handle));
	ASSERT_EQ(metacall_value_count(exported.get()), 1u);
	void **pair = metacall_value_to_array(metacall_value_to_map(exported.get())[0]);
	auto result = own(metacallfv_s(metacall_value_to_function(pair[1]), nullptr, 0));
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(HandleExport, OfAClearedHandleFails) {
	ASSERT_EQ(metacall_clear(handle), 0);
	metacall_error_clear();
	EXPECT_EQ(metacall_handle_export(handle), nullptr);
	EXPECT_TRUE(core_test::last_error_message().has_value());
}

TEST_F(HandleExport, OfNullFails) {
	metacall_error_clear();
	EXPECT_EQ(metacall_handle_export(nullptr), nullptr);
	EXPECT_TRUE(core_test::last_error_message().has_value());
}
