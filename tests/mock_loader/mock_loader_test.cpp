// The mock plug-in through the C API: what is specific to it (paths, messages, builtins, workers).
#include "mock_test_files.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace {

struct ValueDeleter {
	void operator()(void *value) const { metacall_value_destroy(value); }
};
using ValuePtr = std::unique_ptr<void, ValueDeleter>;

std::string last_error() {
	metacall_exception_type error{};
	return metacall_error_last(&error) == 0 ? std::string(error.message) : "(no error recorded)";
}

class MockLoader : public ::testing::Test {
protected:
	void SetUp() override {
		ASSERT_EQ(metacall_initialize(), 0);
		metacall_error_clear();
	}
	void TearDown() override { metacall_destroy(); }

	int load_file(const std::string &name, void **handle = nullptr) {
		const char *paths[] = {name.c_str()};
		return metacall_load_from_file("mock", paths, 1, handle);
	}

	TemporaryFolder folder_;
};

TEST_F(MockLoader, ExecutionPathResolvesRelativeScripts) {
	folder_.write("scripts/found.mock", "fn found(a, b) = add\n");
	ASSERT_EQ(metacall_execution_path("mock", (folder_.path() / "scripts").c_str()), 0);
	ASSERT_EQ(load_file("found.mock"), 0) << last_error();
	void *args[] = {metacall_value_create_long(2), metacall_value_create_long(3)};
	ValuePtr result(metacallv_s("found", args, 2));
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	ASSERT_NE(result, nullptr) << last_error();
	EXPECT_EQ(metacall_value_to_long(result.get()), 5);
}

TEST_F(MockLoader, MissingFileErrorNamesTheFileAndEveryFolderTried) {
	ASSERT_EQ(metacall_execution_path("mock", (folder_.path() / "a").c_str()), 0);
	ASSERT_EQ(metacall_execution_path("mock", (folder_.path() / "b").c_str()), 0);
	EXPECT_NE(load_file("absent.mock"), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("absent.mock"), std::string::npos) << error;
	EXPECT_NE(error.find((folder_.path() / "a").string()), std::string::npos) << error;
	EXPECT_NE(error.find((folder_.path() / "b").string()), std::string::npos) << error;
}

TEST_F(MockLoader, SyntaxErrorInAFileNamesTheFileAndLine) {
	folder_.write("broken.mock", "# first line\nfn ok() = null\nfn bad(a b) = echo\n");
	ASSERT_EQ(metacall_execution_path("mock", folder_.path().c_str()), 0);
	EXPECT_NE(load_file("broken.mock"), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("broken.mock:3: expected ',' or ')' after a parameter, found 'b'"),
	          std::string::npos)
	    << error;
	EXPECT_EQ(metacall_function("ok"), nullptr) << "a failed load must define nothing";
}

TEST_F(MockLoader, SyntaxErrorInMemoryNamesTheLine) {
	const char source[] = "fn ok() = null\nfn bad( = echo\n";
	EXPECT_NE(metacall_load_from_memory("mock", source, sizeof(source) - 1, nullptr), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find(":2: expected a parameter name, found '='"), std::string::npos) << error;
}

TEST_F(MockLoader, SeveralFilesAreOneModule) {
	const auto one = folder_.write("one.mock", "fn first(x) = echo\n");
	const auto two = folder_.write("two.mock", "fn second(x) = echo\n");
	const char *paths[] = {one.c_str(), two.c_str()};
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_file("mock", paths, 2, &handle), 0) << last_error();
	EXPECT_NE(metacall_handle_function(handle, "first"), nullptr);
	EXPECT_NE(metacall_handle_function(handle, "second"), nullptr);
}

TEST_F(MockLoader, ADuplicateNameAcrossTheFilesOfOneLoadFails) {
	const auto one = folder_.write("one.mock", "fn same(x) = echo\n");
	const auto two = folder_.write("two.mock", "\nfn same(x) = null\n");
	const char *paths[] = {one.c_str(), two.c_str()};
	void *handle = nullptr;
	EXPECT_NE(metacall_load_from_file("mock", paths, 2, &handle), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find(two.string() + ":2: function 'same' is already defined at " + one.string() + ":1"),
	          std::string::npos)
	    << error;
}

TEST_F(MockLoader, PackageWithoutMainMockFailsNamingIt) {
	std::filesystem::create_directories(folder_.path() / "empty_package");
	ASSERT_EQ(metacall_execution_path("mock", folder_.path().c_str()), 0);
	EXPECT_NE(metacall_load_from_package("mock", "empty_package", nullptr), 0);
	const std::string error = last_error();
	EXPECT_NE(error.find("empty_package"), std::string::npos) << error;
	EXPECT_NE(error.find("main.mock"), std::string::npos) << error;
}

TEST_F(MockLoader, ThrowCarriesLabelCodeAndAStackTraceWithFileAndLine) {
	folder_.write("thrower.mock", "\n\nfn fail(message: String) = throw\n");
	ASSERT_EQ(metacall_execution_path("mock", folder_.path().c_str()), 0);
	ASSERT_EQ(load_file("thrower.mock"), 0) << last_error();
	void *args[] = {metacall_value_create_string("boom", 4)};
	ValuePtr result(metacallv_s("fail", args, 1));
	metacall_value_destroy(args[0]);
	ASSERT_NE(result, nullptr) << last_error();
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_STREQ(error.label, "MockError");
	EXPECT_STREQ(error.message, "boom");
	EXPECT_EQ(error.code, 1);
	// The core found the script in the execution path and handed the loader that file.
	EXPECT_EQ(std::string(error.stacktrace),
	          "at fail (" + (folder_.path() / "thrower.mock").string() + ":3)");
}

class MockAdd : public MockLoader {
protected:
	void SetUp() override {
		MockLoader::SetUp();
		const char source[] = "fn add(a, b) = add\n";
		ASSERT_EQ(metacall_load_from_memory("mock", source, sizeof(source) - 1, nullptr), 0) << last_error();
	}

	ValuePtr add(void *a, void *b) {
		void *args[] = {a, b};
		ValuePtr result(metacallv_s("add", args, 2));
		metacall_value_destroy(a);
		metacall_value_destroy(b);
		return result;
	}
};

TEST_F(MockAdd, IntegerKindsGiveALong) {
	const ValuePtr result = add(metacall_value_create_char(40), metacall_value_create_short(2));
	ASSERT_NE(result, nullptr) << last_error();
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(MockAdd, AFloatingArgumentGivesADouble) {
	const ValuePtr result = add(metacall_value_create_int(1), metacall_value_create_float(0.5f));
	ASSERT_NE(result, nullptr) << last_error();
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_DOUBLE);
	EXPECT_DOUBLE_EQ(metacall_value_to_double(result.get()), 1.5);
}

TEST_F(MockAdd, ANonNumberThrowsATypeError) {
	const ValuePtr result = add(metacall_value_create_long(1), metacall_value_create_string("2", 1));
	ASSERT_NE(result, nullptr) << last_error();
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_STREQ(error.label, "TypeError");
	EXPECT_STREQ(error.message, "add: argument 2 is String, expected a number");
}

TEST_F(MockAdd, LongOverflowThrowsInsteadOfWrapping) {
	const ValuePtr result = add(metacall_value_create_long(LONG_MAX), metacall_value_create_long(1));
	ASSERT_NE(result, nullptr) << last_error();
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_STREQ(error.label, "RangeError");
}

TEST_F(MockLoader, DiscoverReportsDeclaredTypesAndAsync) {
	const char source[] = "fn typed(a: Long, b) -> Double = add\nasync fn later(x) = echo\n";
	ASSERT_EQ(metacall_load_from_memory("mock", source, sizeof(source) - 1, nullptr), 0) << last_error();
	void *typed = metacall_function("typed");
	ASSERT_NE(typed, nullptr);
	enum metacall_value_id id = METACALL_NULL;
	ASSERT_EQ(metacall_function_parameter_type(typed, 0, &id), 0);
	EXPECT_EQ(id, METACALL_LONG);
	ASSERT_EQ(metacall_function_parameter_type(typed, 1, &id), 0);
	EXPECT_EQ(id, METACALL_INVALID);
	ASSERT_EQ(metacall_function_return_type(typed, &id), 0);
	EXPECT_EQ(id, METACALL_DOUBLE);
	EXPECT_EQ(metacall_function_async(typed), 0);
	EXPECT_EQ(metacall_function_async(metacall_function("later")), 1);
}

// Counts settlements of many concurrent async calls; every future must settle exactly once.
struct Tally {
	std::mutex mutex;
	std::condition_variable settled;
	int resolved = 0;
	int rejected = 0;
};

void *count_resolve(void *, void *data) {
	auto *tally = static_cast<Tally *>(data);
	std::lock_guard lock(tally->mutex);
	++tally->resolved;
	tally->settled.notify_all();
	return nullptr;
}

void *count_reject(void *, void *data) {
	auto *tally = static_cast<Tally *>(data);
	std::lock_guard lock(tally->mutex);
	++tally->rejected;
	tally->settled.notify_all();
	return nullptr;
}

TEST_F(MockLoader, ManyConcurrentAsyncCallsEachSettleOnce) {
	const char source[] = "async fn later(x) = echo\n";
	ASSERT_EQ(metacall_load_from_memory("mock", source, sizeof(source) - 1, nullptr), 0) << last_error();
	constexpr int calls = 64;
	static Tally tally; // outlives the test: a late worker may still report after a timeout
	{
		std::lock_guard lock(tally.mutex);
		tally.resolved = tally.rejected = 0;
	}
	for (int i = 0; i < calls; ++i) {
		void *args[] = {metacall_value_create_int(i)};
		ValuePtr future(metacall_await("later", args, count_resolve, count_reject, &tally));
		metacall_value_destroy(args[0]);
		ASSERT_NE(future, nullptr) << last_error();
	}
	std::unique_lock lock(tally.mutex);
	EXPECT_TRUE(
	    tally.settled.wait_for(lock, std::chrono::seconds(20), [] { return tally.resolved == calls; }))
	    << tally.resolved << " of " << calls << " resolved";
	EXPECT_EQ(tally.rejected, 0);
}

TEST_F(MockLoader, DestroyWaitsForPendingAsyncCalls) {
	const char source[] = "async fn later(x) = echo\n";
	ASSERT_EQ(metacall_load_from_memory("mock", source, sizeof(source) - 1, nullptr), 0) << last_error();
	static Tally tally;
	{
		std::lock_guard lock(tally.mutex);
		tally.resolved = tally.rejected = 0;
	}
	for (int i = 0; i < 8; ++i) {
		void *args[] = {metacall_value_create_int(i)};
		ValuePtr future(metacall_await("later", args, count_resolve, count_reject, &tally));
		metacall_value_destroy(args[0]);
	}
	metacall_destroy(); // joins the loader's workers: nothing may run afterwards
	std::lock_guard lock(tally.mutex);
	EXPECT_EQ(tally.resolved + tally.rejected, 8);
}

} // namespace
