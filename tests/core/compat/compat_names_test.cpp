// metacall_null_args, metacall_print_info, metacallht_s's refusals, and metacall_await_future with
// the pointer MetaCall passes it (metacall_value_to_future).
#include "../support/error_text.h"
#include "../support/host_add.h"
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

using core_test::LastErrorContains;
using core_test::own;

namespace {
void *forty_two(size_t argc, void *argv[], void *) {
	(void)argv;
	return metacall_value_create_long(static_cast<long>(argc) + 42);
}

void *doubled(void *result, void *data) {
	*static_cast<long *>(data) = 2 * metacall_value_to_long(result);
	return metacall_value_create_long(2 * metacall_value_to_long(result));
}
} // namespace

class CompatNames : public core_test::RuntimeTest {};

TEST_F(CompatNames, NullArgsCallsWithoutArguments) {
	EXPECT_EQ(metacall_null_args[0], nullptr);
	ASSERT_EQ(metacall_register("forty_two", forty_two, nullptr, METACALL_LONG, 0), 0);
	auto result = own(metacallv("forty_two", metacall_null_args));
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(CompatNames, PrintInfoNamesTheVersion) {
	const std::string info = metacall_print_info();
	EXPECT_TRUE(core_test::Contains(info, METACALL_VERSION));
	EXPECT_EQ(metacall_print_info(), metacall_print_info()); // static
}

TEST_F(CompatNames, HandleTypedCallRefusesWhatIsNotAHandle) {
	int not_a_handle = 0;
	const enum metacall_value_id ids[] = {METACALL_INT, METACALL_INT};
	EXPECT_EQ(metacallht_s(&not_a_handle, "add", ids, 2, 1, 2), nullptr);
	EXPECT_TRUE(LastErrorContains("metacallht_s"));
	EXPECT_TRUE(LastErrorContains("not live"));
}

TEST_F(CompatNames, AwaitFutureTakesThePointerFromValueToFuture) {
	auto future = own(metacall_future_create());
	long seen = 0;
	auto chained =
	    own(metacall_await_future(metacall_value_to_future(future.get()), doubled, nullptr, &seen));
	ASSERT_NE(chained, nullptr) << core_test::last_error_message().value_or("");
	EXPECT_EQ(metacall_value_id(chained.get()), METACALL_FUTURE);
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_long(21)), 0);
	EXPECT_EQ(seen, 42);
}

TEST_F(CompatNames, AwaitFutureStillTakesTheFutureValue) {
	auto future = own(metacall_future_create());
	long seen = 0;
	auto chained = own(metacall_await_future(future.get(), doubled, nullptr, &seen));
	ASSERT_NE(chained, nullptr);
	ASSERT_EQ(metacall_future_resolve(future.get(), metacall_value_create_long(5)), 0);
	EXPECT_EQ(seen, 10);
}

TEST_F(CompatNames, AwaitFutureRefusesOtherPointers) {
	auto number = own(metacall_value_create_int(1));
	EXPECT_EQ(metacall_await_future(number.get(), doubled, nullptr, nullptr), nullptr);
	long junk[8] = {};
	EXPECT_EQ(metacall_await_future(junk, doubled, nullptr, nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("not a future"));
}

namespace {
void *keep_long(void *result, void *data) {
	*static_cast<long *>(data) = metacall_value_to_long(result);
	return nullptr;
}
void *add_longs(size_t, void *argv[], void *) {
	return metacall_value_create_long(metacall_value_to_long(argv[0]) + metacall_value_to_long(argv[1]));
}
} // namespace

TEST_F(CompatNames, AwaitForms) {
	void *func = nullptr;
	ASSERT_EQ(
	    metacall_register("add_longs", add_longs, &func, METACALL_LONG, 2, METACALL_LONG, METACALL_LONG), 0);
	void *args[] = {metacall_value_create_long(40), metacall_value_create_long(2)};
	long seen = 0;
	metacall_value_destroy(metacall_await_s("add_longs", args, 2, keep_long, nullptr, &seen));
	EXPECT_EQ(seen, 42);
	seen = 0;
	metacall_value_destroy(metacallfv_await(func, args, keep_long, nullptr, &seen));
	EXPECT_EQ(seen, 42);
	seen = 0;
	metacall_await_callbacks callbacks = {keep_long, nullptr};
	metacall_value_destroy(metacallfv_await_struct_s(func, args, 2, callbacks, &seen));
	EXPECT_EQ(seen, 42);
	EXPECT_EQ(metacall_await_s("no_such_function", args, 2, keep_long, nullptr, &seen), nullptr);
	for (void *v : args)
		metacall_value_destroy(v);
}

TEST_F(CompatNames, LoadExRefusesOptionsItWouldIgnore) {
	auto number = own(metacall_value_create_long(1));
	const char *paths[] = {"a.py"};
	EXPECT_EQ(metacall_load_from_file_ex("py", paths, 1, nullptr, number.get()), 1);
	EXPECT_TRUE(LastErrorContains("metacall_load_from_file_ex: the load options must be a Map (got a Long)"));
	const void *entry[] = {metacall_value_create_array(nullptr, 2)};
	void **pair = metacall_value_to_array(const_cast<void *>(entry[0]));
	pair[0] = metacall_value_create_string("key", 3);
	pair[1] = metacall_value_create_long(1);
	auto options = own(metacall_value_create_map(entry, 1));
	EXPECT_EQ(metacall_load_from_file_ex("py", paths, 1, nullptr, options.get()), 1);
	EXPECT_TRUE(LastErrorContains("metacall_load_from_file_ex: the loader 'py' takes no load options"));
	EXPECT_EQ(metacall_load_from_memory_ex("py", "x = 1", 5, nullptr, options.get()), 1);
	EXPECT_TRUE(LastErrorContains("metacall_load_from_memory_ex"));
	auto none = own(metacall_value_create_null());
	EXPECT_EQ(metacall_load_from_memory_ex("nosuchlanguage", "x", 1, nullptr, none.get()), 1);
	EXPECT_TRUE(LastErrorContains("nosuchlanguage")); // got as far as the plug-in lookup
}

TEST_F(CompatNames, ExecutionPathTakesLengths) {
	static const char tag[] = "nosuchtagXYZ";
	EXPECT_NE(metacall_execution_path_s(tag, 9, "/tmp", 4), 0);
	EXPECT_TRUE(LastErrorContains("nosuchtag"));
	EXPECT_FALSE(LastErrorContains("XYZ"));
	EXPECT_NE(metacall_execution_path_s(nullptr, 0, "/tmp", 4), 0);
}

TEST_F(CompatNames, HandleIdRefusesWhatIsNotAHandle) {
	int not_a_handle = 0;
	EXPECT_EQ(metacall_handle_id(&not_a_handle), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_handle_id"));
}

TEST_F(CompatNames, InspectValueIsTheInspectDocumentAsAMap) {
	ASSERT_EQ(
	    metacall_register("add_longs", add_longs, nullptr, METACALL_LONG, 2, METACALL_LONG, METACALL_LONG),
	    0);
	auto v = own(metacall_inspect_value());
	ASSERT_NE(v, nullptr);
	ASSERT_EQ(metacall_value_id(v.get()), METACALL_MAP);
	size_t size = 0;
	char *text = metacall_inspect(&size, nullptr);
	char *again = metacall_serialize(nullptr, v.get(), nullptr, nullptr);
	EXPECT_STREQ(again, text); // both compact, keys in the same order
	EXPECT_TRUE(core_test::Contains(again, "\"add_longs\""));
	free(text);
	free(again);
}

TEST_F(CompatNames, VersionFunctions) {
	const metacall_version_type *version = metacall_version();
	EXPECT_EQ(version->major, static_cast<unsigned>(METACALL_VERSION_MAJOR));
	EXPECT_EQ(version->minor, static_cast<unsigned>(METACALL_VERSION_MINOR));
	EXPECT_EQ(version->patch, static_cast<unsigned>(METACALL_VERSION_PATCH));
	EXPECT_STREQ(version->str, metacall_version_str());
	EXPECT_STREQ(metacall_version_name(), "libmetacall");
	EXPECT_STREQ(metacall_version_revision(), "");
	EXPECT_EQ(metacall_version_hex_make(1, 2, 3), 0x01020003u);
	EXPECT_EQ(
	    metacall_version_hex(),
	    metacall_version_hex_make(METACALL_VERSION_MAJOR, METACALL_VERSION_MINOR, METACALL_VERSION_PATCH));
	EXPECT_LT(metacall_version_hex_make(0, 9, 99), metacall_version_hex_make(1, 0, 0));
}
