// The started node loader (one per process): the Node environment it works in, the thread that
// owns it, and what the loader holds there (modules, the JS functions, classes and objects the core
// references).
//
// Three ways to have an environment, decided on the first load (or pump):
//  - own thread: the loader starts Node (embedder) on a thread of its own;
//  - pumped: the loader starts Node on the thread that called metacall_pump, which owns it;
//  - host: the process is `node`; the loader works in the environment the addon's host(require)
//    attached (NodeEnvironment::host), on Node's main thread, and never starts or stops Node.
// Everything marked "owner" is used on the owner thread only; the entries in runtime_interface.cpp
// hand their work to it.
#ifndef NODE_LOADER_LOADER_STATE_H
#define NODE_LOADER_LOADER_STATE_H

#include "embedder_entry.h"
#include "environment.h"
#include "function_names.h"
#include "js_numbers.h"
#include "method_callers.h"
#include "node_runtime.h"

#include <node_api.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace node_loader {

// A JS function the core holds (the `data` of a function it was given).
struct JsFunction {
	napi_ref ref = nullptr;
};

// A JS class or object the core holds (the `data` of a class or object value, js_objects.h).
struct JsObject {
	napi_ref ref = nullptr; // strong
	bool is_class = false;
	std::string class_name;
};

class ProxyCache;

// What one load brought in: the exports of its files, and the files to take out of require's cache.
struct JsModule {
	napi_ref exports = nullptr; // an array of exports objects
	std::vector<std::string> files;
};

class LoaderState {
public:
	// The started loader, or nullptr.
	static LoaderState *current();

	// `mode`: how the loader gets its Node (node_runtime.h); in host mode the process already runs
	// Node (the loader must find it attached, never start one). `apart_library`: the libnode loaded
	// apart (isolated and host-v8 modes), whose symbols the embedder's imports are bound to; NULL
	// otherwise.
	LoaderState(std::string tag, NodeMode mode, void *apart_library);
	LoaderState(const LoaderState &) = delete;
	LoaderState &operator=(const LoaderState &) = delete;
	~LoaderState();

	// Makes the environment ready: the host's, or one started on a thread of its own, or
	// (`pumped`) on the calling thread, which then owns it. False with `error` when it cannot, or
	// when `pumped` is asked of a loader whose environment another thread owns.
	// `pump_options` (METACALL_PUMP_*): of a pumped start.
	bool start(bool pumped, std::string &error, int pump_options = 0);
	// Runs what the event loop has ready (the pumping thread only), starting the environment on the
	// calling thread with `options` (METACALL_PUMP_*) the first time.
	bool pump(std::string &error, int options = 0);
	// metacall_pump_poll (the pumping thread only): the loop's descriptor and the time to its next
	// timer. From then on, a use that starts an earlier timer kicks the loop (see settle_use).
	bool poll(int &fd, int &timeout_ms, std::string &error);
	// Whether work asked for on the calling thread runs on it (no handoff to another thread).
	bool runs_here() { return Owner::on_owner_thread() || (running() && owner().shared()); }
	// Whether the calling thread may run the event loop to wait for a load (pending_load.h): the
	// pumping thread, outside any pump and any call.
	bool can_turn_loop() const;
	// Runs what the event loop has ready, then yields briefly (the thread of can_turn_loop).
	void turn_loop();
	// metacall_destroy's drain (the `drain` entry): from the destroying thread, how much work the
	// environment has in progress (a pumped one runs what it has ready first, on its pumping thread);
	// with `reason`, rejects what is still pending. 0 in host mode (the host's Node goes on).
	int drain(const char *reason);
	// Frees what the loader holds in the environment, and stops the environment it started.
	void stop();
	// metacall_loader_heap_limit: the JS heap cap of the environments started from now on (0: none).
	// False with `error` in host mode (the heap is the host's).
	bool set_heap_limit(size_t bytes, std::string &error);

	// The start-up script of an environment the loader starts hands it bootstrap.js's factory
	// (the addon's attach). Owner thread, while start() waits.
	napi_value attach(napi_env env, napi_value factory);

	const std::string &tag() const { return tag_; }
	// The embedder, when the loader started Node itself (nullptr inside a process that runs Node).
	const node_loader_embedder *embedder() const { return embedder_; }
	void *session() const { return session_; } // the embedder's, or nullptr
	// What the last call through the embedder threw (js_calls.cpp), for throwable_from_pending:
	// Node-API did not see it. Taken once; a handle of the call's scope.
	void set_caught(napi_value exception) { caught_ = exception; }
	napi_value take_caught() { return std::exchange(caught_, nullptr); }
	bool running() const { return running_.load(); }
	// A script called process.exit: the environment is stopped for good.
	bool exited() const { return ended_.load(); }
	// How JS numbers cross (METACALL_NODE_NUMBERS, read when the loader starts).
	NumberRule number_rule() const { return number_rule_; }
	NodeEnvironment &environment() { return *environment_; }
	Owner &owner() { return environment_->owner(); }

	// ---- owner ----
	napi_env env() const { return environment_->env(); }
	napi_value helper(const char *name) { return environment_->helper(name); }
	bool call(napi_value fn, size_t argc, const napi_value *argv, napi_value *result) {
		return environment_->call(fn, argc, argv, result);
	}
	JsFunction *add_function(napi_value fn);
	void release_function(JsFunction *function);
	JsObject *add_object(napi_value js, bool is_class, std::string class_name);
	void release_object(JsObject *object);
	// Whether `object` is one of this loader's: a value may outlive the loader that made it.
	bool holds(const JsObject *object) const { return objects_.count(const_cast<JsObject *>(object)) != 0; }
	// The proxies made for other owners' classes and objects (js_object_proxy.h). Shared: a
	// proxy that JS collects after the loader stopped still finds it.
	const std::shared_ptr<ProxyCache> &proxies() const { return proxies_; }
	std::vector<std::string> &execution_paths() { return execution_paths_; }
	std::unordered_map<JsModule *, std::unique_ptr<JsModule>> &modules() { return modules_; }
	FunctionNames &function_names() { return function_names_; }
	MethodCallers &method_callers() { return method_callers_; }

private:
	void own_thread_main(std::string main_script);
	bool start_here(const std::string &main_script, std::string &error, int pump_options = 0);
	// METACALL_PUMP_SHARED: from now on every thread uses the environment under a lock (owner.h).
	void share();
	// The start and the end of each outermost use of a shared environment (SharedHooks).
	void begin_use();
	void settle_use();
	// Runs what the event loop has ready (the environment in use by the calling thread).
	void run_loop_once();
	bool is_home() const { return pumped_ && home_ == std::this_thread::get_id(); }
	bool own_environment_open() const {
		return own_environment_ != nullptr && own_environment_->env() != nullptr;
	}
	// owner: the embedder's stop, once the session can no longer be interrupted
	void stop_session();
	void release_all(); // owner: lets go of the functions and modules the loader holds
	void shut_down();   // owner: release_all, and closes an environment of the loader's own
	static void exited(void *context, int code); // a script called process.exit (owner)

	std::string tag_;
	const NodeMode mode_;
	const bool host_;
	const NumberRule number_rule_ = number_rule_from_environment();
	void *const apart_library_;
	const node_loader_embedder *embedder_ = nullptr;
	void *session_ = nullptr;
	napi_value caught_ = nullptr;
	std::unique_ptr<NodeEnvironment> own_environment_;
	NodeEnvironment *environment_ = nullptr; // own_environment_, or the host's

	std::mutex lifecycle_mutex_; // start and stop
	std::atomic<bool> running_{false};
	std::atomic<size_t> heap_limit_{0}; // metacall_loader_heap_limit
	bool pumped_ = false;
	bool pumping_ = false;       // pump() is running the loop (pumping thread)
	std::thread::id home_;       // pumped: the pumping thread
	bool shared_ = false;        // METACALL_PUMP_SHARED
	bool turn_on_calls_ = false; // METACALL_PUMP_ON_CALLS
	int64_t last_turn_ns_ = 0;   // shared: when the loop last turned (coarse clock)
	// A host's loop asked metacall_pump_poll: the next timer it was told of, in the loop's clock
	// (ms; INT64_MAX: none).
	std::atomic<bool> watched_{false};
	int64_t announced_deadline_ = INT64_MAX;
	std::atomic<bool> ended_{false}; // a script called process.exit: no restart until destroy
	std::thread thread_;             // the loader's own owner thread, when not pumped

	// start() waits for the owner thread to come up (or fail).
	std::mutex start_mutex_;
	std::condition_variable started_;
	bool start_done_ = false;
	std::string start_error_;

	// ---- owner ----
	std::vector<std::string> execution_paths_;
	std::unordered_map<JsModule *, std::unique_ptr<JsModule>> modules_;
	std::unordered_map<JsFunction *, std::unique_ptr<JsFunction>> functions_;
	using Objects = std::unordered_map<JsObject *, std::unique_ptr<JsObject>>;
	Objects objects_;
	std::vector<Objects::node_type> spare_objects_; // released entries, reused (release_object)
	std::shared_ptr<ProxyCache> proxies_;
	FunctionNames function_names_; // the port's metacall(name, ...)
	MethodCallers method_callers_; // metacallv_object's
};

} // namespace node_loader

#endif
