// The started node loader (one per process): its Node environment, the thread that owns it, and
// what the loader holds in it (helpers, modules, the JS functions the core references).
//
// The environment starts on the first load (a thread of the loader's own) or on the first
// metacall_pump (the pumping thread). Everything below marked "owner" is used on the owner
// thread only; the entries in runtime_interface.cpp hand their work to it.
#ifndef NODE_LOADER_LOADER_STATE_H
#define NODE_LOADER_LOADER_STATE_H

#include "embedder_entry.h"
#include "owner.h"

#include <node_api.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace node_loader {

// A JS function the core holds (the `data` of a function it was given).
struct JsFunction {
	napi_ref ref = nullptr;
};

// What one load brought in: the exports of its files, and the files to take out of require's cache.
struct JsModule {
	napi_ref exports = nullptr; // an array of exports objects
	std::vector<std::string> files;
};

class LoaderState {
public:
	// The started loader, or nullptr.
	static LoaderState *current();

	explicit LoaderState(std::string tag);
	LoaderState(const LoaderState &) = delete;
	LoaderState &operator=(const LoaderState &) = delete;
	~LoaderState();

	// Starts the environment if it is not running: on a thread of its own, or (`pumped`) on the
	// calling thread, which then owns it. False with `error` when it cannot start, or when
	// `pumped` is asked of a loader already running on its own thread (or pumped from another).
	bool start(bool pumped, std::string &error);
	// Runs what the event loop has ready (the pumping thread only).
	bool pump(std::string &error);
	// Stops the environment and frees what the loader holds in it.
	void stop();

	// The addon's entry: the environment's start-up script hands the loader its env and the
	// helpers of bootstrap.js. Called on the owner thread while start() waits.
	napi_value attach(napi_env env, napi_value exports);

	const std::string &tag() const { return tag_; }
	Owner &owner() { return owner_; }
	bool running() const { return running_.load(); }
	// A script called process.exit: the environment is stopped for good.
	bool exited() const { return ended_.load(); }
	// "18.20.4" (owner).
	std::string node_version();

	// ---- owner ----
	napi_env env() const { return env_; }
	// The helper `name` of bootstrap.js.
	napi_value helper(const char *name);
	// Calls `fn` with `argc` arguments (this = undefined). False with the JS exception pending.
	bool call(napi_value fn, size_t argc, const napi_value *argv, napi_value *result);
	JsFunction *add_function(napi_value fn);
	void release_function(JsFunction *function);
	std::vector<std::string> &execution_paths() { return execution_paths_; }
	std::unordered_map<JsModule *, std::unique_ptr<JsModule>> &modules() { return modules_; }

private:
	friend class EnvScope;
	void own_thread_main(std::string main_script);
	bool start_here(const std::string &main_script, bool spin, std::string &error);
	void shut_down(); // owner: frees what the loader holds, closes the owner
	static void wake(napi_env env, napi_value js_callback, void *context, void *data);
	static void exited(void *context, int code); // a script called process.exit (owner)

	std::string tag_;
	Owner owner_;
	const node_loader_embedder *embedder_ = nullptr;
	void *session_ = nullptr;
	std::mutex lifecycle_mutex_; // start and stop
	std::atomic<bool> running_{false};
	bool pumped_ = false;
	std::atomic<bool> ended_{false}; // a script called process.exit: no restart until destroy
	std::thread thread_;             // the loader's own owner thread, when not pumped

	// start() waits for the owner thread to come up (or fail).
	std::mutex start_mutex_;
	std::condition_variable started_;
	bool start_done_ = false;
	std::string start_error_;

	// ---- owner ----
	napi_env env_ = nullptr;
	napi_ref helpers_ = nullptr;
	napi_ref resource_ = nullptr;
	napi_async_context async_context_ = nullptr;
	napi_threadsafe_function wake_ = nullptr;
	int call_depth_ = 0;
	std::vector<std::string> execution_paths_;
	std::unordered_map<JsModule *, std::unique_ptr<JsModule>> modules_;
	std::unordered_map<JsFunction *, std::unique_ptr<JsFunction>> functions_;
};

// Every piece of work the owner thread does for the core runs inside one: a handle scope, and at
// the outermost level a callback scope, so that the promise jobs and process.nextTick callbacks
// the work queued run when it ends, as after any callback of Node's own.
class EnvScope {
public:
	explicit EnvScope(LoaderState &state);
	EnvScope(const EnvScope &) = delete;
	EnvScope &operator=(const EnvScope &) = delete;
	~EnvScope();

private:
	LoaderState &state_;
	napi_handle_scope handles_ = nullptr;
	napi_callback_scope callbacks_ = nullptr;
};

} // namespace node_loader

#endif
