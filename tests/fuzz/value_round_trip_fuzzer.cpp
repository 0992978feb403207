// libFuzzer target: values built from the fuzz bytes (nested arrays and maps, strings and buffers
// of any bytes, numbers at their limits, chains nested past METACALL_VALUE_MAX_DEPTH) sent
// through a JavaScript and a Python identity function. What comes back must be the same value,
// as docs/NUMBERS.md defines it (integers come back as longs from both languages, through a BigInt
// in JS beyond 2^53; a JS number that is a safe integer comes back as a long, other numbers as
// doubles; Python floats stay doubles), or an error where the value cannot cross (a string that is not UTF-8,
// nesting past the limit). A value that changes on the way fails like a crash.
#include <metacall/metacall.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr long kMaxSafe = (1L << 53) - 1;

class Bytes {
public:
	Bytes(const uint8_t *data, size_t size) : data_(data), size_(size) {}
	uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
	template <typename T>
	T scalar() {
		T value{};
		unsigned char raw[sizeof(T)] = {};
		for (unsigned char &b : raw)
			b = byte();
		std::memcpy(&value, raw, sizeof value);
		return value;
	}
	std::string text() {
		std::string out;
		for (uint8_t n = byte() % 24; n > 0 && at_ < size_; --n)
			out += static_cast<char>(byte());
		return out;
	}

private:
	const uint8_t *data_;
	size_t size_, at_ = 0;
};

// The test's own reading of UTF-8, written apart from the library's (source/core/utf8.h) on
// purpose: an oracle that shares the code under test would agree with its bugs.
bool valid_utf8(const std::string &text) {
	size_t i = 0;
	const auto *s = reinterpret_cast<const unsigned char *>(text.data());
	while (i < text.size()) {
		const unsigned char c = s[i];
		size_t n = c < 0x80                   ? 1
		           : (c >= 0xC2 && c <= 0xDF) ? 2
		           : (c >= 0xE0 && c <= 0xEF) ? 3
		           : (c >= 0xF0 && c <= 0xF4) ? 4
		                                      : 0;
		if (n == 0 || i + n > text.size())
			return false;
		unsigned char low = 0x80, high = 0xBF;
		if (c == 0xE0)
			low = 0xA0;
		if (c == 0xED)
			high = 0x9F;
		if (c == 0xF0)
			low = 0x90;
		if (c == 0xF4)
			high = 0x8F;
		if (n > 1 && (s[i + 1] < low || s[i + 1] > high))
			return false;
		for (size_t k = 2; k < n; ++k)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return false;
		i += n;
	}
	return true;
}

// A value from the bytes; `crossable` becomes false when some part cannot cross (see above).
void *build(Bytes &in, int depth, bool &crossable) {
	const uint8_t kind = depth > 6 ? in.byte() % 10 : in.byte() % 13;
	switch (kind) {
	case 0:
		return metacall_value_create_null();
	case 1:
		return metacall_value_create_bool(in.byte() & 1);
	case 2:
		return metacall_value_create_char(in.scalar<char>());
	case 3:
		return metacall_value_create_short(in.scalar<short>());
	case 4:
		return metacall_value_create_int(in.scalar<int>());
	case 5:
		return metacall_value_create_long(in.scalar<long>());
	case 6:
		return metacall_value_create_float(in.scalar<float>());
	case 7:
		return metacall_value_create_double(in.scalar<double>());
	case 8: {
		const std::string text = in.text();
		crossable &= valid_utf8(text);
		return metacall_value_create_string(text.data(), text.size());
	}
	case 9: {
		const std::string bytes = in.text();
		return metacall_value_create_buffer(bytes.data(), bytes.size());
	}
	case 10: {
		std::vector<const void *> items(in.byte() % 5);
		for (const void *&item : items)
			item = build(in, depth + 1, crossable);
		return metacall_value_create_array(items.data(), items.size());
	}
	case 11: {
		std::vector<const void *> pairs(in.byte() % 4);
		for (size_t i = 0; i < pairs.size(); ++i) {
			const std::string key = "k" + std::to_string(i); // distinct, and no array index in JS
			const void *pair[] = {metacall_value_create_string(key.data(), key.size()),
			                      build(in, depth + 1, crossable)};
			pairs[i] = metacall_value_create_array(pair, 2);
		}
		return metacall_value_create_map(pairs.data(), pairs.size());
	}
	default: { // a chain of arrays, sometimes past the nesting limit
		const int levels = in.byte() % (METACALL_VALUE_MAX_DEPTH + 8);
		crossable &= depth + levels <= METACALL_VALUE_MAX_DEPTH;
		void *value = metacall_value_create_null();
		for (int i = 0; i < levels; ++i) {
			const void *item[] = {value};
			value = metacall_value_create_array(item, 1);
		}
		return value;
	}
	}
}

bool is(void *v, enum metacall_value_id id) {
	return v != nullptr && metacall_value_id(v) == id;
}

bool same_double(double a, double b) {
	return (std::isnan(a) && std::isnan(b)) || (a == b && std::signbit(a) == std::signbit(b));
}

// A number JS hands back as a long: whole, within +-(2^53 - 1), not -0 (docs/NUMBERS.md).
bool js_integer(double d) {
	return d >= -static_cast<double>(kMaxSafe) && d <= static_cast<double>(kMaxSafe) && d == std::trunc(d) &&
	       !(d == 0 && std::signbit(d));
}

// What a float or double `sent` comes back as: a long from JS when it is a safe integer, else a
// double with the same bits' value.
bool same_number(double sent, void *got, bool js) {
	if (js && js_integer(sent))
		return is(got, METACALL_LONG) && static_cast<double>(metacall_value_to_long(got)) == sent;
	return is(got, METACALL_DOUBLE) && same_double(metacall_value_to_double(got), sent);
}

// Whether `got` is what `sent` becomes through `tag`'s identity function.
bool equivalent(void *sent, void *got, bool js) {
	switch (metacall_value_id(sent)) {
	case METACALL_NULL:
		return is(got, METACALL_NULL);
	case METACALL_BOOL:
		return is(got, METACALL_BOOL) && metacall_value_to_bool(got) == metacall_value_to_bool(sent);
	case METACALL_CHAR:
	case METACALL_SHORT:
	case METACALL_INT:
	case METACALL_LONG: {
		long n = 0;
		switch (metacall_value_id(sent)) {
		case METACALL_CHAR:
			n = metacall_value_to_char(sent);
			break;
		case METACALL_SHORT:
			n = metacall_value_to_short(sent);
			break;
		case METACALL_INT:
			n = metacall_value_to_int(sent);
			break;
		default:
			n = metacall_value_to_long(sent);
		}
		// Python ints; JS numbers that are safe integers, and BigInts beyond: all come back as longs.
		return is(got, METACALL_LONG) && metacall_value_to_long(got) == n;
	}
	case METACALL_FLOAT:
		return same_number(metacall_value_to_float(sent), got, js);
	case METACALL_DOUBLE:
		return same_number(metacall_value_to_double(sent), got, js);
	case METACALL_STRING:
	case METACALL_BUFFER: {
		const enum metacall_value_id id = metacall_value_id(sent);
		if (!is(got, id) || metacall_value_size(got) != metacall_value_size(sent))
			return false;
		const void *a = id == METACALL_STRING ? static_cast<const void *>(metacall_value_to_string(sent))
		                                      : metacall_value_to_buffer(sent);
		const void *b = id == METACALL_STRING ? static_cast<const void *>(metacall_value_to_string(got))
		                                      : metacall_value_to_buffer(got);
		return std::memcmp(a, b, metacall_value_size(sent)) == 0;
	}
	case METACALL_ARRAY:
	case METACALL_MAP: {
		const enum metacall_value_id id = metacall_value_id(sent);
		if (!is(got, id) || metacall_value_count(got) != metacall_value_count(sent))
			return false;
		void **a = id == METACALL_ARRAY ? metacall_value_to_array(sent) : metacall_value_to_map(sent);
		void **b = id == METACALL_ARRAY ? metacall_value_to_array(got) : metacall_value_to_map(got);
		for (size_t i = 0; i < metacall_value_count(sent); ++i)
			if (!equivalent(a[i], b[i], js))
				return false;
		return true;
	}
	default:
		return false;
	}
}

void check(const char *function, void *sent, bool crossable, bool js) {
	void *got = metacallv_s(function, &sent, 1);
	if (got == nullptr)
		std::abort(); // the call itself could not be made
	const bool ok = crossable ? equivalent(sent, got, js) : is(got, METACALL_THROWABLE);
	metacall_value_destroy(got);
	if (!ok)
		std::abort(); // the value changed on the way, or what cannot cross did
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	static const char js[] = "module.exports = { js_identity: (x) => x };";
	static const char py[] = "def py_identity(x):\n    return x\n";
	if (metacall_initialize() != 0 || metacall_load_from_memory("node", js, sizeof js - 1, nullptr) != 0 ||
	    metacall_load_from_memory("py", py, sizeof py - 1, nullptr) != 0)
		std::abort();
	std::atexit(metacall_destroy); // LeakSanitizer then sees what the loaders really leak
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	Bytes in(data, size);
	bool crossable = true;
	void *value = build(in, 0, crossable);
	check("js_identity", value, crossable, true);
	check("py_identity", value, crossable, false);
	metacall_value_destroy(value);
	return 0;
}
