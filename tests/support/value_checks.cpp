#include "value_checks.h"

#include <cstring>
#include <sstream>
#include <vector>

std::string last_error_message() {
	metacall_exception_type error{};
	if (metacall_error_last(&error) != 0)
		return "(no error recorded)";
	return std::string(error.label) + ": " + error.message;
}

std::string describe(void *value) {
	if (value == nullptr)
		return "NULL (" + last_error_message() + ")";
	std::ostringstream out;
	out << metacall_value_type_name(value);
	switch (metacall_value_id(value)) {
	case METACALL_BOOL:
		out << " " << static_cast<int>(metacall_value_to_bool(value));
		break;
	case METACALL_CHAR:
		out << " " << static_cast<int>(metacall_value_to_char(value));
		break;
	case METACALL_SHORT:
		out << " " << metacall_value_to_short(value);
		break;
	case METACALL_INT:
		out << " " << metacall_value_to_int(value);
		break;
	case METACALL_LONG:
		out << " " << metacall_value_to_long(value);
		break;
	case METACALL_FLOAT:
		out << " " << metacall_value_to_float(value);
		break;
	case METACALL_DOUBLE:
		out << " " << metacall_value_to_double(value);
		break;
	case METACALL_STRING:
		out << " \"" << metacall_value_to_string(value) << "\"";
		break;
	case METACALL_THROWABLE: {
		metacall_exception_type error{};
		if (metacall_error_from_value(value, &error) == 0)
			out << " " << error.label << ": " << error.message;
		break;
	}
	default:
		break;
	}
	return out.str();
}

::testing::AssertionResult mentions(const std::string &text, std::initializer_list<std::string> parts) {
	for (const std::string &part : parts)
		if (text.find(part) == std::string::npos)
			return ::testing::AssertionFailure() << "\"" << text << "\" does not mention \"" << part << "\"";
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_error(void *value, const std::string &label,
                                    std::initializer_list<std::string> parts) {
	if (value == nullptr || metacall_value_id(value) != METACALL_THROWABLE)
		return ::testing::AssertionFailure() << "expected a throwable, got " << describe(value);
	metacall_exception_type error{};
	if (metacall_error_from_value(value, &error) != 0)
		return ::testing::AssertionFailure() << "the throwable holds no exception";
	if (label != error.label)
		return ::testing::AssertionFailure()
		       << "label " << error.label << ", expected " << label << ": " << error.message;
	return mentions(error.message, parts);
}

void *string_value(const std::string &text) {
	return metacall_value_create_string(text.data(), text.size());
}

void *array_of(std::initializer_list<void *> items) {
	std::vector<const void *> elements(items.begin(), items.end());
	return metacall_value_create_array(elements.data(), elements.size());
}

void *map_of(std::initializer_list<std::pair<const char *, void *>> entries) {
	std::vector<const void *> tuples;
	for (const auto &[key, value] : entries)
		tuples.push_back(array_of({metacall_value_create_string(key, std::strlen(key)), value}));
	return metacall_value_create_map(tuples.data(), tuples.size());
}
