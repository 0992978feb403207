// Big integers: creation, reading and the conversions value_cast.cpp offers.
#include "value_bigint.h"

#include "error.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace metacall_core {
namespace {

std::vector<std::uint64_t> words_of(Value *value) {
	const std::string &bytes = value->bytes();
	std::vector<std::uint64_t> words(bytes.size() / sizeof(std::uint64_t));
	if (!words.empty())
		std::memcpy(words.data(), bytes.data(), words.size() * sizeof(std::uint64_t));
	return words;
}

// Divides the magnitude in place by `divisor`; returns the remainder. Half a word at a time, so
// that each step fits in 64 bits (remainder < divisor < 2^32).
std::uint32_t divide(std::vector<std::uint64_t> &words, std::uint32_t divisor) {
	std::uint64_t remainder = 0;
	for (std::size_t i = words.size(); i-- > 0;) {
		const std::uint64_t high = (remainder << 32) | (words[i] >> 32);
		remainder = high % divisor;
		const std::uint64_t low = (remainder << 32) | (words[i] & 0xffffffffu);
		remainder = low % divisor;
		words[i] = ((high / divisor) << 32) | (low / divisor);
	}
	while (!words.empty() && words.back() == 0)
		words.pop_back();
	return static_cast<std::uint32_t>(remainder);
}

} // namespace

Value *create_bigint(bool negative, const std::uint64_t *words, std::size_t count) {
	while (count > 0 && words[count - 1] == 0)
		--count;
	Value *value = Value::create_bytes(METACALL_BIGINT, reinterpret_cast<const char *>(words),
	                                   count * sizeof(std::uint64_t));
	if (value != nullptr)
		value->scalar.i = negative && count > 0 ? 1 : 0;
	return value;
}

std::optional<long> bigint_to_long(Value *value) {
	const std::vector<std::uint64_t> words = words_of(value);
	if (words.empty())
		return 0L;
	if (words.size() > 1)
		return std::nullopt;
	const std::uint64_t magnitude = words[0];
	const bool negative = value->scalar.i != 0;
	const std::uint64_t limit =
	    static_cast<std::uint64_t>(std::numeric_limits<long>::max()) + (negative ? 1 : 0);
	if (magnitude > limit)
		return std::nullopt;
	return negative ? static_cast<long>(0 - magnitude) : static_cast<long>(magnitude);
}

double bigint_to_double(Value *value) {
	const std::vector<std::uint64_t> words = words_of(value);
	double result = 0;
	for (std::size_t i = words.size(); i-- > 0;)
		result = result * 18446744073709551616.0 + static_cast<double>(words[i]);
	return value->scalar.i != 0 ? -result : result;
}

std::string bigint_to_decimal(Value *value) {
	std::vector<std::uint64_t> words = words_of(value);
	if (words.empty())
		return "0";
	std::string digits;
	while (!words.empty()) {
		// Nine digits at a time: 10^9 fits in 32 bits.
		std::uint32_t chunk = divide(words, 1000000000u);
		for (int i = 0; i < 9 && (!words.empty() || chunk != 0); ++i, chunk /= 10)
			digits.push_back(static_cast<char>('0' + chunk % 10));
	}
	if (value->scalar.i != 0)
		digits.push_back('-');
	std::reverse(digits.begin(), digits.end());
	return digits;
}

} // namespace metacall_core

using namespace metacall_core;

extern "C" void *metacall_value_create_bigint(int negative, const uint64_t words[], size_t count) {
	if (words == nullptr && count != 0) {
		set_errorf("TypeError", "metacall_value_create_bigint: words is NULL and count is %zu", count);
		return nullptr;
	}
	return create_bigint(negative != 0, words, count);
}

extern "C" const uint64_t *metacall_value_to_bigint(void *v, int *negative, size_t *count) {
	Value *value = Value::from(v, METACALL_BIGINT, "metacall_value_to_bigint");
	const std::string *bytes = value != nullptr ? &value->bytes() : nullptr;
	if (negative != nullptr)
		*negative = value != nullptr ? value->scalar.i : 0;
	if (count != nullptr)
		*count = bytes != nullptr ? bytes->size() / sizeof(std::uint64_t) : 0;
	return bytes != nullptr && !bytes->empty() ? reinterpret_cast<const std::uint64_t *>(bytes->data())
	                                           : nullptr;
}
