// The rule for JS numbers (docs/NUMBERS.md): integers a double holds exactly cross as integers.
#ifndef NODE_LOADER_JS_NUMBERS_H
#define NODE_LOADER_JS_NUMBERS_H

#include <cmath>
#include <cstdint>

namespace node_loader {

// Number.MAX_SAFE_INTEGER: beyond it a long crosses to JS as a BigInt.
constexpr int64_t kMaxSafeInteger = (int64_t{1} << 53) - 1;

// A JS number that becomes a Long: whole, within +-(2^53 - 1), and not -0 (which stays a double
// so that its sign survives). NaN and the infinities stay doubles.
inline bool is_safe_integer(double number) {
	return number >= -static_cast<double>(kMaxSafeInteger) &&
	       number <= static_cast<double>(kMaxSafeInteger) && number == std::trunc(number) &&
	       !(number == 0 && std::signbit(number));
}

} // namespace node_loader

#endif
