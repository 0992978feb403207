#include "environment.h"

#include "js_calls.h"
#include "js_object_proxy.h"

namespace node_loader {
namespace {

// The host's environment goes with the host's Node: a cleanup hook of that environment frees it.
// At exit it is left alone, since Node may be gone by then (process.exit skips its cleanup).
struct HostSlot {
	std::unique_ptr<NodeEnvironment> environment;
	~HostSlot() { (void)environment.release(); }
} host_slot;

void forget_host(void *) {
	host_slot.environment.reset();
}

} // namespace

NodeEnvironment *NodeEnvironment::host() {
	return host_slot.environment.get();
}

void NodeEnvironment::set_host(std::unique_ptr<NodeEnvironment> environment) {
	napi_add_env_cleanup_hook(environment->env(), forget_host, nullptr);
	host_slot.environment = std::move(environment);
}

std::unique_ptr<NodeEnvironment> NodeEnvironment::create(napi_env env, napi_value factory, bool host) {
	auto environment = std::make_unique<NodeEnvironment>(env, host);
	napi_value native = nullptr, settle = nullptr, helpers = nullptr, resource = nullptr, name = nullptr;
	napi_value global = nullptr, object = nullptr, object_prototype = nullptr, not_callable = nullptr;
	napi_value array = nullptr, array_prototype = nullptr, map = nullptr, map_prototype = nullptr;
	if (napi_create_object(env, &native) != napi_ok ||
	    napi_create_function(env, "settle", NAPI_AUTO_LENGTH, settle_callback, nullptr, &settle) != napi_ok ||
	    napi_set_named_property(env, native, "settle", settle) != napi_ok ||
	    register_proxy_natives(env, native) != napi_ok ||
	    napi_call_function(env, native, factory, 1, &native, &helpers) != napi_ok ||
	    napi_get_global(env, &global) != napi_ok ||
	    napi_get_named_property(env, global, "Object", &object) != napi_ok ||
	    napi_get_named_property(env, object, "prototype", &object_prototype) != napi_ok ||
	    napi_create_reference(env, object_prototype, 1, &environment->object_prototype_) != napi_ok ||
	    napi_get_named_property(env, global, "Array", &array) != napi_ok ||
	    napi_get_named_property(env, array, "prototype", &array_prototype) != napi_ok ||
	    napi_create_reference(env, array_prototype, 1, &environment->array_prototype_) != napi_ok ||
	    napi_get_named_property(env, global, "Map", &map) != napi_ok ||
	    napi_get_named_property(env, map, "prototype", &map_prototype) != napi_ok ||
	    napi_create_reference(env, map_prototype, 1, &environment->map_prototype_) != napi_ok ||
	    napi_get_named_property(env, helpers, "notCallable", &not_callable) != napi_ok ||
	    napi_create_reference(env, not_callable, 1, &environment->not_callable_) != napi_ok ||
	    napi_create_reference(env, helpers, 1, &environment->helpers_) != napi_ok ||
	    napi_create_object(env, &resource) != napi_ok ||
	    napi_create_reference(env, resource, 1, &environment->resource_) != napi_ok ||
	    napi_create_string_utf8(env, "metacall", NAPI_AUTO_LENGTH, &name) != napi_ok ||
	    napi_async_init(env, resource, name, &environment->async_context_) != napi_ok ||
	    napi_create_threadsafe_function(env, nullptr, nullptr, name, 0, 1, nullptr, nullptr,
	                                    environment.get(), wake, &environment->wake_) != napi_ok)
		return nullptr;
	napi_value tick_info = nullptr;
	napi_typedarray_type type;
	size_t length = 0;
	void *flags = nullptr;
	if (napi_get_named_property(env, helpers, "tickInfo", &tick_info) == napi_ok &&
	    napi_get_typedarray_info(env, tick_info, &type, &length, &flags, nullptr, nullptr) == napi_ok &&
	    type == napi_uint8_array && length >= 2)
		environment->tick_info_ = static_cast<const unsigned char *>(flags);
	// A host's process ends when its own work does, not when ours might come.
	if (host && napi_unref_threadsafe_function(env, environment->wake_) != napi_ok)
		return nullptr;
	environment->owner_.open(environment->wake_, !host);
	return environment;
}

NodeEnvironment::~NodeEnvironment() {
	close();
}

void NodeEnvironment::close() {
	owner_.close();
	if (env_ == nullptr)
		return;
	napi_async_destroy(env_, async_context_);
	napi_delete_reference(env_, resource_);
	napi_delete_reference(env_, helpers_);
	napi_delete_reference(env_, object_prototype_);
	napi_delete_reference(env_, array_prototype_);
	napi_delete_reference(env_, map_prototype_);
	napi_delete_reference(env_, not_callable_);
	napi_release_threadsafe_function(wake_, napi_tsfn_abort);
	env_ = nullptr;
}

void NodeEnvironment::pin_loop() {
	// Only a host's wake-up is unref'd: the loader's own environments keep their loop alive anyway.
	if (loop_pins_++ == 0 && host_ && env_ != nullptr)
		napi_ref_threadsafe_function(env_, wake_);
}

void NodeEnvironment::unpin_loop() {
	if (loop_pins_ > 0 && --loop_pins_ == 0 && host_ && env_ != nullptr)
		napi_unref_threadsafe_function(env_, wake_);
}

std::string NodeEnvironment::node_version() const {
	const napi_node_version *version = nullptr;
	if (env_ == nullptr || napi_get_node_version(env_, &version) != napi_ok)
		return "?";
	return std::to_string(version->major) + "." + std::to_string(version->minor) + "." +
	       std::to_string(version->patch);
}

void NodeEnvironment::wake(napi_env env, napi_value, void *context, void *) {
	if (env != nullptr) // nullptr: the thread-safe function is being torn down
		static_cast<NodeEnvironment *>(context)->owner_.drain();
}

napi_value NodeEnvironment::helper(const char *name) {
	napi_value helpers = nullptr, fn = nullptr;
	napi_get_reference_value(env_, helpers_, &helpers);
	napi_get_named_property(env_, helpers, name, &fn);
	return fn;
}

bool NodeEnvironment::call(napi_value fn, size_t argc, const napi_value *argv, napi_value *result) {
	napi_value receiver = nullptr;
	napi_get_undefined(env_, &receiver);
	return napi_call_function(env_, receiver, fn, argc, argv, result) == napi_ok;
}

EnvScope::EnvScope(NodeEnvironment &environment) : environment_(environment) {
	outermost_ = environment.call_depth_++ == 0;
	if (!outermost_ || !Owner::take_handle_scope())
		napi_open_handle_scope(environment.env_, &handles_);
	if (outermost_ && environment.end_call_ == nullptr) {
		napi_value resource = nullptr;
		napi_get_reference_value(environment.env_, environment.resource_, &resource);
		napi_open_callback_scope(environment.env_, resource, environment.async_context_, &callbacks_);
	}
}

EnvScope::~EnvScope() {
	if (callbacks_ != nullptr)
		napi_close_callback_scope(environment_.env_, callbacks_);
	else if (outermost_ && environment_.end_call_ != nullptr)
		environment_.end_call_(environment_.session_, environment_.tick_info_);
	--environment_.call_depth_;
	if (handles_ != nullptr)
		napi_close_handle_scope(environment_.env_, handles_);
}

} // namespace node_loader
