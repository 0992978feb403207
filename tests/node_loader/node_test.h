// What the node loader's tests share: owning values, checks that explain their failures, waits
// with timeouts, and a fixture with a fresh runtime per test and tests/node_loader/scripts on the
// node execution path.
#ifndef NODE_LOADER_TEST_NODE_TEST_H
#define NODE_LOADER_TEST_NODE_TEST_H

#include <metacall/metacall.h>

#include "owned_values.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// New values, for building arguments.
void *string_value(const std::string &text);
void *array_value(std::initializer_list<void *> items);                          // takes the items
void *map_value(std::initializer_list<std::pair<const char *, void *>> entries); // takes the values

// The thread's last error as "Label: message", or a note that there is none.
std::string last_error();
// The thread's last error message ("" when there is none).
std::string last_error_message();
// A short description of a value: its type and, for simple values, its content.
std::string describe(void *value);
// The string a value holds ("" when it is not a string).
std::string text_of(void *value);

// A Double (JS numbers that are not safe integers come back as Double; docs/NUMBERS.md).
::testing::AssertionResult is_double(void *value, double expected);
::testing::AssertionResult is_long(void *value, long expected);
::testing::AssertionResult is_bool(void *value, bool expected);
::testing::AssertionResult is_string(void *value, const std::string &expected);
::testing::AssertionResult is_null(void *value);
// A buffer holding exactly `bytes`.
::testing::AssertionResult is_buffer(void *value, const std::vector<unsigned char> &bytes);
// A throwable whose exception has `label` and whose message contains `message_part`.
::testing::AssertionResult is_error(void *value, const std::string &label,
                                    const std::string &message_part = "");

// Runs `body` on another thread and fails (then exits: a deadlocked thread cannot be recovered)
// when it has not finished within `timeout`.
void within(std::chrono::milliseconds timeout, const std::function<void()> &body);

// Ends the process (failing) if it is not destroyed within `timeout`: for waits that must stay on
// the test thread (the thread that pumps Node).
class Watchdog {
public:
	explicit Watchdog(std::chrono::milliseconds timeout, std::string what);
	Watchdog(const Watchdog &) = delete;
	Watchdog &operator=(const Watchdog &) = delete;
	~Watchdog();

private:
	std::mutex mutex_;
	std::condition_variable done_;
	bool finished_ = false;
	std::thread thread_;
};

// Records how a future settled (on whatever thread settles it).
class Settlement {
public:
	static void *on_resolve(void *value, void *data);
	static void *on_reject(void *value, void *data);

	// Waits until settled; false when `timeout` passed first.
	bool wait(std::chrono::milliseconds timeout = std::chrono::seconds(10));
	bool settled();
	bool resolved();
	void *value(); // borrowed; valid while the settlement lives

private:
	void *record(bool resolved, void *value);

	std::mutex mutex_;
	std::condition_variable settled_;
	bool done_ = false;
	bool resolved_ = false;
	ValuePtr value_;
};

// A folder of its own below the system's temporary folder, removed with its content at the end.
class TempFolder {
public:
	TempFolder();
	TempFolder(const TempFolder &) = delete;
	TempFolder &operator=(const TempFolder &) = delete;
	~TempFolder();

	const std::filesystem::path &path() const { return path_; }
	// Writes `text` to the file `name` of the folder; returns its absolute path.
	std::string write(const std::string &name, const std::string &text) const;

private:
	std::filesystem::path path_;
};

// The folder of the test scripts (absolute).
std::string scripts_folder();

// A fresh runtime per test, with tests/node_loader/scripts on the node execution path.
class NodeLoaderTest : public ::testing::Test {
protected:
	void SetUp() override;
	void TearDown() override;

	// metacall_load_from_file("node") of one script; 0 on success.
	static int load(const std::string &script, void **handle = nullptr);
	// Loads `source` from memory into a handle (expecting success) and returns the handle.
	static void *load_memory(const std::string &source);
	// name(args...) in the global scope, taking the arguments.
	static ValuePtr call(const char *name, std::initializer_list<void *> args = {});
	// name(args...) in `handle`, taking the arguments.
	static ValuePtr call_in(void *handle, const char *name, std::initializer_list<void *> args = {});
	// f(args...) for the function value `f` (borrowed), taking the arguments.
	static ValuePtr call_value(void *f, std::initializer_list<void *> args = {});
	// metacall_await(name, args) into `settlement`, taking the arguments.
	static ValuePtr await(const char *name, std::initializer_list<void *> args, Settlement &settlement);
};

#endif
