#include "node_test.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <future>
#include <random>
#include <sstream>

#ifndef NODE_TEST_SCRIPTS
#  error "NODE_TEST_SCRIPTS must name tests/node_loader/scripts"
#endif

std::string scripts_folder() {
	return NODE_TEST_SCRIPTS;
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

std::string last_error_message() {
	metacall_exception_type error{};
	return metacall_error_last(&error) == 0 ? error.message : "";
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
	case METACALL_ARRAY:
	case METACALL_MAP:
	case METACALL_BUFFER:
		out << " of " << metacall_value_count(value);
		break;
	default: {
		metacall_exception_type error{};
		if (metacall_error_from_value(value, &error) == 0)
			out << " (" << error.label << ": " << error.message << ")\n" << error.stacktrace;
	}
	}
	return out.str();
}

::testing::AssertionResult is_double(void *value, double expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_DOUBLE ||
	    metacall_value_to_double(value) != expected)
		return ::testing::AssertionFailure()
		       << "expected the Double " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_long(void *value, long expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_LONG ||
	    metacall_value_to_long(value) != expected)
		return ::testing::AssertionFailure()
		       << "expected the Long " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_bool(void *value, bool expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_BOOL ||
	    (metacall_value_to_bool(value) != 0) != expected)
		return ::testing::AssertionFailure()
		       << "expected the Bool " << expected << ", got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_string(void *value, const std::string &expected) {
	if (value == nullptr || metacall_value_id(value) != METACALL_STRING || text_of(value) != expected)
		return ::testing::AssertionFailure() << "expected \"" << expected << "\", got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_null(void *value) {
	if (value == nullptr || metacall_value_id(value) != METACALL_NULL)
		return ::testing::AssertionFailure() << "expected Null, got " << describe(value);
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_buffer(void *value, const std::vector<unsigned char> &bytes) {
	if (value == nullptr || metacall_value_id(value) != METACALL_BUFFER)
		return ::testing::AssertionFailure() << "expected a Buffer, got " << describe(value);
	const size_t size = metacall_value_size(value);
	const auto *data = static_cast<const unsigned char *>(metacall_value_to_buffer(value));
	if (size != bytes.size() || (size > 0 && std::memcmp(data, bytes.data(), size) != 0)) {
		std::ostringstream got;
		for (size_t i = 0; i < size; ++i)
			got << static_cast<int>(data[i]) << ' ';
		return ::testing::AssertionFailure()
		       << "expected " << bytes.size() << " bytes, got " << size << ": " << got.str();
	}
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

Watchdog::Watchdog(std::chrono::milliseconds timeout, std::string what) {
	thread_ = std::thread([this, timeout, what = std::move(what)] {
		std::unique_lock lock(mutex_);
		if (!done_.wait_for(lock, timeout, [this] { return finished_; })) {
			std::fprintf(stderr, "FAILED: %s did not finish within %lld ms: deadlock?\n", what.c_str(),
			             static_cast<long long>(timeout.count()));
			std::fflush(nullptr);
			std::_Exit(1);
		}
	});
}

Watchdog::~Watchdog() {
	{
		std::lock_guard lock(mutex_);
		finished_ = true;
	}
	done_.notify_all();
	thread_.join();
}

void *Settlement::on_resolve(void *value, void *data) {
	return static_cast<Settlement *>(data)->record(true, value);
}

void *Settlement::on_reject(void *value, void *data) {
	return static_cast<Settlement *>(data)->record(false, value);
}

bool Settlement::wait(std::chrono::milliseconds timeout) {
	std::unique_lock lock(mutex_);
	return settled_.wait_for(lock, timeout, [&] { return done_; });
}

bool Settlement::settled() {
	std::lock_guard lock(mutex_);
	return done_;
}

bool Settlement::resolved() {
	std::lock_guard lock(mutex_);
	return resolved_;
}

void *Settlement::value() {
	std::lock_guard lock(mutex_);
	return value_.get();
}

void *Settlement::record(bool resolved, void *value) {
	std::lock_guard lock(mutex_);
	resolved_ = resolved;
	value_.reset(value != nullptr ? metacall_value_copy(value) : metacall_value_create_null());
	done_ = true;
	settled_.notify_all();
	return nullptr;
}

TempFolder::TempFolder() {
	std::random_device random;
	path_ = std::filesystem::temp_directory_path() / ("metacall_node_test_" + std::to_string(random()));
	std::filesystem::create_directories(path_);
}

TempFolder::~TempFolder() {
	std::error_code ignored;
	std::filesystem::remove_all(path_, ignored);
}

std::string TempFolder::write(const std::string &name, const std::string &text) const {
	const std::filesystem::path file = path_ / name;
	std::ofstream out(file, std::ios::trunc);
	out << text;
	return file.string();
}

void NodeLoaderTest::SetUp() {
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	ASSERT_EQ(metacall_execution_path("node", scripts_folder().c_str()), 0) << last_error();
}

void NodeLoaderTest::TearDown() {
	metacall_destroy();
}

int NodeLoaderTest::load(const std::string &script, void **handle) {
	const char *paths[] = {script.c_str()};
	return metacall_load_from_file("node", paths, 1, handle);
}

void *NodeLoaderTest::load_memory(const std::string &source) {
	void *handle = nullptr;
	EXPECT_EQ(metacall_load_from_memory("node", source.data(), source.size(), &handle), 0) << last_error();
	return handle;
}

ValuePtr NodeLoaderTest::call(const char *name, std::initializer_list<void *> args) {
	Args owned(args);
	return ValuePtr(metacallv_s(name, owned.data(), owned.size()));
}

ValuePtr NodeLoaderTest::call_in(void *handle, const char *name, std::initializer_list<void *> args) {
	Args owned(args);
	return ValuePtr(metacallhv_s(handle, name, owned.data(), owned.size()));
}

ValuePtr NodeLoaderTest::call_value(void *f, std::initializer_list<void *> args) {
	Args owned(args);
	return ValuePtr(metacallfv_s(metacall_value_to_function(f), owned.data(), owned.size()));
}

ValuePtr NodeLoaderTest::await(const char *name, std::initializer_list<void *> args, Settlement &settlement) {
	Args owned(args);
	return ValuePtr(
	    metacall_await(name, owned.data(), Settlement::on_resolve, Settlement::on_reject, &settlement));
}
