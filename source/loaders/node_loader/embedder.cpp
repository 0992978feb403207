// libnode_loader_embedder.so: starts and stops Node environments with Node's C++ embedding API.
// Used only when the node loader owns its runtime (see embedder_entry.h). Its libnode symbols
// stay undefined here and resolve against the libnode the bootstrap loaded RTLD_GLOBAL.
#include "embedder_entry.h"

#include <node.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

// libuv's entry point, from the libuv libnode runs on (its headers are not needed for one call).
extern "C" int uv_run(struct uv_loop_s *loop, int mode);

namespace {

constexpr int kUvRunNowait = 2;

// What a process may only do once: V8 and its platform cannot be initialized again after a
// teardown, so they stay for the life of the process and every later session reuses them.
node::MultiIsolatePlatform *process_platform(std::string &error) {
	static std::once_flag once;
	static std::unique_ptr<node::InitializationResult> result;
	std::call_once(once, [] {
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
		result = node::InitializeOncePerProcess({"node"}, static_cast<Flags>(flags));
	});
	if (result == nullptr || result->early_return() || result->platform() == nullptr) {
		error = "Node's process initialization failed";
		if (result != nullptr)
			for (const std::string &message : result->errors())
				error += ": " + message;
		return nullptr;
	}
	return result->platform();
}

// One environment, entered on its owner thread for as long as it lives, so that Node-API calls
// made from that thread between two runs of the loop (calls of a pumping host) find it current.
struct Session {
	std::unique_ptr<node::CommonEnvironmentSetup> setup;
	std::unique_ptr<v8::Locker> locker;
	v8::Global<v8::Context> context;
	bool interrupted = false;
};

void copy_error(const std::string &text, char *error, size_t error_size) {
	if (error_size > 0)
		std::snprintf(error, error_size, "%s", text.c_str());
}

void *start(const char *main_script, void (*on_exit)(void *, int), void *exit_context, char *error,
            size_t error_size) {
	std::string reason;
	node::MultiIsolatePlatform *platform = process_platform(reason);
	if (platform == nullptr) {
		copy_error(reason, error, error_size);
		return nullptr;
	}
	std::vector<std::string> errors;
	auto session = std::make_unique<Session>();
	session->setup = node::CommonEnvironmentSetup::Create(platform, &errors, std::vector<std::string>{"node"},
	                                                      std::vector<std::string>{});
	if (session->setup == nullptr) {
		reason = "cannot create a Node environment";
		for (const std::string &message : errors)
			reason += ": " + message;
		copy_error(reason, error, error_size);
		return nullptr;
	}
	// process.exit() in a script stops that environment, not the host process.
	node::SetProcessExitHandler(session->setup->env(),
	                            [on_exit, exit_context](node::Environment *env, int code) {
		                            on_exit(exit_context, code);
		                            node::Stop(env);
	                            });
	v8::Isolate *isolate = session->setup->isolate();
	session->locker = std::make_unique<v8::Locker>(isolate);
	isolate->Enter();
	v8::HandleScope handles(isolate);
	v8::Local<v8::Context> context = session->setup->context();
	session->context.Reset(isolate, context);
	context->Enter();
	v8::TryCatch try_catch(isolate);
	if (node::LoadEnvironment(session->setup->env(), main_script).IsEmpty()) {
		reason = "the node loader's start-up script failed";
		if (try_catch.HasCaught()) {
			v8::String::Utf8Value text(isolate, try_catch.Exception());
			if (*text != nullptr)
				reason += std::string(": ") + *text;
		}
		copy_error(reason, error, error_size);
		context->Exit();
		session->context.Reset();
		isolate->Exit();
		session->locker.reset();
		session->setup.reset();
		return nullptr;
	}
	return session.release();
}

void run(void *opaque, int nowait) {
	auto *session = static_cast<Session *>(opaque);
	if (nowait != 0)
		uv_run(session->setup->event_loop(), kUvRunNowait);
	else
		node::SpinEventLoop(session->setup->env()).FromMaybe(0);
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
		session->context.Get(isolate)->Exit();
	}
	session->context.Reset();
	isolate->Exit();
	session->locker.reset();
	session->setup.reset(); // frees the environment and disposes of its isolate
}

constexpr node_loader_embedder embedder_table{start, run, interrupt, stop};

} // namespace

extern "C" __attribute__((visibility("default"))) const node_loader_embedder *node_loader_embedder(void) {
	return &embedder_table;
}
