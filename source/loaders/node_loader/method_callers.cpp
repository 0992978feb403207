#include "method_callers.h"

#include "environment.h"

namespace node_loader {

napi_value MethodCallers::caller(NodeEnvironment &environment, std::string_view name) {
	napi_env env = environment.env();
	napi_value caller = nullptr;
	if (last_ != nullptr && last_->first == name) {
		napi_get_reference_value(env, last_->second, &caller);
		return caller;
	}
	auto found = callers_.find(name);
	if (found == callers_.end()) {
		napi_value key = nullptr;
		napi_ref ref = nullptr;
		if (napi_create_string_utf8(env, name.data(), name.size(), &key) != napi_ok ||
		    !environment.call(environment.helper("methodCaller"), 1, &key, &caller))
			return nullptr;
		if (callers_.size() >= kMaxEntries)
			clear(env);
		if (napi_create_reference(env, caller, 1, &ref) != napi_ok)
			return caller; // not kept: made again next time
		last_ = &*callers_.emplace(std::string(name), ref).first;
		return caller;
	}
	last_ = &*found;
	napi_get_reference_value(env, found->second, &caller);
	return caller;
}

void MethodCallers::clear(napi_env env) {
	for (auto &[name, ref] : callers_)
		napi_delete_reference(env, ref);
	callers_.clear();
	last_ = nullptr;
}

} // namespace node_loader
