/* The consumer: imports one function and one variable from a provider, through each kind of
 * relocation the binder rewrites. Built with lazy binding, with -z now (RELRO), and with -z now
 * -fno-plt (calls through GLOB_DAT). */
extern int provider_value(void);
extern int provider_counter;

typedef int (*provider_function)(void);

/* A read-only table of function pointers: an R_X86_64_64 relocation against provider_value, in
 * .data.rel.ro (RELRO). Exported (so interposable) and read at a volatile index, so that the
 * compiler cannot call provider_value directly instead. */
provider_function const consumer_table[] = {provider_value, 0};
static volatile int table_index = 0;

int consumer_call(void) {
	return provider_value();
}

int consumer_read_counter(void) {
	return provider_counter;
}

int consumer_call_through_table(void) {
	return consumer_table[table_index]();
}
