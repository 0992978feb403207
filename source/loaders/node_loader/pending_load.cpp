#include "pending_load.h"

#include "js_errors.h"
#include "modules.h"
#include "on_owner.h"

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace node_loader {
namespace {

// A load whose promise has not settled yet. Shared by the waiting caller and the JS callback that
// settles it, which makes the module on the owner thread (no second handoff for the caller).
struct PendingLoad {
	explicit PendingLoad(LoaderState &loader) : state(loader) {}
	LoaderState &state;
	std::mutex mutex;
	std::condition_variable settled_signal;
	bool settled = false;
	bool abandoned = false;     // the caller gave up: the outcome is dropped
	JsModule *module = nullptr; // loaded: the new module, owned by `state`
	std::string error;          // failed: why
};

// The JS callback(ok, value) of bootstrap.js's afterLoad: makes the module (or reads the error),
// and wakes the caller.
napi_value settled(napi_env env, napi_callback_info info) {
	size_t argc = 2;
	napi_value argv[2] = {nullptr, nullptr};
	void *data = nullptr;
	napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
	auto &pending = *static_cast<std::shared_ptr<PendingLoad> *>(data);
	bool ok = false;
	napi_get_value_bool(env, argv[0], &ok);
	{
		std::lock_guard lock(pending->mutex);
		if (!pending->abandoned && !pending->settled) {
			if (ok) {
				pending->module = module_from(pending->state, argv[1]);
			} else {
				napi_throw(env, argv[1]); // read back the way a thrown load error is
				pending->error = pending_exception_text(pending->state);
			}
		}
		pending->settled = true;
	}
	pending->settled_signal.notify_all();
	return nullptr;
}

void forget_pending(napi_env, void *data, void *) {
	delete static_cast<std::shared_ptr<PendingLoad> *>(data);
}

// Attaches `pending` to the promise `loaded`. Owner thread.
bool attach(LoaderState &state, napi_value loaded, const std::shared_ptr<PendingLoad> &pending,
            std::string &error) {
	napi_env env = state.env();
	// The JS function owns one reference to the pending load, released when V8 collects it.
	auto holder = std::make_unique<std::shared_ptr<PendingLoad>>(pending);
	napi_value callback = nullptr;
	if (napi_create_function(env, "settled", NAPI_AUTO_LENGTH, settled, holder.get(), &callback) != napi_ok ||
	    napi_add_finalizer(env, callback, holder.get(), forget_pending, nullptr, nullptr) != napi_ok) {
		error = "cannot wait for the ES module's load";
		return false;
	}
	(void)holder.release(); // the finalizer deletes it
	napi_value argv[2] = {loaded, callback}, ignored = nullptr;
	if (!state.call(state.helper("afterLoad"), 2, argv, &ignored)) {
		error = pending_exception_text(state);
		return false;
	}
	return true;
}

std::chrono::milliseconds load_timeout() {
	const char *text = std::getenv("METACALL_NODE_LOAD_TIMEOUT");
	const double seconds = text != nullptr ? std::atof(text) : 30.0;
	return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

// Waits until `pending` settles, the environment stops, or `timeout` (0: none) passes. True when
// settled.
bool wait_for(LoaderState &state, PendingLoad &pending, bool turn_loop, std::chrono::milliseconds timeout) {
	const auto deadline = std::chrono::steady_clock::now() + timeout;
	std::unique_lock lock(pending.mutex);
	while (!pending.settled) {
		if (!state.running() || (timeout.count() > 0 && std::chrono::steady_clock::now() >= deadline))
			return false;
		if (turn_loop) {
			lock.unlock();
			state.turn_loop();
			lock.lock();
		} else {
			// Woken when it settles; every 20 ms the environment is checked (process.exit, destroy).
			pending.settled_signal.wait_for(lock, std::chrono::milliseconds(20));
		}
	}
	return true;
}

} // namespace

JsModule *load_and_wait(LoaderState &state,
                        const std::function<bool(napi_value *loaded, std::string &error)> &start) {
	const bool on_owner_thread = Owner::on_owner_thread();
	// Asked before the work opens its own scope (which counts as a call).
	const bool may_wait = !on_owner_thread || state.can_turn_loop();
	JsModule *module = nullptr;
	auto pending = std::make_shared<PendingLoad>(state);
	bool waiting = false;
	bool ok = on_owner(state, [&](std::string &error) {
		napi_value loaded = nullptr;
		if (!start(&loaded, error))
			return false;
		bool is_promise = false;
		napi_is_promise(state.env(), loaded, &is_promise);
		if (!is_promise)
			return (module = module_from(state, loaded)) != nullptr;
		if (!attach(state, loaded, pending, error))
			return false;
		if (!may_wait) {
			std::lock_guard lock(pending->mutex);
			pending->abandoned = true;
			error = "an ES module loads through import(), which needs Node's event loop, and the loop cannot "
			        "run inside a call on Node's own thread: load it before, or use import() from JavaScript";
			return false;
		}
		waiting = true;
		return true;
	});
	if (!ok || !waiting)
		return module;

	const auto timeout = load_timeout();
	// Shared: the loop turns under the lock, on this thread (nobody else may be pumping).
	wait_for(state, *pending, on_owner_thread || state.owner().shared(), timeout);
	std::lock_guard lock(pending->mutex);
	if (!pending->settled) {
		pending->abandoned = true;
		metacall_loader_error("node loader: %s",
		                      state.running()
		                          ? ("the ES module did not finish loading within " +
		                             std::to_string(timeout.count() / 1000.0).substr(0, 5) +
		                             " s (METACALL_NODE_LOAD_TIMEOUT; a top-level await that never "
		                             "settles?)")
		                                .c_str()
		                          : "the Node environment stopped while an ES module was loading");
		return nullptr;
	}
	if (pending->module == nullptr)
		metacall_loader_error("node loader: %s", pending->error.c_str());
	return pending->module;
}

} // namespace node_loader
