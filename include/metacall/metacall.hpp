/*
 * libmetacall: the C++ API, a header-only layer over the C API (C++17 or newer).
 *
 *     metacall::runtime runtime;                                    // metacall_initialize ... destroy
 *     metacall::register_function("twice", [](long x) { return 2 * x; });
 *     long four = metacall::call<long>("twice", 2);
 *     auto script = metacall::handle::load_from_file("py", "sum.py");
 *     double sum = script.call<double>("sum", std::vector<double>{1.5, 2.5});
 *
 * What it adds to the C API, and nothing more: ownership in types (metacall::value owns a value,
 * metacall::handle owns a load), conversions between values and C++ types (metacall::convert, open
 * to specialisation), and errors as C++ exceptions. Every call still goes through the C API; the
 * C header stays usable beside this one.
 *
 * Errors: everything here that fails throws a metacall::error (or a type derived from it):
 *  - metacall::exception  the called function raised an error (a throwable result, a rejected
 *                         future); it keeps the error's label, message, code and stack trace;
 *  - metacall::type_error a value did not have the type a conversion needs (range_error: it had
 *                         the type but not a value that fits);
 *  - metacall::error      the C API refused (unknown function, not initialized, load failed...):
 *                         label and message come from metacall_error_last.
 * No C++ exception ever crosses into the C API: C++ callables called by the library catch every
 * exception and return it as a throwable, so the caller (of any language) sees it as its error.
 *
 * Threads: as the C API. Different objects may be used from different threads at once; one value
 * must not be changed by one thread while another uses it; functions and handles may be called
 * from any thread.
 *
 * Include this header before, or instead of, <metacall/metacall.h>: the C function metacall()
 * would clash with the namespace metacall, so this header hides it (METACALL_HIDE_VARIADIC_CALL).
 */
#ifndef METACALL_HPP
#define METACALL_HPP

#if !defined(__cplusplus) || (__cplusplus < 201703L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201703L))
#  error "<metacall/metacall.hpp> needs C++17 or newer"
#endif

// clang-format off
#if defined(METACALL_H) && !defined(METACALL_HIDE_VARIADIC_CALL)
#  error "<metacall/metacall.h> came first: its function metacall() clashes with the namespace metacall. Include <metacall/metacall.hpp> before, or instead of, <metacall/metacall.h>."
#endif
// clang-format on

#if !defined(METACALL_HIDE_VARIADIC_CALL)
#  define METACALL_HIDE_VARIADIC_CALL
#endif
#include <metacall/metacall.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <future>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#if __has_include(<span>) && __cplusplus >= 202002L
#  include <span>
#endif
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace metacall {

// The type tag of a value (in C++ the plain name metacall_value_id is the C function).
using value_id = enum metacall_value_id;

// ======================================================================================
// Errors
// ======================================================================================

/* Base of every error this header throws. label() is the error's kind ("TypeError",
 * "ReferenceError", "LoaderError", ...), what() its message. Copies share the text, so copying
 * never throws (as std::exception requires). */
class error : public std::exception {
public:
	error(std::string label, std::string message)
	    : fields_(std::make_shared<const fields>(fields{std::move(label), std::move(message), 0, {}})) {}

	const char *what() const noexcept override { return fields_->message.c_str(); }
	const std::string &label() const noexcept { return fields_->label; }

protected:
	error(std::string label, std::string message, std::int64_t code, std::string stacktrace)
	    : fields_(std::make_shared<const fields>(
	          fields{std::move(label), std::move(message), code, std::move(stacktrace)})) {}

	struct fields {
		std::string label, message;
		std::int64_t code;
		std::string stacktrace;
	};
	std::shared_ptr<const fields> fields_;
};

/* An error raised by the called function, of whichever language: what it threw, with its label,
 * message (what()), code (0 when the origin has none) and stack trace ("" when none). Thrown by
 * call, and stored in the futures of await when they are rejected. A C++ callable called through
 * the library may throw one: the caller then receives the same four fields. */
class exception : public error {
public:
	exception(std::string label, std::string message, std::int64_t code = 0, std::string stacktrace = {})
	    : error(std::move(label), std::move(message), code, std::move(stacktrace)) {}

	std::int64_t code() const noexcept { return fields_->code; }
	const std::string &stacktrace() const noexcept { return fields_->stacktrace; }

	/* The exception held by `v` (borrowed): a throwable, an exception value, or any thrown value
	 * (a thrown string becomes the message; other values are described by their type). */
	static exception from_value(void *v);
};

/* A conversion between a value and a C++ type found a value of another type. */
class type_error : public error {
public:
	explicit type_error(std::string message) : error("TypeError", std::move(message)) {}

protected:
	type_error(std::string label, std::string message) : error(std::move(label), std::move(message)) {}
};

/* A conversion found a number of the right kind that does not fit the target type. */
class range_error : public type_error {
public:
	explicit range_error(std::string message) : type_error("RangeError", std::move(message)) {}
};

namespace detail {

// NULL slots of arrays and maps read as null, as for the loaders.
inline value_id id_of(void *v) noexcept {
	return v == nullptr ? METACALL_NULL : metacall_value_id(v);
}

inline const char *name_of(void *v) noexcept {
	return metacall_value_id_name(id_of(v));
}

// The calling thread's last error, for a C API function that just failed.
inline error last_error(const char *api) {
	metacall_exception_type last{};
	if (metacall_error_last(&last) == 0)
		return error(last.label, last.message);
	return error("Error", std::string(api) + " failed and left no error message");
}

[[noreturn]] inline void throw_mismatch(const char *target, const char *expected, void *v) {
	throw type_error(std::string("cannot convert to ") + target + ": expected " + expected + ", got " +
	                 name_of(v));
}

// Checks the type of `v` for a conversion to `target`.
inline void expect(void *v, value_id id, const char *target) {
	if (id_of(v) != id)
		throw_mismatch(target, metacall_value_id_name(id), v);
}

} // namespace detail

inline exception exception::from_value(void *v) {
	void *thrown = detail::id_of(v) == METACALL_THROWABLE ? metacall_value_to_throwable(v) : v;
	const value_id id = detail::id_of(thrown);
	if (id == METACALL_EXCEPTION) {
		metacall_exception_type ex{};
		metacall_error_from_value(thrown, &ex);
		return exception(ex.label, ex.message, ex.code, ex.stacktrace);
	}
	if (id == METACALL_STRING)
		return exception("Error",
		                 std::string(metacall_value_to_string(thrown), metacall_value_size(thrown) - 1));
	return exception("Error", std::string("a ") + metacall_value_id_name(id) + " value was thrown");
}

// ======================================================================================
// Values
// ======================================================================================

/* How a C++ type T becomes a value and back. Specialise it for your own types:
 *
 *     template <> struct metacall::convert<point> {          // a point is the Array [x, y]
 *         static constexpr metacall::value_id id = METACALL_ARRAY;
 *         static metacall::value to_value(const point &p) {
 *             return metacall::value::from(std::vector<double>{p.x, p.y});
 *         }
 *         static point from_value(void *v) {
 *             auto xy = metacall::convert<std::vector<double>>::from_value(v);
 *             ... check xy.size(), throw metacall::type_error otherwise ...
 *         }
 *     };
 *
 *  - `id`: the type a host function declares for a parameter or result of type T
 *    (METACALL_INVALID: any type, checked by from_value);
 *  - `to_value(x)`: a new value owned by the returned metacall::value;
 *  - `from_value(v)`: reads `v`, BORROWED and possibly NULL (null); throws type_error when `v` has
 *    another type. A specialisation may leave out either function to support one direction only.
 * The header specialises it for bool, the character and integer types, float, double,
 * std::string, std::string_view, const char *, bytes_view, std::vector<std::byte>, std::vector,
 * std::map, std::unordered_map, std::optional, std::pair, std::tuple, std::variant,
 * std::chrono::duration, std::nullptr_t, metacall::value, metacall::function,
 * std::function, (to_value only) every other callable with one non-template operator(), and
 * every type with to_metacall / from_metacall functions (a Map: see map_builder). */
template <typename T, typename Enable = void>
struct convert;

namespace detail {

// The type a conversion uses for T: no cv, no reference, arrays and functions decayed, and
// `char *` read as a string like `const char *`.
template <typename T>
using plain_t = std::conditional_t<std::is_same_v<std::decay_t<T>, char *>, const char *, std::decay_t<T>>;

// Types whose from_value points into the value instead of copying: reading one from a value that
// is about to be destroyed (a call's result) would dangle, so that is refused at compile time.
template <typename T>
struct is_view : std::false_type {};

} // namespace detail

/* An owned value: the `void *` of the C API with RAII. Move-only (copy() makes a deep copy);
 * destroys the value it holds when it goes, with metacall_value_destroy. An empty value (default
 * constructed, moved from, released) holds NULL. */
class value {
public:
	value() noexcept = default;
	// Takes ownership of `owned` (a value from the C API that the caller owns, or NULL).
	explicit value(void *owned) noexcept : v_(owned) {}
	value(value &&other) noexcept : v_(other.release()) {}
	value &operator=(value &&other) noexcept {
		if (this != &other)
			reset(other.release());
		return *this;
	}
	value(const value &) = delete;
	value &operator=(const value &) = delete;
	~value() { metacall_value_destroy(v_); }

	/* The value of `x`, through convert<T>. Throws what the conversion throws (range_error for an
	 * unsigned integer beyond Long, for instance). */
	template <typename T>
	static value from(T &&x) {
		return convert<detail::plain_t<T>>::to_value(std::forward<T>(x));
	}

	/* A deep copy of `borrowed` (functions and futures inside are shared). NULL gives a null value.
	 * Throws error when `borrowed` is not a value. */
	static value copy_of(void *borrowed) {
		value copy(borrowed == nullptr ? metacall_value_create_null() : metacall_value_copy(borrowed));
		if (!copy)
			throw detail::last_error("metacall_value_copy");
		return copy;
	}
	value copy() const { return copy_of(v_); }

	/* This value as a T, through convert<T>. Throws type_error when the value has another type or
	 * this is empty. View types (std::string_view, const char *, bytes_view) point into this value:
	 * they are valid while it lives and unchanged, and cannot be taken from a temporary. */
	template <typename T>
	T to() const & {
		if (v_ == nullptr)
			throw type_error("cannot convert an empty metacall::value (moved from or released)");
		return convert<detail::plain_t<T>>::from_value(v_);
	}
	template <typename T>
	T to() && {
		static_assert(!detail::is_view<detail::plain_t<T>>::value,
		              "to<T>() on a temporary value: T would point into a destroyed value; convert to an "
		              "owning type (std::string, std::vector<std::byte>) or keep the value");
		return static_cast<const value &>(*this).to<T>();
	}

	void *get() const noexcept { return v_; }
	// Gives up ownership: the caller destroys the returned value (or passes it to a taker).
	void *release() noexcept { return std::exchange(v_, nullptr); }
	// Destroys the held value and takes `owned` instead.
	void reset(void *owned = nullptr) noexcept { metacall_value_destroy(std::exchange(v_, owned)); }

	explicit operator bool() const noexcept { return v_ != nullptr; }
	// METACALL_INVALID when empty.
	value_id type() const noexcept { return v_ == nullptr ? METACALL_INVALID : metacall_value_id(v_); }
	// "Long", "String", ... ("Invalid" when empty). A static string.
	const char *type_name() const noexcept { return metacall_value_id_name(type()); }

private:
	void *v_ = nullptr;
};

/* A non-owning view of bytes, to pass a buffer without copying it first (C++17 has no span). */
struct bytes_view {
	const void *data = nullptr;
	std::size_t size = 0;

	bytes_view() noexcept = default;
	bytes_view(const void *bytes, std::size_t length) noexcept : data(bytes), size(length) {}
	bytes_view(const std::vector<std::byte> &bytes) noexcept : data(bytes.data()), size(bytes.size()) {}
};

namespace detail {

template <>
struct is_view<std::string_view> : std::true_type {};
template <>
struct is_view<const char *> : std::true_type {};
template <>
struct is_view<bytes_view> : std::true_type {};

// Fills a new container value of `count` slots: fill(slots) stores new values into them, which
// the container then owns (so a conversion that throws half-way leaks nothing).
template <typename Fill>
value make_slots(bool map, std::size_t count, Fill fill) {
	value out(map ? metacall_value_create_map(nullptr, count) : metacall_value_create_array(nullptr, count));
	if (!out)
		throw last_error(map ? "metacall_value_create_map" : "metacall_value_create_array");
	fill(map ? metacall_value_to_map(out.get()) : metacall_value_to_array(out.get()));
	return out;
}

// Converts element `index` of a container, naming it in the message of a failed conversion.
template <typename T>
T element(void *v, std::size_t index) {
	try {
		return convert<T>::from_value(v);
	} catch (const range_error &e) {
		throw range_error("element " + std::to_string(index) + ": " + e.what());
	} catch (const type_error &e) {
		throw type_error("element " + std::to_string(index) + ": " + e.what());
	}
}

// ---- Numbers ----

template <typename T>
constexpr const char *integer_name() {
	if constexpr (std::is_same_v<T, char>)
		return "char";
	else if constexpr (std::is_same_v<T, signed char>)
		return "signed char";
	else if constexpr (std::is_same_v<T, unsigned char>)
		return "unsigned char";
	else if constexpr (std::is_same_v<T, short>)
		return "short";
	else if constexpr (std::is_same_v<T, unsigned short>)
		return "unsigned short";
	else if constexpr (std::is_same_v<T, int>)
		return "int";
	else if constexpr (std::is_same_v<T, unsigned>)
		return "unsigned int";
	else if constexpr (std::is_same_v<T, long>)
		return "long";
	else if constexpr (std::is_same_v<T, unsigned long>)
		return "unsigned long";
	else if constexpr (std::is_same_v<T, long long>)
		return "long long";
	else if constexpr (std::is_same_v<T, unsigned long long>)
		return "unsigned long long";
	else
		return "an integer type";
}

// Whether every T fits in a U.
template <typename T, typename U>
constexpr bool covers() {
	using limits_t = std::numeric_limits<T>;
	using limits_u = std::numeric_limits<U>;
	if constexpr (std::is_signed_v<T> && !std::is_signed_v<U>)
		return false;
	else if constexpr (std::is_signed_v<T>)
		return limits_t::min() >= limits_u::min() && limits_t::max() <= limits_u::max();
	else
		return static_cast<unsigned long long>(limits_t::max()) <=
		       static_cast<unsigned long long>(limits_u::max());
}

// The value type of an integer type: char is Char; any other the smallest of Short, Integer
// and Long that holds all of its values, else Long (checked when converting).
template <typename T>
constexpr value_id integer_id() {
	if constexpr (std::is_same_v<T, char> || (std::is_same_v<T, signed char> && covers<signed char, char>()))
		return METACALL_CHAR;
	else if constexpr (covers<T, short>())
		return METACALL_SHORT;
	else if constexpr (covers<T, int>())
		return METACALL_INT;
	else
		return METACALL_LONG;
}

// Whether the integer `x` (of any integer type) fits in a T.
template <typename T, typename X>
constexpr bool fits(X x) {
	if constexpr (covers<X, T>())
		return true;
	else if constexpr (std::is_signed_v<X> && std::is_signed_v<T>)
		return x >= std::numeric_limits<T>::min() && x <= std::numeric_limits<T>::max();
	else if constexpr (std::is_signed_v<X>) // to unsigned
		return x >= 0 && static_cast<std::make_unsigned_t<X>>(x) <= std::numeric_limits<T>::max();
	else // from unsigned: only the upper bound matters
		return static_cast<unsigned long long>(x) <=
		       static_cast<unsigned long long>(std::numeric_limits<T>::max());
}

// The integer held by `v` (Char, Short, Integer or Long), widened; type_error for anything else.
inline long read_integer(void *v, const char *target) {
	switch (id_of(v)) {
	case METACALL_CHAR:
		return metacall_value_to_char(v);
	case METACALL_SHORT:
		return metacall_value_to_short(v);
	case METACALL_INT:
		return metacall_value_to_int(v);
	case METACALL_LONG:
		return metacall_value_to_long(v);
	default:
		throw_mismatch(target, "Char, Short, Integer or Long", v);
	}
}

// The shortest text that reads back as `d` ("3.5", "1e+300", "nan"), for error messages.
inline std::string number_text(double d) {
	char text[32];
	for (int precision = 1; precision < 17; ++precision) {
		std::snprintf(text, sizeof text, "%.*g", precision, d);
		if (std::strtod(text, nullptr) == d)
			return text;
	}
	std::snprintf(text, sizeof text, "%.17g", d);
	return text;
}

/* The Float or Double `v` as a T when it holds a whole number in T's range (JavaScript numbers
 * are doubles: 42.0 is 42), else a range_error naming the value and T (3.5, NaN, 1e300 for int).
 * T's bounds are powers of two, exact in a double, so the range check itself never rounds. */
template <typename T>
T whole_number(void *v, const char *target) {
	const double d = id_of(v) == METACALL_FLOAT ? static_cast<double>(metacall_value_to_float(v))
	                                            : metacall_value_to_double(v);
	const char *problem = nullptr;
	if (std::isnan(d))
		problem = "is not a number";
	else if (std::trunc(d) != d) // infinities pass here and fail the range check
		problem = "is not a whole number";
	else {
		const double end = std::ldexp(1.0, std::numeric_limits<T>::digits); // max + 1
		const double lowest = std::is_signed_v<T> ? -end : 0.0;             // -0.0 passes: it is 0
		if (!(d >= lowest && d < end))
			problem = "does not fit";
	}
	if (problem != nullptr)
		throw range_error(std::string("cannot convert to ") + target + ": the " + name_of(v) + " " +
		                  number_text(d) + " " + problem);
	return static_cast<T>(d);
}

} // namespace detail

// ---- bool, characters, integers ----

template <>
struct convert<bool> {
	static constexpr value_id id = METACALL_BOOL;
	static value to_value(bool b) { return value(metacall_value_create_bool(b ? 1 : 0)); }
	static bool from_value(void *v) {
		detail::expect(v, METACALL_BOOL, "bool");
		return metacall_value_to_bool(v) != 0;
	}
};

/* Integers: from_value accepts a Char, Short, Integer or Long whose value fits in T, and a Float
 * or Double that holds a whole number that fits in T (42.0, -0.0; a range_error naming the value
 * for 3.5, NaN, infinities or a number beyond T); Boolean values are refused. to_value gives the
 * value type in detail::integer_id (an unsigned value beyond Long's range is a range_error). */
template <typename T>
struct convert<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
	static constexpr value_id id = detail::integer_id<T>();

	static value to_value(T x) {
		if constexpr (id == METACALL_CHAR)
			return value(metacall_value_create_char(static_cast<char>(x)));
		else if constexpr (id == METACALL_SHORT)
			return value(metacall_value_create_short(static_cast<short>(x)));
		else if constexpr (id == METACALL_INT)
			return value(metacall_value_create_int(static_cast<int>(x)));
		else {
			if (!detail::fits<long>(x))
				throw range_error(std::to_string(x) + " (" + detail::integer_name<T>() +
				                  ") does not fit in a Long value");
			return value(metacall_value_create_long(static_cast<long>(x)));
		}
	}

	static T from_value(void *v) {
		switch (detail::id_of(v)) {
		case METACALL_CHAR:
		case METACALL_SHORT:
		case METACALL_INT:
		case METACALL_LONG:
			break;
		case METACALL_FLOAT:
		case METACALL_DOUBLE:
			return detail::whole_number<T>(v, detail::integer_name<T>());
		default:
			detail::throw_mismatch(detail::integer_name<T>(), "Char, Short, Integer, Long, Float or Double",
			                       v);
		}
		const long x = detail::read_integer(v, detail::integer_name<T>());
		if (!detail::fits<T>(x))
			throw range_error(std::string("cannot convert to ") + detail::integer_name<T>() + ": the " +
			                  detail::name_of(v) + " " + std::to_string(x) + " does not fit");
		return static_cast<T>(x);
	}
};

// ---- Floating point ----

/* float and double: from_value accepts Float, Double and the integer types (Char, Short,
 * Integer, Long); a double beyond float's range is a range_error for float. */
template <typename T>
struct convert<T, std::enable_if_t<std::is_same_v<T, float> || std::is_same_v<T, double>>> {
	static constexpr value_id id = std::is_same_v<T, float> ? METACALL_FLOAT : METACALL_DOUBLE;
	static constexpr const char *name = std::is_same_v<T, float> ? "float" : "double";

	static value to_value(T x) {
		if constexpr (std::is_same_v<T, float>)
			return value(metacall_value_create_float(x));
		else
			return value(metacall_value_create_double(x));
	}

	static T from_value(void *v) {
		switch (detail::id_of(v)) {
		case METACALL_FLOAT:
			return static_cast<T>(metacall_value_to_float(v));
		case METACALL_DOUBLE: {
			const double d = metacall_value_to_double(v);
			if constexpr (std::is_same_v<T, float>) {
				if (std::isfinite(d) && std::fabs(d) > static_cast<double>(std::numeric_limits<float>::max()))
					throw range_error("cannot convert to float: the Double " + std::to_string(d) +
					                  " does not fit");
			}
			return static_cast<T>(d);
		}
		case METACALL_CHAR:
		case METACALL_SHORT:
		case METACALL_INT:
		case METACALL_LONG:
			return static_cast<T>(detail::read_integer(v, name));
		default:
			detail::throw_mismatch(name, "Float, Double or an integer", v);
		}
	}
};

// ---- Strings: explicit lengths, so embedded NUL bytes are kept ----

template <>
struct convert<std::string_view> {
	static constexpr value_id id = METACALL_STRING;
	static value to_value(std::string_view s) {
		value out(metacall_value_create_string(s.data(), s.size()));
		if (!out)
			throw detail::last_error("metacall_value_create_string");
		return out;
	}
	// Points into `v`: valid while `v` lives and is unchanged.
	static std::string_view from_value(void *v) {
		detail::expect(v, METACALL_STRING, "std::string_view");
		return std::string_view(metacall_value_to_string(v), metacall_value_size(v) - 1);
	}
};

template <>
struct convert<std::string> {
	static constexpr value_id id = METACALL_STRING;
	static value to_value(const std::string &s) { return convert<std::string_view>::to_value(s); }
	static std::string from_value(void *v) {
		detail::expect(v, METACALL_STRING, "std::string");
		return std::string(metacall_value_to_string(v), metacall_value_size(v) - 1);
	}
};

/* A NUL-terminated string; nullptr converts to null and back. from_value points into `v` (and
 * stops at an embedded NUL: use std::string to keep those). */
template <>
struct convert<const char *> {
	static constexpr value_id id = METACALL_STRING;
	static value to_value(const char *s) {
		return s == nullptr ? value(metacall_value_create_null()) : convert<std::string_view>::to_value(s);
	}
	static const char *from_value(void *v) {
		if (detail::id_of(v) == METACALL_NULL)
			return nullptr;
		detail::expect(v, METACALL_STRING, "const char *");
		return metacall_value_to_string(v);
	}
};

// ---- Bytes: Buffer values ----

template <>
struct convert<bytes_view> {
	static constexpr value_id id = METACALL_BUFFER;
	static value to_value(bytes_view bytes) {
		// A NULL buffer would mean "zero-filled" to the C API: give it a real address.
		static const char empty = 0;
		value out(metacall_value_create_buffer(bytes.data != nullptr ? bytes.data : &empty, bytes.size));
		if (!out)
			throw detail::last_error("metacall_value_create_buffer");
		return out;
	}
	// Points into `v`: valid while `v` lives and is unchanged.
	static bytes_view from_value(void *v) {
		detail::expect(v, METACALL_BUFFER, "metacall::bytes_view");
		return bytes_view(metacall_value_to_buffer(v), metacall_value_size(v));
	}
};

/* Enumerations: their underlying integer, both ways (a value out of the underlying type's range
 * is a range_error; one that names no enumerator is accepted, as a C++ cast would). */
template <typename E>
struct convert<E, std::enable_if_t<std::is_enum_v<E>>> {
	using underlying = std::underlying_type_t<E>;
	static constexpr value_id id = convert<underlying>::id;
	static value to_value(E x) { return convert<underlying>::to_value(static_cast<underlying>(x)); }
	static E from_value(void *v) { return static_cast<E>(convert<underlying>::from_value(v)); }
};

template <>
struct convert<std::vector<std::byte>> {
	static constexpr value_id id = METACALL_BUFFER;
	static value to_value(const std::vector<std::byte> &bytes) {
		return convert<bytes_view>::to_value(bytes);
	}
	static std::vector<std::byte> from_value(void *v) {
		detail::expect(v, METACALL_BUFFER, "std::vector<std::byte>");
		const auto *data = static_cast<const std::byte *>(metacall_value_to_buffer(v));
		return std::vector<std::byte>(data, data + metacall_value_size(v));
	}
};

// ---- Null, optional ----

template <>
struct convert<std::nullptr_t> {
	static constexpr value_id id = METACALL_NULL;
	static value to_value(std::nullptr_t) { return value(metacall_value_create_null()); }
	static std::nullptr_t from_value(void *v) {
		detail::expect(v, METACALL_NULL, "std::nullptr_t");
		return nullptr;
	}
};

template <>
struct convert<std::nullopt_t> {
	static constexpr value_id id = METACALL_NULL;
	static value to_value(std::nullopt_t) { return value(metacall_value_create_null()); }
};

/* std::nullopt <-> null; anything else converts as T. Declared type: any (so null gets through). */
template <typename T>
struct convert<std::optional<T>> {
	static constexpr value_id id = METACALL_INVALID;
	static value to_value(const std::optional<T> &x) {
		return x ? convert<T>::to_value(*x) : value(metacall_value_create_null());
	}
	static std::optional<T> from_value(void *v) {
		if (detail::id_of(v) == METACALL_NULL)
			return std::nullopt;
		return convert<T>::from_value(v);
	}
};

// ---- Containers ----

/* std::vector<T> <-> Array (elements converted one by one; the message of a failed element names
 * its index). std::vector<std::byte> is a Buffer instead (see above). */
template <typename T, typename Allocator>
struct convert<std::vector<T, Allocator>> {
	static constexpr value_id id = METACALL_ARRAY;

	static value to_value(const std::vector<T, Allocator> &items) {
		return detail::make_slots(false, items.size(), [&](void **slots) {
			for (std::size_t i = 0; i < items.size(); ++i)
				slots[i] = convert<T>::to_value(items[i]).release();
		});
	}
	// Moves the elements (metacall::value elements are taken, not copied).
	static value to_value(std::vector<T, Allocator> &&items) {
		return detail::make_slots(false, items.size(), [&](void **slots) {
			for (std::size_t i = 0; i < items.size(); ++i)
				slots[i] = convert<T>::to_value(std::move(items[i])).release();
		});
	}

	static std::vector<T, Allocator> from_value(void *v) {
		detail::expect(v, METACALL_ARRAY, "std::vector");
		void **slots = metacall_value_to_array(v);
		const std::size_t count = metacall_value_count(v);
		std::vector<T, Allocator> items;
		items.reserve(count);
		for (std::size_t i = 0; i < count; ++i)
			items.push_back(detail::element<T>(slots[i], i));
		return items;
	}
};

#if defined(__cpp_lib_span)
namespace detail {
template <>
struct is_view<std::span<const std::byte>> : std::true_type {};
} // namespace detail

/* std::span<const std::byte> <-> Buffer, without a copy when read (it points into the value, as
 * bytes_view does); std::span<const T> of other elements -> Array (to a value only: a span views
 * memory the value does not have). C++20. */
template <>
struct convert<std::span<const std::byte>> {
	static constexpr value_id id = METACALL_BUFFER;
	static value to_value(std::span<const std::byte> bytes) {
		return convert<bytes_view>::to_value(bytes_view(bytes.data(), bytes.size()));
	}
	static std::span<const std::byte> from_value(void *v) {
		const bytes_view bytes = convert<bytes_view>::from_value(v);
		return {static_cast<const std::byte *>(bytes.data), bytes.size};
	}
};

template <typename T, std::size_t Extent>
struct convert<std::span<const T, Extent>, std::enable_if_t<!std::is_same_v<T, std::byte>>> {
	static constexpr value_id id = METACALL_ARRAY;
	static value to_value(std::span<const T, Extent> items) {
		return detail::make_slots(false, items.size(), [&](void **slots) {
			for (std::size_t i = 0; i < items.size(); ++i)
				slots[i] = convert<T>::to_value(items[i]).release();
		});
	}
};
#endif

namespace detail {

// Maps are arrays of [key, value] arrays (metacall_value.h).
template <typename Map>
struct map_convert {
	using key_type = typename Map::key_type;
	using mapped_type = typename Map::mapped_type;
	static constexpr value_id id = METACALL_MAP;

	static value to_value(const Map &entries) {
		return make_slots(true, entries.size(), [&](void **tuples) {
			std::size_t i = 0;
			for (const auto &entry : entries) {
				tuples[i++] = make_slots(false, 2, [&](void **pair) {
					              pair[0] = convert<key_type>::to_value(entry.first).release();
					              pair[1] = convert<mapped_type>::to_value(entry.second).release();
				              }).release();
			}
		});
	}

	// A key given twice keeps its last value.
	static Map from_value(void *v) {
		expect(v, METACALL_MAP, "a map");
		void **tuples = metacall_value_to_map(v);
		const std::size_t count = metacall_value_count(v);
		Map entries;
		for (std::size_t i = 0; i < count; ++i) {
			if (id_of(tuples[i]) != METACALL_ARRAY || metacall_value_count(tuples[i]) != 2)
				throw type_error("cannot convert to a map: entry " + std::to_string(i) +
				                 " is not a [key, value] Array");
			void **pair = metacall_value_to_array(tuples[i]);
			entries.insert_or_assign(element<key_type>(pair[0], i), element<mapped_type>(pair[1], i));
		}
		return entries;
	}
};

} // namespace detail

template <typename K, typename V, typename Compare, typename Allocator>
struct convert<std::map<K, V, Compare, Allocator>> : detail::map_convert<std::map<K, V, Compare, Allocator>> {
};

template <typename K, typename V, typename Hash, typename Equal, typename Allocator>
struct convert<std::unordered_map<K, V, Hash, Equal, Allocator>>
    : detail::map_convert<std::unordered_map<K, V, Hash, Equal, Allocator>> {};

// ---- Pairs, tuples, variants ----

namespace detail {

// std::pair and std::tuple <-> an Array of exactly as many elements, converted in order; a wrong
// length or a failed element is a type_error naming the length or the element's index.
template <typename Tuple, typename... T>
struct tuple_convert {
	static constexpr value_id id = METACALL_ARRAY;

	template <typename Source>
	static value to_value(const Source &items) {
		return make_slots(false, sizeof...(T), [&](void **slots) {
			std::apply(
			    [&](const auto &...item) {
				    std::size_t i = 0;
				    ((slots[i++] = convert<plain_t<decltype(item)>>::to_value(item).release()), ...);
				    static_cast<void>(i); // unused for std::tuple<>
			    },
			    items);
		});
	}

	static Tuple from_value(void *v, const char *target) {
		expect(v, METACALL_ARRAY, target);
		const std::size_t count = metacall_value_count(v);
		if (count != sizeof...(T))
			throw type_error(std::string("cannot convert to ") + target + ": expected an Array of " +
			                 std::to_string(sizeof...(T)) + " elements, got " + std::to_string(count));
		return read(metacall_value_to_array(v), std::index_sequence_for<T...>{});
	}

	template <std::size_t... I>
	static Tuple read(void **slots, std::index_sequence<I...>) {
		// Braced initialisation: the elements are converted in order, first error first.
		return Tuple{element<T>(slots[I], I)...};
	}
};

} // namespace detail

template <typename A, typename B>
struct convert<std::pair<A, B>> : detail::tuple_convert<std::pair<A, B>, A, B> {
	static std::pair<A, B> from_value(void *v) {
		return detail::tuple_convert<std::pair<A, B>, A, B>::from_value(v, "std::pair");
	}
};

template <typename... T>
struct convert<std::tuple<T...>> : detail::tuple_convert<std::tuple<T...>, T...> {
	static std::tuple<T...> from_value(void *v) {
		return detail::tuple_convert<std::tuple<T...>, T...>::from_value(v, "std::tuple");
	}
};

/* std::variant: to_value converts the alternative it holds; from_value gives the first
 * alternative, in declaration order, whose conversion accepts the value (so put the narrower
 * ones first: std::variant<long, double> reads 3.0 as long 3 and 3.5 as double), and a type_error
 * naming the value's type when none does. Declared type: any. */
template <typename... T>
struct convert<std::variant<T...>> {
	static constexpr value_id id = METACALL_INVALID;

	static value to_value(const std::variant<T...> &x) {
		if (x.valueless_by_exception())
			throw type_error("cannot convert a std::variant that is valueless by exception");
		return std::visit([](const auto &held) { return value::from(held); }, x);
	}

	static std::variant<T...> from_value(void *v) {
		std::optional<std::variant<T...>> out;
		try_each(v, out, std::index_sequence_for<T...>{});
		if (!out)
			throw type_error(std::string("cannot convert to std::variant: no alternative accepts a ") +
			                 detail::name_of(v));
		return std::move(*out);
	}

private:
	template <std::size_t... I>
	static void try_each(void *v, std::optional<std::variant<T...>> &out, std::index_sequence<I...>) {
		static_cast<void>((try_one<I>(v, out) || ...));
	}

	// By index, so that a type given twice is still one alternative.
	template <std::size_t I>
	static bool try_one(void *v, std::optional<std::variant<T...>> &out) {
		using alternative = std::variant_alternative_t<I, std::variant<T...>>;
		try {
			out.emplace(std::in_place_index<I>, convert<alternative>::from_value(v));
			return true;
		} catch (const type_error &) {
			return false;
		}
	}
};

// ---- Durations ----

/* std::chrono::duration <-> a Double of SECONDS (the unit of Python's time and timedelta
 * .total_seconds(); JavaScript's milliseconds have to be divided by 1000). from_value accepts any
 * number; an integer representation is rounded to the nearest tick, and a count that does not fit
 * (or NaN, infinities) is a range_error. */
template <typename Rep, typename Period>
struct convert<std::chrono::duration<Rep, Period>> {
	static constexpr value_id id = METACALL_DOUBLE;
	using duration = std::chrono::duration<Rep, Period>;

	static value to_value(const duration &d) {
		return value(metacall_value_create_double(std::chrono::duration<double>(d).count()));
	}

	static duration from_value(void *v) {
		double seconds = 0;
		try {
			seconds = convert<double>::from_value(v);
		} catch (const type_error &) {
			detail::throw_mismatch("std::chrono::duration", "a number of seconds", v);
		}
		const double ticks = seconds * static_cast<double>(Period::den) / static_cast<double>(Period::num);
		if constexpr (std::is_floating_point_v<Rep>) {
			return duration(static_cast<Rep>(ticks));
		} else {
			const double rounded = std::round(ticks);
			const double end = std::ldexp(1.0, std::numeric_limits<Rep>::digits); // max + 1
			const double lowest = std::is_signed_v<Rep> ? -end : 0.0;
			if (!(rounded >= lowest && rounded < end))
				throw range_error("cannot convert to std::chrono::duration: " + detail::number_text(seconds) +
				                  " seconds does not fit");
			return duration(static_cast<Rep>(rounded));
		}
	}
};

// ---- metacall::value itself: any type ----

template <>
struct convert<value> {
	static constexpr value_id id = METACALL_INVALID;
	static value to_value(const value &v) { return v.copy(); }
	static value to_value(value &&v) noexcept { return std::move(v); }
	// A copy of `v` (a null value for NULL).
	static value from_value(void *v) { return value::copy_of(v); }
};

// ======================================================================================
// Functions
// ======================================================================================

namespace detail {

// The signature of a callable with one non-template operator(), or of a function pointer.
template <typename R, typename... A>
struct signature_traits {
	using result = R;
	using arguments = std::tuple<A...>;
};

template <typename F, typename = void>
struct callable_traits {};
template <typename R, typename... A>
struct callable_traits<R (*)(A...)> : signature_traits<R, A...> {};
template <typename R, typename... A>
struct callable_traits<R (*)(A...) noexcept> : signature_traits<R, A...> {};

template <typename M>
struct operator_traits {};
template <typename C, typename R, typename... A>
struct operator_traits<R (C::*)(A...)> : signature_traits<R, A...> {};
template <typename C, typename R, typename... A>
struct operator_traits<R (C::*)(A...) const> : signature_traits<R, A...> {};
template <typename C, typename R, typename... A>
struct operator_traits<R (C::*)(A...) noexcept> : signature_traits<R, A...> {};
template <typename C, typename R, typename... A>
struct operator_traits<R (C::*)(A...) const noexcept> : signature_traits<R, A...> {};

template <typename F>
struct callable_traits<F, std::void_t<decltype(&F::operator())>> : operator_traits<decltype(&F::operator())> {
};

template <typename F, typename = void>
struct is_callable : std::false_type {};
template <typename F>
struct is_callable<F, std::void_t<typename callable_traits<F>::result>> : std::true_type {};

template <typename F>
struct is_std_function : std::false_type {};
template <typename S>
struct is_std_function<std::function<S>> : std::true_type {};

} // namespace detail

class function;

namespace detail {
template <std::size_t N>
class arguments;
}

/* A function of any loader or of the host, callable from C++.
 *
 * Owning or not: a function made from a function value (function(value), lookup, handle::function,
 * from, register_function, a function received as an argument or a result) keeps the function
 * alive: after its handle is cleared, or after metacall_destroy, calling it throws metacall::error
 * instead of crashing. One made from a raw function pointer (function(void *)) borrows it: valid
 * until its handle is cleared or metacall_destroy, as the pointer itself. Copies share the function.
 */
class function {
public:
	function() noexcept = default;
	// Borrows `func` (from metacall_function, metacall_handle_function, metacall_register).
	explicit function(void *func) noexcept : func_(func) {}
	// Takes the function value `v`. Throws type_error when it is not a Function.
	explicit function(value v) : value_(std::move(v)) {
		detail::expect(value_.get(), METACALL_FUNCTION, "metacall::function");
		func_ = metacall_value_to_function(value_.get());
	}
	function(const function &other)
	    : value_(other.value_ ? other.value_.copy() : value()), func_(other.func_) {}
	function &operator=(const function &other) {
		if (this != &other)
			*this = function(other);
		return *this;
	}
	function(function &&other) noexcept
	    : value_(std::move(other.value_)), func_(std::exchange(other.func_, nullptr)) {}
	function &operator=(function &&other) noexcept {
		value_ = std::move(other.value_);
		func_ = std::exchange(other.func_, nullptr);
		return *this;
	}
	~function() = default;

	/* The function `name` of the global scope (owning). Throws error when there is none. */
	static function lookup(const char *name) {
		void *func = metacall_function(name);
		if (func == nullptr)
			throw detail::last_error("metacall_function");
		return function(value(metacall_value_create_function(func)));
	}
	static function lookup(const std::string &name) { return lookup(name.c_str()); }

	/* A new anonymous host function running `callable` (owning). Its parameter and result types are
	 * deduced from the callable's signature (see register_function). The callable is moved or
	 * copied into storage that lives until the runtime is destroyed (metacall::destroy, the
	 * metacall::runtime destructor, or the first use of this header after a metacall_destroy):
	 * like the anonymous host function itself, which the C API keeps until metacall_destroy. So
	 * each call registers one more function: make a function once and reuse it, not per call.
	 * Throws error when the runtime is not initialized. */
	template <typename F>
	static function from(F &&callable);

	// The function pointer for the C API (metacallfv_s, ...); borrowed from this object.
	void *get() const noexcept { return func_; }
	explicit operator bool() const noexcept { return func_ != nullptr; }
	bool owning() const noexcept { return static_cast<bool>(value_); }

	std::size_t arity() const noexcept { return metacall_function_size(func_); }
	bool is_async() const noexcept { return metacall_function_async(func_) == 1; }

	// A new function value referring to this function (with its closure, if any).
	value to_value() const {
		if (value_)
			return value_.copy();
		value out(metacall_value_create_function(func_));
		if (!out)
			throw detail::last_error("metacall_value_create_function");
		return out;
	}

	/* Calls the function with `args` converted by convert<>, and converts the result to R (void:
	 * ignored; metacall::value: as is). An async function's result is a Future value: use await.
	 * Throws exception when the function raised an error, error when it could not be called,
	 * type_error when an argument or the result does not convert. */
	template <typename R = value, typename... Args>
	R call(Args &&...args) const;

	template <typename... Args>
	value operator()(Args &&...args) const {
		return call<value>(std::forward<Args>(args)...);
	}

private:
	template <std::size_t N>
	friend class detail::arguments;

	value value_; // set when owning
	void *func_ = nullptr;
};

template <>
struct convert<function> {
	static constexpr value_id id = METACALL_FUNCTION;
	static value to_value(const function &f) { return f.to_value(); }
	static function from_value(void *v) {
		detail::expect(v, METACALL_FUNCTION, "metacall::function");
		return function(value::copy_of(v));
	}
};

/* std::function: to_value makes a host function of it (function::from); from_value wraps a
 * Function value: calling it calls the function (and throws as function::call does). */
template <typename R, typename... A>
struct convert<std::function<R(A...)>> {
	static constexpr value_id id = METACALL_FUNCTION;
	static value to_value(std::function<R(A...)> f);
	static std::function<R(A...)> from_value(void *v) {
		function target = convert<function>::from_value(v);
		return [target](A... args) -> R { return target.call<R>(std::forward<A>(args)...); };
	}
};

/* Any other callable (lambda, function object, function pointer): a host function made with
 * function::from. One way only: a value cannot become a lambda. */
template <typename F>
struct convert<F, std::enable_if_t<detail::is_callable<F>::value && !detail::is_std_function<F>::value &&
                                   !std::is_same_v<F, function>>> {
	static constexpr value_id id = METACALL_FUNCTION;
	template <typename G>
	static value to_value(G &&callable);
};

// ---- Types of the host: to_metacall / from_metacall, found by argument-dependent lookup ----

/* Builds the Map of a type of the host, field by field, in a to_metacall function:
 *
 *     namespace shop {
 *     struct item { std::string name; long quantity = 0; std::optional<double> price; };
 *     inline void to_metacall(metacall::map_builder &m, const item &i) {
 *         m.field("name", i.name).field("quantity", i.quantity).field("price", i.price);
 *     }
 *     inline void from_metacall(const metacall::map_reader &m, item &i) {
 *         m.field("name", i.name).field("quantity", i.quantity).field("price", i.price);
 *     }
 *     } // namespace shop
 *
 * Declared in the type's own namespace, they make it a Map value everywhere a convert<T> is used:
 * metacall::value::from, call<R>, arguments and results of host functions, containers. */
class map_builder {
public:
	// Adds the field `name` with the value of `x` (through convert<T>).
	template <typename T>
	map_builder &field(std::string_view name, const T &x) {
		entries_.emplace_back(convert<std::string_view>::to_value(name), value::from(x));
		return *this;
	}

	// The Map of the fields added so far, in order; empties this builder.
	value build() {
		value out = detail::make_slots(true, entries_.size(), [&](void **tuples) {
			for (std::size_t i = 0; i < entries_.size(); ++i)
				tuples[i] = detail::make_slots(false, 2, [&](void **pair) {
					            pair[0] = entries_[i].first.release();
					            pair[1] = entries_[i].second.release();
				            }).release();
		});
		entries_.clear();
		return out;
	}

private:
	std::vector<std::pair<value, value>> entries_;
};

/* Reads the fields of a Map in a from_metacall function (see map_builder). A field that is
 * missing, or whose value does not convert, is a type_error naming the field; a missing field
 * read into a std::optional is std::nullopt instead. Borrows the Map: use it only inside
 * from_metacall. */
class map_reader {
public:
	explicit map_reader(void *map) : map_(map) { detail::expect(map, METACALL_MAP, "a type of the host"); }

	// Reads the field `name` into `out`.
	template <typename T>
	const map_reader &field(std::string_view name, T &out) const {
		void *v = find(name);
		if (v == nullptr && !has(name)) {
			if constexpr (is_optional<T>::value) {
				out = std::nullopt;
				return *this;
			} else {
				throw type_error("field \"" + std::string(name) + "\" is missing");
			}
		}
		try {
			out = convert<T>::from_value(v);
		} catch (const range_error &e) {
			throw range_error("field \"" + std::string(name) + "\": " + e.what());
		} catch (const type_error &e) {
			throw type_error("field \"" + std::string(name) + "\": " + e.what());
		}
		return *this;
	}

	// Whether the Map has a field `name` (of any value, null included).
	bool has(std::string_view name) const {
		void **tuples = metacall_value_to_map(map_);
		for (std::size_t i = 0, count = metacall_value_count(map_); i < count; ++i)
			if (key_is(tuples[i], name))
				return true;
		return false;
	}

	// The value of the field `name`, BORROWED; NULL when missing (or a NULL slot).
	void *find(std::string_view name) const {
		void **tuples = metacall_value_to_map(map_);
		for (std::size_t i = 0, count = metacall_value_count(map_); i < count; ++i)
			if (key_is(tuples[i], name))
				return metacall_value_to_array(tuples[i])[1];
		return nullptr;
	}

	void *get() const noexcept { return map_; }

private:
	template <typename T>
	struct is_optional : std::false_type {};
	template <typename T>
	struct is_optional<std::optional<T>> : std::true_type {};

	static bool key_is(void *tuple, std::string_view name) {
		if (detail::id_of(tuple) != METACALL_ARRAY || metacall_value_count(tuple) != 2)
			return false;
		void *key = metacall_value_to_array(tuple)[0];
		return detail::id_of(key) == METACALL_STRING &&
		       std::string_view(metacall_value_to_string(key), metacall_value_size(key) - 1) == name;
	}

	void *map_;
};

namespace detail {

// Whether to_metacall / from_metacall for T are found by argument-dependent lookup (no function
// of that name is declared in metacall, so only T's own namespaces are searched).
template <typename T, typename = void>
struct has_to_metacall : std::false_type {};
template <typename T>
struct has_to_metacall<
    T, std::void_t<decltype(to_metacall(std::declval<map_builder &>(), std::declval<const T &>()))>>
    : std::true_type {};

template <typename T, typename = void>
struct has_from_metacall : std::false_type {};
template <typename T>
struct has_from_metacall<
    T, std::void_t<decltype(from_metacall(std::declval<const map_reader &>(), std::declval<T &>()))>>
    : std::true_type {};

} // namespace detail

/* A type of the host with to_metacall and/or from_metacall (see map_builder) <-> a Map.
 * from_value default-constructs the T, then lets from_metacall fill it. */
template <typename T>
struct convert<T,
               std::enable_if_t<(detail::has_to_metacall<T>::value || detail::has_from_metacall<T>::value) &&
                                !detail::is_callable<T>::value>> {
	static constexpr value_id id = METACALL_MAP;

	static value to_value(const T &x) {
		map_builder fields;
		to_metacall(fields, x);
		return fields.build();
	}

	static T from_value(void *v) {
		const map_reader fields(v);
		T x{};
		from_metacall(fields, x);
		return x;
	}
};

// ======================================================================================
// C++ callables as host functions
// ======================================================================================

namespace detail {

// Inside a catch of a conversion error: throws it again, of the same kind, with `where` before its
// message ("calling 'twice': argument 2: cannot convert to long: ...").
[[noreturn]] inline void rethrow_in(const std::string &where) {
	try {
		throw;
	} catch (const range_error &e) {
		throw range_error(where + ": " + e.what());
	} catch (const type_error &e) {
		throw type_error(where + ": " + e.what());
	}
}

// Runs `body`, turning any C++ exception into a throwable for the C API: nothing may propagate
// through C frames. metacall::exception keeps its label, code and stack trace.
template <typename Body>
void *guarded(Body &&body) noexcept {
	try {
		return body();
	} catch (const exception &e) {
		return metacall_error_throw(e.label().c_str(), e.code(), e.stacktrace().c_str(), "%s", e.what());
	} catch (const error &e) {
		return metacall_error_throw(e.label().c_str(), 0, nullptr, "%s", e.what());
	} catch (const std::exception &e) {
		return metacall_error_throw("CppError", 0, nullptr, "%s", e.what());
	} catch (...) {
		return metacall_error_throw("CppError", 0, nullptr, "%s", "an unknown C++ exception was thrown");
	}
}

// Storage for a callable that a host function calls.
class closure_base {
public:
	virtual ~closure_base() = default;
	// argv is borrowed; returns a new value (NULL means null) or a throwable.
	virtual void *invoke(std::size_t argc, void *argv[]) noexcept = 0;
};

// By value: a const reference parameter binds to the converted temporary for the call.
// The conversion error of a C++ host function's argument `index` names the position.
template <typename T>
plain_t<T> argument_from(void *v, std::size_t index) {
	using P = plain_t<T>;
	static_assert(!std::is_lvalue_reference_v<T> || std::is_const_v<std::remove_reference_t<T>>,
	              "parameters of C++ host functions are taken by value or by const reference");
	try {
		return convert<P>::from_value(v);
	} catch (const type_error &) {
		rethrow_in("argument " + std::to_string(index + 1) + " of the C++ host function");
	}
}

template <typename F>
class closure final : public closure_base {
public:
	template <typename G>
	explicit closure(G &&callable) : callable_(std::forward<G>(callable)) {}

	void *invoke(std::size_t argc, void *argv[]) noexcept override {
		return guarded([&]() -> void * {
			if (argc != arity)
				throw type_error("the C++ host function expects " + std::to_string(arity) +
				                 " arguments, got " + std::to_string(argc));
			return apply(argv, std::make_index_sequence<arity>());
		});
	}

private:
	using traits = callable_traits<F>;
	static constexpr std::size_t arity = std::tuple_size_v<typename traits::arguments>;

	template <std::size_t... I>
	void *apply(void *argv[], std::index_sequence<I...>) {
		using R = typename traits::result;
		if constexpr (std::is_void_v<R>) {
			std::invoke(callable_,
			            argument_from<std::tuple_element_t<I, typename traits::arguments>>(argv[I], I)...);
			return nullptr;
		} else {
			return convert<plain_t<R>>::to_value(
			           std::invoke(
			               callable_,
			               argument_from<std::tuple_element_t<I, typename traits::arguments>>(argv[I], I)...))
			    .release();
		}
	}

	F callable_;
};

// The declared types of a host function made from a callable F.
template <typename F>
struct signature_of {
	using traits = callable_traits<F>;
	using arguments = typename traits::arguments;
	static constexpr std::size_t arity = std::tuple_size_v<arguments>;

	static value_id result_id() {
		using R = typename traits::result;
		if constexpr (std::is_void_v<R>)
			return METACALL_NULL;
		else
			return convert<plain_t<R>>::id;
	}
	template <std::size_t... I>
	static std::array<value_id, arity> parameter_ids(std::index_sequence<I...>) {
		return {{convert<plain_t<std::tuple_element_t<I, arguments>>>::id...}};
	}
	static std::array<value_id, arity> parameter_ids() {
		return parameter_ids(std::make_index_sequence<arity>());
	}
};

template <typename F>
void check_callable() {
	static_assert(
	    is_callable<F>::value,
	    "a C++ host function must be a function pointer or an object with exactly one, non-template "
	    "operator() (a lambda with typed parameters, not auto)");
}

// The invoke function of every C++ host function, named or anonymous: `data` is its callable
// (a closure_base kept by the session that registered it).
inline void *closure_invoke(std::size_t argc, void *argv[], void *data) {
	if (data == nullptr)
		return metacall_error_throw("TypeError", 0, nullptr, "%s",
		                            "a C++ host function was called without its closure");
	return static_cast<closure_base *>(data)->invoke(argc, argv);
}

inline void *probe_invoke(std::size_t, void *[], void *) {
	return nullptr;
}

/* One lifetime of the runtime, from a metacall_initialize to its metacall_destroy. It keeps the
 * callables of C++ host functions registered during it, and tells whether it is still going by
 * calling a probe function of its own: the C API unloads every function at metacall_destroy, so
 * the call fails from then on, even when the runtime has been initialized again. */
class session {
public:
	// Throws error when the runtime is not initialized.
	session() {
		void *probe = nullptr;
		if (metacall_registerv(nullptr, &probe_invoke, &probe, METACALL_NULL, 0, nullptr) != 0)
			throw last_error("metacall_register");
		probe_ = value(metacall_value_create_function(probe));
		if (!probe_)
			throw last_error("metacall_value_create_function");
	}
	session(const session &) = delete;
	session &operator=(const session &) = delete;

	bool alive() const noexcept {
		void *result = metacallfv_s(metacall_value_to_function(probe_.get()), nullptr, 0);
		metacall_value_destroy(result);
		return result != nullptr;
	}

	// Keeps `callable` until the session ends.
	closure_base *keep(std::unique_ptr<closure_base> callable) {
		std::lock_guard<std::mutex> lock(mutex_);
		closures_.push_back(std::move(callable));
		return closures_.back().get();
	}

	// Forgets `callable` (kept by keep) when its function could not be registered: nothing calls it.
	void discard(closure_base *callable) noexcept {
		std::unique_ptr<closure_base> dropped; // destroyed after the lock is released
		std::lock_guard<std::mutex> lock(mutex_);
		for (auto it = closures_.begin(); it != closures_.end(); ++it) {
			if (it->get() == callable) {
				dropped = std::move(*it);
				closures_.erase(it);
				return;
			}
		}
	}

private:
	value probe_;
	std::mutex mutex_;
	std::vector<std::unique_ptr<closure_base>> closures_;
};

class sessions {
public:
	static sessions &instance() {
		static sessions all;
		return all;
	}

	// The session going on now, started when there is none (or the last one ended).
	std::shared_ptr<session> current() {
		std::lock_guard<std::mutex> lock(mutex_);
		if (current_ == nullptr || !current_->alive()) {
			current_.reset(); // frees what the ended session kept, unless a handle still holds it
			current_ = std::make_shared<session>();
		}
		return current_;
	}

	// The runtime was destroyed: release what the session kept.
	void end() noexcept {
		std::shared_ptr<session> ended;
		std::lock_guard<std::mutex> lock(mutex_);
		ended.swap(current_);
	}

private:
	// Touches libmetacall's runtime first, so that this object, constructed after it, is destroyed
	// before it at exit: the probe value is destroyed while the library still works.
	sessions() { (void)metacall_is_initialized(nullptr); }

	std::mutex mutex_;
	std::shared_ptr<session> current_;
};

// Registers `callable` as a host function: named when `name` is not NULL.
template <typename F>
function make_host_function(const char *name, F &&callable) {
	using C = plain_t<F>;
	check_callable<C>();
	using signature = signature_of<C>;
	std::shared_ptr<session> now = sessions::instance().current();
	closure_base *kept = now->keep(std::make_unique<closure<C>>(std::forward<F>(callable)));
	auto types = signature::parameter_ids();
	void *func = nullptr;
	if (metacall_registerv_closure(name, &closure_invoke, kept, &func, signature::result_id(),
	                               signature::arity, types.data()) != 0) {
		error failed = last_error("metacall_registerv_closure");
		now->discard(kept); // never registered, so never called
		throw failed;
	}
	value made(metacall_value_create_function(func));
	if (!made)
		throw last_error("metacall_value_create_function");
	return function(std::move(made));
}

} // namespace detail

template <typename F>
function function::from(F &&callable) {
	return detail::make_host_function(nullptr, std::forward<F>(callable));
}

template <typename R, typename... A>
value convert<std::function<R(A...)>>::to_value(std::function<R(A...)> f) {
	return function::from(std::move(f)).to_value();
}

template <typename F>
template <typename G>
value convert<F, std::enable_if_t<detail::is_callable<F>::value && !detail::is_std_function<F>::value &&
                                  !std::is_same_v<F, function>>>::to_value(G &&callable) {
	return function::from(std::forward<G>(callable)).to_value();
}

/* Registers `callable` as the host function `name` in the global scope, callable by name from
 * every loader and every call family. Parameter and result types are declared from its signature
 * (convert<T>::id: long is Long, std::string is String, metacall::value and std::optional accept
 * anything, ...), so the core converts numeric arguments to them and refuses others with a
 * TypeError before the callable runs. Parameters are taken by value or by const reference. An
 * exception thrown by the callable becomes a throwable for its caller (metacall::exception keeps
 * its label, code and stack trace; other exceptions get the label "CppError").
 * The callable lives until the runtime is destroyed (see function::from).
 * Returns the function (owning). Throws error when the name is taken or the runtime is not
 * initialized. */
template <typename F>
function register_function(const char *name, F &&callable) {
	if (name == nullptr)
		throw error("TypeError",
		            "register_function: the name is NULL (use function::from for anonymous functions)");
	return detail::make_host_function(name, std::forward<F>(callable));
}
template <typename F>
function register_function(const std::string &name, F &&callable) {
	return register_function(name.c_str(), std::forward<F>(callable));
}

// ======================================================================================
// Calls
// ======================================================================================

namespace detail {

// The arguments of one call: each one converted to a value owned here, except metacall::value
// and owning metacall::function arguments, which are lent as they are (the C API borrows them).
template <std::size_t N>
class arguments {
public:
	template <typename... Args>
	explicit arguments(Args &&...args) {
		std::size_t i = 0;
		(store(i++, std::forward<Args>(args)), ...);
	}
	void **data() noexcept { return N == 0 ? nullptr : raw_.data(); }

private:
	template <typename A>
	void store(std::size_t i, A &&arg) {
		using P = plain_t<A>;
		if constexpr (std::is_same_v<P, value>) {
			raw_[i] = arg.get();
		} else if constexpr (std::is_same_v<P, function>) {
			if (arg.value_) {
				raw_[i] = arg.value_.get();
				return;
			}
			owned_[i] = arg.to_value();
			raw_[i] = owned_[i].get();
		} else {
			try {
				owned_[i] = convert<P>::to_value(std::forward<A>(arg));
			} catch (const type_error &) {
				rethrow_in("argument " + std::to_string(i + 1));
			}
			raw_[i] = owned_[i].get();
		}
	}

	std::array<value, N> owned_;
	std::array<void *, N> raw_{};
};

template <typename R>
void check_result_type() {
	static_assert(!is_view<plain_t<R>>::value,
	              "the result type would point into the call's result, which is destroyed when the call "
	              "returns: use std::string, std::vector<std::byte> or metacall::value");
}

// Takes a call's result: NULL throws the thread's last error, a throwable throws its exception.
inline value checked(void *result, const char *api) {
	if (result == nullptr)
		throw last_error(api);
	value owned(result);
	if (metacall_value_id(result) == METACALL_THROWABLE)
		throw exception::from_value(result);
	return owned;
}

template <typename R>
R result_as(value result) {
	if constexpr (std::is_void_v<R>)
		return;
	else if constexpr (std::is_same_v<R, value>)
		return result;
	else
		try {
			return convert<plain_t<R>>::from_value(result.get());
		} catch (const type_error &) {
			rethrow_in("the result");
		}
}

} // namespace detail

/* Calls the function `name` of the global scope with `args` converted by convert<> (metacall::value
 * arguments are lent, not copied), and converts its result to R (void: ignored; metacall::value:
 * as is). Throws exception when the function raised an error (including a wrong argument count:
 * label "TypeError"), error when it could not be called (no such function, not initialized:
 * label and message of metacall_error_last), type_error when an argument or the result does not
 * convert. An async function's result is a Future value: use await. */
template <typename R = value, typename... Args>
R call(const char *name, Args &&...args) {
	detail::check_result_type<R>();
	try {
		detail::arguments<sizeof...(Args)> packed(std::forward<Args>(args)...);
		return detail::result_as<R>(
		    detail::checked(metacallv_s(name, packed.data(), sizeof...(Args)), "metacallv_s"));
	} catch (const type_error &) {
		detail::rethrow_in(std::string("calling '") + (name != nullptr ? name : "") + "'");
	}
}
template <typename R = value, typename... Args>
R call(const std::string &name, Args &&...args) {
	return call<R>(name.c_str(), std::forward<Args>(args)...);
}

/* As call(name, ...) for the function `f` (no name lookup). */
template <typename R = value, typename... Args>
R call(const function &f, Args &&...args) {
	detail::check_result_type<R>();
	try {
		detail::arguments<sizeof...(Args)> packed(std::forward<Args>(args)...);
		return detail::result_as<R>(
		    detail::checked(metacallfv_s(f.get(), packed.data(), sizeof...(Args)), "metacallfv_s"));
	} catch (const type_error &) {
		detail::rethrow_in("calling a function value");
	}
}

template <typename R, typename... Args>
R function::call(Args &&...args) const {
	return metacall::call<R>(*this, std::forward<Args>(args)...);
}

// ======================================================================================
// Async
// ======================================================================================

namespace detail {

// The promise behind one await; owned by whichever of the two callbacks runs (exactly one does
// once the await call has started).
template <typename R>
struct await_state {
	std::promise<R> promise;
};

template <typename R>
void *await_resolved(void *result, void *data) {
	std::unique_ptr<await_state<R>> state(static_cast<await_state<R> *>(data));
	try {
		if (id_of(result) == METACALL_THROWABLE)
			throw exception::from_value(result);
		if constexpr (std::is_void_v<R>)
			state->promise.set_value();
		else if constexpr (std::is_same_v<R, value>)
			state->promise.set_value(value::copy_of(result));
		else
			state->promise.set_value(convert<plain_t<R>>::from_value(result));
	} catch (...) {
		try {
			state->promise.set_exception(std::current_exception());
		} catch (...) { // the promise is already satisfied: nothing left to report to
		}
	}
	return nullptr;
}

template <typename R>
void *await_rejected(void *reason, void *data) {
	std::unique_ptr<await_state<R>> state(static_cast<await_state<R> *>(data));
	try {
		state->promise.set_exception(std::make_exception_ptr(exception::from_value(reason)));
	} catch (...) {
		try {
			state->promise.set_exception(std::current_exception());
		} catch (...) {
		}
	}
	return nullptr;
}

// Starts an await through `start(resolve, reject, data)`, a C API await call.
template <typename R, typename Start>
std::future<R> start_await(Start start, const char *api) {
	detail::check_result_type<R>();
	auto state = std::make_unique<await_state<R>>();
	std::future<R> future = state->promise.get_future();
	void *chained = start(&await_resolved<R>, &await_rejected<R>, static_cast<void *>(state.get()));
	if (chained == nullptr)
		throw last_error(api); // no callback ran or will run: the state is still ours
	state.release();           // a callback owns it now (and may already have freed it)
	metacall_value_destroy(chained);
	return future;
}

} // namespace detail

/* Calls `f` (usually an async function) and returns a std::future of its outcome converted to R:
 * the value it resolves with, or a metacall::exception (or type_error) stored in the future when
 * it is rejected (or does not convert). A function that is not async settles the future at once.
 * The conversion runs on the thread that settles the call (a loader's thread, for instance).
 * Throws error when the call could not be started (the future is then not created).
 * Caveat of the C API: a future that its loader never settles (a loader stopped without settling
 * it) leaves the std::future waiting forever and its small state allocated. */
template <typename R = value, typename... Args>
std::future<R> await(const function &f, Args &&...args) {
	detail::arguments<sizeof...(Args)> packed(std::forward<Args>(args)...); // borrowed by the call only
	return detail::start_await<R>(
	    [&](metacall_await_callback resolve, metacall_await_callback reject, void *data) {
		    return metacallfv_await_s(f.get(), packed.data(), sizeof...(Args), resolve, reject, data);
	    },
	    "metacallfv_await_s");
}

/* As await(f, ...) for the function `name` of the global scope. Throws error when there is none. */
template <typename R = value, typename... Args>
std::future<R> await(const char *name, Args &&...args) {
	return await<R>(function::lookup(name), std::forward<Args>(args)...);
}
template <typename R = value, typename... Args>
std::future<R> await(const std::string &name, Args &&...args) {
	return await<R>(function::lookup(name.c_str()), std::forward<Args>(args)...);
}

/* The outcome of the Future value `future` (borrowed; it may be shared and settled elsewhere). */
template <typename R = value>
std::future<R> await(const value &future) {
	return detail::start_await<R>(
	    [&](metacall_await_callback resolve, metacall_await_callback reject, void *data) {
		    return metacall_await_future(future.get(), resolve, reject, data);
	    },
	    "metacall_await_future");
}

// ======================================================================================
// Async host functions
// ======================================================================================

/* The future of one call of an async host function whose callable takes it as its last parameter
 * (register_async_function): settle it once, now or later and from any thread, with set_value or
 * set_error. A promise destroyed unsettled rejects its call with a "BrokenPromise" error; one whose
 * call was cancelled (metacall_future_cancel, metacall_destroy) says so through cancelled(), and
 * settling it then does nothing. Move-only; owns its future value. */
template <typename R>
class promise {
public:
	explicit promise(void *future) noexcept : future_(future) {}
	promise(promise &&other) noexcept : future_(std::exchange(other.future_, nullptr)) {}
	promise &operator=(promise &&other) noexcept {
		if (this != &other) {
			drop();
			future_ = std::exchange(other.future_, nullptr);
		}
		return *this;
	}
	promise(const promise &) = delete;
	promise &operator=(const promise &) = delete;
	~promise() { drop(); }

	/* Resolves the call with `result` (converted by convert<R>). Throws error when settled already,
	 * type_error when the result does not convert. */
	template <typename U = R>
	std::enable_if_t<!std::is_void_v<U>> set_value(U result) {
		expect_pending();
		settle(true, convert<detail::plain_t<U>>::to_value(std::move(result)).release());
	}
	template <typename U = R>
	std::enable_if_t<std::is_void_v<U>> set_value() {
		expect_pending();
		settle(true, nullptr);
	}
	/* Rejects the call with an error labelled `label`. Throws error when settled already. */
	void set_error(const std::string &label, const std::string &message) {
		expect_pending();
		settle(false, metacall_error_throw(label.c_str(), 0, nullptr, "%s", message.c_str()));
	}
	/* Whether it can still be settled. */
	bool valid() const noexcept { return future_ != nullptr; }
	/* Whether the call was cancelled: the work may stop early, its result is dropped. */
	bool cancelled() const noexcept { return future_ != nullptr && metacall_future_cancelled(future_) == 1; }

private:
	void expect_pending() const {
		if (future_ == nullptr)
			throw error("FutureError", "metacall::promise: settled already (or moved from)");
	}
	void settle(bool resolved, void *v) noexcept {
		void *future = std::exchange(future_, nullptr);
		if (resolved)
			metacall_future_resolve(future, v); // refused (and v destroyed) when cancelled
		else
			metacall_future_reject(future, v);
		metacall_value_destroy(future);
	}
	void drop() noexcept {
		if (future_ != nullptr)
			settle(false, metacall_error_throw("BrokenPromise", 0, nullptr, "%s",
			                                   "the C++ async host function dropped its promise unsettled"));
	}

	void *future_;
};

namespace detail {

template <typename T>
struct is_promise : std::false_type {};
template <typename R>
struct is_promise<promise<R>> : std::true_type {
	using result = R;
};
template <typename T>
struct is_std_future : std::false_type {};
template <typename R>
struct is_std_future<std::future<R>> : std::true_type {
	using result = R;
};

// A callable returning std::future<R>, seen as one returning R: the worker pool waits for it.
template <typename F, typename R, typename Arguments>
struct future_waiter;
template <typename F, typename R, typename... A>
struct future_waiter<F, R, std::tuple<A...>> {
	F callable;
	R operator()(A... args) { return std::invoke(callable, std::forward<A>(args)...).get(); }
};

// A callable taking a promise<R> last: converts the other arguments, then hands it the promise.
class async_closure_base : public closure_base {
public:
	void *invoke(std::size_t, void *[]) noexcept override { return nullptr; } // started, never invoked
	virtual void start(std::size_t argc, void *argv[], void *future) noexcept = 0;
};

template <typename F>
class promise_closure final : public async_closure_base {
	using traits = callable_traits<F>;
	using arguments = typename traits::arguments;

public:
	static constexpr std::size_t arity = std::tuple_size_v<arguments> - 1; // the promise is not one
	using promised = plain_t<std::tuple_element_t<arity, arguments>>;
	static_assert(is_promise<promised>::value && std::is_void_v<typename traits::result>,
	              "an async C++ host function returns std::future<R>, or returns void and takes a "
	              "metacall::promise<R> as its last parameter");
	using R = typename is_promise<promised>::result;

	template <typename G>
	explicit promise_closure(G &&callable) : callable_(std::forward<G>(callable)) {}

	void start(std::size_t argc, void *argv[], void *future) noexcept override {
		promise<R> settle(future);
		try {
			if (argc != arity)
				throw type_error("the C++ host function expects " + std::to_string(arity) +
				                 " arguments, got " + std::to_string(argc));
			call(argv, settle, std::make_index_sequence<arity>());
		} catch (const error &e) {
			if (settle.valid())
				settle.set_error(e.label(), e.what());
		} catch (const std::exception &e) {
			if (settle.valid())
				settle.set_error("CppError", e.what());
		} catch (...) {
			if (settle.valid())
				settle.set_error("CppError", "an unknown C++ exception was thrown");
		}
	}

	template <std::size_t... I>
	static std::array<value_id, arity> parameter_ids(std::index_sequence<I...>) {
		return {{convert<plain_t<std::tuple_element_t<I, arguments>>>::id...}};
	}
	static value_id result_id() {
		if constexpr (std::is_void_v<R>)
			return METACALL_NULL;
		else
			return convert<plain_t<R>>::id;
	}

private:
	template <std::size_t... I>
	void call(void *argv[], promise<R> &settle, std::index_sequence<I...>) {
		auto converted = std::make_tuple(argument_from<std::tuple_element_t<I, arguments>>(argv[I], I)...);
		std::apply([&](auto &&...a) { std::invoke(callable_, std::move(a)..., std::move(settle)); },
		           std::move(converted));
	}

	F callable_;
};

inline void async_closure_start(std::size_t argc, void *argv[], void *future, void *data) {
	if (data == nullptr) {
		metacall_future_reject(future,
		                       metacall_error_throw("TypeError", 0, nullptr, "%s",
		                                            "a C++ host function was called without its closure"));
		metacall_value_destroy(future);
		return;
	}
	static_cast<async_closure_base *>(static_cast<closure_base *>(data))->start(argc, argv, future);
}

template <typename F>
function make_async_host_function(const char *name, F &&callable) {
	using C = plain_t<F>;
	check_callable<C>();
	using R = typename callable_traits<C>::result;
	std::shared_ptr<session> now = sessions::instance().current();
	void *func = nullptr;
	closure_base *kept = nullptr;
	int status = 0;
	if constexpr (is_std_future<R>::value) {
		using W = future_waiter<C, typename is_std_future<R>::result, typename callable_traits<C>::arguments>;
		using signature = signature_of<W>;
		kept = now->keep(std::make_unique<closure<W>>(W{std::forward<F>(callable)}));
		auto types = signature::parameter_ids();
		status = metacall_registerv_pool(name, &closure_invoke, kept, &func, signature::result_id(),
		                                 signature::arity, types.data());
	} else {
		using P = promise_closure<C>;
		kept = now->keep(std::make_unique<P>(std::forward<F>(callable)));
		auto types = P::parameter_ids(std::make_index_sequence<P::arity>());
		status = metacall_registerv_async(name, &async_closure_start, kept, &func, P::result_id(), P::arity,
		                                  types.data());
	}
	if (status != 0) {
		error failed = last_error("metacall_registerv_async");
		now->discard(kept);
		throw failed;
	}
	value made(metacall_value_create_function(func));
	if (!made)
		throw last_error("metacall_value_create_function");
	return function(std::move(made));
}

} // namespace detail

/* Registers `callable` as the async host function `name` (NULL: anonymous): its calls return at
 * once with a future (a Promise in JS, an awaitable in Python; await() in C++), and
 * metacall_inspect marks it async. Either
 *   - it returns std::future<R>: it runs on the library's worker pool (metacall_registerv_pool),
 *     which waits for that future; its value (or exception) settles the call; or
 *   - it returns void and takes a metacall::promise<R> last (metacall_registerv_async): it runs on
 *     the caller's thread, should only start the work, and the work settles the promise.
 * Parameters and errors as for register_function. Returns the function (owning). Throws error when
 * the name is taken or the runtime is not initialized. */
template <typename F>
function register_async_function(const char *name, F &&callable) {
	return detail::make_async_host_function(name, std::forward<F>(callable));
}
template <typename F>
function register_async_function(const std::string &name, F &&callable) {
	return register_async_function(name.c_str(), std::forward<F>(callable));
}

// ======================================================================================
// Host objects
// ======================================================================================

/* An object of the host that scripts use as one of theirs (the model of JSI's HostObject): in JS
 * an object whose properties read through to get() and set(), in Python an object with
 * attributes. Derive from it, override what scripts may do, and hand it out with
 * metacall::host_object_value (as an argument or a result). The library keeps the object (a
 * shared_ptr) while any value or language holds it, and drops it when none does.
 *
 *     struct player : metacall::host_object {
 *         long health = 100;
 *         std::string class_name() const override { return "Player"; }
 *         std::optional<metacall::value> get(std::string_view key) override {
 *             if (key == "health") return metacall::value::from(health);
 *             return std::nullopt;
 *         }
 *         std::vector<std::string> keys() override { return {"health"}; }
 *     };
 *
 * Every member may be called from any thread (guard your state); what a member throws reaches the
 * script as its error (a metacall::error keeps its label). */
class host_object {
public:
	virtual ~host_object() = default;

	/* The name scripts and errors show. Read once, when the value is made. */
	virtual std::string class_name() const { return ""; }

	/* The attribute `key`, or std::nullopt when there is none (then a method of that name is
	 * given as a bound function, or the script gets an AttributeError naming the key). */
	virtual std::optional<value> get(std::string_view /* key */) { return std::nullopt; }

	/* Sets `key`. The default refuses: the object is read-only. */
	virtual void set(std::string_view key, const value &) {
		throw error("TypeError", class_name() + "." + std::string(key) + " is read-only");
	}

	/* Calls the method `method` with the arguments (borrowed views; copy what you keep). */
	virtual value call(std::string_view method, const std::vector<void *> &) {
		throw error("AttributeError", class_name() + " has no method '" + std::string(method) + "'");
	}

	/* The attribute names scripts enumerate (Object.keys, dir()). */
	virtual std::vector<std::string> keys() { return {}; }

	/* The method names; read once, when the value is made. */
	virtual std::vector<std::string> methods() { return {}; }
};

namespace detail {

// The C table of every host_object: `data` is a heap shared_ptr<host_object>, freed by release.
struct host_object_table {
	using holder = std::shared_ptr<host_object>;
	static host_object &of(void *data) { return **static_cast<holder *>(data); }

	static void *names(const std::vector<std::string> &list) {
		return convert<std::vector<std::string>>::to_value(list).release();
	}
	static void *get(void *data, const char *key) {
		return guarded([&]() -> void * {
			std::optional<value> found = of(data).get(key);
			if (!found)
				return nullptr;
			return found->get() != nullptr ? found->release() : metacall_value_create_null();
		});
	}
	static void *set(void *data, const char *key, void *v) {
		return guarded([&]() -> void * {
			of(data).set(key, value::copy_of(v));
			return nullptr;
		});
	}
	static void *call(void *data, const char *method, void *args[], std::size_t size) {
		return guarded([&]() -> void * {
			return of(data).call(method, std::vector<void *>(args, args + size)).release();
		});
	}
	static void *keys(void *data) {
		return guarded([&] { return names(of(data).keys()); });
	}
	static void *methods(void *data) {
		return guarded([&] { return names(of(data).methods()); });
	}
	static void release(void *data) { std::unique_ptr<holder>(static_cast<holder *>(data)); }

	static const metacall_object_interface *table() {
		static const metacall_object_interface iface = {get,     set,     call,    keys,
		                                                methods, nullptr, nullptr, release};
		return &iface;
	}
};

} // namespace detail

/* A new object value for `object`, to pass to scripts. Throws error when `object` is null. */
inline value host_object_value(std::shared_ptr<host_object> object) {
	if (object == nullptr)
		throw error("TypeError", "metacall::host_object_value: the object is null");
	const std::string name = object->class_name();
	auto holder = std::make_unique<detail::host_object_table::holder>(std::move(object));
	void *made =
	    metacall_value_create_host_object(name.c_str(), detail::host_object_table::table(), holder.get());
	if (made == nullptr)
		throw detail::last_error("metacall_value_create_host_object");
	holder.release(); // the value owns it now: release() frees it
	return value(made);
}

// ======================================================================================
// Handles
// ======================================================================================

/* What one load brought in (metacall_load_from_file / _memory / _package with a handle): its
 * functions are reached only through it, so several loads may define the same names. Owning:
 * the destructor unloads it (metacall_clear). Movable, not copyable.
 * After metacall_destroy the load is already gone: the destructor and clear() then do nothing
 * (the handle notices that its runtime lifetime ended, so it never clears a new handle that
 * happens to reuse the address). Do not call through a handle after metacall_destroy: the C API
 * identifies handles by address, and a later load may reuse it. */
class handle {
public:
	handle() noexcept = default;
	handle(handle &&other) noexcept
	    : handle_(std::exchange(other.handle_, nullptr)), tag_(std::move(other.tag_)),
	      session_(std::move(other.session_)) {}
	handle &operator=(handle &&other) noexcept {
		if (this != &other) {
			reset();
			handle_ = std::exchange(other.handle_, nullptr);
			tag_ = std::move(other.tag_);
			session_ = std::move(other.session_);
		}
		return *this;
	}
	handle(const handle &) = delete;
	handle &operator=(const handle &) = delete;
	~handle() { reset(); }

	/* Loads `paths` (at least one) with the loader `tag` as one handle. Throws error (label
	 * "LoaderError" when the loader failed) naming the tag and file. */
	static handle load_from_file(const char *tag, const std::vector<std::string> &paths) {
		std::vector<const char *> raw;
		raw.reserve(paths.size());
		for (const std::string &path : paths)
			raw.push_back(path.c_str());
		void *loaded = nullptr;
		if (metacall_load_from_file(tag, raw.data(), raw.size(), &loaded) != 0)
			throw detail::last_error("metacall_load_from_file");
		return handle(loaded, tag);
	}
	static handle load_from_file(const char *tag, const std::string &path) {
		return load_from_file(tag, std::vector<std::string>{path});
	}
	/* A braced list of paths, load_from_file("node", {"t.js"}) or ("mock", {"a.mock", "b.mock"}):
	 * an initializer_list is the best match for a braced list, which the two overloads above
	 * would share ambiguously (and {"a", "b"} could even build one std::string from two pointers). */
	static handle load_from_file(const char *tag, std::initializer_list<std::string_view> paths) {
		return load_from_file(tag, std::vector<std::string>(paths.begin(), paths.end()));
	}
	/* Loads source code from memory (any bytes; the handle is named "memory-N"). */
	static handle load_from_memory(const char *tag, std::string_view source) {
		void *loaded = nullptr;
		if (metacall_load_from_memory(tag, source.data(), source.size(), &loaded) != 0)
			throw detail::last_error("metacall_load_from_memory");
		return handle(loaded, tag);
	}
	/* Loads a package (what that is depends on the loader; see metacall.h). */
	static handle load_from_package(const char *tag, const std::string &path) {
		void *loaded = nullptr;
		if (metacall_load_from_package(tag, path.c_str(), &loaded) != 0)
			throw detail::last_error("metacall_load_from_package");
		return handle(loaded, tag);
	}

	// The C API's handle (borrowed), or NULL when empty.
	void *get() const noexcept { return handle_; }
	explicit operator bool() const noexcept { return handle_ != nullptr; }
	// Gives up ownership: the load stays until metacall_clear(returned) or metacall_destroy.
	void *release() noexcept {
		session_.reset();
		return std::exchange(handle_, nullptr);
	}

	const std::string &tag() const noexcept { return tag_; }
	/* The handle's name (a path given to the load, or "memory-N"). Throws error when empty or gone. */
	std::string name() const {
		const char *text = metacall_handle_name(handle_);
		if (text == nullptr)
			throw detail::last_error("metacall_handle_name");
		return text;
	}

	/* Unloads now (the destructor would). Throws error when the loader failed to unload; the
	 * handle is empty afterwards in any case. */
	void clear() {
		void *h = std::exchange(handle_, nullptr);
		std::shared_ptr<detail::session> loaded_in = std::move(session_);
		if (h != nullptr && loaded_in->alive() && metacall_clear(h) != 0)
			throw detail::last_error("metacall_clear");
	}

	/* The function `name` of this handle (owning: calling it after the handle is cleared throws
	 * error). Throws error when the handle has no such function. */
	metacall::function function(const char *name) const {
		void *func = metacall_handle_function(handle_, name);
		if (func == nullptr)
			throw detail::last_error("metacall_handle_function");
		return metacall::function(value(metacall_value_create_function(func)));
	}
	metacall::function function(const std::string &name) const { return function(name.c_str()); }

	/* The names of this handle's functions, in the order the loader defined them (read from
	 * metacall_handle_export). Throws error when the handle is empty or gone. */
	std::vector<std::string> functions() const {
		const value exported(metacall_handle_export(handle_));
		if (!exported)
			throw detail::last_error("metacall_handle_export");
		void **pairs = metacall_value_to_map(exported.get()); // [name, function value] arrays
		const std::size_t count = metacall_value_count(exported.get());
		std::vector<std::string> names;
		names.reserve(count);
		for (std::size_t i = 0; i < count; ++i)
			names.push_back(convert<std::string>::from_value(metacall_value_to_array(pairs[i])[0]));
		return names;
	}

	/* As metacall::call, for the function `name` of this handle. */
	template <typename R = value, typename... Args>
	R call(const char *name, Args &&...args) const {
		detail::check_result_type<R>();
		try {
			detail::arguments<sizeof...(Args)> packed(std::forward<Args>(args)...);
			return detail::result_as<R>(
			    detail::checked(metacallhv_s(handle_, name, packed.data(), sizeof...(Args)), "metacallhv_s"));
		} catch (const type_error &) {
			detail::rethrow_in(std::string("calling '") + (name != nullptr ? name : "") + "'");
		}
	}
	template <typename R = value, typename... Args>
	R call(const std::string &name, Args &&...args) const {
		return call<R>(name.c_str(), std::forward<Args>(args)...);
	}

	/* As metacall::await, for the function `name` of this handle. */
	template <typename R = value, typename... Args>
	std::future<R> await(const char *name, Args &&...args) const {
		return metacall::await<R>(function(name), std::forward<Args>(args)...);
	}

private:
	handle(void *loaded, const char *tag) : handle_(loaded), tag_(tag) {
		try {
			session_ = detail::sessions::instance().current();
		} catch (...) {
			metacall_clear(std::exchange(handle_, nullptr));
			throw;
		}
	}

	void reset() noexcept {
		void *h = std::exchange(handle_, nullptr);
		std::shared_ptr<detail::session> loaded_in = std::move(session_);
		if (h != nullptr && loaded_in->alive())
			metacall_clear(h);
	}

	void *handle_ = nullptr;
	std::string tag_;
	std::shared_ptr<detail::session> session_; // the runtime lifetime it was loaded in
};

// ======================================================================================
// Lifecycle
// ======================================================================================

/* Destroys the runtime (metacall_destroy), then releases the callables of C++ host functions made
 * during its lifetime. Does nothing when called from inside a call (metacall_destroy refuses). */
inline void destroy() noexcept {
	metacall_destroy();
	if (metacall_is_initialized(nullptr) != 0)
		detail::sessions::instance().end();
}

/* The runtime's lifetime as an object: the constructor initializes it (metacall_initialize;
 * throws error on failure), the destructor destroys it (metacall::destroy). Declare it before the
 * handles, functions and values of the program so that they go first. One at a time. */
class runtime {
public:
	runtime() {
		if (metacall_initialize() != 0)
			throw detail::last_error("metacall_initialize");
	}
	runtime(const runtime &) = delete;
	runtime &operator=(const runtime &) = delete;
	~runtime() { destroy(); }
};

} // namespace metacall

#endif /* METACALL_HPP */
