// A C++ host written the way MetaCall's own tests are (GoogleTest, only <metacall/metacall.h>),
// using the names of issue #20 against the real py and node loaders.
#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

namespace {

// A resolve callback's result, waited for with a time limit so that a lost callback fails.
struct Settled {
	std::mutex mutex;
	std::condition_variable cv;
	bool done = false;
	long number = 0;
	std::string label;

	bool wait() {
		std::unique_lock lock(mutex);
		return cv.wait_for(lock, std::chrono::seconds(10), [this] { return done; });
	}
	void finish(long n, std::string l = {}) {
		std::lock_guard lock(mutex);
		number = n;
		label = std::move(l);
		done = true;
		cv.notify_all();
	}
};

void *on_resolve(void *result, void *data) {
	void *copy = metacall_value_copy(result);
	static_cast<Settled *>(data)->finish(metacall_value_cast_long(&copy));
	metacall_value_destroy(copy);
	return NULL;
}

void *on_reject(void *error, void *data) {
	void *thrown = metacall_value_id(error) == METACALL_THROWABLE ? metacall_throwable_value(error) : error;
	auto *ex = static_cast<metacall_exception_type *>(metacall_value_to_exception(thrown));
	static_cast<Settled *>(data)->finish(-1, ex != NULL ? ex->label : "?");
	return NULL;
}

std::string serialized(void *v) {
	size_t size = 0;
	char *text = metacall_serialize(metacall_serial(), v, &size, NULL);
	std::string out = text != NULL ? text : "<NULL>";
	free(text);
	return out;
}

} // namespace

class metacall_compat_test : public testing::Test {
protected:
	void SetUp() override {
		metacall_print_info();
		struct metacall_log_stdio_type log_stdio = {stdout};
		ASSERT_EQ((int)0, (int)metacall_log(METACALL_LOG_STDIO, (void *)&log_stdio));
		ASSERT_EQ((int)0, (int)metacall_initialize());
		const char *py_scripts[] = {COMPAT_SCRIPTS "/compat.py"};
		ASSERT_EQ((int)0, (int)metacall_load_from_file("py", py_scripts, 1, &py_handle));
		const char *node_scripts[] = {COMPAT_SCRIPTS "/compat.js"};
		ASSERT_EQ((int)0, (int)metacall_load_from_file("node", node_scripts, 1, NULL));
	}
	void TearDown() override { metacall_destroy(); }

	void *py_handle = NULL;
};

TEST_F(metacall_compat_test, NullArgs) {
	void *ret = metacallhv(py_handle, "no_args", metacall_null_args);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_EQ((long)5, metacall_value_cast_long(&ret));
	metacall_value_destroy(ret);
}

TEST_F(metacall_compat_test, HandleTypedCall) {
	const enum metacall_value_id ids[] = {METACALL_INT, METACALL_INT};
	void *ret = metacallht_s(py_handle, "multiply", ids, 2, 3, 4);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_EQ((long)12, metacall_value_cast_long(&ret));
	metacall_value_destroy(ret);
	const enum metacall_value_id string_ids[] = {METACALL_STRING, METACALL_STRING};
	ret = metacallht_s(py_handle, "concat", string_ids, 2, "meta", "call");
	ASSERT_NE((void *)NULL, ret);
	EXPECT_STREQ("metacall", metacall_value_to_string(ret));
	metacall_value_destroy(ret);
	EXPECT_EQ((void *)NULL, metacallht_s(py_handle, "sum", ids, 2, 1, 2)); // sum is node's, global
}

TEST_F(metacall_compat_test, CallWithJsonArguments) {
	static const char args[] = "[3, 4]";
	void *ret = metacallfs(metacall_function("sum"), args, sizeof(args), NULL);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_EQ((double)7.0, metacall_value_cast_double(&ret));
	metacall_value_destroy(ret);
	static const char strings[] = "[\"a\", \"b\"]";
	ret = metacallfs(metacall_handle_function(py_handle, "concat"), strings, sizeof(strings) - 1, NULL);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_STREQ("ab", metacall_value_to_string(ret));
	metacall_value_destroy(ret);
}

TEST_F(metacall_compat_test, AwaitWithJsonArguments) {
	Settled settled;
	static const char args[] = "[21]";
	void *future = metacallfs_await(metacall_function("later"), args, sizeof(args) - 1, NULL, on_resolve,
	                                on_reject, &settled);
	ASSERT_NE((void *)NULL, future);
	ASSERT_TRUE(settled.wait());
	EXPECT_EQ((long)42, settled.number);
	metacall_value_destroy(future);
}

TEST_F(metacall_compat_test, AwaitFutureFromValueToFuture) {
	void *args[] = {metacall_value_create_long(8)};
	void *ret = metacallv_s("later", args, 1);
	metacall_value_destroy(args[0]);
	ASSERT_EQ((enum metacall_value_id)METACALL_FUTURE, (enum metacall_value_id)metacall_value_id(ret));
	Settled settled;
	void *chained = metacall_await_future(metacall_value_to_future(ret), on_resolve, on_reject, &settled);
	ASSERT_NE((void *)NULL, chained);
	ASSERT_TRUE(settled.wait());
	EXPECT_EQ((long)16, settled.number);
	metacall_value_destroy(chained);
	metacall_value_destroy(ret);
}

TEST_F(metacall_compat_test, SerializeWhatPythonReturns) {
	void *ret = metacallhv_s(py_handle, "make_dict", metacall_null_args, 0);
	ASSERT_EQ((enum metacall_value_id)METACALL_MAP, (enum metacall_value_id)metacall_value_id(ret));
	EXPECT_EQ("{\"a\":1,\"b\":[1,2.5,\"x\"]}", serialized(ret));
	metacall_value_destroy(ret);
}

TEST_F(metacall_compat_test, DeserializeIntoACall) {
	static const char text[] = "{\"k\":[true,null,\"s\",1.5]}";
	void *v = metacall_deserialize(metacall_serial(), text, sizeof(text), NULL);
	ASSERT_NE((void *)NULL, v);
	void *args[] = {v};
	void *ret = metacallhv_s(py_handle, "echo", args, 1);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_EQ(std::string(text), serialized(ret));
	metacall_value_destroy(ret);
	metacall_value_destroy(v);
}

TEST_F(metacall_compat_test, ThrowableValueOfBothLanguages) {
	void *ret = metacallhv_s(py_handle, "raise_error", metacall_null_args, 0);
	ASSERT_EQ((enum metacall_value_id)METACALL_THROWABLE, (enum metacall_value_id)metacall_value_id(ret));
	void *ex_value = metacall_throwable_value(ret);
	ASSERT_EQ((enum metacall_value_id)METACALL_EXCEPTION,
	          (enum metacall_value_id)metacall_value_id(ex_value));
	auto *ex = static_cast<metacall_exception_type *>(metacall_value_to_exception(ex_value));
	EXPECT_STREQ("ValueError", ex->label);
	EXPECT_STREQ("py boom", ex->message);
	metacall_value_destroy(ret);

	ret = metacallv_s("fail", metacall_null_args, 0);
	ASSERT_EQ((enum metacall_value_id)METACALL_THROWABLE, (enum metacall_value_id)metacall_value_id(ret));
	ex = static_cast<metacall_exception_type *>(metacall_value_to_exception(metacall_throwable_value(ret)));
	EXPECT_STREQ("TypeError", ex->label);
	EXPECT_STREQ("js boom", ex->message);
	metacall_value_destroy(ret);
}

TEST_F(metacall_compat_test, ReferenceAndDereference) {
	void *v = metacall_value_create_int(34551);
	void *ref = metacall_value_reference(v);
	ASSERT_EQ((enum metacall_value_id)METACALL_PTR, (enum metacall_value_id)metacall_value_id(ref));
	int *int_ptr = (int *)metacall_value_to_ptr(ref);
	*int_ptr += 10;
	void *result = metacall_value_dereference(ref);
	ASSERT_EQ((void *)v, (void *)result);
	void *args[] = {result};
	void *ret = metacallhv_s(py_handle, "echo", args, 1);
	EXPECT_EQ((long)34561, metacall_value_cast_long(&ret));
	metacall_value_destroy(ret);
	metacall_value_destroy(ref);
	metacall_value_destroy(v);
}

TEST_F(metacall_compat_test, CastsOfResults) {
	void *args[] = {metacall_value_create_double(1.5), metacall_value_create_long(2)};
	void *ret = metacallv_s("sum", args, 2);
	EXPECT_STREQ("3.5", metacall_value_cast_string(&ret));
	EXPECT_EQ((enum metacall_value_id)METACALL_STRING, (enum metacall_value_id)metacall_value_id(ret));
	EXPECT_FLOAT_EQ(3.5f, metacall_value_cast_float(&ret));
	metacall_value_destroy(ret);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

TEST_F(metacall_compat_test, ArgumentsByName) {
	void *keys[] = {metacall_value_create_string("right", 5), metacall_value_create_string("left", 4)};
	void *values[] = {metacall_value_create_long(6), metacall_value_create_long(7)};
	void *ret = metacallfmv(metacall_handle_function(py_handle, "multiply"), keys, values);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_EQ((long)42, metacall_value_cast_long(&ret));
	metacall_value_destroy(ret);
	for (void *v : {keys[0], keys[1], values[0], values[1]})
		metacall_value_destroy(v);

	static const char strings[] = "{\"second\": \"call\", \"first\": \"meta\"}";
	ret = metacallfms(metacall_handle_function(py_handle, "concat"), strings, sizeof(strings) - 1, NULL);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_STREQ("metacall", metacall_value_to_string(ret));
	metacall_value_destroy(ret);

	static const char js[] = "{\"right\": 2, \"left\": 40}";
	ret = metacallfms(metacall_function("sum"), js, sizeof(js), NULL);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_EQ((long)42, metacall_value_cast_long(&ret));
	metacall_value_destroy(ret);
}

TEST_F(metacall_compat_test, AwaitArgumentsByName) {
	Settled by_json;
	static const char args[] = "{\"value\": 30}";
	void *future = metacallfms_await(metacall_function("later"), args, sizeof(args) - 1, NULL, on_resolve,
	                                 on_reject, &by_json);
	ASSERT_NE((void *)NULL, future);
	ASSERT_TRUE(by_json.wait());
	EXPECT_EQ((long)60, by_json.number);
	metacall_value_destroy(future);

	Settled by_value;
	void *keys[] = {metacall_value_create_string("value", 5)};
	void *values[] = {metacall_value_create_long(11)};
	future =
	    metacallfmv_await_s(metacall_function("later"), keys, values, 1, on_resolve, on_reject, &by_value);
	ASSERT_NE((void *)NULL, future);
	ASSERT_TRUE(by_value.wait());
	EXPECT_EQ((long)22, by_value.number);
	metacall_value_destroy(future);
	metacall_value_destroy(keys[0]);
	metacall_value_destroy(values[0]);
}

TEST_F(metacall_compat_test, AwaitByNameWithSize) {
	Settled settled;
	void *args[] = {metacall_value_create_long(13)};
	void *future = metacall_await_s("later", args, 1, on_resolve, on_reject, &settled);
	ASSERT_NE((void *)NULL, future);
	ASSERT_TRUE(settled.wait());
	EXPECT_EQ((long)26, settled.number);
	metacall_value_destroy(future);
	metacall_value_destroy(args[0]);
}

TEST_F(metacall_compat_test, HandleIdAndInspectValue) {
	EXPECT_STREQ(metacall_handle_name(py_handle), metacall_handle_id(py_handle));
	void *inspect = metacall_inspect_value();
	ASSERT_EQ((enum metacall_value_id)METACALL_MAP, (enum metacall_value_id)metacall_value_id(inspect));
	std::string text = serialized(inspect);
	EXPECT_NE(std::string::npos, text.find("\"multiply\""));
	EXPECT_NE(std::string::npos, text.find("\"later\""));
	metacall_value_destroy(inspect);
}

TEST_F(metacall_compat_test, ExecutionPathAndLoadFromMemoryEx) {
	static const char tag[] = "py";
	static const char folder[] = COMPAT_SCRIPTS "/extra";
	ASSERT_EQ((int)0, (int)metacall_execution_path_s(tag, sizeof(tag) - 1, folder, sizeof(folder) - 1));
	static const char buffer[] = "import compat_extra\ndef triple(x):\n    return compat_extra.times(x, 3)\n";
	ASSERT_EQ((int)0, (int)metacall_load_from_memory_ex("py", buffer, sizeof(buffer), NULL, NULL));
	void *args[] = {metacall_value_create_long(14)};
	void *ret = metacallv_s("triple", args, 1);
	EXPECT_EQ((long)42, metacall_value_cast_long(&ret));
	metacall_value_destroy(ret);
	metacall_value_destroy(args[0]);
}

TEST_F(metacall_compat_test, Version) {
	EXPECT_STREQ(METACALL_VERSION, metacall_version()->str);
	EXPECT_EQ(
	    metacall_version_hex_make(METACALL_VERSION_MAJOR, METACALL_VERSION_MINOR, METACALL_VERSION_PATCH),
	    metacall_version_hex());
}

// Loads from MetaCall's configuration files, with "path" relative to each file's folder.
class metacall_compat_configuration_test : public testing::Test {
protected:
	void SetUp() override { ASSERT_EQ((int)0, (int)metacall_initialize()); }
	void TearDown() override { metacall_destroy(); }
};

TEST_F(metacall_compat_configuration_test, LoadsNodeAndPythonScripts) {
	struct metacall_allocator_std_type std_ctx = {&std::malloc, &std::realloc, &std::free};
	void *config_allocator = metacall_allocator_create(METACALL_ALLOCATOR_STD, (void *)&std_ctx);
	ASSERT_EQ((int)0,
	          (int)metacall_load_from_configuration(COMPAT_CONFIG "/node.json", NULL, config_allocator));
	void *handle = NULL;
	ASSERT_EQ((int)0, (int)metacall_load_from_configuration(COMPAT_CONFIG "/nested/py.json", &handle,
	                                                        config_allocator));
	const enum metacall_value_id double_ids[] = {METACALL_DOUBLE, METACALL_DOUBLE};
	void *ret = metacallt("sum", double_ids, 3.0, 4.0);
	ASSERT_NE((void *)NULL, ret);
	EXPECT_EQ((double)7.0, metacall_value_to_double(ret));
	metacall_value_destroy(ret);
	const enum metacall_value_id int_ids[] = {METACALL_INT, METACALL_INT};
	ret = metacallht_s(handle, "multiply", int_ids, 2, 5, 5);
	EXPECT_EQ((long)25, metacall_value_cast_long(&ret));
	metacall_value_destroy(ret);
	metacall_allocator_destroy(config_allocator);
}

TEST_F(metacall_compat_configuration_test, PackageExWithoutOptions) {
	void *handle = NULL;
	ASSERT_EQ((int)0, (int)metacall_load_from_package_ex("py", "json", &handle, NULL));
	void *ret = metacallhv_s(handle, "dumps", metacall_null_args, 0);
	// json.dumps needs an argument: a throwable from Python, not a crash.
	EXPECT_EQ((enum metacall_value_id)METACALL_THROWABLE, (enum metacall_value_id)metacall_value_id(ret));
	metacall_value_destroy(ret);
}
