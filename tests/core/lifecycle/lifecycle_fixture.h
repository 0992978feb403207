// core tests, lifecycle: each test starts and ends with the runtime not initialized.
#pragma once

#include <metacall/metacall.h>

#include <gtest/gtest.h>

class Lifecycle : public ::testing::Test {
protected:
	void SetUp() override {
		metacall_destroy();
		metacall_error_clear();
	}

	void TearDown() override {
		metacall_destroy();
		metacall_error_clear();
	}
};
