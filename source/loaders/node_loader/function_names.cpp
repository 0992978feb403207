#include "function_names.h"

#include <metacall/metacall.h>
#include <metacall/metacall_value.h>

namespace node_loader {

void FunctionNames::DestroyValue::operator()(void *value) const {
	metacall_value_destroy(value);
}

void *FunctionNames::function(std::string_view name) {
	if (last_ != nullptr && last_->first == name)
		return metacall_value_to_function(last_->second.get());
	auto found = values_.find(name);
	if (found != values_.end()) {
		last_ = &*found;
		return metacall_value_to_function(found->second.get());
	}
	const std::string key(name);
	void *function = metacall_function(key.c_str());
	if (function == nullptr)
		return nullptr;
	std::unique_ptr<void, DestroyValue> value(metacall_value_create_function(function));
	if (value == nullptr)
		return function; // not kept: the next call looks it up again
	if (values_.size() >= kMaxEntries)
		clear();
	last_ = &*values_.emplace(key, std::move(value)).first;
	return metacall_value_to_function(last_->second.get());
}

void FunctionNames::forget(std::string_view name) {
	auto found = values_.find(name);
	if (found == values_.end())
		return;
	if (last_ == &*found)
		last_ = nullptr;
	values_.erase(found);
}

} // namespace node_loader
