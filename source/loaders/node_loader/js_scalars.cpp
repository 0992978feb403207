#include "js_scalars.h"
#include "js_numbers.h"

#include <metacall/metacall_value.h>

namespace node_loader {
namespace {

Scalar number(double value) {
	Scalar scalar;
	scalar.kind = Scalar::Kind::number;
	scalar.number = value;
	return scalar;
}

Scalar integer(Scalar::Kind kind, int64_t value) {
	Scalar scalar;
	scalar.kind = kind;
	scalar.integer = value;
	return scalar;
}

} // namespace

ScalarArguments::ScalarArguments(void *args[], size_t size) {
	for (size_t i = 0; i < size && i < kInline; ++i)
		scalars_[i] = scalar_of(args[i]);
}

Scalar scalar_of(void *value) {
	switch (metacall_value_id(value)) {
	case METACALL_NULL:
		return integer(Scalar::Kind::null, 0);
	case METACALL_BOOL:
		return integer(Scalar::Kind::boolean, metacall_value_to_bool(value) != 0);
	case METACALL_CHAR:
		return number(metacall_value_to_char(value));
	case METACALL_SHORT:
		return number(metacall_value_to_short(value));
	case METACALL_INT:
		return integer(Scalar::Kind::int32, metacall_value_to_int(value));
	case METACALL_LONG: {
		const int64_t value_of = metacall_value_to_long(value);
		if (value_of > kMaxSafeInteger || value_of < -kMaxSafeInteger)
			return Scalar(); // a BigInt: js_values.cpp makes it
		return integer(Scalar::Kind::int64, value_of);
	}
	case METACALL_FLOAT:
		return number(metacall_value_to_float(value));
	case METACALL_DOUBLE:
		return number(metacall_value_to_double(value));
	default:
		return Scalar();
	}
}

napi_value scalar_to_js(napi_env env, const Scalar &scalar) {
	napi_value js = nullptr;
	switch (scalar.kind) {
	case Scalar::Kind::null:
		napi_get_null(env, &js);
		break;
	case Scalar::Kind::boolean:
		napi_get_boolean(env, scalar.integer != 0, &js);
		break;
	case Scalar::Kind::int32:
		napi_create_int32(env, static_cast<int32_t>(scalar.integer), &js);
		break;
	case Scalar::Kind::int64:
		napi_create_int64(env, scalar.integer, &js);
		break;
	case Scalar::Kind::number:
		napi_create_double(env, scalar.number, &js);
		break;
	case Scalar::Kind::none:
		break;
	}
	return js;
}

bool scalar_from_js(napi_env env, napi_value js, NumberRule rule, Scalar &out) {
	napi_valuetype type = napi_undefined;
	if (napi_typeof(env, js, &type) != napi_ok)
		return false;
	switch (type) {
	case napi_undefined:
	case napi_null:
		out = integer(Scalar::Kind::null, 0);
		return true;
	case napi_boolean: {
		bool value = false;
		napi_get_value_bool(env, js, &value);
		out = integer(Scalar::Kind::boolean, value);
		return true;
	}
	case napi_number: {
		double value = 0;
		napi_get_value_double(env, js, &value);
		out = crosses_as_integer(value, rule) ? integer(Scalar::Kind::int64, static_cast<int64_t>(value))
		                                      : number(value);
		return true;
	}
	default:
		return false;
	}
}

void *scalar_value(const Scalar &scalar) {
	switch (scalar.kind) {
	case Scalar::Kind::boolean:
		return metacall_value_create_bool(scalar.integer != 0 ? 1 : 0);
	case Scalar::Kind::int32:
		return metacall_value_create_int(static_cast<int>(scalar.integer));
	case Scalar::Kind::int64:
		return metacall_value_create_long(static_cast<long>(scalar.integer));
	case Scalar::Kind::number:
		return metacall_value_create_double(scalar.number);
	default:
		return metacall_value_create_null();
	}
}

} // namespace node_loader
