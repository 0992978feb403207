#include "wasm_values.h"

#include <metacall/metacall.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace wasm_loader {

bool is_number_kind(wasm_valkind_t kind) {
	return kind == WASM_I32 || kind == WASM_I64 || kind == WASM_F32 || kind == WASM_F64;
}

const char *wasm_kind_name(wasm_valkind_t kind) {
	switch (kind) {
	case WASM_I32:
		return "i32";
	case WASM_I64:
		return "i64";
	case WASM_F32:
		return "f32";
	case WASM_F64:
		return "f64";
	case WASM_EXTERNREF:
		return "externref";
	case WASM_FUNCREF:
		return "funcref";
	default:
		return "v128";
	}
}

void *value_of_number(const wasmtime_val_t &value) {
	switch (value.kind) {
	case WASMTIME_I32:
		return metacall_value_create_int(value.of.i32);
	case WASMTIME_I64:
		return metacall_value_create_long(value.of.i64);
	case WASMTIME_F32:
		return metacall_value_create_float(value.of.f32);
	case WASMTIME_F64:
		return metacall_value_create_double(value.of.f64);
	default:
		return metacall_value_create_null();
	}
}

bool number_into(void *value, wasm_valkind_t kind, wasmtime_val_t &out, std::string &why) {
	const enum metacall_value_id id = value != nullptr ? metacall_value_id(value) : METACALL_INVALID;
	bool integer = true;
	std::int64_t whole = 0;
	double real = 0;
	switch (id) {
	case METACALL_BOOL:
		whole = metacall_value_to_bool(value) != 0;
		break;
	case METACALL_CHAR:
		whole = metacall_value_to_char(value);
		break;
	case METACALL_SHORT:
		whole = metacall_value_to_short(value);
		break;
	case METACALL_INT:
		whole = metacall_value_to_int(value);
		break;
	case METACALL_LONG:
		whole = metacall_value_to_long(value);
		break;
	case METACALL_FLOAT:
		integer = false;
		real = metacall_value_to_float(value);
		break;
	case METACALL_DOUBLE:
		integer = false;
		real = metacall_value_to_double(value);
		break;
	default:
		why = std::string("expected ") + wasm_kind_name(kind) + ", got " +
		      (id == METACALL_INVALID ? "no value" : metacall_value_id_name(id));
		return false;
	}
	if (kind == WASM_F32 || kind == WASM_F64) {
		const double number = integer ? static_cast<double>(whole) : real;
		if (kind == WASM_F32) {
			out.kind = WASMTIME_F32;
			out.of.f32 = static_cast<float>(number);
		} else {
			out.kind = WASMTIME_F64;
			out.of.f64 = number;
		}
		return true;
	}
	if (!integer) {
		if (!std::isfinite(real) || std::trunc(real) != real || std::fabs(real) >= 9.2e18) {
			why = std::to_string(real) + " is not a whole number that fits " + wasm_kind_name(kind);
			return false;
		}
		whole = static_cast<std::int64_t>(real);
	}
	if (kind == WASM_I32) {
		// i32 is sign-agnostic: unsigned 32-bit numbers are accepted too
		if (whole < std::numeric_limits<std::int32_t>::min() ||
		    whole > std::numeric_limits<std::uint32_t>::max()) {
			why = std::to_string(whole) + " does not fit i32";
			return false;
		}
		out.kind = WASMTIME_I32;
		out.of.i32 = static_cast<std::int32_t>(static_cast<std::uint32_t>(whole));
		return true;
	}
	out.kind = WASMTIME_I64;
	out.of.i64 = whole;
	return true;
}

} // namespace wasm_loader
