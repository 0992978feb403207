// core tests: a fixture that gives each test a freshly initialized runtime and destroys it
// afterwards, so registrations never leak from one test into the next.
#pragma once

#include "error_text.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

namespace core_test {

class RuntimeTest : public ::testing::Test {
protected:
	void SetUp() override {
		ASSERT_EQ(metacall_initialize(), 0) << last_error_message().value_or("no error message");
		metacall_error_clear();
	}

	void TearDown() override {
		metacall_destroy();
		metacall_error_clear();
	}
};

} // namespace core_test
