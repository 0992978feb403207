// Values to JSON text and back (metacall_serialize, metacall_deserialize, metacallfs): the shapes
// MetaCall's JSON serial gives, so that text written by one reads the same in the other.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace metacall_core {

// The JSON text of `value` (a value of the C API), compact. std::nullopt after recording an error
// naming `api` (not a value, nested deeper than METACALL_VALUE_MAX_DEPTH).
std::optional<std::string> value_to_json(void *value, const char *api);

// A new value (owned by the caller) for the JSON text `text` of `size` bytes, or nullptr after
// recording an error naming `api` and where the text is not JSON.
void *value_from_json(const char *text, std::size_t size, const char *api);

} // namespace metacall_core
