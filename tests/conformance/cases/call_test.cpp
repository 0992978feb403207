// Calling a loaded function through every call family of the C API.
#include "fixture.h"

namespace {

TEST_P(Conformance, AddThroughMetacallvS) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	Args args{metacall_value_create_long(3), metacall_value_create_long(4)};
	const ValuePtr result(metacallv_s("add", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 7));
}

TEST_P(Conformance, AddThroughMetacallv) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	Args args{metacall_value_create_long(-3), metacall_value_create_long(10)};
	const ValuePtr result(metacallv("add", args.data()));
	EXPECT_TRUE(is_number(result.get(), 7));
}

TEST_P(Conformance, AddThroughMetacallfvS) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *add = metacall_function("add");
	ASSERT_NE(add, nullptr) << last_error_message();
	EXPECT_TRUE(is_number(add_through(add, 20, 22).get(), 42));
}

TEST_P(Conformance, AddThroughMetacallfv) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *add = metacall_function("add");
	ASSERT_NE(add, nullptr) << last_error_message();
	Args args{metacall_value_create_long(1), metacall_value_create_long(2)};
	const ValuePtr result(metacallfv(add, args.data()));
	EXPECT_TRUE(is_number(result.get(), 3));
}

TEST_P(Conformance, AddThroughMetacallhvSOnAHandle) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	ASSERT_NE(handle, nullptr);
	Args args{metacall_value_create_long(5), metacall_value_create_long(6)};
	const ValuePtr result(metacallhv_s(handle, "add", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 11));
}

TEST_P(Conformance, AddThroughMetacallhvOnAHandle) {
	void *handle = nullptr;
	ASSERT_EQ(load(loader().main_script, &handle), 0) << last_error_message();
	Args args{metacall_value_create_long(5), metacall_value_create_long(7)};
	const ValuePtr result(metacallhv(handle, "add", args.data()));
	EXPECT_TRUE(is_number(result.get(), 12));
}

TEST_P(Conformance, AddThroughMetacalltWithLongIds) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	const enum metacall_value_id ids[] = {METACALL_LONG, METACALL_LONG};
	const ValuePtr result(metacallt("add", ids, 30L, 12L));
	EXPECT_TRUE(is_number(result.get(), 42));
}

TEST_P(Conformance, AddThroughMetacalltSWithMixedIds) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	const enum metacall_value_id ids[] = {METACALL_INT, METACALL_LONG};
	const ValuePtr result(metacallt_s("add", ids, 2, 40, 2L));
	EXPECT_TRUE(is_number(result.get(), 42));
}

// metacall() reads its C arguments by the declared parameter types, so it needs a typed add.
TEST_P(Conformance, AddThroughVarargsMetacallUsesTheDeclaredTypes) {
	const auto &types = loader().add_parameter_types;
	if (types.size() != 2 || types[0] != types[1] || types[0] == METACALL_INVALID)
		GTEST_SKIP() << "add declares no parameter types in " << loader().tag;
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	ValuePtr result;
	switch (types[0]) {
	case METACALL_INT:
		result.reset(metacall("add", 40, 2));
		break;
	case METACALL_LONG:
		result.reset(metacall("add", 40L, 2L));
		break;
	case METACALL_DOUBLE:
		result.reset(metacall("add", 40.0, 2.0));
		break;
	default:
		GTEST_SKIP() << "no varargs case for " << metacall_value_id_name(types[0]);
	}
	EXPECT_TRUE(is_number(result.get(), 42));
}

TEST_P(Conformance, AddThroughVarargsMetacallfUsesTheDeclaredTypes) {
	const auto &types = loader().add_parameter_types;
	if (types.size() != 2 || types[0] != types[1] || types[0] != METACALL_LONG)
		GTEST_SKIP() << "add does not declare (Long, Long) in " << loader().tag;
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *add = metacall_function("add");
	ASSERT_NE(add, nullptr) << last_error_message();
	const ValuePtr result(metacallf(add, 40L, 2L));
	EXPECT_TRUE(is_number(result.get(), 42));
}

TEST_P(Conformance, NothingReturnsNull) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	const ValuePtr result(metacallv_s("nothing", nullptr, 0));
	ASSERT_NE(result, nullptr) << last_error_message();
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_NULL) << describe(result.get());
}

TEST_P(Conformance, FunctionsReportTheirParameterCounts) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	EXPECT_EQ(metacall_function_size(metacall_function("add")), 2u);
	EXPECT_EQ(metacall_function_size(metacall_function("echo")), 1u);
	EXPECT_EQ(metacall_function_size(metacall_function("fail")), 1u);
	EXPECT_EQ(metacall_function_size(metacall_function("call")), 2u);
	EXPECT_EQ(metacall_function_size(metacall_function("nothing")), 0u);
}

TEST_P(Conformance, FunctionsReportWhetherTheyAreAsync) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	EXPECT_EQ(metacall_function_async(metacall_function("add")), 0);
	EXPECT_EQ(metacall_function_async(metacall_function("echo")), 0);
	if (loader().supports_async) {
		EXPECT_EQ(metacall_function_async(metacall_function("echo_async")), 1);
		EXPECT_EQ(metacall_function_async(metacall_function("fail_async")), 1);
	}
}

TEST_P(Conformance, AddReportsItsDeclaredParameterTypes) {
	ASSERT_EQ(load(loader().main_script), 0) << last_error_message();
	void *add = metacall_function("add");
	ASSERT_NE(add, nullptr) << last_error_message();
	ASSERT_EQ(loader().add_parameter_types.size(), 2u) << "the descriptor must give add's two types";
	for (std::size_t i = 0; i < 2; ++i) {
		enum metacall_value_id id = METACALL_SIZE;
		ASSERT_EQ(metacall_function_parameter_type(add, i, &id), 0) << last_error_message();
		EXPECT_EQ(id, loader().add_parameter_types[i]) << "parameter " << i;
	}
}

} // namespace
