// libnode_loader_embedder.so: starts and stops Node environments with Node's C++ embedding API.
// Used only when the node loader owns its runtime (see embedder_entry.h). Its libnode symbols
// stay undefined here and resolve against the libnode the bootstrap loaded RTLD_GLOBAL.
#include "embedder_entry.h"
#include "host_v8_tasks.h"
#include "port_binding.h"

#include <metacall/metacall_loader.h>
#include <node.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

// The platform of Node's environments. What a process may only do once: V8 and its platform
// cannot be initialized again after a teardown, so they stay for the life of the process and
// every later session reuses them. On a host's V8 (`host_v8`), the host has initialised V8 with a
// platform of its own: Node initialises neither, and gets a Node platform for its own tasks.
node::MultiIsolatePlatform *process_platform(bool host_v8, std::string &error) {
	static std::once_flag once;
	static bool initialized_on_host_v8 = false;
	static std::unique_ptr<node::InitializationResult> result;
	// Never freed: like V8's platform it serves every later session, and nothing may tear it down
	// at exit while a host that never called metacall_destroy still has an isolate registered.
	static node::MultiIsolatePlatform *node_platform = nullptr;
	std::call_once(once, [host_v8] {
		using namespace node::ProcessInitializationFlags;
		// A library inside someone else's process: leave its stdio, signals, resource limits and
		// page mappings alone, and keep Node from printing or exiting on a --help in NODE_OPTIONS.
		uint64_t flags = kNoStdioInitialization | kNoDefaultSignalHandling | kNoAdjustResourceLimits |
		                 kNoUseLargePages | kNoPrintHelpOrVersionOutput;
		// OpenSSL initializes itself when a script first uses crypto or TLS. Node's eager set-up
		// (reading OpenSSL's configuration, extra CA certificates) costs 2-4 MB of memory for every
		// host, so it runs only when asked for through the variables it serves.
		if (std::getenv("NODE_EXTRA_CA_CERTS") == nullptr && std::getenv("OPENSSL_CONF") == nullptr)
			flags |= kNoInitOpenSSL;
		if (host_v8)
			flags |= kNoInitializeV8 | kNoInitializeNodeV8Platform;
		result = node::InitializeOncePerProcess({"node"}, static_cast<Flags>(flags));
		// Node's own default: 4 threads for its work (V8's background work runs on the host's).
		if (host_v8 && result != nullptr && !result->early_return())
			node_platform = node::MultiIsolatePlatform::Create(4).release();
		initialized_on_host_v8 = host_v8;
	});
	if (host_v8 != initialized_on_host_v8) {
		error = "Node was started in this process on " +
		        std::string(initialized_on_host_v8 ? "the host's V8" : "a V8 of its own") +
		        "; it cannot be started otherwise later";
		return nullptr;
	}
	node::MultiIsolatePlatform *platform = host_v8 ? node_platform : (result ? result->platform() : nullptr);
	if (result == nullptr || result->early_return() || platform == nullptr) {
		error = "Node's process initialization failed";
		if (result != nullptr)
			for (const std::string &message : result->errors())
				error += ": " + message;
		return nullptr;
	}
	return platform;
}

// Host V8: the number of internal fields a promise must have, from the V8-less libnode's note
// ("... promise_internal_fields=1"), checked against a promise of the host's V8: Node's async
// hooks store into that field, so a V8 built with another count must be refused.
bool promise_fields_match(v8::Local<v8::Context> context, const char *v8_abi, std::string &error) {
	const std::string abi = v8_abi != nullptr ? v8_abi : "";
	const std::string key = "promise_internal_fields=";
	const size_t at = abi.find(key);
	if (at == std::string::npos)
		return true; // nothing recorded: nothing to compare
	const int expected = std::atoi(abi.c_str() + at + key.size());
	v8::Local<v8::Promise::Resolver> resolver;
	if (!v8::Promise::Resolver::New(context).ToLocal(&resolver))
		return true;
	const int actual = resolver->GetPromise()->InternalFieldCount();
	if (actual == expected)
		return true;
	error = "the process's V8 " + std::string(v8::V8::GetVersion()) + " gives promises " +
	        std::to_string(actual) + " internal fields, but Node was built for " + std::to_string(expected) +
	        " (" + abi + ")";
	return false;
}

// One environment, entered on its owner thread for as long as it lives, so that Node-API calls
// made from that thread between two runs of the loop (calls of a pumping host) find it current.
struct Session {
	std::unique_ptr<node::CommonEnvironmentSetup> setup;
	v8::Isolate *isolate = nullptr; // setup's, kept here: its getter is a call into libnode per use
	std::unique_ptr<v8::Locker> locker;
	v8::Global<v8::Context> context;
	bool interrupted = false;
	// The heap cap (options.heap_limit), and what to tell when a call reaches it.
	void (*on_heap_limit)(void *) = nullptr;
	void *heap_context = nullptr;
	// Host V8: the host's platform, when the loader runs its tasks for Node's isolate itself.
	v8::Platform *host_platform = nullptr;
	std::unique_ptr<node_loader::HostV8Tasks> host_tasks;
	// Node's platform, whose worker threads outlive the session.
	node::MultiIsolatePlatform *platform = nullptr;
	// Shared (share): the home thread's hold of the isolate, let go between uses.
	std::thread::id home = std::this_thread::get_id();
	std::unique_ptr<v8::Unlocker> home_unlocker;
	// process and process._tickCallback (end_call); empty when this Node has none.
	v8::Global<v8::Object> process;
	v8::Global<v8::Function> tick_callback;
	// Object.prototype, Array.prototype and Map.prototype as they were at start (plain_kind).
	v8::Global<v8::Value> prototypes[3];
};

// One use of a shared environment (enter to leave). The home thread stays inside the isolate and
// its context between uses; V8 keeps that state for it while another thread holds the lock.
struct Entry {
	explicit Entry(v8::Isolate *isolate) : locker(isolate) {}
	v8::Locker locker;
	bool foreign = false; // not the home thread: entered the isolate and context for this use
	std::optional<v8::HandleScope> handles; // the use's (embedder_entry.h, enter)
};
static_assert(sizeof(Entry) <= NODE_LOADER_ENTRY_SLOT && alignof(Entry) <= 16);

void copy_error(const std::string &text, char *error, size_t error_size) {
	if (error_size > 0)
		std::snprintf(error, error_size, "%s", text.c_str());
}

// Undoes what start did so far, in reverse order, and reports `reason`.
void *fail_start(std::unique_ptr<Session> session, const std::string &reason, char *error,
                 size_t error_size) {
	copy_error(reason, error, error_size);
	v8::Isolate *isolate = session->setup->isolate();
	session->host_tasks.reset();
	{
		v8::HandleScope handles(isolate);
		session->context.Get(isolate)->Exit();
	}
	session->context.Reset();
	isolate->Exit();
	session->locker.reset();
	session->setup.reset();
	if (session->host_platform != nullptr)
		node_loader::HostV8Tasks::forget(session->host_platform, isolate);
	return nullptr;
}

// V8 is about to run out of the capped heap: the running calls are stopped, and the heap given
// room for them to unwind (V8 aborts the process when a heap is full for good).
size_t near_heap_limit(void *data, size_t current_limit, size_t) {
	auto *session = static_cast<Session *>(data);
	if (session->on_heap_limit != nullptr)
		session->on_heap_limit(session->heap_context);
	return current_limit + current_limit / 2 + (16u << 20);
}

// The heap of the isolate made next is capped at `bytes` (V8 sizes a heap when it makes it).
// Process-wide flags: set just around the creation of one environment.
void cap_next_heap(size_t bytes) {
	const size_t megabytes = bytes == 0 ? 0 : std::max<size_t>(1, bytes >> 20);
	const std::string flag = "--max-old-space-size=" + std::to_string(megabytes);
	v8::V8::SetFlagsFromString(flag.c_str(), flag.size());
}

void *start(const char *main_script, const node_loader_embedder_options *options,
            void (*on_exit)(void *, int), void *exit_context, char *error, size_t error_size) {
	std::string reason;
	const bool host_v8 = options != nullptr && options->host_v8 != 0;
	node::MultiIsolatePlatform *platform = process_platform(host_v8, reason);
	if (platform == nullptr) {
		copy_error(reason, error, error_size);
		return nullptr;
	}
	std::vector<std::string> errors;
	auto session = std::make_unique<Session>();
	session->platform = platform;
	const size_t heap_limit = options != nullptr ? options->heap_limit : 0;
	if (heap_limit != 0)
		cap_next_heap(heap_limit);
	session->setup = node::CommonEnvironmentSetup::Create(platform, &errors, std::vector<std::string>{"node"},
	                                                      std::vector<std::string>{});
	if (heap_limit != 0)
		cap_next_heap(0); // later isolates (the host's, in host-v8 mode) keep V8's default
	if (session->setup == nullptr) {
		reason = "cannot create a Node environment";
		for (const std::string &message : errors)
			reason += ": " + message;
		copy_error(reason, error, error_size);
		return nullptr;
	}
	// MetaCall's scripts reach the port as process._linkedBinding('node_loader_port_module').
	node::AddLinkedBinding(session->setup->env(), NODE_LOADER_PORT_BINDING_NAME,
	                       node_loader::init_port_binding);
	// process.exit() in a script stops that environment, not the host process.
	node::SetProcessExitHandler(session->setup->env(),
	                            [on_exit, exit_context](node::Environment *env, int code) {
		                            on_exit(exit_context, code);
		                            node::Stop(env);
	                            });
	v8::Isolate *isolate = session->setup->isolate();
	session->isolate = isolate;
	if (heap_limit != 0) {
		session->on_heap_limit = options->on_heap_limit;
		session->heap_context = options->heap_context;
		isolate->AddNearHeapLimitCallback(near_heap_limit, session.get());
		isolate->AutomaticallyRestoreInitialHeapLimit(0.5);
	}
	session->locker = std::make_unique<v8::Locker>(isolate);
	isolate->Enter();
	v8::HandleScope handles(isolate);
	v8::Local<v8::Context> context = session->setup->context();
	session->context.Reset(isolate, context);
	context->Enter();
	if (host_v8) {
		if (!promise_fields_match(context, options->v8_abi, reason))
			return fail_start(std::move(session), reason, error, error_size);
		std::string why;
		session->host_platform = node_loader::HostV8Tasks::default_platform(why);
		if (session->host_platform != nullptr)
			session->host_tasks = std::make_unique<node_loader::HostV8Tasks>(session->host_platform, isolate,
			                                                                 session->setup->event_loop());
		else
			metacall_loader_log("warn",
			                    "node loader: %s: the tasks V8 posts for Node's isolate (WebAssembly "
			                    "compilation, finalizers) wait until the host runs them",
			                    why.c_str());
	}
	v8::TryCatch try_catch(isolate);
	if (node::LoadEnvironment(session->setup->env(), main_script).IsEmpty()) {
		reason = "the node loader's start-up script failed";
		if (try_catch.HasCaught()) {
			v8::String::Utf8Value text(isolate, try_catch.Exception());
			if (*text != nullptr)
				reason += std::string(": ") + *text;
		}
		return fail_start(std::move(session), reason, error, error_size);
	}
	v8::Local<v8::Value> process, tick;
	if (context->Global()
	        ->Get(context, v8::String::NewFromUtf8Literal(isolate, "process"))
	        .ToLocal(&process) &&
	    process->IsObject() &&
	    process.As<v8::Object>()
	        ->Get(context, v8::String::NewFromUtf8Literal(isolate, "_tickCallback"))
	        .ToLocal(&tick) &&
	    tick->IsFunction()) {
		session->process.Reset(isolate, process.As<v8::Object>());
		session->tick_callback.Reset(isolate, tick.As<v8::Function>());
	}
	const char *constructors[] = {"Object", "Array", "Map"};
	for (size_t i = 0; i < 3; ++i) {
		v8::Local<v8::Value> constructor, prototype;
		if (context->Global()
		        ->Get(context, v8::String::NewFromUtf8(isolate, constructors[i]).ToLocalChecked())
		        .ToLocal(&constructor) &&
		    constructor->IsFunction() &&
		    constructor.As<v8::Object>()
		        ->Get(context, v8::String::NewFromUtf8Literal(isolate, "prototype"))
		        .ToLocal(&prototype))
			session->prototypes[i].Reset(isolate, prototype);
	}
	return session.release();
}

void run(void *opaque, int nowait) {
	auto *session = static_cast<Session *>(opaque);
	if (nowait != 0) {
		uv_run(session->setup->event_loop(), UV_RUN_NOWAIT);
		if (session->host_tasks != nullptr)
			session->host_tasks->run_ready();
	} else {
		node::SpinEventLoop(session->setup->env()).FromMaybe(0);
	}
}

void interrupt(void *opaque) {
	auto *session = static_cast<Session *>(opaque);
	session->interrupted = true;
	node::Stop(session->setup->env());
}

void stop(void *opaque) {
	std::unique_ptr<Session> session(static_cast<Session *>(opaque));
	v8::Isolate *isolate = session->setup->isolate();
	if (!session->interrupted)
		node::Stop(session->setup->env());
	{
		v8::HandleScope handles(isolate);
		// Background work V8 posted for this isolate (WebAssembly tier-up of Node's own CommonJS
		// lexer, which ES module imports run) finishes first: a job left running on a worker
		// thread would race the isolate's disposal and the process's exit.
		if (session->host_platform == nullptr)
			session->platform->DrainTasks(isolate);
		session->context.Get(isolate)->Exit();
	}
	session->host_tasks.reset();
	session->tick_callback.Reset();
	session->process.Reset();
	for (auto &prototype : session->prototypes)
		prototype.Reset();
	session->context.Reset();
	isolate->Exit();
	session->locker.reset();
	session->setup.reset(); // frees the environment and disposes of its isolate
	if (session->host_platform != nullptr)
		node_loader::HostV8Tasks::forget(session->host_platform, isolate);
}

void terminate(void *opaque) {
	static_cast<Session *>(opaque)->setup->isolate()->TerminateExecution(); // thread-safe in V8
}

void resume(void *opaque) {
	static_cast<Session *>(opaque)->setup->isolate()->CancelTerminateExecution();
}

void share(void *opaque) {
	auto *session = static_cast<Session *>(opaque);
	// Nested in the session's Locker: V8 archives the home thread's state lazily, so the home
	// thread's next Locker costs a mutex when no other thread used the isolate meanwhile.
	session->home_unlocker = std::make_unique<v8::Unlocker>(session->setup->isolate());
}

void unshare(void *opaque) {
	static_cast<Session *>(opaque)->home_unlocker.reset();
}

void enter(void *opaque, void *slot) {
	auto *session = static_cast<Session *>(opaque);
	v8::Isolate *isolate = session->isolate;
	auto *entry = new (slot) Entry(isolate);
	if (std::this_thread::get_id() != session->home) {
		entry->foreign = true;
		isolate->Enter();
		v8::HandleScope handles(isolate);
		session->context.Get(isolate)->Enter();
	}
	entry->handles.emplace(isolate);
}

void leave(void *opaque, void *slot) {
	auto *session = static_cast<Session *>(opaque);
	auto *entry = static_cast<Entry *>(slot);
	entry->handles.reset();
	if (entry->foreign) {
		v8::Isolate *isolate = session->setup->isolate();
		{
			v8::HandleScope handles(isolate);
			session->context.Get(isolate)->Exit();
		}
		isolate->Exit();
	}
	entry->~Entry();
}

void poll(void *opaque, int *fd, int *timeout_ms) {
	uv_loop_t *loop = static_cast<Session *>(opaque)->setup->event_loop();
	uv_update_time(loop); // the timeout counts from now, not from the loop's last turn
	*fd = uv_backend_fd(loop);
	*timeout_ms = uv_backend_timeout(loop);
}

long long next_due(void *opaque) {
	uv_loop_t *loop = static_cast<Session *>(opaque)->setup->event_loop();
	const int timeout = uv_backend_timeout(loop);
	return timeout < 0 ? -1 : static_cast<long long>(uv_now(loop)) + timeout;
}

void *hold_bytes(void *bytes, void **data, size_t *size) {
	// A napi_value is the address of a V8 handle's slot: what a Local holds (Node-API's own cast).
	v8::Local<v8::Value> value;
	static_assert(sizeof(value) == sizeof(bytes));
	std::memcpy(static_cast<void *>(&value), &bytes, sizeof(bytes));
	std::shared_ptr<v8::BackingStore> store;
	size_t offset = 0, length = 0;
	if (value->IsArrayBufferView()) {
		v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
		store = view->Buffer()->GetBackingStore(); // moves a small typed array's bytes off the heap
		offset = view->ByteOffset();
		length = view->ByteLength();
	} else if (value->IsArrayBuffer()) {
		store = value.As<v8::ArrayBuffer>()->GetBackingStore();
		length = store->ByteLength();
	} else {
		return nullptr;
	}
	auto hold = std::make_unique<std::shared_ptr<v8::BackingStore>>(std::move(store));
	*data = length == 0 ? nullptr : static_cast<char *>((*hold)->Data()) + offset;
	*size = length;
	return hold.release();
}

int end_call(void *opaque, const unsigned char *tick_info) {
	auto *session = static_cast<Session *>(opaque);
	if (session->tick_callback.IsEmpty())
		return 0;
	v8::Isolate *isolate = session->isolate;
	// As node::InternalCallbackScope::Close: the promise jobs first unless ticks wait (the tick
	// callback runs them between ticks), then the tick callback when anything waits for it.
	if (tick_info != nullptr) {
		if (tick_info[0] == 0)
			isolate->PerformMicrotaskCheckpoint();
		if (tick_info[0] == 0 && tick_info[1] == 0) {
			isolate->ClearKeptObjects();
			return 1;
		}
	}
	v8::HandleScope handles(isolate);
	v8::Local<v8::Context> context = session->context.Get(isolate);
	v8::TryCatch try_catch(isolate);
	try_catch.SetVerbose(true); // to Node's message listener: process 'uncaughtException'
	(void)session->tick_callback.Get(isolate)->Call(context, session->process.Get(isolate), 0, nullptr);
	isolate->ClearKeptObjects(); // as Node's end of a callback (RunWeakRefCleanup)
	return 1;
}

int plain_kind(void *opaque, void *object) {
	auto *session = static_cast<Session *>(opaque);
	v8::Local<v8::Value> value;
	std::memcpy(static_cast<void *>(&value), &object, sizeof(object)); // as hold_bytes
	if (!value->IsObject())
		return 0;
	if (value->IsArrayBufferView() || value->IsArrayBuffer())
		return 4;
	v8::Isolate *isolate = session->isolate;
	// The prototype as stored (no trap of a Proxy runs), as napi_get_prototype reads it.
	const v8::Local<v8::Value> prototype = value.As<v8::Object>()->GetPrototype();
	if (prototype == session->prototypes[0].Get(isolate))
		return value->IsPromise() || value->IsNativeError() || value->IsProxy() ? 0 : 1;
	if (prototype == session->prototypes[1].Get(isolate))
		return value->IsArray() ? 2 : 0;
	if (prototype == session->prototypes[2].Get(isolate))
		return value->IsMap() ? 3 : 0;
	return 0;
}

int call(void *opaque, void *function, size_t argc, void *const *argv, void **result, void **exception) {
	auto *session = static_cast<Session *>(opaque);
	v8::Isolate *isolate = session->isolate;
	v8::Local<v8::Function> callee;
	std::memcpy(static_cast<void *>(&callee), &function, sizeof(function)); // as hold_bytes
	v8::TryCatch try_catch(isolate);
	v8::MaybeLocal<v8::Value> returned =
	    callee->Call(session->context.Get(isolate), v8::Undefined(isolate), static_cast<int>(argc),
	                 reinterpret_cast<v8::Local<v8::Value> *>(const_cast<void **>(argv)));
	v8::Local<v8::Value> value;
	if (!try_catch.HasCaught() && returned.ToLocal(&value)) {
		std::memcpy(result, &value, sizeof(value));
		return 1;
	}
	// The handle of the exception, in the caller's handle scope (the try-catch's own goes with it).
	v8::Local<v8::Value> thrown = try_catch.Exception();
	*exception = nullptr;
	if (!thrown.IsEmpty())
		std::memcpy(exception, &thrown, sizeof(thrown));
	return 0;
}

void release_bytes(void *, void *hold) {
	// V8 lets a backing store go on any thread (its collector frees them on its own threads too).
	std::unique_ptr<std::shared_ptr<v8::BackingStore>> owned(
	    static_cast<std::shared_ptr<v8::BackingStore> *>(hold));
}

constexpr node_loader_embedder embedder_table{
    start, run,  interrupt, stop,       terminate,     resume,   share,      unshare, enter,
    leave, poll, next_due,  hold_bytes, release_bytes, end_call, plain_kind, call};

} // namespace

extern "C" __attribute__((visibility("default"))) const node_loader_embedder *node_loader_embedder(void) {
	return &embedder_table;
}
