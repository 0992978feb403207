// Structural comparison of values across a round trip through a loader.
#include "equivalence.h"

#include "values.h"

#include <cstring>
#include <string>

namespace {

// Array elements may be NULL, which reads as null.
enum metacall_value_id type_of(void *value) {
	return value == nullptr ? METACALL_NULL : metacall_value_id(value);
}

::testing::AssertionResult compare(void *sent, void *got, const ConformanceLoader &loader,
                                   const std::string &at);

::testing::AssertionResult same_bytes(const void *a, std::size_t a_size, const void *b, std::size_t b_size,
                                      const std::string &at) {
	if (a_size != b_size)
		return ::testing::AssertionFailure()
		       << at << ": " << a_size << " bytes sent, " << b_size << " came back";
	if (a_size != 0 && std::memcmp(a, b, a_size) != 0)
		return ::testing::AssertionFailure() << at << ": the bytes differ";
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult compare_arrays(void *sent, void *got, const ConformanceLoader &loader,
                                          const std::string &at) {
	const std::size_t count = metacall_value_count(sent);
	if (metacall_value_count(got) != count)
		return ::testing::AssertionFailure()
		       << at << ": " << count << " elements sent, " << metacall_value_count(got) << " came back";
	void **sent_items = metacall_value_to_array(sent);
	void **got_items = metacall_value_to_array(got);
	for (std::size_t i = 0; i < count; ++i) {
		if (auto result = compare(sent_items[i], got_items[i], loader, at + "[" + std::to_string(i) + "]");
		    !result)
			return result;
	}
	return ::testing::AssertionSuccess();
}

// Finds the entry of `map` whose key is the string `key`.
void *entry_with_key(void *map, const std::string &key) {
	void **entries = metacall_value_to_map(map);
	for (std::size_t i = 0; i < metacall_value_count(map); ++i) {
		void **pair = metacall_value_to_array(entries[i]);
		if (pair != nullptr && type_of(pair[0]) == METACALL_STRING &&
		    key == std::string(metacall_value_to_string(pair[0]), metacall_value_size(pair[0]) - 1))
			return entries[i];
	}
	return nullptr;
}

::testing::AssertionResult compare_maps(void *sent, void *got, const ConformanceLoader &loader,
                                        const std::string &at) {
	const std::size_t count = metacall_value_count(sent);
	if (metacall_value_count(got) != count)
		return ::testing::AssertionFailure()
		       << at << ": " << count << " entries sent, " << metacall_value_count(got) << " came back";
	void **entries = metacall_value_to_map(sent);
	for (std::size_t i = 0; i < count; ++i) {
		void **pair = metacall_value_to_array(entries[i]);
		const std::string key(metacall_value_to_string(pair[0]), metacall_value_size(pair[0]) - 1);
		void *match = entry_with_key(got, key);
		if (match == nullptr)
			return ::testing::AssertionFailure() << at << ": the key \"" << key << "\" did not come back";
		if (auto result = compare(pair[1], metacall_value_to_array(match)[1], loader, at + "." + key);
		    !result)
			return result;
	}
	return ::testing::AssertionSuccess();
}

::testing::AssertionResult compare(void *sent, void *got, const ConformanceLoader &loader,
                                   const std::string &at) {
	const enum metacall_value_id sent_type = type_of(sent);
	const enum metacall_value_id expected_type = sent == nullptr ? METACALL_NULL : loader.echo_type(sent);
	const enum metacall_value_id got_type = type_of(got);
	if (got_type != expected_type)
		return ::testing::AssertionFailure()
		       << at << ": " << metacall_value_id_name(sent_type) << " should come back as "
		       << metacall_value_id_name(expected_type) << ", got " << describe(got);
	if (sent_type != got_type) {
		const auto sent_number = number_in(sent);
		if (sent_number && sent_number == number_in(got))
			return ::testing::AssertionSuccess();
		return ::testing::AssertionFailure()
		       << at << ": sent " << describe(sent) << ", got " << describe(got);
	}
	switch (sent_type) {
	case METACALL_BOOL:
	case METACALL_CHAR:
	case METACALL_SHORT:
	case METACALL_INT:
	case METACALL_LONG: // long double holds every long exactly on our platforms
	case METACALL_FLOAT:
	case METACALL_DOUBLE:
		if (number_in(sent) != number_in(got))
			return ::testing::AssertionFailure()
			       << at << ": sent " << describe(sent) << ", got " << describe(got);
		return ::testing::AssertionSuccess();
	case METACALL_STRING:
		return same_bytes(metacall_value_to_string(sent), metacall_value_size(sent),
		                  metacall_value_to_string(got), metacall_value_size(got), at);
	case METACALL_BUFFER:
		return same_bytes(metacall_value_to_buffer(sent), metacall_value_size(sent),
		                  metacall_value_to_buffer(got), metacall_value_size(got), at);
	case METACALL_ARRAY:
		return compare_arrays(sent, got, loader, at);
	case METACALL_MAP:
		return compare_maps(sent, got, loader, at);
	case METACALL_PTR:
		if (metacall_value_to_ptr(sent) != metacall_value_to_ptr(got))
			return ::testing::AssertionFailure() << at << ": the address changed";
		return ::testing::AssertionSuccess();
	default:
		return ::testing::AssertionSuccess(); // null, functions, futures: the type is all there is to compare
	}
}

} // namespace

::testing::AssertionResult equivalent(void *sent, void *got, const ConformanceLoader &loader) {
	if (got == nullptr)
		return ::testing::AssertionFailure()
		       << "the call returned NULL; last error: " << last_error_message();
	return compare(sent, got, loader, "value");
}
