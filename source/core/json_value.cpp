// Values to JSON and back, through nlohmann::json (a header-only build dependency).
#include "json_value.h"

#include "error.h"
#include "value.h"
#include "value_bigint.h"
#include "value_buffer.h"

#include <metacall/metacall.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <vector>

namespace metacall_core {
namespace {

// Keys in the order the value lists them, as a map's entries come.
using Json = nlohmann::ordered_json;

struct TooDeep {};

Json to_json(Value *value, int depth);

// A JSON object's member name for a map key: a string as it is, anything else as its JSON text
// (JSON names are strings; MetaCall's maps may have any key).
std::string member_name(Value *key, int depth) {
	if (key != nullptr && key->id == METACALL_STRING)
		return key->bytes();
	return to_json(key, depth).dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json to_json(Value *value, int depth) {
	if (depth > METACALL_VALUE_MAX_DEPTH)
		throw TooDeep{};
	if (value == nullptr) // an unfilled array slot reads as null
		return nullptr;
	switch (value->id) {
	case METACALL_BOOL:
		return value->scalar.b != 0;
	case METACALL_CHAR:
		return std::string(1, value->scalar.c);
	case METACALL_SHORT:
		return value->scalar.s;
	case METACALL_INT:
		return value->scalar.i;
	case METACALL_LONG:
		return value->scalar.l;
	case METACALL_FLOAT:
		return static_cast<double>(value->scalar.f);
	case METACALL_DOUBLE:
		return value->scalar.d;
	case METACALL_BIGINT:
		return bigint_to_decimal(value); // beyond what a JSON reader keeps exactly: the digits
	case METACALL_STRING:
		return value->bytes();
	case METACALL_BUFFER: {
		const auto *bytes = reinterpret_cast<const unsigned char *>(buffer_data(value));
		const std::size_t size = buffer_size(value);
		Json data = Json::array();
		for (std::size_t i = 0; i < size; ++i)
			data.push_back(bytes[i]);
		return Json{{"data", std::move(data)}, {"length", size}};
	}
	case METACALL_ARRAY: {
		Json array = Json::array();
		for (void *item : value->slots())
			array.push_back(to_json(static_cast<Value *>(item), depth + 1));
		return array;
	}
	case METACALL_MAP: {
		Json object = Json::object();
		for (void *entry : value->slots()) {
			auto *pair = static_cast<Value *>(entry);
			if (pair == nullptr || pair->id != METACALL_ARRAY || pair->slots().size() != 2)
				continue; // not a [key, value] tuple: nothing to name it by
			auto *key = static_cast<Value *>(pair->slots()[0]);
			object[member_name(key, depth + 1)] = to_json(static_cast<Value *>(pair->slots()[1]), depth + 1);
		}
		return object;
	}
	case METACALL_PTR: {
		char text[2 + 2 * sizeof(void *) + 1];
		std::snprintf(text, sizeof text, "%p", value->scalar.p);
		return text;
	}
	case METACALL_FUTURE:
		return "[Future]";
	case METACALL_FUNCTION:
		return "[Function]";
	case METACALL_CLASS:
		return "[Class]";
	case METACALL_OBJECT:
		return "[Object]";
	case METACALL_EXCEPTION: {
		const metacall_exception_type *ex = value->exception_view();
		return Json{{"message", ex->message},
		            {"label", ex->label},
		            {"code", ex->code},
		            {"stacktrace", ex->stacktrace}};
	}
	case METACALL_THROWABLE:
		return Json{{"ExceptionThrown", to_json(value->thrown(), depth + 1)}};
	default:
		return nullptr;
	}
}

// Numbers read as MetaCall's JSON serial reads them: an int when it fits, else a long; a float when
// the number is exactly a float, else a double.
void *from_json(const Json &json) {
	switch (json.type()) {
	case Json::value_t::null:
		return metacall_value_create_null();
	case Json::value_t::boolean:
		return metacall_value_create_bool(json.get<bool>() ? 1 : 0);
	case Json::value_t::number_integer: {
		const auto n = json.get<std::int64_t>();
		return n >= INT_MIN && n <= INT_MAX ? metacall_value_create_int(static_cast<int>(n))
		                                    : metacall_value_create_long(static_cast<long>(n));
	}
	case Json::value_t::number_unsigned: {
		const auto n = json.get<std::uint64_t>();
		if (n <= static_cast<std::uint64_t>(INT_MAX))
			return metacall_value_create_int(static_cast<int>(n));
		if (n <= static_cast<std::uint64_t>(LONG_MAX))
			return metacall_value_create_long(static_cast<long>(n));
		return metacall_value_create_bigint(0, &n, 1);
	}
	case Json::value_t::number_float: {
		const double d = json.get<double>();
		const auto f = static_cast<float>(d);
		return static_cast<double>(f) == d ? metacall_value_create_float(f) : metacall_value_create_double(d);
	}
	case Json::value_t::string: {
		const auto &text = json.get_ref<const std::string &>();
		return metacall_value_create_string(text.data(), text.size());
	}
	case Json::value_t::array: {
		std::vector<const void *> items;
		items.reserve(json.size());
		for (const Json &item : json)
			items.push_back(from_json(item));
		return metacall_value_create_array(items.data(), items.size());
	}
	case Json::value_t::object: {
		std::vector<const void *> tuples;
		tuples.reserve(json.size());
		for (auto member = json.begin(); member != json.end(); ++member) {
			const void *pair[] = {metacall_value_create_string(member.key().data(), member.key().size()),
			                      from_json(member.value())};
			tuples.push_back(metacall_value_create_array(pair, 2));
		}
		return metacall_value_create_map(tuples.data(), tuples.size());
	}
	default: // binary and discarded values do not come out of the parser
		return metacall_value_create_null();
	}
}

} // namespace

std::optional<std::string> value_to_json(void *value, const char *api) {
	Value *v = Value::from(value, api);
	if (v == nullptr)
		return std::nullopt;
	try {
		// Bytes that are not UTF-8 become U+FFFD: the output is JSON whatever a string held.
		return to_json(v, 0).dump(-1, ' ', false, Json::error_handler_t::replace);
	} catch (const TooDeep &) {
		set_errorf("RecursionError", "%s: the value is nested more than %d levels deep", api,
		           METACALL_VALUE_MAX_DEPTH);
	} catch (const std::exception &e) {
		set_errorf("SerializationError", "%s: %s", api, e.what());
	}
	return std::nullopt;
}

void *value_from_json(const char *text, std::size_t size, const char *api) {
	if (text == nullptr) {
		set_errorf("TypeError", "%s: the buffer is NULL", api);
		return nullptr;
	}
	if (size > 0 && text[size - 1] == '\0') // a size counting the NUL, as sizeof a literal gives
		--size;
	// Nesting is bounded while parsing, as for values: an element deeper than
	// METACALL_VALUE_MAX_DEPTH below the top is dropped at once and the text refused below.
	int deepest = 0;
	const auto limit = [&deepest](int depth, Json::parse_event_t event, Json &) {
		if (event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start ||
		    event == Json::parse_event_t::value)
			deepest = std::max(deepest, depth);
		return depth <= METACALL_VALUE_MAX_DEPTH;
	};
	Json json;
	try {
		json = Json::parse(text, text + size, limit);
	} catch (const Json::exception &e) {
		set_errorf("SyntaxError", "%s: the text is not JSON: %s", api, e.what());
		return nullptr;
	}
	if (deepest > METACALL_VALUE_MAX_DEPTH) {
		set_errorf("RecursionError", "%s: the JSON is nested more than %d levels deep", api,
		           METACALL_VALUE_MAX_DEPTH);
		return nullptr;
	}
	return from_json(json);
}

} // namespace metacall_core
