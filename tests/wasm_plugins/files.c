/* A WASI reactor that uses the capabilities a load grants: files, environment, stdout, exit.
 * Each failure comes back as "error: <strerror>" so that the tests see what WASI refused. */
#include "string_abi.h"

#include <errno.h>
#include <stdio.h>

__attribute__((export_name("metacall_signatures"))) int64_t metacall_signatures(void) {
	static const char text[] = "read_file(path: string) -> string\n"
	                           "write_file(path: string, text: string) -> string\n"
	                           "env(name: string) -> string\n"
	                           "say(text: string) -> i32\n"
	                           "quit(code: i32)\n";
	return (int64_t)((uint64_t)(uintptr_t)text << 32 | (sizeof text - 1));
}

static int64_t error_text(int code) {
	char text[256];
	const int length = snprintf(text, sizeof text, "error: %s", strerror(code));
	return pack_string(text, (size_t)length);
}

/* The content of the file at `path` (a guest path), or "error: ...". */
__attribute__((export_name("read_file"))) int64_t read_file(const char *path, int32_t length) {
	(void)length; /* the host writes a NUL after the bytes */
	FILE *file = fopen(path, "rb");
	if (file == NULL)
		return error_text(errno);
	char content[4096];
	const size_t size = fread(content, 1, sizeof content, file);
	const int failed = ferror(file) ? errno : 0;
	fclose(file);
	return failed != 0 ? error_text(failed) : pack_string(content, size);
}

/* Replaces the file at `path` with `text`: "ok" or "error: ...". */
__attribute__((export_name("write_file"))) int64_t write_file(const char *path, int32_t path_length,
                                                              const char *text, int32_t text_length) {
	(void)path_length;
	FILE *file = fopen(path, "wb");
	if (file == NULL)
		return error_text(errno);
	const size_t written = fwrite(text, 1, (size_t)text_length, file);
	const int failed = written != (size_t)text_length ? errno : 0;
	if (fclose(file) != 0 || failed != 0)
		return error_text(failed != 0 ? failed : errno);
	return pack_string("ok", 2);
}

/* The variable's value, or "(unset)". */
__attribute__((export_name("env"))) int64_t env(const char *name, int32_t length) {
	(void)length;
	const char *value = getenv(name);
	return value != NULL ? pack_string(value, strlen(value)) : pack_string("(unset)", 7);
}

/* Prints `text` and a newline on stdout; the count printf returns (< 0 when stdout is refused). */
__attribute__((export_name("say"))) int32_t say(const char *text, int32_t length) {
	const int printed = printf("%.*s\n", (int)length, text);
	return fflush(stdout) == 0 ? printed : -1;
}

/* Ends the instance with proc_exit(code). */
__attribute__((export_name("quit"))) void quit(int32_t code) {
	exit(code);
}
