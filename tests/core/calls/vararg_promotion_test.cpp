// Calls: the variadic families (metacall, metacallt, metacallf) read C arguments as the language
// passes them: bool, char and short arrive promoted to int, float promoted to double.
#include "host_functions.h"

#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <string>

using core_test::own;

namespace {

// describe(bool, char, short, float, long) -> string "b c s f l"
void *describe(size_t, void *argv[], void *) {
	std::string text = std::to_string(metacall_value_to_bool(argv[0])) + " " +
	                   std::string(1, metacall_value_to_char(argv[1])) + " " +
	                   std::to_string(metacall_value_to_short(argv[2])) + " " +
	                   std::to_string(metacall_value_to_float(argv[3])) + " " +
	                   std::to_string(metacall_value_to_long(argv[4]));
	return metacall_value_create_string(text.data(), text.size());
}

const std::string expected = "1 x -300 1.500000 -9000000000";

} // namespace

class VarargPromotion : public core_test::RuntimeTest {
protected:
	void SetUp() override {
		RuntimeTest::SetUp();
		ASSERT_EQ(metacall_register("describe", describe, &func, METACALL_STRING, 5, METACALL_BOOL,
		                            METACALL_CHAR, METACALL_SHORT, METACALL_FLOAT, METACALL_LONG),
		          0);
	}

	void *func = nullptr;
};

TEST_F(VarargPromotion, MetacallReadsPromotedSmallTypes) {
	auto result =
	    own(metacall("describe", static_cast<boolean>(1), 'x', static_cast<short>(-300), 1.5f, -9000000000L));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_STRING) << metacall_value_type_name(result.get());
	EXPECT_EQ(std::string(metacall_value_to_string(result.get())), expected);
}

TEST_F(VarargPromotion, MetacalltReadsPromotedSmallTypes) {
	const enum metacall_value_id ids[] = {METACALL_BOOL, METACALL_CHAR, METACALL_SHORT, METACALL_FLOAT,
	                                      METACALL_LONG};
	auto result = own(metacallt("describe", ids, static_cast<boolean>(1), 'x', static_cast<short>(-300), 1.5f,
	                            -9000000000L));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_STRING) << metacall_value_type_name(result.get());
	EXPECT_EQ(std::string(metacall_value_to_string(result.get())), expected);
}

TEST_F(VarargPromotion, MetacallfReadsPromotedSmallTypes) {
	auto result =
	    own(metacallf(func, static_cast<boolean>(1), 'x', static_cast<short>(-300), 1.5f, -9000000000L));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_STRING) << metacall_value_type_name(result.get());
	EXPECT_EQ(std::string(metacall_value_to_string(result.get())), expected);
}
