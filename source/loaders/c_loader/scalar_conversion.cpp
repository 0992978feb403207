#include "scalar_conversion.h"

#include <metacall/metacall.h>

#include <cfloat>
#include <climits>
#include <cmath>
#include <limits>

namespace c_loader {
namespace {

// A number read from a value: integers exactly, floating point as double.
struct Number {
	bool integral;
	long integer;
	double real;
};

bool read_number(void *value, enum metacall_value_id id, Number &number) {
	switch (id) {
	case METACALL_BOOL:
		number = {true, metacall_value_to_bool(value) != 0, 0};
		return true;
	case METACALL_CHAR:
		number = {true, metacall_value_to_char(value), 0};
		return true;
	case METACALL_SHORT:
		number = {true, metacall_value_to_short(value), 0};
		return true;
	case METACALL_INT:
		number = {true, metacall_value_to_int(value), 0};
		return true;
	case METACALL_LONG:
		number = {true, metacall_value_to_long(value), 0};
		return true;
	case METACALL_FLOAT:
		number = {false, 0, metacall_value_to_float(value)};
		return true;
	case METACALL_DOUBLE:
		number = {false, 0, metacall_value_to_double(value)};
		return true;
	default:
		return false;
	}
}

std::string describe(const Number &number) {
	return number.integral ? std::to_string(number.integer) : std::to_string(number.real);
}

template <typename T>
bool store_integer(const Number &number, void *out) {
	using Limits = std::numeric_limits<T>;
	if (number.integral) {
		if constexpr (Limits::is_signed) {
			if (number.integer < static_cast<long>(Limits::min()) ||
			    number.integer > static_cast<long>(Limits::max()))
				return false;
		} else {
			if (number.integer < 0 || static_cast<unsigned long>(number.integer) > Limits::max())
				return false;
		}
		*static_cast<T *>(out) = static_cast<T>(number.integer);
		return true;
	}
	const double truncated = std::trunc(number.real);
	// -min() is 2^(bits-1) for signed types; 2 * (max/2 + 1) is 2^bits for unsigned ones: both exact.
	const double above = Limits::is_signed ? -static_cast<double>(Limits::min())
	                                       : 2.0 * static_cast<double>(Limits::max() / 2 + 1);
	if (!std::isfinite(truncated) || truncated < static_cast<double>(Limits::min()) || truncated >= above)
		return false;
	*static_cast<T *>(out) = static_cast<T>(truncated);
	return true;
}

bool store(const Number &number, Scalar to, void *out) {
	switch (to) {
	case Scalar::bool_:
		*static_cast<bool *>(out) = number.integral ? number.integer != 0 : number.real != 0;
		return true;
	case Scalar::int8:
		return store_integer<std::int8_t>(number, out);
	case Scalar::uint8:
		return store_integer<std::uint8_t>(number, out);
	case Scalar::int16:
		return store_integer<std::int16_t>(number, out);
	case Scalar::uint16:
		return store_integer<std::uint16_t>(number, out);
	case Scalar::int32:
		return store_integer<std::int32_t>(number, out);
	case Scalar::uint32:
		return store_integer<std::uint32_t>(number, out);
	case Scalar::int64:
		return store_integer<std::int64_t>(number, out);
	case Scalar::uint64:
		return store_integer<std::uint64_t>(number, out);
	case Scalar::float_: {
		const double real = number.integral ? static_cast<double>(number.integer) : number.real;
		if (std::isfinite(real) && std::fabs(real) > FLT_MAX)
			return false;
		*static_cast<float *>(out) = static_cast<float>(real);
		return true;
	}
	case Scalar::double_:
		*static_cast<double *>(out) = number.integral ? static_cast<double>(number.integer) : number.real;
		return true;
	case Scalar::void_:
		return false;
	}
	return false;
}

} // namespace

bool to_scalar(void *value, Scalar to, void *out, const std::string &spelling, Mismatch &why) {
	const enum metacall_value_id id = metacall_value_id(value);
	// The common case first: the value already has the type the C scalar maps to.
	switch (to) {
	case Scalar::int32:
		if (id == METACALL_INT) {
			*static_cast<std::int32_t *>(out) = metacall_value_to_int(value);
			return true;
		}
		break;
	case Scalar::int64:
		if (id == METACALL_LONG) {
			*static_cast<std::int64_t *>(out) = metacall_value_to_long(value);
			return true;
		}
		break;
	case Scalar::double_:
		if (id == METACALL_DOUBLE) {
			*static_cast<double *>(out) = metacall_value_to_double(value);
			return true;
		}
		break;
	default:
		break;
	}
	Number number{};
	if (!read_number(value, id, number)) {
		why = {"TypeError", "expected a number (" + spelling + "), got " + metacall_value_id_name(id)};
		return false;
	}
	if (!store(number, to, out)) {
		why = {"RangeError", std::string(metacall_value_id_name(id)) + " " + describe(number) +
		                         " does not fit in " + spelling};
		return false;
	}
	return true;
}

enum metacall_value_id exact_value_id(Scalar scalar) {
	switch (scalar) {
	case Scalar::bool_:
	case Scalar::int8:
	case Scalar::int16:
	case Scalar::int32:
	case Scalar::int64:
	case Scalar::float_:
	case Scalar::double_:
		return value_id_of(scalar);
	default:
		return METACALL_INVALID;
	}
}

bool store_count(std::size_t count, Scalar to, void *out) {
	if (count > static_cast<std::size_t>(LONG_MAX) || to == Scalar::bool_ || !is_integer(to))
		return false;
	return store(Number{true, static_cast<long>(count), 0}, to, out);
}

void *value_of_scalar(Scalar from, const void *in) {
	switch (from) {
	case Scalar::bool_:
		return metacall_value_create_bool(*static_cast<const bool *>(in) ? 1 : 0);
	case Scalar::int8:
		return metacall_value_create_char(static_cast<char>(*static_cast<const std::int8_t *>(in)));
	case Scalar::uint8:
		return metacall_value_create_short(*static_cast<const std::uint8_t *>(in));
	case Scalar::int16:
		return metacall_value_create_short(*static_cast<const std::int16_t *>(in));
	case Scalar::uint16:
		return metacall_value_create_int(*static_cast<const std::uint16_t *>(in));
	case Scalar::int32:
		return metacall_value_create_int(*static_cast<const std::int32_t *>(in));
	case Scalar::uint32:
		return metacall_value_create_long(*static_cast<const std::uint32_t *>(in));
	case Scalar::int64:
		return metacall_value_create_long(*static_cast<const std::int64_t *>(in));
	case Scalar::uint64: {
		const std::uint64_t number = *static_cast<const std::uint64_t *>(in);
		return number <= static_cast<std::uint64_t>(LONG_MAX)
		           ? metacall_value_create_long(static_cast<long>(number))
		           : nullptr;
	}
	case Scalar::float_:
		return metacall_value_create_float(*static_cast<const float *>(in));
	case Scalar::double_:
		return metacall_value_create_double(*static_cast<const double *>(in));
	case Scalar::void_:
		return metacall_value_create_null();
	}
	return nullptr;
}

} // namespace c_loader
