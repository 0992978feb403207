// core tests, calls: the host functions the call tests register, and a record of what the last
// invoke received, so tests can check conversions and that invoke did (or did not) run.
#pragma once

#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <cstddef>
#include <string>
#include <vector>

namespace calls_test {

// What the most recent invoke saw.
struct InvokeRecord {
	int calls = 0;
	std::vector<enum metacall_value_id> arg_ids;
	void *data = nullptr;
};

inline InvokeRecord record;

inline void remember(std::size_t argc, void *argv[], void *data) {
	++record.calls;
	record.arg_ids.clear();
	for (std::size_t i = 0; i < argc; ++i) {
		record.arg_ids.push_back(metacall_value_id(argv[i]));
	}
	record.data = data;
}

// add(int, int) -> int
inline void *add(std::size_t argc, void *argv[], void *data) {
	remember(argc, argv, data);
	return metacall_value_create_int(metacall_value_to_int(argv[0]) + metacall_value_to_int(argv[1]));
}

// concat(string, string) -> string
inline void *concat(std::size_t argc, void *argv[], void *data) {
	remember(argc, argv, data);
	std::string joined = std::string(metacall_value_to_string(argv[0])) + metacall_value_to_string(argv[1]);
	return metacall_value_create_string(joined.data(), joined.size());
}

// half(double) -> double
inline void *half(std::size_t argc, void *argv[], void *data) {
	remember(argc, argv, data);
	return metacall_value_create_double(metacall_value_to_double(argv[0]) / 2);
}

// sum_array(array of int) -> long
inline void *sum_array(std::size_t argc, void *argv[], void *data) {
	remember(argc, argv, data);
	long sum = 0;
	void **elements = metacall_value_to_array(argv[0]);
	for (std::size_t i = 0; i < metacall_value_count(argv[0]); ++i) {
		sum += metacall_value_to_int(elements[i]);
	}
	return metacall_value_create_long(sum);
}

// answer() -> int
inline void *answer(std::size_t argc, void *argv[], void *data) {
	remember(argc, argv, data);
	return metacall_value_create_int(42);
}

// nothing() -> null; invoke returns NULL
inline void *nothing(std::size_t argc, void *argv[], void *data) {
	remember(argc, argv, data);
	return nullptr;
}

// fail() -> throws ValueError
inline void *fail(std::size_t argc, void *argv[], void *data) {
	remember(argc, argv, data);
	return metacall_error_throw("ValueError", 7, "at fail()", "fail was asked to fail %d times", 3);
}

// closure_data() -> pointer: the `data` invoke received
inline void *closure_data(std::size_t argc, void *argv[], void *data) {
	remember(argc, argv, data);
	return metacall_value_create_ptr(data);
}

// untyped(x) -> copy of x; the parameter's type is not declared
inline void *untyped(std::size_t argc, void *argv[], void *data) {
	remember(argc, argv, data);
	return metacall_value_copy(argv[0]);
}

// A runtime with every host function above registered under its own name.
class HostFunctionsTest : public core_test::RuntimeTest {
protected:
	void SetUp() override {
		RuntimeTest::SetUp();
		record = InvokeRecord{};
		ASSERT_EQ(metacall_register("add", add, &add_func, METACALL_INT, 2, METACALL_INT, METACALL_INT), 0);
		ASSERT_EQ(metacall_register("concat", concat, nullptr, METACALL_STRING, 2, METACALL_STRING,
		                            METACALL_STRING),
		          0);
		ASSERT_EQ(metacall_register("half", half, nullptr, METACALL_DOUBLE, 1, METACALL_DOUBLE), 0);
		ASSERT_EQ(metacall_register("sum_array", sum_array, nullptr, METACALL_LONG, 1, METACALL_ARRAY), 0);
		ASSERT_EQ(metacall_register("answer", answer, nullptr, METACALL_INT, 0), 0);
		ASSERT_EQ(metacall_register("nothing", nothing, nullptr, METACALL_NULL, 0), 0);
		ASSERT_EQ(metacall_register("fail", fail, nullptr, METACALL_NULL, 0), 0);
		ASSERT_EQ(metacall_register("closure_data", closure_data, &closure_data_func, METACALL_PTR, 0), 0);
		ASSERT_EQ(metacall_registerv("untyped", untyped, &untyped_func, METACALL_INVALID, 1, nullptr), 0);
		metacall_error_clear();
	}

	void *add_func = nullptr;
	void *closure_data_func = nullptr;
	void *untyped_func = nullptr;
};

} // namespace calls_test
