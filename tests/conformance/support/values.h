// Owning values and the checks the conformance cases share.
#ifndef CONFORMANCE_VALUES_H
#define CONFORMANCE_VALUES_H

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct ValueDeleter {
	void operator()(void *value) const { metacall_value_destroy(value); }
};

// A value the test owns.
using ValuePtr = std::unique_ptr<void, ValueDeleter>;

// Call arguments: takes ownership of the values and destroys them afterwards.
class Args {
public:
	Args(std::initializer_list<void *> values) : values_(values) {}
	Args(const Args &) = delete;
	Args &operator=(const Args &) = delete;
	~Args() {
		for (void *value : values_)
			metacall_value_destroy(value);
	}

	void **data() { return values_.data(); }
	std::size_t size() const { return values_.size(); }
	void *operator[](std::size_t i) const { return values_[i]; }

private:
	std::vector<void *> values_;
};

// The calling thread's last error message, or a note that there is none (for failure messages).
std::string last_error_message();

// A short description of a value for failure messages: its type and, for simple values, its content.
std::string describe(void *value);

// The number held by `value` when it has a numeric type (Boolean to Double), else nullopt.
std::optional<long double> number_in(void *value);

// `value` is a number (of any numeric type) equal to `expected`.
::testing::AssertionResult is_number(void *value, long double expected);

// `value` is a throwable whose exception has label `label`.
::testing::AssertionResult is_throwable_with_label(void *value, const std::string &label);

// `text` contains `number` as a whole number (not as part of another).
bool mentions_number(const std::string &text, long number);

#endif
