// Duplicate names: the global scope refuses a second definition, a handle accepts it.
#include "fixture.h"

namespace {

TEST_P(Conformance, DuplicateGlobalLoadFailsNamingTheFunction) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	metacall_error_clear();
	EXPECT_NE(load(loader().duplicate_script), 0);
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0) << "no error recorded";
	EXPECT_NE(std::string(error.message).find("add"), std::string::npos) << error.message;
}

TEST_P(Conformance, FirstDefinitionSurvivesAFailedDuplicateLoad) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *add = metacall_function("add");
	ASSERT_NE(load(loader().duplicate_script), 0);
	EXPECT_EQ(metacall_function("add"), add);
	Args args{metacall_value_create_long(3), metacall_value_create_long(4)};
	const ValuePtr result(metacallv_s("add", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 7));
}

TEST_P(Conformance, AFailedDuplicateLoadDefinesNothing) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	ASSERT_NE(load(loader().duplicate_script), 0);
	EXPECT_EQ(metacall_function("only_in_duplicate"), nullptr);
}

TEST_P(Conformance, DuplicateLoadsIntoAHandle) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *handle = nullptr;
	ASSERT_EQ(load(loader().duplicate_script, &handle), 0) << last_error_message();
	Args args{metacall_value_create_long(3), metacall_value_create_long(4)};
	const ValuePtr result(metacallhv_s(handle, "add", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 7));
	EXPECT_NE(metacall_handle_function(handle, "only_in_duplicate"), nullptr);
}

TEST_P(Conformance, AHandleLoadDoesNotTouchTheGlobalDefinition) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *global_add = metacall_function("add");
	void *handle = nullptr;
	ASSERT_EQ(load(loader().duplicate_script, &handle), 0) << last_error_message();
	EXPECT_EQ(metacall_function("add"), global_add);
	EXPECT_NE(metacall_handle_function(handle, "add"), global_add);
}

} // namespace
