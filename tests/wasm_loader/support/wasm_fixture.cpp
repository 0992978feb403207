#include "wasm_fixture.h"

#include <metacall/metacall_compat.h>

#include <cstring>
#include <sstream>
#include <vector>

std::string module_path(const std::string &name) {
	return std::string(WASM_LOADER_TEST_MODULES) + "/" + name;
}

std::string last_error_message() {
	metacall_exception_type error{};
	if (metacall_error_last(&error) != 0)
		return "(no error recorded)";
	return std::string(error.label) + ": " + error.message;
}

std::string describe(void *value) {
	if (value == nullptr)
		return "NULL (" + last_error_message() + ")";
	std::ostringstream out;
	out << metacall_value_type_name(value);
	switch (metacall_value_id(value)) {
	case METACALL_INT:
		out << " " << metacall_value_to_int(value);
		break;
	case METACALL_LONG:
		out << " " << metacall_value_to_long(value);
		break;
	case METACALL_FLOAT:
		out << " " << metacall_value_to_float(value);
		break;
	case METACALL_DOUBLE:
		out << " " << metacall_value_to_double(value);
		break;
	case METACALL_STRING:
		out << " \"" << metacall_value_to_string(value) << "\"";
		break;
	case METACALL_THROWABLE: {
		metacall_exception_type error{};
		if (metacall_error_from_value(value, &error) == 0)
			out << " " << error.label << ": " << error.message;
		break;
	}
	default:
		break;
	}
	return out.str();
}

::testing::AssertionResult mentions(const std::string &text, std::initializer_list<std::string> parts) {
	for (const std::string &part : parts)
		if (text.find(part) == std::string::npos)
			return ::testing::AssertionFailure() << "\"" << text << "\" does not mention \"" << part << "\"";
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_error(void *value, const std::string &label,
                                    std::initializer_list<std::string> parts) {
	if (value == nullptr || metacall_value_id(value) != METACALL_THROWABLE)
		return ::testing::AssertionFailure() << "expected a throwable, got " << describe(value);
	metacall_exception_type error{};
	if (metacall_error_from_value(value, &error) != 0)
		return ::testing::AssertionFailure() << "the throwable holds no exception";
	if (label != error.label)
		return ::testing::AssertionFailure()
		       << "label " << error.label << ", expected " << label << ": " << error.message;
	return mentions(error.message, parts);
}

::testing::AssertionResult is_int(void *value, int expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_INT)
		return ::testing::AssertionFailure() << "expected an Integer, got " << describe(value);
	if (metacall_value_to_int(value) != expected)
		return ::testing::AssertionFailure() << "expected " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_long(void *value, long expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_LONG)
		return ::testing::AssertionFailure() << "expected a Long, got " << describe(value);
	if (metacall_value_to_long(value) != expected)
		return ::testing::AssertionFailure() << "expected " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

void *string_value(const std::string &text) {
	return metacall_value_create_string(text.data(), text.size());
}

void *array_of(std::initializer_list<void *> items) {
	std::vector<const void *> elements(items.begin(), items.end());
	return metacall_value_create_array(elements.data(), elements.size());
}

void *map_of(std::initializer_list<std::pair<const char *, void *>> entries) {
	std::vector<const void *> tuples;
	for (const auto &[key, value] : entries)
		tuples.push_back(array_of({metacall_value_create_string(key, std::strlen(key)), value}));
	return metacall_value_create_map(tuples.data(), tuples.size());
}

void WasmLoaderTest::SetUp() {
	ASSERT_EQ(metacall_initialize(), 0) << last_error_message();
}

void WasmLoaderTest::TearDown() {
	metacall_destroy();
}

void *WasmLoaderTest::load(const std::string &name, void *options) {
	const std::string path = module_path(name);
	const char *paths[] = {path.c_str()};
	void *handle = nullptr;
	const int failed = metacall_load_from_file_ex("wasm", paths, 1, &handle, options);
	EXPECT_EQ(failed, 0) << name << ": " << last_error_message();
	return failed == 0 ? handle : nullptr;
}

std::string WasmLoaderTest::load_error(const std::string &name, void *options) {
	const std::string path = module_path(name);
	const char *paths[] = {path.c_str()};
	void *handle = nullptr;
	if (metacall_load_from_file_ex("wasm", paths, 1, &handle, options) == 0) {
		ADD_FAILURE() << name << " loaded; expected the load to fail";
		return "";
	}
	return last_error_message();
}

ValuePtr WasmLoaderTest::call(void *handle, const char *name, Args &args) {
	return ValuePtr(metacallhv_s(handle, name, args.data(), args.size()));
}

ValuePtr WasmLoaderTest::call(void *handle, const char *name) {
	return ValuePtr(metacallhv_s(handle, name, nullptr, 0));
}
