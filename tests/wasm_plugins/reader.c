/* A WASI command: `reader FILE` prints FILE's content, or strerror(errno) and exits 1 when it
 * cannot; `reader --exit N` exits with N; `reader --args` prints its arguments, one a line, and
 * the variable READER_GREETING. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
	if (argc == 3 && strcmp(argv[1], "--exit") == 0)
		exit(atoi(argv[2]));
	if (argc >= 2 && strcmp(argv[1], "--args") == 0) {
		for (int i = 0; i < argc; ++i)
			printf("argv[%d]=%s\n", i, argv[i]);
		const char *greeting = getenv("READER_GREETING");
		printf("READER_GREETING=%s\n", greeting != NULL ? greeting : "(unset)");
		return 0;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: reader FILE | --exit N | --args ...\n");
		return 2;
	}
	FILE *file = fopen(argv[1], "rb");
	if (file == NULL) {
		printf("%s\n", strerror(errno));
		return 1;
	}
	char chunk[512];
	size_t size;
	while ((size = fread(chunk, 1, sizeof chunk, file)) > 0)
		fwrite(chunk, 1, size, stdout);
	fclose(file);
	return 0;
}
