// The scripting plugin: the server's Node.js and Python plugin scripts (scripts/), run through
// libmetacall. This is all the plugin knows of runtimes: it calls metacall_* and lets libmetacall
// decide how to run Node inside a process that already has a V8 (the relink module's host-v8
// mode: Node built without V8, on the server's V8; README.md).
//
// Events go to the scripts: a player joined -> plugin.js (an npm package, a timer that greets the
// player later), a chat message -> moderation.py then plugin.js, a tick -> plugin.js (a promise
// awaited here). Scripts reach the server back through the player objects they are given (host
// objects: properties read from the server, a send method) and the host function broadcast(text).
#include "../server/plugin_api.h"

#include <metacall/metacall.hpp>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace {

const game_host *server = nullptr;
std::string folder;

void log(const std::string &text) {
	server->log("scripting", text.c_str());
}

std::string last_error() {
	metacall_exception_type error{};
	return metacall_error_last(&error) == 0 ? std::string(error.label) + ": " + error.message
	                                        : "unknown error";
}

// A call's result as text (destroyed: results are the caller's); an exception's message after
// "error: ".
std::string text_of(void *result) {
	if (result == nullptr)
		return "error: " + last_error();
	std::string text;
	metacall_exception_type error{};
	switch (metacall_value_id(result)) {
	case METACALL_STRING:
		text = metacall_value_to_string(result);
		break;
	case METACALL_LONG:
		text = std::to_string(metacall_value_to_long(result));
		break;
	case METACALL_DOUBLE:
		text = std::to_string(static_cast<long>(metacall_value_to_double(result)));
		break;
	case METACALL_THROWABLE:
	case METACALL_EXCEPTION:
		text =
		    metacall_error_from_value(result, &error) == 0 ? std::string("error: ") + error.message : "error";
		break;
	default:
		text = std::string("<") + metacall_value_type_name(result) + ">";
	}
	metacall_value_destroy(result);
	return text;
}

// Calls the async script function `name` and waits for its promise (on Node's thread the
// callbacks hand the outcome over; the value they see is borrowed, so it is copied).
std::string await_text(const char *name, void *args[]) {
	std::promise<void *> outcome;
	auto settled = [](void *result, void *data) -> void * {
		static_cast<std::promise<void *> *>(data)->set_value(metacall_value_copy(result));
		return nullptr;
	};
	void *future = metacall_await(name, args, settled, settled, &outcome);
	if (future == nullptr)
		return "error: " + last_error();
	metacall_value_destroy(future);
	std::future<void *> result = outcome.get_future();
	if (result.wait_for(std::chrono::seconds(10)) != std::future_status::ready)
		return std::string("error: ") + name + " did not settle in 10 s";
	return text_of(result.get());
}

// A player as scripts see it: a host object (metacall::host_object, the model of JSI's
// HostObject) whose properties read the server's state and whose send(text) reaches the server.
// Scripts may keep it (plugin.js does, in a timer): the library keeps it alive while they do.
class Player final : public metacall::host_object {
public:
	Player(std::string name, std::string client) : name_(std::move(name)), client_(std::move(client)) {}

	std::string class_name() const override { return "Player"; }
	std::optional<metacall::value> get(std::string_view key) override {
		if (key == "name")
			return metacall::value::from(name_);
		if (key == "clientVersion")
			return metacall::value::from(client_);
		return std::nullopt;
	}
	metacall::value call(std::string_view method, const std::vector<void *> &args) override {
		if (method != "send" || args.size() != 1)
			return host_object::call(method, args); // an AttributeError for the script
		server->broadcast(metacall::value::copy_of(args[0]).to<std::string>().c_str());
		return metacall::value(metacall_value_create_null());
	}
	std::vector<std::string> keys() override { return {"name", "clientVersion"}; }
	std::vector<std::string> methods() override { return {"send"}; }

private:
	const std::string name_, client_;
};

// The host function scripts call: broadcast(text).
void *broadcast(size_t, void *argv[], void *) {
	server->broadcast(metacall_value_to_string(argv[0]));
	return metacall_value_create_null();
}

// The V8s mapped in this process, from libmetacall's relink report (every loaded object's own
// symbol table): the objects that define v8::V8::GetVersion.
std::set<std::string> v8_objects() {
	std::set<std::string> objects;
	char *report = metacall_relink_report(nullptr, nullptr);
	if (report == nullptr)
		return objects;
	const std::string json = report;
	std::free(report);
	for (size_t at = json.find("\"runtime\":\"v8\""); at != std::string::npos;
	     at = json.find("\"runtime\":\"v8\"", at + 1)) {
		const size_t key = json.find("\"object\":\"", at);
		if (key == std::string::npos)
			break;
		const size_t start = key + 10;
		objects.insert(json.substr(start, json.find('"', start) - start));
	}
	return objects;
}

// The libnode files mapped in this process (libnode*.so.<version>), from /proc/self/maps.
std::set<std::string> mapped_libnodes() {
	std::set<std::string> files;
	std::ifstream maps("/proc/self/maps");
	std::string line;
	while (std::getline(maps, line)) {
		const size_t at = line.find('/');
		if (at == std::string::npos)
			continue;
		const std::string file = line.substr(at);
		const std::string name = file.substr(file.rfind('/') + 1);
		if (name.rfind("libnode", 0) == 0 && name.find(".so.") != std::string::npos)
			files.insert(file);
	}
	return files;
}

// What a script-side start shows: which Node, on which V8, how many V8s, and WebAssembly.
void report_runtime() {
	const std::string versions = text_of(metacallv_s("runtime", nullptr, 0));
	log("node: " + versions);
	const std::string v8 = versions.substr(versions.find("v8 ") + 3);
	log(std::string("process.versions.v8 ") + (v8 == server->v8_version ? "== " : "!= ") +
	    "the server's V8 " + server->v8_version);
	const std::set<std::string> v8s = v8_objects();
	std::string list;
	for (const std::string &object : v8s)
		list += " " + object;
	log("V8s in the process: " + std::to_string(v8s.size()) + " (" + list.substr(list.empty() ? 0 : 1) + ")");
	for (const std::string &file : mapped_libnodes())
		log("mapped: " + file);
	void *args[] = {metacall_value_create_long(20), metacall_value_create_long(22)};
	log("WebAssembly.compile: add(20, 22) = " + await_text("wasmAdd", args));
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

bool load_scripts() {
	if (metacall_initialize() != 0) {
		log("metacall_initialize failed: " + last_error());
		return false;
	}
	if (metacall_register("broadcast", broadcast, nullptr, METACALL_NULL, 1, METACALL_STRING) != 0) {
		log("cannot register broadcast: " + last_error());
		return false;
	}
	const std::string js = folder + "/scripts/plugin.js";
	const std::string py = folder + "/scripts/moderation.py";
	const char *js_paths[] = {js.c_str()};
	const char *py_paths[] = {py.c_str()};
	if (metacall_load_from_file("node", js_paths, 1, nullptr) != 0) {
		log("cannot load " + js + ": " + last_error());
		return false;
	}
	if (metacall_load_from_file("py", py_paths, 1, nullptr) != 0) {
		log("cannot load " + py + ": " + last_error());
		return false;
	}
	log("scripts loaded: plugin.js, moderation.py");
	report_runtime();
	metacall::value text = metacall::value::from("the scripting plugin is ready");
	void *args[] = {text.get()};
	const std::string announced = text_of(metacallv_s("announce", args, 1));
	if (announced.rfind("error", 0) == 0)
		log("plugin.js announce: " + announced);
	return true;
}

int load(const game_host *host, const char *server_folder) {
	server = host;
	folder = server_folder;
	return load_scripts() ? 0 : 1;
}

void player_joined(const char *name, const char *client_version) {
	metacall::value player = metacall::host_object_value(std::make_shared<Player>(name, client_version));
	void *args[] = {player.get()};
	log("plugin.js playerJoined: " + text_of(metacallv_s("playerJoined", args, 1)));
	log("plugin.js describePlayer: " + text_of(metacallv_s("describePlayer", args, 1)));
}

char *chat(const char *player, const char *message) {
	void *text = metacall_value_create_string(message, std::strlen(message));
	const std::string moderated = text_of(metacallv_s("moderate", &text, 1));
	metacall_value_destroy(text);
	log("moderation.py moderate: " + moderated);
	void *args[] = {metacall_value_create_string(player, std::strlen(player)),
	                metacall_value_create_string(moderated.c_str(), moderated.size())};
	log("plugin.js chatCount: " + text_of(metacallv_s("chatCount", args, 2)));
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	return moderated.rfind("error", 0) == 0 ? nullptr : strdup(moderated.c_str());
}

void tick(int number) {
	void *arg = metacall_value_create_long(number);
	log("plugin.js tick: " + await_text("tick", &arg));
	metacall_value_destroy(arg);
}

int reload() {
	metacall_destroy();
	return load_scripts() ? 0 : 1;
}

void unload() {
	metacall_destroy();
	log("unloaded");
}

constexpr game_plugin plugin{"scripting", load, player_joined, chat, tick, reload, unload};

} // namespace

extern "C" __attribute__((visibility("default"))) const game_plugin *game_plugin_entry(void) {
	return &plugin;
}
