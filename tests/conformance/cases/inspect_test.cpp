// metacall_inspect describes what is loaded: tag, handle, functions, signatures, async flags.
// nlohmann/json.hpp first: metacall_def.h defines a `boolean` macro that would break its value_t::boolean.
#include <nlohmann/json.hpp>

#include "fixture.h"

#include <cstdlib>
#include <cstring>

namespace {

using nlohmann::json;

// The member of `document` at `path` ("/signature/args"), or null when a step is missing.
json member(const json &document, const std::string &path) {
	const json::json_pointer pointer(path);
	return document.is_object() && document.contains(pointer) ? document.at(pointer) : json();
}

class Inspect : public Conformance {
protected:
	void SetUp() override {
		Conformance::SetUp();
		if (HasFatalFailure())
			return;
		ASSERT_EQ(load(loader().main_script, &handle_), 0) << last_error_message();
		size_t size = 0;
		std::unique_ptr<char, decltype(&std::free)> text(metacall_inspect(&size, nullptr), &std::free);
		ASSERT_NE(text, nullptr) << last_error_message();
		size_ = size;
		length_ = std::strlen(text.get());
		document_ = json::parse(text.get(), nullptr, false);
		ASSERT_FALSE(document_.is_discarded()) << "not JSON: " << text.get();
	}

	// The loaded handle's entry, or null.
	const json *handle_entry() const {
		const char *name = metacall_handle_name(handle_);
		const auto tag_entry = document_.find(loader().tag);
		if (name == nullptr || tag_entry == document_.end() || !tag_entry->is_array())
			return nullptr;
		for (const json &entry : *tag_entry) {
			if (member(entry, "/name") == name)
				return &entry;
		}
		return nullptr;
	}

	// The entry of function `name` in the loaded handle, or null.
	const json *function_entry(const std::string &name) const {
		const json *entry = handle_entry();
		if (entry == nullptr || !member(*entry, "/scope/funcs").is_array())
			return nullptr;
		for (const json &function : entry->at("scope").at("funcs")) {
			if (member(function, "/name") == name)
				return &function;
		}
		return nullptr;
	}

	void *handle_ = nullptr;
	json document_;
	size_t size_ = 0;
	size_t length_ = 0;
};

TEST_P(Inspect, SizeIsTheLengthPlusOne) {
	EXPECT_EQ(size_, length_ + 1);
}

TEST_P(Inspect, ListsTheTag) {
	ASSERT_TRUE(document_.contains(loader().tag)) << document_.dump(2);
	EXPECT_TRUE(document_[loader().tag].is_array()) << document_.dump(2);
}

TEST_P(Inspect, ListsTheHandle) {
	ASSERT_NE(metacall_handle_name(handle_), nullptr);
	EXPECT_NE(handle_entry(), nullptr) << document_.dump(2);
}

TEST_P(Inspect, ListsEveryFunctionOfTheScript) {
	for (const char *name : {"add", "echo", "fail", "call", "nothing"})
		EXPECT_NE(function_entry(name), nullptr) << name << " missing from " << document_.dump(2);
}

TEST_P(Inspect, ListsParameterNames) {
	const json *add = function_entry("add");
	ASSERT_NE(add, nullptr) << document_.dump(2);
	const json args = member(*add, "/signature/args");
	ASSERT_TRUE(args.is_array()) << add->dump(2);
	ASSERT_EQ(args.size(), 2u) << add->dump(2);
	EXPECT_EQ(member(args[0], "/name"), "a") << add->dump(2);
	EXPECT_EQ(member(args[1], "/name"), "b") << add->dump(2);
}

TEST_P(Inspect, ListsDeclaredParameterTypes) {
	const json *add = function_entry("add");
	ASSERT_NE(add, nullptr) << document_.dump(2);
	const json args = member(*add, "/signature/args");
	ASSERT_TRUE(args.is_array()) << add->dump(2);
	ASSERT_EQ(args.size(), loader().add_parameter_types.size()) << add->dump(2);
	for (std::size_t i = 0; i < args.size(); ++i) {
		const enum metacall_value_id id = loader().add_parameter_types[i];
		EXPECT_EQ(member(args[i], "/type/id"), static_cast<int>(id)) << add->dump(2);
		// An undeclared type (METACALL_INVALID) has the name "".
		EXPECT_EQ(member(args[i], "/type/name"), id == METACALL_INVALID ? "" : metacall_value_id_name(id))
		    << add->dump(2);
	}
}

TEST_P(Inspect, ListsTheReturnType) {
	const json *add = function_entry("add");
	ASSERT_NE(add, nullptr) << document_.dump(2);
	enum metacall_value_id id = METACALL_SIZE;
	ASSERT_EQ(metacall_function_return_type(metacall_handle_function(handle_, "add"), &id), 0);
	EXPECT_EQ(member(*add, "/signature/ret/type/id"), static_cast<int>(id)) << add->dump(2);
	EXPECT_EQ(member(*add, "/signature/ret/type/name"),
	          id == METACALL_INVALID ? "" : metacall_value_id_name(id))
	    << add->dump(2);
}

TEST_P(Inspect, ListsTheAsyncFlag) {
	const json *add = function_entry("add");
	ASSERT_NE(add, nullptr) << document_.dump(2);
	EXPECT_EQ(member(*add, "/async"), false) << add->dump(2);
	if (!loader().supports_async)
		return;
	const json *echo_async = function_entry("echo_async");
	ASSERT_NE(echo_async, nullptr) << document_.dump(2);
	EXPECT_EQ(member(*echo_async, "/async"), true) << echo_async->dump(2);
}

INSTANTIATE_TEST_SUITE_P(Loaders, Inspect, ::testing::ValuesIn(conformance_loaders()), loader_test_name);

} // namespace
