// Classes and objects of other owners (a Python class or instance, a host object) as JS proxies
// (owner thread).
//
// An object becomes a Proxy whose traps go to the core: get -> metacall_object_get (a method
// arrives as a function), set -> metacall_object_set, has/ownKeys/getOwnPropertyDescriptor ->
// metacall_object_keys. A class becomes a constructible Proxy: `new C(...)` ->
// metacall_class_new, its static attributes through get and set. The traps are bootstrap.js's
// (proxyFactory); they call the natives registered here. The proxy's target wraps a copy of the
// value, destroyed when V8 collects the proxy: that is how the owner learns that JS let go.
// Converting the proxy back gives a copy of the same value (js_wrapped.h).
#ifndef NODE_LOADER_JS_OBJECT_PROXY_H
#define NODE_LOADER_JS_OBJECT_PROXY_H

#include <node_api.h>

#include <unordered_map>

namespace node_loader {

class LoaderState;
struct ForeignObject;

// The proxies JS holds, by the core's class or object they stand for: the same object gives the
// same proxy while JS holds one. Owner thread.
class ProxyCache {
public:
	ForeignObject *find(void *object) const {
		auto found = proxies_.find(object);
		return found != proxies_.end() ? found->second : nullptr;
	}
	void add(void *object, ForeignObject *proxy) { proxies_[object] = proxy; }
	// `proxy` is collected: forgets it, unless a newer proxy of `object` replaced it.
	void forget(void *object, const ForeignObject *proxy) {
		auto found = proxies_.find(object);
		if (found != proxies_.end() && found->second == proxy)
			proxies_.erase(found);
	}

private:
	std::unordered_map<void *, ForeignObject *> proxies_;
};

// A JS proxy for the class or object value `value` (borrowed), made by another owner than this
// loader: the one JS already holds for it, or a new one. nullptr with a JS exception pending.
napi_value foreign_to_js(LoaderState &state, void *value);

// Adds the natives the traps call (objectGet, objectSet, objectKeys, classNew) to `native`, the
// object bootstrap.js's factory receives.
napi_status register_proxy_natives(napi_env env, napi_value native);

} // namespace node_loader

#endif
