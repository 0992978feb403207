// Scalars (null, booleans, numbers) copied by value across the handoff to the owner thread.
//
// A call from another thread could leave its arguments as values in the caller's heap and take
// back a result value made on the owner thread, but then each side reads cache lines the other
// core wrote last (each about 100 ns here), and the caller frees memory of the owner's malloc
// arena. Instead the caller copies scalar arguments into the call it hands over, and the owner
// hands a scalar result back the same way; the caller makes the result's value. The conversions
// are those of js_values.h.
#ifndef NODE_LOADER_JS_SCALARS_H
#define NODE_LOADER_JS_SCALARS_H

#include "js_numbers.h"

#include <node_api.h>

#include <cstddef>
#include <cstdint>

namespace node_loader {

struct Scalar {
	enum class Kind : uint8_t { none, null, boolean, int32, int64, number };
	Kind kind = Kind::none; // none: not a scalar, convert the value itself
	union {
		int64_t integer;
		double number;
	};
	Scalar() : integer(0) {}
};

// The scalars among a call's arguments, read on the calling thread (the first kInline only).
class ScalarArguments {
public:
	static constexpr size_t kInline = 8;
	ScalarArguments(void *args[], size_t size);
	// The scalar of argument `i` (kind none for the others).
	const Scalar &operator[](size_t i) const { return i < kInline ? scalars_[i] : none_; }

private:
	Scalar scalars_[kInline];
	Scalar none_;
};

// `value` (borrowed) as a scalar: kind none when it is no scalar, or a long that becomes a BigInt.
Scalar scalar_of(void *value);

// The JS value of `scalar` (kind other than none).
napi_value scalar_to_js(napi_env env, const Scalar &scalar);

// `js` as a scalar when it is a boolean, a number (crossing as `rule` says), null or undefined;
// else false.
bool scalar_from_js(napi_env env, napi_value js, NumberRule rule, Scalar &out);

// A new value for `scalar` (kind other than none), owned by the caller.
void *scalar_value(const Scalar &scalar);

} // namespace node_loader

#endif
