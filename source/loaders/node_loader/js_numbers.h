// The rule for JS numbers (docs/NUMBERS.md): integers a double holds exactly cross as integers;
// or, with METACALL_NODE_NUMBERS=double, MetaCall's rule: every JS number crosses as a Double.
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

// How JS numbers cross into values: chosen once, when the loader starts.
enum class NumberRule : uint8_t {
	integers, // whole numbers within +-(2^53 - 1) as Long, others as Double (the default)
	doubles,  // every number as Double, as MetaCall does
};

// The rule METACALL_NODE_NUMBERS asks for: unset, empty or "integers": integers; "double":
// doubles. Another value keeps the default and logs a warning that names the accepted ones.
NumberRule number_rule_from_environment();

// Whether the JS number `number` crosses as a Long under `rule`.
inline bool crosses_as_integer(double number, NumberRule rule) {
	return rule == NumberRule::integers && is_safe_integer(number);
}

} // namespace node_loader

#endif
