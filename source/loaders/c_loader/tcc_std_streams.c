/* Debian's libtcc.a is compiled as position-independent executable code, not PIC: it reads glibc's
 * `stdout`, `stderr` and `environ` through PC-relative references, which a shared object (the
 * plug-in) cannot have against another library's data. The plug-in defines local stand-ins that
 * libtcc's references bind to at link time, and copies the process's values into them before each
 * use of libtcc. No header: <stdio.h> would declare the originals. */
#include <dlfcn.h>

struct _IO_FILE;

__attribute__((visibility("hidden"))) struct _IO_FILE *stdout;
__attribute__((visibility("hidden"))) struct _IO_FILE *stderr;
__attribute__((visibility("hidden"))) char **environ;

/* dlsym(RTLD_DEFAULT) skips the hidden stand-ins and finds glibc's (or the program's copies). */
__attribute__((visibility("hidden"))) void c_loader_tcc_bind_std_streams(void) {
	struct _IO_FILE **out = (struct _IO_FILE **)dlsym(RTLD_DEFAULT, "stdout");
	struct _IO_FILE **err = (struct _IO_FILE **)dlsym(RTLD_DEFAULT, "stderr");
	char ***env = (char ***)dlsym(RTLD_DEFAULT, "environ");
	if (out != 0)
		stdout = *out;
	if (err != 0)
		stderr = *err;
	if (env != 0)
		environ = *env;
}
