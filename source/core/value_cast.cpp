// metacall_value_cast: conversions between numbers, strings and buffers, checked (no wrapping).
#include "error.h"
#include "value.h"
#include "value_bigint.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

using namespace metacall_core;

namespace {

// A number read from a value: integers exactly, floating point as double.
struct Number {
	bool integral;
	long integer;
	double real;
};

std::optional<Number> number_of(Value *v) {
	switch (v->id) {
	case METACALL_BOOL:
		return Number{true, v->scalar.b, 0};
	case METACALL_CHAR:
		return Number{true, v->scalar.c, 0};
	case METACALL_SHORT:
		return Number{true, v->scalar.s, 0};
	case METACALL_INT:
		return Number{true, v->scalar.i, 0};
	case METACALL_LONG:
		return Number{true, v->scalar.l, 0};
	case METACALL_FLOAT:
		return Number{false, 0, v->scalar.f};
	case METACALL_DOUBLE:
		return Number{false, 0, v->scalar.d};
	default:
		return std::nullopt;
	}
}

// Parses the whole of `text` as a number ("true"/"false" count as 1/0).
std::optional<Number> parse_number(const std::string &text) {
	if (text == "true" || text == "false")
		return Number{true, text == "true" ? 1 : 0, 0};
	const char *begin = text.data(), *end = begin + text.size();
	long integer = 0;
	if (auto [ptr, ec] = std::from_chars(begin, end, integer); ec == std::errc() && ptr == end)
		return Number{true, integer, 0};
	double real = 0;
	if (auto [ptr, ec] = std::from_chars(begin, end, real); ec == std::errc() && ptr == end)
		return Number{false, 0, real};
	return std::nullopt;
}

template <typename T>
bool fits(const Number &n, T &out) {
	if (n.integral) {
		if (n.integer < static_cast<long>(std::numeric_limits<T>::min()) ||
		    n.integer > static_cast<long>(std::numeric_limits<T>::max()))
			return false;
		out = static_cast<T>(n.integer);
		return true;
	}
	// Fractions truncate toward zero, as in C; values outside the type's range fail.
	double truncated = std::trunc(n.real);
	if (!std::isfinite(truncated) || truncated < static_cast<double>(std::numeric_limits<T>::min()) ||
	    truncated >= -static_cast<double>(std::numeric_limits<T>::min()))
		return false;
	out = static_cast<T>(truncated);
	return true;
}

// Stores `n` into `v` as type `id`; false when it does not fit.
bool store_number(Value *v, const Number &n, ValueId id) {
	switch (id) {
	case METACALL_BOOL:
		v->scalar.b = n.integral ? n.integer != 0 : n.real != 0;
		break;
	case METACALL_CHAR:
		if (!fits(n, v->scalar.c))
			return false;
		break;
	case METACALL_SHORT:
		if (!fits(n, v->scalar.s))
			return false;
		break;
	case METACALL_INT:
		if (!fits(n, v->scalar.i))
			return false;
		break;
	case METACALL_LONG:
		if (!fits(n, v->scalar.l))
			return false;
		break;
	case METACALL_FLOAT:
		v->scalar.f = static_cast<float>(n.integral ? static_cast<double>(n.integer) : n.real);
		break;
	case METACALL_DOUBLE:
		v->scalar.d = n.integral ? static_cast<double>(n.integer) : n.real;
		break;
	default:
		return false;
	}
	v->release_payload();
	v->id = id;
	return true;
}

std::string format_number(ValueId id, const Number &n) {
	if (id == METACALL_BOOL)
		return n.integer != 0 ? "true" : "false";
	char text[64];
	auto result = n.integral ? std::to_chars(text, text + sizeof text, n.integer)
	                         : std::to_chars(text, text + sizeof text, n.real);
	return std::string(text, result.ptr);
}

// A big integer to a number (when it fits; rounded for float and double) or to decimal text.
void *cast_bigint(Value *value, ValueId id) {
	if (id == METACALL_STRING) {
		value->emplace<std::string>(bigint_to_decimal(value));
		value->scalar.i = 0;
		value->id = METACALL_STRING;
		return value;
	}
	if (id == METACALL_FLOAT || id == METACALL_DOUBLE) {
		const Number n{false, 0, bigint_to_double(value)};
		store_number(value, n, id);
		return value;
	}
	if (is_number(id)) {
		const std::optional<long> integer = bigint_to_long(value);
		if (integer && store_number(value, Number{true, *integer, 0}, id))
			return value;
		set_errorf("RangeError", "metacall_value_cast: the BigInt %.64s does not fit in a %s",
		           bigint_to_decimal(value).c_str(), metacall_value_id_name(id));
		return nullptr;
	}
	set_errorf("TypeError", "metacall_value_cast: cannot convert a BigInt to a %s",
	           metacall_value_id_name(id));
	return nullptr;
}

} // namespace

namespace metacall_core {

bool number_as(Value *value, ValueId id, Value &out) {
	std::optional<Number> n;
	if (value->id == METACALL_BIGINT) {
		if (id == METACALL_FLOAT || id == METACALL_DOUBLE)
			n = Number{false, 0, bigint_to_double(value)};
		else if (const std::optional<long> integer = bigint_to_long(value))
			n = Number{true, *integer, 0};
	} else if (value->id != METACALL_BOOL) {
		n = number_of(value);
	}
	// A fraction is not read as an integer: truncating would lose data without a word.
	if (!n || (!n->integral && !is_floating(id) && n->real != std::trunc(n->real)))
		return false;
	return store_number(&out, *n, id);
}

} // namespace metacall_core

extern "C" void *metacall_value_cast(void *v, enum metacall_value_id id) {
	Value *value = Value::from(v, "metacall_value_cast");
	if (value == nullptr)
		return nullptr;
	if (value->id == id)
		return value;

	ValueId from = value->id;
	if (from == METACALL_BIGINT)
		return cast_bigint(value, id);
	if (auto n = number_of(value)) {
		if (id == METACALL_BIGINT && n->integral) {
			const bool negative = n->integer < 0;
			const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(n->integer)
			                                         : static_cast<std::uint64_t>(n->integer);
			value->release_payload();
			value->emplace<std::string>(reinterpret_cast<const char *>(&magnitude),
			                            magnitude != 0 ? sizeof magnitude : 0);
			value->scalar.i = negative ? 1 : 0;
			value->id = METACALL_BIGINT;
			return value;
		}
		if (is_number(id)) {
			if (store_number(value, *n, id))
				return value;
			set_errorf("RangeError", "metacall_value_cast: the %s does not fit in a %s",
			           metacall_value_id_name(from), metacall_value_id_name(id));
			return nullptr;
		}
		if (id == METACALL_STRING) {
			value->emplace<std::string>(from == METACALL_CHAR ? std::string(1, value->scalar.c)
			                                                  : format_number(from, *n));
			value->id = METACALL_STRING;
			return value;
		}
	} else if (from == METACALL_STRING || from == METACALL_BUFFER) {
		if (id == METACALL_STRING || id == METACALL_BUFFER) {
			if (from == METACALL_BUFFER) // a string has no layout and owns its bytes
				make_plain_buffer(value);
			value->id = id; // the same bytes
			return value;
		}
		if (from == METACALL_STRING && is_number(id)) {
			auto n = parse_number(value->bytes());
			Value probe;
			if (n && store_number(&probe, *n, id)) {
				value->scalar = probe.scalar;
				value->release_payload();
				value->id = id;
				return value;
			}
			set_errorf("TypeError", "metacall_value_cast: the string \"%.64s\" is not a %s",
			           value->bytes().c_str(), metacall_value_id_name(id));
			return nullptr;
		}
	}
	set_errorf("TypeError", "metacall_value_cast: cannot convert a %s to a %s", metacall_value_id_name(from),
	           metacall_value_id_name(id));
	return nullptr;
}
