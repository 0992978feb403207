/* The test library of the C loader's tests: a function for every type mapping. The header is
 * read by the loader's own parser, so it also exercises the declaration subset. */
#ifndef C_LOADER_TEST_TYPES_H
#define C_LOADER_TEST_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Integers of every width, by fixed-width and by C name. */
int8_t echo_int8(int8_t x);
uint8_t echo_uint8(uint8_t x);
int16_t echo_int16(int16_t x);
uint16_t echo_uint16(uint16_t x);
int32_t echo_int32(int32_t x);
uint32_t echo_uint32(uint32_t x);
int64_t echo_int64(int64_t x);
uint64_t echo_uint64(uint64_t x);
char echo_char(char c);
signed char echo_schar(signed char c);
unsigned char echo_uchar(unsigned char c);
short echo_short(short x);
unsigned short int echo_ushort(unsigned short int x);
int echo_int(int x);
unsigned echo_uint(unsigned x);
long echo_long(long x);
unsigned long echo_ulong(unsigned long x);
long long echo_llong(long long x);
unsigned long long int echo_ullong(unsigned long long int x);
size_t echo_size(size_t x);
ssize_t echo_ssize(ssize_t x);
intptr_t echo_intptr(intptr_t x);
uintptr_t echo_uintptr(uintptr_t x);
uint64_t uint64_above_long_max(void);

/* Floating point and booleans. */
float echo_float(float x);
double echo_double(double x);
bool echo_bool(bool b);
_Bool negate(_Bool b);
double half(int x);

/* Strings: in, out, NULL. */
size_t string_length(const char *text);
const char *greeting(void);
const char *maybe_name(int which); /* NULL unless which is 1 */
bool is_null_string(const char *text);
char *static_buffer(void); /* a char * result is copied as a string too */

/* Pointers. */
int *counter_address(void);
int read_int(const int *p);
void write_int(int *p, int value);
void *null_pointer(void);
void *same_pointer(void *p);

/* Buffers as (pointer, length): bytes become a Buffer, numbers an Array. */
double mean(const double *xs, size_t n);
size_t count_byte(const uint8_t *data, size_t len, uint8_t byte);
void fill_bytes(unsigned char *out, size_t size, unsigned char value);
int sum_ints(const int *values, int count);
long sum_shorts(const short *values, unsigned num_values);
size_t text_bytes(const char *text, size_t length);
float sum_floats(const float *values, size_t n_values);
int first_int(const int *values, int first); /* no pair: `first` is not a length */
int sum_int8(const int8_t *values, uint8_t count);
void scale_ints(int *values, size_t count, int factor); /* an Array comes back scaled */
void blur_row(int pixels[], int width);                 /* a lone pointer: an Array's copy, written back */
double row_mean(const int *pixels, int width);          /* const: nothing is written back */

/* Structs by pointer. */
struct point {
	double x;
	double y;
};
typedef struct point point_t;

struct sample {
	char tag;
	int count;
	double weight;
	const char *label;
	bool flag;
	uint8_t small;
	int64_t big;
};

typedef struct {
	int32_t id;
	float score;
} record;

struct opaque; /* declared, never defined: passed as a Pointer */

double point_length(const struct point *p);
double point_sum(point_t *p);
void point_scale(struct point *p, double factor); /* copy-in only: the caller's map is unchanged */
double sample_score(const struct sample *s);
const char *sample_label(const struct sample *s);
int64_t sample_big(const struct sample *s);
float record_score(const record *r);
struct opaque *make_opaque(void);
int opaque_value(const struct opaque *o);

/* Pointers to functions. */
long apply(long (*f)(long), long x);
typedef double (*binary_op)(double, double);
double fold(const double *xs, size_t n, binary_op op, double initial);
int visit_names(void (*visit)(const char *name, int index));
bool check(bool (*predicate)(int), int value);

/* Signatures with a call routine of their own in the loader (all int, all 64-bit integers or all
 * double, up to four, returning one of those or void), and one just beyond them. The results
 * depend on the order of the arguments. */
int answer(void);
int digits3(int a, int b, int c); /* 100a + 10b + c */
int64_t digits4(int64_t a, int64_t b, int64_t c, int64_t d);
double difference(double a, double b); /* a - b */
void remember(int x);                  /* remembered() returns it */
int remembered(void);
long digits5(long a, long b, long c, long d, long e); /* five: the generic call path */

#ifdef __cplusplus
}
#endif

#endif
