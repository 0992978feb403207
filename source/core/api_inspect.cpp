// metacall_inspect: a JSON description of every live handle and its functions.
#include "copy_out.h"
#include "error.h"
#include "json_writer.h"
#include "object.h"
#include "report.h"
#include "runtime.h"
#include "value.h"

#include <metacall/metacall.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

using namespace metacall_core;

namespace {

void write_type(JsonWriter &json, ValueId id) {
	json.key("type").begin_object();
	json.key("name").string(id == METACALL_INVALID ? "" : metacall_value_id_name(id));
	json.key("id").number(id);
	json.end_object();
}

void write_function(JsonWriter &json, const Function &function) {
	const Signature &signature = function.signature();
	json.begin_object();
	json.key("name").string(signature.name);
	json.key("signature").begin_object();
	json.key("ret").begin_object();
	write_type(json, signature.return_type);
	json.end_object();
	json.key("args").begin_array();
	for (const Parameter &param : signature.params) {
		json.begin_object();
		json.key("name").string(param.name);
		write_type(json, param.type);
		json.end_object();
	}
	json.end_array();
	json.end_object();
	json.key("async").truth(signature.is_async);
	json.end_object();
}

// The entry `key` of a class description (a map value), or nullptr.
Value *entry(Value *description, std::string_view key) {
	for (void *slot : description->slots()) {
		auto *pair = static_cast<Value *>(slot);
		if (pair == nullptr || pair->id != METACALL_ARRAY || pair->slots().size() != 2)
			continue;
		auto *name = static_cast<Value *>(pair->slots()[0]);
		if (name != nullptr && name->id == METACALL_STRING && name->bytes() == key)
			return static_cast<Value *>(pair->slots()[1]);
	}
	return nullptr;
}

// The strings of an array value (others skipped).
std::vector<std::string> strings(Value *array) {
	std::vector<std::string> out;
	if (array != nullptr && array->id == METACALL_ARRAY)
		for (void *slot : array->slots()) {
			auto *item = static_cast<Value *>(slot);
			if (item != nullptr && item->id == METACALL_STRING)
				out.push_back(item->bytes());
		}
	return out;
}

void write_args(JsonWriter &json, Value *names) {
	json.key("args").begin_array();
	for (const std::string &name : strings(names)) {
		json.begin_object();
		json.key("name").string(name);
		write_type(json, METACALL_INVALID);
		json.end_object();
	}
	json.end_array();
}

// "methods": a map of method name to parameter names, written as functions are.
void write_methods(JsonWriter &json, const char *key, Value *methods) {
	json.key(key).begin_array();
	if (methods != nullptr && methods->id == METACALL_MAP)
		for (void *slot : methods->slots()) {
			auto *pair = static_cast<Value *>(slot);
			if (pair == nullptr || pair->id != METACALL_ARRAY || pair->slots().size() != 2)
				continue;
			auto *name = static_cast<Value *>(pair->slots()[0]);
			if (name == nullptr || name->id != METACALL_STRING)
				continue;
			json.begin_object();
			json.key("name").string(name->bytes());
			json.key("signature").begin_object();
			json.key("ret").begin_object();
			write_type(json, METACALL_INVALID);
			json.end_object();
			write_args(json, static_cast<Value *>(pair->slots()[1]));
			json.end_object();
			json.key("async").truth(false);
			json.end_object();
		}
	json.end_array();
}

void write_names(JsonWriter &json, const char *key, Value *names) {
	json.key(key).begin_array();
	for (const std::string &name : strings(names)) {
		json.begin_object();
		json.key("name").string(name);
		write_type(json, METACALL_INVALID);
		json.key("visibility").string("public");
		json.end_object();
	}
	json.end_array();
}

// A class as its loader describes it (Object::describe), in the shape of MetaCall's class metadata;
// what the loader cannot tell is left empty.
void write_class(JsonWriter &json, const std::string &name, Object &cls) {
	ValuePtr description(static_cast<Value *>(cls.describe()));
	Value *described = description.get();
	auto part = [&](std::string_view key) { return described != nullptr ? entry(described, key) : nullptr; };
	json.begin_object();
	json.key("name").string(name);
	json.key("constructors").begin_array().begin_object(); // MetaCall's shape: one constructor
	json.key("visibility").string("public");
	write_args(json, part("constructor"));
	json.end_object().end_array();
	write_methods(json, "methods", part("methods"));
	write_methods(json, "static_methods", part("static_methods"));
	write_names(json, "attributes", part("attributes"));
	write_names(json, "static_attributes", part("static_attributes"));
	json.end_object();
}

// What inspect shows of a handle, copied while the registry is locked: another thread may clear
// the handle as soon as the lock is released (its functions stay alive through these pointers).
struct HandleView {
	std::string name;
	bool global = false;
	std::string options;
	std::vector<std::shared_ptr<Function>> functions;
	std::vector<std::pair<std::string, std::shared_ptr<Object>>> objects;
};

std::string describe(const Registry &registry) {
	// Handles grouped by tag (tags in name order, handles in load order).
	std::map<std::string, std::vector<HandleView>> by_tag;
	registry.for_each([&](const Handle &handle) {
		by_tag[handle.tag].push_back(
		    HandleView{handle.name, handle.global, handle.options, handle.functions, handle.objects});
	});
	JsonWriter json;
	json.begin_object();
	for (const auto &[tag, handles] : by_tag) {
		json.key(tag).begin_array();
		for (const HandleView &handle : handles) {
			json.begin_object();
			json.key("name").string(handle.name);
			if (!handle.options.empty()) // what the load was given (a wasm plug-in's grant)
				json.key("options").raw(handle.options);
			json.key("scope").begin_object();
			json.key("name").string(handle.global ? "global_namespace" : handle.name);
			json.key("funcs").begin_array();
			for (const auto &function : handle.functions)
				write_function(json, *function);
			json.end_array();
			json.key("classes").begin_array();
			for (const auto &[name, object] : handle.objects)
				if (object->kind() == METACALL_CLASS)
					write_class(json, name, *object);
			json.end_array();
			json.key("objects").begin_array();
			for (const auto &[name, object] : handle.objects)
				if (object->kind() == METACALL_OBJECT) {
					json.begin_object();
					json.key("name").string(name);
					json.key("class").string(object->class_name());
					json.end_object();
				}
			json.end_array();
			json.end_object();
			json.end_object();
		}
		json.end_array();
	}
	// Not a tag: what the process already contains (metacall_relink_report). The report is JSON
	// already; JsonWriter has no raw value, so it is appended and the object closed by hand.
	json.key("__relink__");
	return json.text() + metacall_relink::report_json() + '}';
}

} // namespace

namespace metacall_core {

// The NUL-terminated copy of `text` that metacall_inspect and metacall_relink_report hand out:
// from `allocator`, or malloc when it is NULL; *size (if asked) gets its length + 1.
char *copy_to_caller(const std::string &text, size_t *size, void *allocator, const char *api) {
	void *memory = allocator != nullptr ? metacall_allocator_alloc(allocator, text.size() + 1)
	                                    : std::malloc(text.size() + 1);
	if (memory == nullptr) {
		set_errorf("MemoryError", "%s: out of memory", api);
		return nullptr;
	}
	std::memcpy(memory, text.c_str(), text.size() + 1);
	if (size != nullptr)
		*size = text.size() + 1;
	return static_cast<char *>(memory);
}

} // namespace metacall_core

extern "C" char *metacall_inspect(size_t *size, void *allocator) {
	CallScope scope("metacall_inspect");
	if (!scope)
		return nullptr;
	// The handles are copied under the registry's read lock; classes are described after it.
	return copy_to_caller(describe(Runtime::instance().registry()), size, allocator, "metacall_inspect");
}
