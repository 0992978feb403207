#include "value_text.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace metacall_cli {
namespace {

using json = nlohmann::ordered_json; // keeps an object's keys in the order they were written

constexpr size_t max_depth = METACALL_VALUE_MAX_DEPTH;
constexpr size_t max_buffer_bytes_shown = 32;

std::string quoted(const char *text, size_t length) {
	// Bytes that are not UTF-8 are shown as U+FFFD rather than refused.
	return json(std::string(text, length)).dump(-1, ' ', false, json::error_handler_t::replace);
}

template <typename Number>
std::string floating(Number number) {
	if (std::isnan(number))
		return "NaN";
	if (std::isinf(number))
		return number > 0 ? "Infinity" : "-Infinity";
	char buffer[64];
	auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number); // shortest round trip
	std::string text(buffer, error == std::errc() ? end : buffer);
	if (text.find_first_of(".e") == std::string::npos)
		text += ".0"; // a Double stays recognisable as one: 3.0, not 3
	return text;
}

std::string exception_text(void *value) {
	metacall_exception_type ex{};
	if (metacall_error_from_value(value, &ex) != 0)
		return "<exception>";
	return std::string("<") + ex.label + ": " + ex.message + ">";
}

// A type this file does not name (a big integer): its decimal form when it casts to a string.
void append_other(std::string &out, void *value) {
	void *copy = metacall_value_copy(value);
	void *cast = copy != nullptr ? metacall_value_cast(copy, METACALL_STRING) : nullptr;
	if (cast != nullptr) {
		out += metacall_value_to_string(cast);
		metacall_value_destroy(cast);
		return;
	}
	metacall_value_destroy(copy);
	metacall_error_clear();
	out += std::string("<") + metacall_value_type_name(value) + ">";
}

void append(std::string &out, void *value, size_t depth);

void append_map(std::string &out, void *value, size_t depth) {
	void **tuples = metacall_value_to_map(value);
	size_t size = metacall_value_count(value);
	out += '{';
	for (size_t i = 0; i < size; ++i) {
		if (i > 0)
			out += ", ";
		void **pair = tuples[i] != nullptr ? metacall_value_to_array(tuples[i]) : nullptr;
		if (pair == nullptr || metacall_value_count(tuples[i]) != 2) {
			out += "<bad entry>";
			continue;
		}
		append(out, pair[0], depth + 1); // a string key prints quoted, as JSON's keys are
		out += ": ";
		append(out, pair[1], depth + 1);
	}
	out += '}';
}

void append_buffer(std::string &out, void *value) {
	const auto *bytes = static_cast<const unsigned char *>(metacall_value_to_buffer(value));
	size_t size = metacall_value_size(value);
	out += "<Buffer " + std::to_string(size) + (size == 1 ? " byte" : " bytes");
	for (size_t i = 0; i < size && i < max_buffer_bytes_shown; ++i) {
		char hex[4];
		std::snprintf(hex, sizeof hex, "%02x", bytes[i]);
		out += i == 0 ? ": " : " ";
		out += hex;
	}
	if (size > max_buffer_bytes_shown)
		out += " ...";
	out += '>';
}

void append(std::string &out, void *value, size_t depth) {
	if (value == nullptr) {
		out += "null";
		return;
	}
	if (depth > max_depth) {
		out += "...";
		return;
	}
	switch (metacall_value_id(value)) {
	case METACALL_BOOL:
		out += metacall_value_to_bool(value) ? "true" : "false";
		break;
	case METACALL_CHAR:
		out += std::to_string(static_cast<int>(metacall_value_to_char(value)));
		break;
	case METACALL_SHORT:
		out += std::to_string(metacall_value_to_short(value));
		break;
	case METACALL_INT:
		out += std::to_string(metacall_value_to_int(value));
		break;
	case METACALL_LONG:
		out += std::to_string(metacall_value_to_long(value));
		break;
	case METACALL_BIGINT: { // decimal digits, through a copy cast to a string
		void *text = metacall_value_cast(metacall_value_copy(value), METACALL_STRING);
		out += text != nullptr ? metacall_value_to_string(text) : "<BigInt>";
		metacall_value_destroy(text);
		break;
	}
	case METACALL_FLOAT:
		out += floating(metacall_value_to_float(value));
		break;
	case METACALL_DOUBLE:
		out += floating(metacall_value_to_double(value));
		break;
	case METACALL_STRING:
		out += quoted(metacall_value_to_string(value), metacall_value_size(value) - 1);
		break;
	case METACALL_BUFFER:
		append_buffer(out, value);
		break;
	case METACALL_ARRAY: {
		void **elements = metacall_value_to_array(value);
		size_t size = metacall_value_count(value);
		out += '[';
		for (size_t i = 0; i < size; ++i) {
			if (i > 0)
				out += ", ";
			append(out, elements[i], depth + 1);
		}
		out += ']';
		break;
	}
	case METACALL_MAP:
		append_map(out, value, depth);
		break;
	case METACALL_PTR: {
		char address[32];
		std::snprintf(address, sizeof address, "%p", metacall_value_to_ptr(value));
		out += std::string("<pointer ") + address + ">";
		break;
	}
	case METACALL_FUTURE:
		out += "<future>";
		break;
	case METACALL_FUNCTION:
		out += "<function>";
		break;
	case METACALL_NULL:
		out += "null";
		break;
	case METACALL_CLASS:
		out += std::string("<class ") + metacall_object_class_name(metacall_value_to_class(value)) + ">";
		break;
	case METACALL_OBJECT:
		out += std::string("<object ") + metacall_object_class_name(metacall_value_to_object(value)) + ">";
		break;
	case METACALL_EXCEPTION:
		out += exception_text(value);
		break;
	case METACALL_THROWABLE:
		out += "<thrown ";
		append(out, metacall_value_to_throwable(value), depth + 1);
		out += '>';
		break;
	default:
		append_other(out, value);
	}
}

// ---- JSON -> values ----

owned_value from_json(const json &node, size_t depth, std::string &error);

owned_value array_from_json(const json &node, size_t depth, std::string &error) {
	std::vector<owned_value> elements;
	elements.reserve(node.size());
	for (const json &element : node) {
		elements.push_back(from_json(element, depth + 1, error));
		if (!elements.back())
			return nullptr;
	}
	owned_value array(metacall_value_create_array(nullptr, elements.size()));
	void **slots = metacall_value_to_array(array.get());
	for (size_t i = 0; i < elements.size(); ++i)
		slots[i] = elements[i].release(); // the array owns them now
	return array;
}

owned_value map_from_json(const json &node, size_t depth, std::string &error) {
	std::vector<owned_value> tuples;
	for (const auto &[key, element] : node.items()) {
		owned_value tuple(metacall_value_create_array(nullptr, 2));
		owned_value converted = from_json(element, depth + 1, error);
		if (!converted)
			return nullptr;
		void **pair = metacall_value_to_array(tuple.get());
		pair[0] = metacall_value_create_string(key.data(), key.size());
		pair[1] = converted.release();
		tuples.push_back(std::move(tuple));
	}
	owned_value map(metacall_value_create_map(nullptr, tuples.size()));
	void **slots = metacall_value_to_map(map.get());
	for (size_t i = 0; i < tuples.size(); ++i)
		slots[i] = tuples[i].release();
	return map;
}

owned_value from_json(const json &node, size_t depth, std::string &error) {
	if (depth > max_depth) {
		error = "the arguments are nested deeper than " + std::to_string(max_depth) + " levels";
		return nullptr;
	}
	switch (node.type()) {
	case json::value_t::null:
		return owned_value(metacall_value_create_null());
	case json::value_t::boolean:
		return owned_value(metacall_value_create_bool(node.get<bool>() ? 1 : 0));
	case json::value_t::number_integer:
		return owned_value(metacall_value_create_long(node.get<long>()));
	case json::value_t::number_unsigned: {
		const auto number = node.get<unsigned long long>();
		if (number > static_cast<unsigned long long>(std::numeric_limits<long>::max())) {
			const uint64_t word = number; // beyond Long: a BigInt (docs/NUMBERS.md)
			return owned_value(metacall_value_create_bigint(0, &word, 1));
		}
		return owned_value(metacall_value_create_long(static_cast<long>(number)));
	}
	case json::value_t::number_float:
		return owned_value(metacall_value_create_double(node.get<double>()));
	case json::value_t::string: {
		const auto &text = node.get_ref<const std::string &>();
		return owned_value(metacall_value_create_string(text.data(), text.size()));
	}
	case json::value_t::array:
		return array_from_json(node, depth, error);
	case json::value_t::object:
		return map_from_json(node, depth, error);
	default:
		error = "the arguments hold a JSON value of an unsupported kind";
		return nullptr;
	}
}

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 4:
// syntax error while parsing value - invalid literal; last read: '[1, x'": keep the reason only.
std::string parse_reason(const std::string &what) {
	size_t start = what.find(" - ");
	start = start == std::string::npos ? 0 : start + 3;
	size_t end = what.find("; last read", start);
	return what.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

} // namespace

std::string value_to_text(void *value) {
	std::string out;
	append(out, value, 0);
	return out;
}

bool parse_json_arguments(std::string_view text, size_t column_offset, std::vector<owned_value> &values,
                          std::string &error) {
	std::string document;
	document.reserve(text.size() + 2);
	document += '[';
	document += text;
	document += ']';
	json parsed;
	try {
		parsed = json::parse(document);
	} catch (const json::parse_error &e) {
		// e.byte counts from 1 in the document, whose first byte is our '['.
		size_t column = e.byte > 1 ? e.byte - 1 : 1;
		if (column > text.size())
			column = text.size() + 1;
		error = "bad JSON in the arguments at column " + std::to_string(column + column_offset) + ": " +
		        parse_reason(e.what());
		return false;
	}
	values.clear();
	for (const json &argument : parsed) {
		values.push_back(from_json(argument, 1, error));
		if (!values.back()) {
			values.clear();
			return false;
		}
	}
	return true;
}

} // namespace metacall_cli
