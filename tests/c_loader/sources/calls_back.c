/* A C source that includes libmetacall's header and calls back into the runtime. */
#include <metacall/metacall.h>

long twice_through_host(long x) {
	void *args[] = {metacall_value_create_long(x)};
	void *result = metacallv_s("host_twice", args, 1);
	metacall_value_destroy(args[0]);
	long value =
	    result != NULL && metacall_value_id(result) == METACALL_LONG ? metacall_value_to_long(result) : -1;
	if (result != NULL)
		metacall_value_destroy(result);
	return value;
}

const char *runtime_version(void) {
	return metacall_version_str();
}
