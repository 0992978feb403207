/* A C host loads a JS file with the node loader; that file require('metacall')s and calls a host
 * function registered here: the port reuses the running libmetacall and loader.
 *   c_host_test <folder of c_host_guest.js> */
#include <metacall/metacall.h>
#include <metacall/metacall_error.h>

#include <stdio.h>
#include <string.h>

static void *host_greet(size_t argc, void *argv[], void *data) {
	(void)argc;
	(void)data;
	char text[256];
	snprintf(text, sizeof text, "hello %s from C", metacall_value_to_string(argv[0]));
	return metacall_value_create_string(text, strlen(text));
}

static int fail(const char *what) {
	struct metacall_exception_type error;
	fprintf(stderr, "FAIL: %s: %s\n", what, metacall_error_last(&error) == 0 ? error.message : "?");
	metacall_destroy();
	return 1;
}

/* metacall('who') from JS, through the port, as a C string ("" when it threw). */
static int who_is(const char *expected) {
	void *args[] = {metacall_value_create_string("who", 3)};
	void *result = metacallv_s("call_by_name", args, 1);
	metacall_value_destroy(args[0]);
	int ok = result != NULL && metacall_value_id(result) == METACALL_STRING &&
	         strcmp(metacall_value_to_string(result), expected) == 0;
	struct metacall_exception_type error;
	if (!ok)
		fprintf(stderr, "FAIL: metacall('who') did not give '%s' (%s: %s)\n", expected,
		        result != NULL ? metacall_value_type_name(result) : "NULL",
		        result != NULL && metacall_error_from_value(result, &error) == 0 ? error.message : "");
	metacall_value_destroy(result);
	return ok;
}

/* The port remembers functions it found by name: a name whose handle the host cleared, then
 * loaded again from another file, must reach the new function. */
static int by_name_follows_reloads(const char *folder) {
	char path_a[1024], path_b[1024];
	snprintf(path_a, sizeof path_a, "%s/module_a.py", folder);
	snprintf(path_b, sizeof path_b, "%s/module_b.py", folder);
	const char *a[] = {path_a}, *b[] = {path_b};
	if (metacall_load_from_file("py", a, 1, NULL) != 0)
		return fail("loading module_a.py") == 0;
	if (!who_is("a"))
		return 0;
	metacall_clear(metacall_handle("py", path_a));
	if (metacall_load_from_file("py", b, 1, NULL) != 0)
		return fail("loading module_b.py") == 0;
	if (!who_is("b"))
		return 0;
	metacall_clear(metacall_handle("py", path_b));
	void *args[] = {metacall_value_create_string("who", 3)};
	void *gone = metacallv_s("call_by_name", args, 1);
	metacall_value_destroy(args[0]);
	struct metacall_exception_type error;
	int ok = gone != NULL && metacall_error_from_value(gone, &error) == 0 &&
	         strstr(error.message, "'who'") != NULL;
	if (!ok)
		fprintf(stderr, "FAIL: metacall('who') after its handle was cleared did not throw naming it\n");
	metacall_value_destroy(gone);
	return ok;
}

int main(int argc, char *argv[]) {
	if (argc < 2)
		return 2;
	if (metacall_initialize() != 0)
		return fail("metacall_initialize");
	if (metacall_register("host_greet", host_greet, NULL, METACALL_STRING, 1, METACALL_STRING) != 0)
		return fail("metacall_register");
	const char *files[] = {"c_host_guest.js"};
	if (metacall_execution_path("node", argv[1]) != 0 || metacall_load_from_file("node", files, 1, NULL) != 0)
		return fail("loading c_host_guest.js");
	void *args[] = {metacall_value_create_string("node", 4)};
	void *greeting = metacallv_s("greet_through_host", args, 1);
	metacall_value_destroy(args[0]);
	if (greeting == NULL || metacall_value_id(greeting) != METACALL_STRING ||
	    strcmp(metacall_value_to_string(greeting), "hello node from C") != 0) {
		struct metacall_exception_type error;
		fprintf(stderr, "FAIL: greet_through_host gave %s: %s\n",
		        greeting != NULL ? metacall_value_type_name(greeting) : "NULL",
		        greeting != NULL && metacall_error_from_value(greeting, &error) == 0 ? error.message
		                                                                             : "(not a string)");
		metacall_value_destroy(greeting);
		metacall_destroy();
		return 1;
	}
	metacall_value_destroy(greeting);
	if (!by_name_follows_reloads(argv[1]))
		return 1;
	void *reused = metacallv_s("port_reuses_loader", NULL, 0);
	int ok = reused != NULL && metacall_value_id(reused) == METACALL_BOOL && metacall_value_to_bool(reused);
	metacall_value_destroy(reused);
	metacall_destroy();
	if (!ok) {
		fprintf(stderr, "FAIL: the port did not find the running loader's addon\n");
		return 1;
	}
	printf("ok: JS loaded by a C host called the C host through require('metacall')\n");
	return 0;
}
