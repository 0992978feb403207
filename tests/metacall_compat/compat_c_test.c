/* A C host written the way a MetaCall user writes one (C11, only <metacall/metacall.h>), using the
 * names of issue #20 against the real py and node loaders. Exits 0 when every check holds; prints
 * each failed check. */
#include <metacall/metacall.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int failures = 0;

#define CHECK(condition)                                                                                     \
  do {                                                                                                       \
	if (!(condition)) {                                                                                      \
	  fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);                          \
	  ++failures;                                                                                            \
	}                                                                                                        \
  } while (0)

static atomic_long resolved_with = 0;
static atomic_int settled = 0;

static void *on_resolve(void *result, void *data) {
	void *copy = metacall_value_copy(result);
	(void)data;
	atomic_store(&resolved_with, metacall_value_cast_long(&copy));
	metacall_value_destroy(copy);
	atomic_store(&settled, 1);
	return NULL;
}

static void *on_reject(void *error, void *data) {
	(void)error;
	(void)data;
	atomic_store(&resolved_with, -1);
	atomic_store(&settled, 1);
	return NULL;
}

/* Waits up to 10 s for a callback. */
static int wait_settled(void) {
	const struct timespec tick = {0, 1000000};
	for (int i = 0; i < 10000 && !atomic_load(&settled); ++i)
		nanosleep(&tick, NULL);
	return atomic_load(&settled);
}

static int log_line_count(FILE *stream) {
	int lines = 0;
	char line[512];
	fflush(stream);
	rewind(stream);
	while (fgets(line, sizeof line, stream) != NULL)
		++lines;
	return lines;
}

int main(void) {
	const char *info = metacall_print_info();
	CHECK(info != NULL && strstr(info, METACALL_VERSION) != NULL);

	/* The log goes to our stream; then nowhere. */
	FILE *log_stream = tmpfile();
	struct metacall_log_stdio_type log_stdio = {log_stream};
	CHECK(metacall_log(METACALL_LOG_STDIO, (void *)&log_stdio) == 0);
	metacall_log_null();

	if (metacall_initialize() != 0) {
		fprintf(stderr, "metacall_initialize failed\n");
		return 1;
	}
	void *py = NULL;
	const char *py_scripts[] = {COMPAT_SCRIPTS "/compat.py"};
	const char *node_scripts[] = {COMPAT_SCRIPTS "/compat.js"};
	if (metacall_load_from_file("py", py_scripts, 1, &py) != 0 ||
	    metacall_load_from_file("node", node_scripts, 1, NULL) != 0) {
		fprintf(stderr, "loading the scripts failed\n");
		return 1;
	}

	/* metacall_handle_id, metacall_version_hex */
	CHECK(metacall_handle_id(py) != NULL && strcmp(metacall_handle_id(py), metacall_handle_name(py)) == 0);
	CHECK(metacall_version_hex() ==
	      metacall_version_hex_make(METACALL_VERSION_MAJOR, METACALL_VERSION_MINOR, METACALL_VERSION_PATCH));

	/* metacall_null_args */
	void *ret = metacallhv(py, "no_args", metacall_null_args);
	CHECK(metacall_value_cast_long(&ret) == 5);
	metacall_value_destroy(ret);

	/* metacallht_s */
	const enum metacall_value_id ids[] = {METACALL_STRING, METACALL_INT};
	ret = metacallht_s(py, "describe", ids, 2, "apples", 3);
	CHECK(ret != NULL && strcmp(metacall_value_to_string(ret), "apples=3") == 0);
	metacall_value_destroy(ret);

	/* metacallfs: a JSON array as the arguments */
	static const char sum_args[] = "[40, 2]";
	ret = metacallfs(metacall_function("sum"), sum_args, sizeof(sum_args) - 1, NULL);
	CHECK(metacall_value_cast_int(&ret) == 42);
	CHECK(metacall_value_id(ret) == METACALL_INT);
	metacall_value_destroy(ret);

	/* metacallfs_await */
	static const char later_args[] = "[5]";
	void *future = metacallfs_await(metacall_function("later"), later_args, sizeof(later_args), NULL,
	                                on_resolve, on_reject, NULL);
	CHECK(future != NULL);
	CHECK(wait_settled() && atomic_load(&resolved_with) == 10);
	metacall_value_destroy(future);

	/* metacall_await_s */
	atomic_store(&settled, 0);
	void *await_args[] = {metacall_value_create_long(3)};
	future = metacall_await_s("later", await_args, 1, on_resolve, on_reject, NULL);
	CHECK(future != NULL);
	CHECK(wait_settled() && atomic_load(&resolved_with) == 6);
	metacall_value_destroy(future);
	metacall_value_destroy(await_args[0]);

	/* metacall_await_future with metacall_value_to_future */
	atomic_store(&settled, 0);
	void *args[] = {metacall_value_create_long(50)};
	ret = metacallv_s("later", args, 1);
	CHECK(metacall_value_id(ret) == METACALL_FUTURE);
	future = metacall_await_future(metacall_value_to_future(ret), on_resolve, on_reject, NULL);
	CHECK(future != NULL);
	CHECK(wait_settled() && atomic_load(&resolved_with) == 100);
	metacall_value_destroy(future);
	metacall_value_destroy(ret);
	metacall_value_destroy(args[0]);

	/* metacallfmv, metacallfms and metacallfmv_await: arguments by name */
	void *keys[] = {metacall_value_create_string("count", 5), metacall_value_create_string("name", 4)};
	void *values[] = {metacall_value_create_int(7), metacall_value_create_string("pears", 5)};
	ret = metacallfmv(metacall_handle_function(py, "describe"), keys, values);
	CHECK(ret != NULL && strcmp(metacall_value_to_string(ret), "pears=7") == 0);
	metacall_value_destroy(ret);
	static const char named[] = "{\"right\": 1, \"left\": 2}";
	ret = metacallfms(metacall_function("sum"), named, sizeof(named) - 1, NULL);
	CHECK(metacall_value_cast_long(&ret) == 3);
	metacall_value_destroy(ret);
	atomic_store(&settled, 0);
	void *later_key[] = {metacall_value_create_string("value", 5)};
	void *later_value[] = {metacall_value_create_long(4)};
	future =
	    metacallfmv_await(metacall_function("later"), later_key, later_value, on_resolve, on_reject, NULL);
	CHECK(future != NULL);
	CHECK(wait_settled() && atomic_load(&resolved_with) == 8);
	metacall_value_destroy(future);
	for (int i = 0; i < 2; ++i) {
		metacall_value_destroy(keys[i]);
		metacall_value_destroy(values[i]);
	}
	metacall_value_destroy(later_key[0]);
	metacall_value_destroy(later_value[0]);

	/* metacall_serialize / metacall_deserialize */
	ret = metacallhv_s(py, "make_dict", metacall_null_args, 0);
	size_t size = 0;
	char *text = metacall_serialize(metacall_serial(), ret, &size, NULL);
	CHECK(text != NULL && strcmp(text, "{\"a\":1,\"b\":[1,2.5,\"x\"]}") == 0 && size == strlen(text) + 1);
	void *back = metacall_deserialize(metacall_serial(), text, size, NULL);
	CHECK(metacall_value_id(back) == METACALL_MAP && metacall_value_count(back) == 2);
	free(text);
	metacall_value_destroy(back);
	metacall_value_destroy(ret);

	/* metacall_throwable_value */
	ret = metacallv_s("fail", metacall_null_args, 0);
	CHECK(metacall_value_id(ret) == METACALL_THROWABLE);
	void *thrown = metacall_throwable_value(ret);
	CHECK(metacall_value_id(thrown) == METACALL_EXCEPTION);
	struct metacall_exception_type *ex =
	    (struct metacall_exception_type *)metacall_value_to_exception(thrown);
	CHECK(ex != NULL && strcmp(ex->label, "TypeError") == 0 && strcmp(ex->message, "js boom") == 0);
	metacall_value_destroy(ret);

	/* metacall_value_reference / metacall_value_dereference */
	void *number = metacall_value_create_long(41);
	void *ref = metacall_value_reference(number);
	*(long *)metacall_value_to_ptr(ref) += 1;
	CHECK(metacall_value_dereference(ref) == number);
	void *echo_args[] = {metacall_value_dereference(ref)};
	ret = metacallhv_s(py, "echo", echo_args, 1);
	CHECK(metacall_value_cast_long(&ret) == 42);
	metacall_value_destroy(ret);
	metacall_value_destroy(ref);
	metacall_value_destroy(number);

	/* metacall_value_cast_* */
	void *pair[] = {metacall_value_create_string("2", 1), metacall_value_create_string("5", 1)};
	ret = metacallhv_s(py, "concat", pair, 2);
	CHECK(metacall_value_cast_int(&ret) == 25);
	CHECK(metacall_value_cast_double(&ret) == 25.0);
	CHECK(strcmp(metacall_value_cast_string(&ret), "25") == 0);
	metacall_value_destroy(ret);
	metacall_value_destroy(pair[0]);
	metacall_value_destroy(pair[1]);

	metacall_destroy();
	CHECK(log_line_count(log_stream) == 0); /* metacall_log_null dropped what the run logged */
	fclose(log_stream);

	if (failures != 0)
		fprintf(stderr, "%d checks failed\n", failures);
	else
		printf("metacall_compat_c: every check passed\n");
	return failures == 0 ? 0 : 1;
}
