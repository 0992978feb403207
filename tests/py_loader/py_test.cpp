#include "py_test.h"

#include <cstdlib>
#include <cstring>
#include <future>
#include <sstream>
#include <thread>

#ifndef PY_TEST_SCRIPTS
#  error "PY_TEST_SCRIPTS must name tests/py_loader/scripts"
#endif

std::string scripts_folder() {
	return PY_TEST_SCRIPTS;
}

void *string_value(const std::string &text) {
	return metacall_value_create_string(text.data(), text.size());
}

void *array_value(std::initializer_list<void *> items) {
	std::vector<const void *> elements(items.begin(), items.end());
	return metacall_value_create_array(elements.data(), elements.size());
}

void *map_value(std::initializer_list<std::pair<const char *, void *>> entries) {
	std::vector<const void *> tuples;
	for (const auto &[key, value] : entries)
		tuples.push_back(array_value({string_value(key), value}));
	return metacall_value_create_map(tuples.data(), tuples.size());
}

std::string last_error() {
	metacall_exception_type error{};
	if (metacall_error_last(&error) != 0)
		return "(no error recorded)";
	return std::string(error.label) + ": " + error.message;
}

std::string text_of(void *value) {
	if (value == nullptr || metacall_value_id(value) != METACALL_STRING)
		return "";
	return std::string(metacall_value_to_string(value), metacall_value_size(value) - 1);
}

std::string describe(void *value) {
	if (value == nullptr)
		return "NULL (last error: " + last_error() + ")";
	std::ostringstream out;
	out << metacall_value_type_name(value);
	switch (metacall_value_id(value)) {
	case METACALL_LONG:
		out << ' ' << metacall_value_to_long(value);
		break;
	case METACALL_DOUBLE:
		out << ' ' << metacall_value_to_double(value);
		break;
	case METACALL_BOOL:
		out << ' ' << static_cast<int>(metacall_value_to_bool(value));
		break;
	case METACALL_STRING:
		out << " \"" << text_of(value) << '"';
		break;
	default: {
		metacall_exception_type error{};
		if (metacall_error_from_value(value, &error) == 0)
			out << " (" << error.label << ": " << error.message << ")\n" << error.stacktrace;
	}
	}
	return out.str();
}

::testing::AssertionResult is_long(void *value, long expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_LONG)
		return ::testing::AssertionFailure()
		       << "expected the Long " << expected << ", got " << describe(value);
	if (metacall_value_to_long(value) != expected)
		return ::testing::AssertionFailure() << "expected " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_string(void *value, const std::string &expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_STRING || text_of(value) != expected)
		return ::testing::AssertionFailure() << "expected \"" << expected << "\", got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_error(void *value, const std::string &label, const std::string &message_part) {
	metacall_exception_type error{};
	if (value == nullptr || metacall_value_id(value) != METACALL_THROWABLE ||
	    metacall_error_from_value(value, &error) != 0)
		return ::testing::AssertionFailure()
		       << "expected a throwable " << label << ", got " << describe(value);
	if (label != error.label || std::string(error.message).find(message_part) == std::string::npos)
		return ::testing::AssertionFailure() << "expected " << label << " with \"" << message_part
		                                     << "\", got " << error.label << ": " << error.message;
	return ::testing::AssertionSuccess();
}

void within(std::chrono::milliseconds timeout, const std::function<void()> &body) {
	std::packaged_task<void()> task(body);
	std::future<void> done = task.get_future();
	std::thread runner(std::move(task));
	if (done.wait_for(timeout) != std::future_status::ready) {
		ADD_FAILURE() << "did not finish within " << timeout.count() << " ms: deadlock?";
		std::fflush(nullptr);
		std::_Exit(1);
	}
	runner.join();
	done.get();
}

void PyLoaderTest::SetUp() {
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	ASSERT_EQ(metacall_execution_path("py", scripts_folder().c_str()), 0) << last_error();
}

void PyLoaderTest::TearDown() {
	metacall_destroy();
}

int PyLoaderTest::load(const std::string &script, void **handle) {
	const char *paths[] = {script.c_str()};
	return metacall_load_from_file("py", paths, 1, handle);
}

void *PyLoaderTest::load_memory(const std::string &source) {
	void *handle = nullptr;
	EXPECT_EQ(metacall_load_from_memory("py", source.data(), source.size(), &handle), 0) << last_error();
	return handle;
}

ValuePtr PyLoaderTest::call(const char *name, std::initializer_list<void *> args) {
	Args owned(args);
	return ValuePtr(metacallv_s(name, owned.data(), owned.size()));
}

ValuePtr PyLoaderTest::call_in(void *handle, const char *name, std::initializer_list<void *> args) {
	Args owned(args);
	return ValuePtr(metacallhv_s(handle, name, owned.data(), owned.size()));
}

bool PyLoaderTest::python_has_module(const std::string &name) {
	static const std::string source = "import sys\ndef has_module(name):\n    return name in sys.modules\n";
	void *handle = load_memory(source);
	const ValuePtr found = call_in(handle, "has_module", {string_value(name)});
	metacall_clear(handle);
	return found != nullptr && metacall_value_id(found.get()) == METACALL_BOOL &&
	       metacall_value_to_bool(found.get()) != 0;
}
