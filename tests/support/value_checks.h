// Checks and value builders the loaders' C++ tests share (tests/c_loader, tests/wasm_loader):
// failure messages that say what a value holds, error checks, and values from C++ data.
#ifndef METACALL_TEST_VALUE_CHECKS_H
#define METACALL_TEST_VALUE_CHECKS_H

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

// The calling thread's last error ("label: message"), or a note that there is none.
std::string last_error_message();

// A short description of a value: its type and, for simple values, its content.
std::string describe(void *value);

// `text` contains every one of `parts`.
::testing::AssertionResult mentions(const std::string &text, std::initializer_list<std::string> parts);

// `value` is a throwable labelled `label` whose message contains every one of `parts`.
::testing::AssertionResult is_error(void *value, const std::string &label,
                                    std::initializer_list<std::string> parts);

// Values from C++ data (new, owned by the caller; containers take the values given them).
void *string_value(const std::string &text);
void *array_of(std::initializer_list<void *> items);
void *map_of(std::initializer_list<std::pair<const char *, void *>> entries);

#endif
