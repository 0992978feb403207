/*
 * A host linked against an installed libmetacall: registers a C function, calls it through the
 * API and checks the result and the version. With an argument, also checks that the library
 * searches for plug-ins in that folder (<libdir>/metacall of the installed tree).
 * Exits 0 only when every check passed.
 */
#include <metacall/metacall.h>

#include <stdio.h>
#include <string.h>

static void *multiply(size_t argc, void *argv[], void *data) {
	(void)argc;
	(void)data;
	return metacall_value_create_long(metacall_value_to_long(argv[0]) * metacall_value_to_long(argv[1]));
}

static int fail(const char *what) {
	struct metacall_exception_type ex;
	if (metacall_error_last(&ex) == 0) {
		fprintf(stderr, "host: %s (last error: %s: %s)\n", what, ex.label, ex.message);
	} else {
		fprintf(stderr, "host: %s\n", what);
	}
	return 1;
}

/* A tag without a plug-in must fail, naming the folders searched: among them `folder`. */
static int check_plugin_folder(const char *folder) {
	const char script[] = "unused";
	if (metacall_load_from_memory("install_test_no_such_tag", script, sizeof(script), NULL) == 0) {
		fprintf(stderr, "host: loading with a tag that has no plug-in succeeded\n");
		return 1;
	}
	struct metacall_exception_type ex;
	if (metacall_error_last(&ex) != 0) {
		fprintf(stderr, "host: a failed load left no error\n");
		return 1;
	}
	if (strstr(ex.message, folder) == NULL) {
		fprintf(stderr, "host: the plug-in search does not include %s: %s\n", folder, ex.message);
		return 1;
	}
	printf("host: plug-ins are searched in %s\n", folder);
	return 0;
}

int main(int argc, char *argv[]) {
	printf("host: header version %s, library version %s\n", METACALL_VERSION, metacall_version_str());
	if (strcmp(METACALL_VERSION, metacall_version_str()) != 0) {
		return fail("METACALL_VERSION does not match metacall_version_str()");
	}

	if (metacall_initialize() != 0) {
		return fail("metacall_initialize failed");
	}
	if (metacall_register("multiply", multiply, NULL, METACALL_LONG, 2, METACALL_LONG, METACALL_LONG) != 0) {
		return fail("metacall_register(\"multiply\") failed");
	}

	void *args[] = {metacall_value_create_long(6), metacall_value_create_long(7)};
	void *ret = metacallv_s("multiply", args, 2);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	if (ret == NULL) {
		return fail("metacallv_s(\"multiply\") returned NULL");
	}
	if (metacall_value_id(ret) != METACALL_LONG) {
		fprintf(stderr, "host: multiply returned a %s, expected a Long\n", metacall_value_type_name(ret));
		return 1;
	}
	long product = metacall_value_to_long(ret);
	metacall_value_destroy(ret);
	if (product != 42) {
		fprintf(stderr, "host: multiply(6, 7) returned %ld, expected 42\n", product);
		return 1;
	}
	printf("host: multiply(6, 7) = %ld\n", product);

	if (argc > 1 && check_plugin_folder(argv[1]) != 0) {
		return 1;
	}

	metacall_destroy();
	puts("host: ok");
	return 0;
}
