// Owning values and the checks the conformance cases share.
#ifndef CONFORMANCE_VALUES_H
#define CONFORMANCE_VALUES_H

#include <metacall/metacall.h>

#include "owned_values.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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

// The type a loader whose echo is `double echo(double)` gives back for `value`: Double for every
// number a double holds exactly, METACALL_INVALID (not carried) for the rest (c and wasm).
enum metacall_value_id echo_through_double(void *value);

#endif
