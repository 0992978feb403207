// game_server: a simulated game server that embeds V8 itself, as real game servers do.
//
// It uses Debian's libnode.so.108 as a plain V8 library (it never calls node::): it initialises V8
// with its own platform, runs its own JavaScript (ui/hud.js) in its own isolate every tick, and
// loads native plugins from plugins/ (plugin_api.h), to which it raises events: a player joined,
// a chat message, a tick. What a plugin does with them is its business; the scripting plugin
// (plugins/scripting_plugin.cpp) runs Node.js and Python scripts through libmetacall, whose node
// loader then runs Node on this server's V8 (the relink module's host-v8 mode).
//
//   game_server [--ticks N] [--tick-ms MS] [--reload-at TICK] [--folder DIR]
//
// Exits 0 when every tick ran its UI script and every plugin loaded.
#include "plugin_api.h"

#include <libplatform/libplatform.h>
#include <v8.h>

#include <dirent.h>
#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options {
	int ticks = 8;
	int tick_ms = 20;
	int reload_at = 0;  // 0: never
	std::string folder; // holds plugins/, scripts/ and ui/
};

// ---- What plugins may call, from any thread ----

std::mutex outbox_mutex;
std::vector<std::string> outbox; // broadcasts, printed on the next tick

void host_broadcast(const char *text) {
	std::lock_guard lock(outbox_mutex);
	outbox.emplace_back(text != nullptr ? text : "");
}

void host_log(const char *plugin, const char *text) {
	std::printf("[%s] %s\n", plugin != nullptr ? plugin : "?", text != nullptr ? text : "");
	std::fflush(stdout);
}

void flush_outbox() {
	std::vector<std::string> sent;
	{
		std::lock_guard lock(outbox_mutex);
		sent.swap(outbox);
	}
	for (const std::string &text : sent)
		std::printf("[broadcast] %s\n", text.c_str());
}

// ---- The server's own JavaScript: one isolate, one context, ui/hud.js ----

class UiScript {
public:
	UiScript(v8::Isolate *isolate, const std::string &source) : isolate_(isolate) {
		v8::HandleScope handles(isolate_);
		v8::Local<v8::Context> context = v8::Context::New(isolate_);
		context_.Reset(isolate_, context);
		v8::Context::Scope scope(context);
		v8::Local<v8::String> code = v8::String::NewFromUtf8(isolate_, source.c_str()).ToLocalChecked();
		v8::Local<v8::Script> script;
		if (v8::Script::Compile(context, code).ToLocal(&script) && !script->Run(context).IsEmpty())
			ok_ = true;
	}

	// hud(tick, players) from ui/hud.js; "" when it failed.
	std::string hud(int tick, int players) {
		v8::HandleScope handles(isolate_);
		v8::Local<v8::Context> context = context_.Get(isolate_);
		v8::Context::Scope scope(context);
		v8::Local<v8::Value> function;
		if (!ok_ ||
		    !context->Global()
		         ->Get(context, v8::String::NewFromUtf8Literal(isolate_, "hud"))
		         .ToLocal(&function) ||
		    !function->IsFunction())
			return "";
		v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate_, tick), v8::Integer::New(isolate_, players)};
		v8::Local<v8::Value> result;
		if (!function.As<v8::Function>()->Call(context, context->Global(), 2, argv).ToLocal(&result))
			return "";
		v8::String::Utf8Value text(isolate_, result);
		return *text != nullptr ? *text : "";
	}

private:
	v8::Isolate *isolate_;
	v8::Global<v8::Context> context_;
	bool ok_ = false;
};

// ---- Plugins: every plugins/lib*.so ----

std::vector<const game_plugin *> load_plugins(const std::string &folder, const game_host &host, bool &ok) {
	std::vector<std::string> files;
	const std::string dir = folder + "/plugins";
	if (DIR *listing = opendir(dir.c_str())) {
		while (dirent *entry = readdir(listing)) {
			const std::string name = entry->d_name;
			if (name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0)
				files.push_back(dir + "/" + name);
		}
		closedir(listing);
	}
	std::sort(files.begin(), files.end());
	std::vector<const game_plugin *> plugins;
	for (const std::string &file : files) {
		// Kept loaded for the life of the server, as game servers do.
		void *library = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
		auto entry = library != nullptr
		                 ? reinterpret_cast<game_plugin_entry_function>(dlsym(library, GAME_PLUGIN_ENTRY))
		                 : nullptr;
		const game_plugin *plugin = entry != nullptr ? entry() : nullptr;
		if (plugin == nullptr) {
			std::printf("server: %s is not a plugin: %s\n", file.c_str(),
			            library ? "no " GAME_PLUGIN_ENTRY : dlerror());
			ok = false;
			continue;
		}
		if (plugin->load(&host, folder.c_str()) != 0) {
			std::printf("server: plugin %s failed to load\n", plugin->name);
			plugin->unload(); // lets it free what it started before it failed
			ok = false;
			continue;
		}
		std::printf("server: plugin %s loaded\n", plugin->name);
		plugins.push_back(plugin);
	}
	if (plugins.empty()) {
		std::printf("server: no plugin in %s\n", dir.c_str());
		ok = false;
	}
	return plugins;
}

std::string read_file(const std::string &path) {
	std::ifstream file(path);
	std::stringstream text;
	text << file.rdbuf();
	return text.str();
}

long rss_kib() {
	std::ifstream status("/proc/self/status");
	std::string line;
	while (std::getline(status, line))
		if (line.rfind("VmRSS:", 0) == 0)
			return std::atol(line.c_str() + 6);
	return 0;
}

std::string folder_of_executable() {
	char path[4096];
	const ssize_t size = readlink("/proc/self/exe", path, sizeof path - 1);
	if (size <= 0)
		return ".";
	path[size] = '\0';
	std::string text = path;
	return text.substr(0, text.rfind('/'));
}

Options parse(int argc, char **argv) {
	Options options;
	options.folder = folder_of_executable();
	for (int i = 1; i + 1 < argc; i += 2) {
		const std::string flag = argv[i];
		if (flag == "--ticks")
			options.ticks = std::atoi(argv[i + 1]);
		else if (flag == "--tick-ms")
			options.tick_ms = std::atoi(argv[i + 1]);
		else if (flag == "--reload-at")
			options.reload_at = std::atoi(argv[i + 1]);
		else if (flag == "--folder")
			options.folder = argv[i + 1];
	}
	return options;
}

} // namespace

int main(int argc, char **argv) {
	const Options options = parse(argc, argv);
	std::setvbuf(stdout, nullptr, _IOLBF, 0);

	// V8, the way an engine starts it: its platform, then V8, then an isolate of its own.
	v8::V8::InitializeICUDefaultLocation(argv[0]);
	std::unique_ptr<v8::Platform> platform = v8::platform::NewDefaultPlatform();
	v8::V8::InitializePlatform(platform.get());
	v8::V8::Initialize();
	std::unique_ptr<v8::ArrayBuffer::Allocator> allocator(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
	v8::Isolate::CreateParams params;
	params.array_buffer_allocator = allocator.get();
	v8::Isolate *isolate = v8::Isolate::New(params);
	std::printf("server: V8 %s, own platform and isolate\n", v8::V8::GetVersion());

	bool ok = true;
	{
		v8::Isolate::Scope isolate_scope(isolate);
		UiScript ui(isolate, read_file(options.folder + "/ui/hud.js"));

		const game_host host{host_broadcast, host_log, v8::V8::GetVersion()};
		std::vector<const game_plugin *> plugins = load_plugins(options.folder, host, ok);

		struct Join {
			int tick;
			const char *player, *client;
		};
		struct Chat {
			int tick;
			const char *player, *message;
		};
		const Join joins[] = {{1, "alice", "1.4.2"}, {3, "bob", "0.9.1"}};
		const Chat chats[] = {{2, "alice", "hello darn world"}, {4, "bob", "gg, heck of a round"}};
		int players = 0;
		for (int tick = 1; tick <= options.ticks; ++tick) {
			for (const Join &join : joins)
				if (join.tick == tick) {
					++players;
					std::printf("server: tick %d: %s joined (client %s)\n", tick, join.player, join.client);
					for (const game_plugin *plugin : plugins)
						plugin->player_joined(join.player, join.client);
				}
			for (const Chat &chat : chats)
				if (chat.tick == tick) {
					std::string message = chat.message;
					for (const game_plugin *plugin : plugins)
						if (char *changed = plugin->chat(chat.player, message.c_str())) {
							message = changed;
							std::free(changed);
						}
					std::printf("server: tick %d: chat %s: %s\n", tick, chat.player, message.c_str());
				}
			if (tick == options.reload_at)
				for (const game_plugin *plugin : plugins) {
					std::printf("server: tick %d: reloading plugin %s\n", tick, plugin->name);
					if (plugin->reload() != 0) {
						std::printf("server: plugin %s failed to reload\n", plugin->name);
						ok = false;
					}
				}
			for (const game_plugin *plugin : plugins)
				plugin->tick(tick);

			// The server's own JavaScript, between the plugins' work: it must keep running.
			const std::string line = ui.hud(tick, players);
			std::printf("server: %s\n", line.empty() ? "hud FAILED" : line.c_str());
			ok &= !line.empty();
			// The tasks V8 posted for the server's isolate (the engine's job, not the plugins').
			while (v8::platform::PumpMessageLoop(platform.get(), isolate))
				;
			flush_outbox();
			std::this_thread::sleep_for(std::chrono::milliseconds(options.tick_ms));
		}
		flush_outbox();
		std::printf("server: rss %ld KiB\n", rss_kib());
		for (const game_plugin *plugin : plugins)
			plugin->unload();
		flush_outbox();
	}
	isolate->Dispose();
	v8::V8::Dispose();
	v8::V8::DisposePlatform();
	std::printf("server: %s\n", ok ? "done" : "FAILED");
	return ok ? 0 : 1;
}
