// One Node environment the loader works in, with what it needs there: the helpers of
// bootstrap.js, the async context of its calls, a thread-safe function that wakes the owner
// thread, and the owner's work queue.
//
// The loader's own environments (on its thread, or pumped) are made by the start-up script, and
// go with the loader. A host's Node (the loader inside `node`) is attached once per process by
// the addon's host(require), on Node's main thread, and stays: the host's Node outlives any
// loader, and the next metacall_initialize uses it again.
#ifndef NODE_LOADER_ENVIRONMENT_H
#define NODE_LOADER_ENVIRONMENT_H

#include "owner.h"

#include <node_api.h>

#include <memory>
#include <string>

namespace node_loader {

class NodeEnvironment {
public:
	// Made on the owner thread (the calling one) from bootstrap.js's factory. `host`: the
	// process's own Node, whose event loop the wake-up must not keep alive and whose thread must
	// not be kept busy polling. nullptr with a JS exception pending.
	static std::unique_ptr<NodeEnvironment> create(napi_env env, napi_value factory, bool host);

	// The host's Node, once attached (see host_attach in runtime_interface.cpp), or nullptr.
	static NodeEnvironment *host();
	static void set_host(std::unique_ptr<NodeEnvironment> environment);

	NodeEnvironment(napi_env env, bool host) : env_(env), host_(host) {}
	NodeEnvironment(const NodeEnvironment &) = delete;
	NodeEnvironment &operator=(const NodeEnvironment &) = delete;
	~NodeEnvironment();

	napi_env env() const { return env_; }
	Owner &owner() { return owner_; }
	bool is_host() const { return host_; }
	// "18.20.4".
	std::string node_version() const;

	// ---- owner thread ----
	// The helper `name` of bootstrap.js.
	napi_value helper(const char *name);
	// Object.prototype of the environment (as it was at start-up): what plain objects inherit.
	napi_value object_prototype() { return value_of(object_prototype_); }
	// Array.prototype of the environment (as it was at start-up): what plain arrays inherit.
	napi_value array_prototype() { return value_of(array_prototype_); }
	napi_value map_prototype() { return value_of(map_prototype_); }
	// What bootstrap.js's method callers throw when the method is no function.
	napi_value not_callable() { return value_of(not_callable_); }
	// Calls `fn` with `argc` arguments (this = undefined). False with the JS exception pending.
	bool call(napi_value fn, size_t argc, const napi_value *argv, napi_value *result);
	// A promise waits for work from another thread (a future settling there): a host's event loop
	// must not end meanwhile, so the wake-up holds it while any such wait is pending. Owner.
	void pin_loop();
	void unpin_loop();
	// How many EnvScopes are open: 0 when the owner is in no work for the core.
	int call_depth() const { return call_depth_; }
	// From now on the outermost EnvScope ends with `end_call(session)` (the embedder's, when the
	// loader started Node) instead of opening and closing a Node-API callback scope. Owner, no scope
	// open.
	void end_calls_with(int (*end_call)(void *, const unsigned char *), void *session) {
		end_call_ = end_call;
		session_ = session;
	}
	// Node's [tick scheduled, rejection to warn] flags (bootstrap.js), or nullptr.
	const unsigned char *tick_info() const { return tick_info_; }
	// Lets go of everything it holds in the environment (which is about to go).
	void close();

private:
	friend class EnvScope;
	static void wake(napi_env env, napi_value js_callback, void *context, void *data);

	napi_env env_;
	bool host_;
	Owner owner_;
	napi_value value_of(napi_ref ref) {
		napi_value value = nullptr;
		napi_get_reference_value(env_, ref, &value);
		return value;
	}

	napi_ref helpers_ = nullptr;
	napi_ref object_prototype_ = nullptr;
	napi_ref array_prototype_ = nullptr;
	napi_ref map_prototype_ = nullptr;
	napi_ref not_callable_ = nullptr;
	napi_ref resource_ = nullptr;
	napi_async_context async_context_ = nullptr;
	napi_threadsafe_function wake_ = nullptr;
	int call_depth_ = 0;
	int loop_pins_ = 0;
	int (*end_call_)(void *, const unsigned char *) = nullptr;
	void *session_ = nullptr;
	const unsigned char *tick_info_ = nullptr; // Node's memory, alive with the environment
};

// Every piece of work the owner thread does for the core runs inside one: a handle scope, and at
// the outermost level a callback scope, so that the promise jobs and process.nextTick callbacks
// the work queued run when it ends, as after any callback of Node's own. With the embedder's
// end_call (NodeEnvironment::end_calls_with) the outermost scope calls that at its end instead:
// the same, for a quarter of the cost of a call (no async context is pushed for the call). The
// first EnvScope of a shared use needs no handle scope of its own: the use has one (owner.h,
// take_handle_scope), and a Node-API one costs an allocation.
class EnvScope {
public:
	explicit EnvScope(NodeEnvironment &environment);
	EnvScope(const EnvScope &) = delete;
	EnvScope &operator=(const EnvScope &) = delete;
	~EnvScope();

private:
	NodeEnvironment &environment_;
	napi_handle_scope handles_ = nullptr;
	napi_callback_scope callbacks_ = nullptr;
	bool outermost_ = false;
};

} // namespace node_loader

#endif
