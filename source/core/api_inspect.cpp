// metacall_inspect: a JSON description of every live handle and its functions.
#include "error.h"
#include "json_writer.h"
#include "runtime.h"

#include <metacall/metacall.h>

#include <cstdlib>
#include <cstring>
#include <map>
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

std::string describe(const Registry &registry) {
	// Handles grouped by tag (tags in name order, handles in load order).
	std::map<std::string, std::vector<const Handle *>> by_tag;
	JsonWriter json;
	json.begin_object();
	registry.for_each([&](const Handle &handle) { by_tag[handle.tag].push_back(&handle); });
	for (const auto &[tag, handles] : by_tag) {
		json.key(tag).begin_array();
		for (const Handle *handle : handles) {
			json.begin_object();
			json.key("name").string(handle->name);
			json.key("scope").begin_object();
			json.key("name").string(handle->global ? "global_namespace" : handle->name);
			json.key("funcs").begin_array();
			for (const auto &function : handle->functions)
				write_function(json, *function);
			json.end_array();
			json.key("classes").begin_array().end_array();
			json.key("objects").begin_array().end_array();
			json.end_object();
			json.end_object();
		}
		json.end_array();
	}
	json.end_object();
	return json.text();
}

} // namespace

extern "C" char *metacall_inspect(size_t *size, void *allocator) {
	CallScope scope("metacall_inspect");
	if (!scope)
		return nullptr;
	// Handles cannot be cleared while they are described: for_each holds the registry's read lock.
	std::string text = describe(Runtime::instance().registry());
	void *memory = allocator != nullptr ? metacall_allocator_alloc(allocator, text.size() + 1)
	                                    : std::malloc(text.size() + 1);
	if (memory == nullptr) {
		set_error("MemoryError", "metacall_inspect: out of memory");
		return nullptr;
	}
	std::memcpy(memory, text.c_str(), text.size() + 1);
	if (size != nullptr)
		*size = text.size() + 1;
	return static_cast<char *>(memory);
}
