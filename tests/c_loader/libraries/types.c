/* The test library of the C loader's tests: see types.h. */
#include "types.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int8_t echo_int8(int8_t x) {
	return x;
}
uint8_t echo_uint8(uint8_t x) {
	return x;
}
int16_t echo_int16(int16_t x) {
	return x;
}
uint16_t echo_uint16(uint16_t x) {
	return x;
}
int32_t echo_int32(int32_t x) {
	return x;
}
uint32_t echo_uint32(uint32_t x) {
	return x;
}
int64_t echo_int64(int64_t x) {
	return x;
}
uint64_t echo_uint64(uint64_t x) {
	return x;
}
char echo_char(char c) {
	return c;
}
signed char echo_schar(signed char c) {
	return c;
}
unsigned char echo_uchar(unsigned char c) {
	return c;
}
short echo_short(short x) {
	return x;
}
unsigned short int echo_ushort(unsigned short int x) {
	return x;
}
int echo_int(int x) {
	return x;
}
unsigned echo_uint(unsigned x) {
	return x;
}
long echo_long(long x) {
	return x;
}
unsigned long echo_ulong(unsigned long x) {
	return x;
}
long long echo_llong(long long x) {
	return x;
}
unsigned long long int echo_ullong(unsigned long long int x) {
	return x;
}
size_t echo_size(size_t x) {
	return x;
}
ssize_t echo_ssize(ssize_t x) {
	return x;
}
intptr_t echo_intptr(intptr_t x) {
	return x;
}
uintptr_t echo_uintptr(uintptr_t x) {
	return x;
}
uint64_t uint64_above_long_max(void) {
	return UINT64_MAX - 1;
}

float echo_float(float x) {
	return x;
}
double echo_double(double x) {
	return x;
}
bool echo_bool(bool b) {
	return b;
}
_Bool negate(_Bool b) {
	return !b;
}
double half(int x) {
	return x / 2.0;
}

size_t string_length(const char *text) {
	return strlen(text);
}
const char *greeting(void) {
	return "hello from C";
}
const char *maybe_name(int which) {
	return which == 1 ? "name" : NULL;
}
bool is_null_string(const char *text) {
	return text == NULL;
}

char *static_buffer(void) {
	static char text[] = "static text";
	return text;
}

static int counter = 42;
int *counter_address(void) {
	return &counter;
}
int read_int(const int *p) {
	return *p;
}
void write_int(int *p, int value) {
	*p = value;
}
void *null_pointer(void) {
	return NULL;
}
void *same_pointer(void *p) {
	return p;
}

double mean(const double *xs, size_t n) {
	double sum = 0;
	for (size_t i = 0; i < n; ++i)
		sum += xs[i];
	return n > 0 ? sum / (double)n : 0;
}

size_t count_byte(const uint8_t *data, size_t len, uint8_t byte) {
	size_t count = 0;
	for (size_t i = 0; i < len; ++i)
		count += data[i] == byte;
	return count;
}

void fill_bytes(unsigned char *out, size_t size, unsigned char value) {
	memset(out, value, size);
}

int sum_ints(const int *values, int count) {
	int sum = 0;
	for (int i = 0; i < count; ++i)
		sum += values[i];
	return sum;
}

long sum_shorts(const short *values, unsigned num_values) {
	long sum = 0;
	for (unsigned i = 0; i < num_values; ++i)
		sum += values[i];
	return sum;
}

size_t text_bytes(const char *text, size_t length) {
	(void)text;
	return length;
}

float sum_floats(const float *values, size_t n_values) {
	float sum = 0;
	for (size_t i = 0; i < n_values; ++i)
		sum += values[i];
	return sum;
}

int first_int(const int *values, int first) {
	return values[first];
}

void scale_ints(int *values, size_t count, int factor) {
	for (size_t i = 0; i < count; ++i)
		values[i] *= factor;
}

void blur_row(int pixels[], int width) {
	for (int i = 1; i + 1 < width; ++i)
		pixels[i] = (pixels[i - 1] + pixels[i] + pixels[i + 1]) / 3;
}

double row_mean(const int *pixels, int width) {
	double sum = 0;
	for (int i = 0; i < width; ++i)
		sum += pixels[i];
	return width > 0 ? sum / width : 0;
}

int sum_int8(const int8_t *values, uint8_t count) {
	int sum = 0;
	for (uint8_t i = 0; i < count; ++i)
		sum += values[i];
	return sum;
}

double point_length(const struct point *p) {
	return sqrt(p->x * p->x + p->y * p->y);
}
double point_sum(point_t *p) {
	return p->x + p->y;
}

void point_scale(struct point *p, double factor) {
	p->x *= factor;
	p->y *= factor;
}

double sample_score(const struct sample *s) {
	return s->tag + s->count * s->weight + (double)strlen(s->label) + (s->flag ? 1000 : 0) + s->small;
}

const char *sample_label(const struct sample *s) {
	return s->label;
}
int64_t sample_big(const struct sample *s) {
	return s->big;
}
float record_score(const record *r) {
	return r->score * (float)r->id;
}

struct opaque {
	int value;
};
static struct opaque the_opaque = {7};
struct opaque *make_opaque(void) {
	return &the_opaque;
}
int opaque_value(const struct opaque *o) {
	return o->value;
}

long apply(long (*f)(long), long x) {
	return f(x);
}

double fold(const double *xs, size_t n, binary_op op, double initial) {
	double result = initial;
	for (size_t i = 0; i < n; ++i)
		result = op(result, xs[i]);
	return result;
}

int visit_names(void (*visit)(const char *name, int index)) {
	static const char *names[] = {"ada", "grace", "barbara"};
	for (int i = 0; i < 3; ++i)
		visit(names[i], i);
	return 3;
}

bool check(bool (*predicate)(int), int value) {
	return predicate(value);
}

int answer(void) {
	return 42;
}
int digits3(int a, int b, int c) {
	return 100 * a + 10 * b + c;
}
int64_t digits4(int64_t a, int64_t b, int64_t c, int64_t d) {
	return 1000 * a + 100 * b + 10 * c + d;
}
double difference(double a, double b) {
	return a - b;
}
static int the_remembered;
void remember(int x) {
	the_remembered = x;
}
int remembered(void) {
	return the_remembered;
}
long digits5(long a, long b, long c, long d, long e) {
	return 10000 * a + 1000 * b + 100 * c + 10 * d + e;
}
