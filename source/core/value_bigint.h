// Big integers (METACALL_BIGINT): sign in scalar.i, magnitude as 64-bit words (least significant
// first, no leading zero word) in the bytes payload. Used by value_api.cpp and value_cast.cpp.
#pragma once

#include "value.h"

#include <cstdint>
#include <optional>
#include <string>

namespace metacall_core {

Value *create_bigint(bool negative, const std::uint64_t *words, std::size_t count);
// The value of a big integer when it fits in a long.
std::optional<long> bigint_to_long(Value *value);
// The nearest double (infinity beyond its range).
double bigint_to_double(Value *value);
// Decimal text, with a '-' for a negative number.
std::string bigint_to_decimal(Value *value);

} // namespace metacall_core
