#include "typed_call.h"

#include "call_errors.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <cstdint>
#include <type_traits>
#include <utility>

namespace c_loader {
namespace {

// For each C type of a typed signature: the value type read without conversion (with the C type
// metacall_value_scalar points to), the slot member a converted value lands in, the result value.
template <typename T>
struct Traits;

template <>
struct Traits<std::int32_t> {
	static constexpr enum metacall_value_id id = METACALL_INT;
	using Held = int;
	static std::int32_t converted(const Slot &slot) { return slot.i32; }
	static void *value(std::int32_t x) { return metacall_value_create_int(x); }
};

template <>
struct Traits<std::int64_t> {
	static constexpr enum metacall_value_id id = METACALL_LONG;
	using Held = long;
	static std::int64_t converted(const Slot &slot) { return slot.i64; }
	static void *value(std::int64_t x) { return metacall_value_create_long(x); }
};

template <>
struct Traits<double> {
	static constexpr enum metacall_value_id id = METACALL_DOUBLE;
	using Held = double;
	static double converted(const Slot &slot) { return slot.d; }
	static void *value(double x) { return metacall_value_create_double(x); }
};

// Reads argument `index` as a T: nullptr, or the throwable to return.
template <typename T>
inline void *read_argument(const FunctionBinding &function, void *args[], std::size_t index, T &out) {
	enum metacall_value_id id;
	const void *scalar = metacall_value_scalar(args[index], &id);
	if (id == Traits<T>::id && scalar != nullptr) [[likely]] {
		out = *static_cast<const typename Traits<T>::Held *>(scalar);
		return nullptr;
	}
	Slot slot{};
	if (void *error = convert_or_error(function, index, args[index], slot))
		return error;
	out = Traits<T>::converted(slot);
	return nullptr;
}

template <typename T, std::size_t>
using Repeat = T;

// R f(T, T, ...) with one T per index in I.
template <typename R, typename T, std::size_t... I>
void *call_typed(const FunctionBinding &function, [[maybe_unused]] void *args[], std::size_t size) {
	constexpr std::size_t count = sizeof...(I);
	if (size != count) [[unlikely]] // the core checks; this guards the reads
		return count_error(function, size);
	[[maybe_unused]] T c_args[count > 0 ? count : 1];
	void *error = nullptr;
	// Unrolled: reads argument 0, 1, ... and stops at the first that does not fit.
	(void)(((error = read_argument(function, args, I, c_args[I])) == nullptr) && ...);
	if (error != nullptr) [[unlikely]]
		return error;
	auto *address = reinterpret_cast<R (*)(Repeat<T, I>...)>(function.address());
	if constexpr (std::is_void_v<R>) {
		address(c_args[I]...);
		return metacall_value_create_null();
	} else {
		return Traits<R>::value(address(c_args[I]...));
	}
}

template <typename R, typename T, std::size_t... I>
constexpr Invoker routine(std::index_sequence<I...>) {
	return &call_typed<R, T, I...>;
}

template <typename R, typename T>
Invoker by_count(std::size_t count) {
	static_assert(kTypedArguments == 4, "by_count covers every count up to kTypedArguments");
	switch (count) {
	case 0:
		return routine<R, T>(std::make_index_sequence<0>{});
	case 1:
		return routine<R, T>(std::make_index_sequence<1>{});
	case 2:
		return routine<R, T>(std::make_index_sequence<2>{});
	case 3:
		return routine<R, T>(std::make_index_sequence<3>{});
	case 4:
		return routine<R, T>(std::make_index_sequence<4>{});
	default:
		return nullptr;
	}
}

template <typename T>
Invoker by_result(const FunctionBinding &function, std::size_t count) {
	if (function.result_kind() == ResultKind::none)
		return by_count<void, T>(count);
	if (function.result_kind() != ResultKind::scalar)
		return nullptr;
	switch (function.result_scalar()) {
	case Scalar::int32:
		return by_count<std::int32_t, T>(count);
	case Scalar::int64:
		return by_count<std::int64_t, T>(count);
	case Scalar::double_:
		return by_count<double, T>(count);
	default:
		return nullptr;
	}
}

} // namespace

Invoker typed_invoker(const FunctionBinding &function) {
	const auto &params = function.parameters();
	if (params.size() > kTypedArguments || function.c_argument_count() != params.size())
		return nullptr;
	const Scalar type = params.empty() ? Scalar::int32 : params.front().scalar;
	for (const ParameterPlan &param : params)
		if (param.kind != ArgumentKind::scalar || param.scalar != type)
			return nullptr;
	switch (type) {
	case Scalar::int32:
		return by_result<std::int32_t>(function, params.size());
	case Scalar::int64:
		return by_result<std::int64_t>(function, params.size());
	case Scalar::double_:
		return by_result<double>(function, params.size());
	default:
		return nullptr;
	}
}

} // namespace c_loader
