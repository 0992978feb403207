// metacall_inspect: a JSON description of every live handle and its functions.
#include "copy_out.h"
#include "error.h"
#include "json_writer.h"
#include "report.h"
#include "runtime.h"

#include <metacall/metacall.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
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

// What inspect shows of a handle, copied while the registry is locked: another thread may clear
// the handle as soon as the lock is released (its functions stay alive through these pointers).
struct HandleView {
	std::string name;
	bool global = false;
	std::vector<std::shared_ptr<Function>> functions;
};

std::string describe(const Registry &registry) {
	// Handles grouped by tag (tags in name order, handles in load order).
	std::map<std::string, std::vector<HandleView>> by_tag;
	registry.for_each([&](const Handle &handle) {
		by_tag[handle.tag].push_back(HandleView{handle.name, handle.global, handle.functions});
	});
	JsonWriter json;
	json.begin_object();
	for (const auto &[tag, handles] : by_tag) {
		json.key(tag).begin_array();
		for (const HandleView &handle : handles) {
			json.begin_object();
			json.key("name").string(handle.name);
			json.key("scope").begin_object();
			json.key("name").string(handle.global ? "global_namespace" : handle.name);
			json.key("funcs").begin_array();
			for (const auto &function : handle.functions)
				write_function(json, *function);
			json.end_array();
			json.key("classes").begin_array().end_array();
			json.key("objects").begin_array().end_array();
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
	// Handles cannot be cleared while they are described: for_each holds the registry's read lock.
	return copy_to_caller(describe(Runtime::instance().registry()), size, allocator, "metacall_inspect");
}
