#include "struct_conversion.h"

#include <metacall/metacall.h>

#include <cstring>
#include <vector>

namespace c_loader {
namespace {

// One field from one value: scalars by number, strings by their bytes, pointers by address.
bool fill_field(const StructLayout::FieldSlot &field, void *value, void *at, Mismatch &why) {
	const enum metacall_value_id id = value == nullptr ? METACALL_NULL : metacall_value_id(value);
	if (field.type.is_scalar()) {
		if (value != nullptr)
			return to_scalar(value, field.type.base, at, field.type.spelling, why);
		why = {"TypeError", "expected a number (" + field.type.spelling + "), got Null"};
		return false;
	}
	void *pointer = nullptr;
	if (id == METACALL_NULL)
		pointer = nullptr;
	else if (id == METACALL_PTR)
		pointer = metacall_value_to_ptr(value);
	else if (id == METACALL_STRING && field.type.is_string())
		pointer = metacall_value_to_string(value);
	else if (id == METACALL_BUFFER)
		pointer = metacall_value_to_buffer(value);
	else {
		why = {"TypeError", std::string("expected ") + (field.type.is_string() ? "a String" : "a Pointer") +
		                        " (" + field.type.spelling + "), got " + metacall_value_id_name(id)};
		return false;
	}
	std::memcpy(at, &pointer, sizeof pointer);
	return true;
}

} // namespace

bool fill_struct(const StructLayout &layout, void *map, void *memory, Mismatch &why) {
	const auto &fields = layout.fields();
	std::vector<bool> given(fields.size(), false);
	void **entries = metacall_value_to_map(map);
	const std::size_t count = metacall_value_count(map);
	std::memset(memory, 0, layout.size());
	for (std::size_t i = 0; i < count; ++i) {
		void **pair = entries[i] != nullptr ? metacall_value_to_array(entries[i]) : nullptr;
		if (pair == nullptr || metacall_value_count(entries[i]) != 2 || pair[0] == nullptr ||
		    metacall_value_id(pair[0]) != METACALL_STRING) {
			why = {"TypeError", "entry " + std::to_string(i) + " of the map is not a [String, value] pair"};
			return false;
		}
		const std::string key(metacall_value_to_string(pair[0]), metacall_value_size(pair[0]) - 1);
		std::size_t index = 0;
		while (index < fields.size() && fields[index].name != key)
			++index;
		if (index == fields.size()) {
			why = {"TypeError", "struct " + layout.name() + " has no field '" + key + "'"};
			return false;
		}
		if (given[index]) {
			why = {"TypeError", "the map gives field '" + key + "' twice"};
			return false;
		}
		given[index] = true;
		Mismatch field_why;
		if (!fill_field(fields[index], pair[1], static_cast<char *>(memory) + fields[index].offset,
		                field_why)) {
			why = {field_why.label,
			       "field '" + key + "' of struct " + layout.name() + ": " + field_why.message};
			return false;
		}
	}
	std::string missing;
	for (std::size_t i = 0; i < fields.size(); ++i)
		if (!given[i])
			missing += (missing.empty() ? "'" : ", '") + fields[i].name + "'";
	if (!missing.empty()) {
		why = {"TypeError", "struct " + layout.name() + " is missing field" +
		                        (missing.find(',') != std::string::npos ? "s " : " ") + missing};
		return false;
	}
	return true;
}

} // namespace c_loader
