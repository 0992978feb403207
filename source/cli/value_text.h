// Values as the command shows and reads them: results printed as JSON where the value is data,
// arguments written as JSON.
#pragma once

#include "owned_value.h"

#include <string>
#include <string_view>
#include <vector>

namespace metacall_cli {

// One line of text for `value` (borrowed): JSON for data (numbers, strings, arrays, maps with
// string keys as objects), and <...> for what JSON cannot hold (<function add>, <object Counter>,
// <Buffer 3 bytes: 01 02 03>, <future>, <Error: message>). A NULL pointer prints as null.
std::string value_to_text(void *value);

// Values parsed from `text`, a comma-separated list of JSON values (what goes between the
// parentheses of `call f(...)`; empty text is no argument). On success returns true and fills
// `values` (new values, owned); on failure returns false and puts a one-line reason in `error`,
// naming the column (counted from 1 in `text`, plus `column_offset`).
bool parse_json_arguments(std::string_view text, size_t column_offset, std::vector<owned_value> &values,
                          std::string &error);

} // namespace metacall_cli
