#include "policy.h"

#include "detection.h"

#include <cctype>
#include <cstdlib>
#include <dlfcn.h>
#include <map>
#include <mutex>
#include <optional>

namespace metacall_relink {
namespace {

enum class Forced { none, host, own, isolated, refuse };

// METACALL_RELINK_<TAG>, or an error for a value it does not know.
bool forced_mode(const std::string &tag, Forced &forced, std::string &error) {
	std::string variable = "METACALL_RELINK_";
	for (char c : tag)
		variable += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
	const char *value = std::getenv(variable.c_str());
	forced = Forced::none;
	if (value == nullptr || value[0] == '\0')
		return true;
	const std::string text = value;
	if (text == "host")
		forced = Forced::host;
	else if (text == "own")
		forced = Forced::own;
	else if (text == "isolated")
		forced = Forced::isolated;
	else if (text == "refuse")
		forced = Forced::refuse;
	else {
		error = variable + "=" + text + " is not a mode (host, own, isolated or refuse)";
		return false;
	}
	return true;
}

std::string describe(const DetectedRuntime &found) {
	std::string text = std::string(runtime_name(found.kind)) + " " +
	                   (found.version.empty() ? "?" : found.version) + " in " + found.object +
	                   (found.global ? " (global)" : " (local)");
	if (found.initialized.has_value())
		text += *found.initialized ? ", initialized" : ", not initialized";
	return text;
}

// Brings a runtime a host loaded RTLD_LOCAL into the global scope, where the loader's imports
// resolve. The main program's symbols are global already.
bool promote(const DetectedRuntime &found, std::string &error) {
	if (found.global || found.main_program)
		return true;
	if (dlopen(found.object.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL) == nullptr) {
		error = "cannot promote " + found.object + " to the global scope: " + dlerror();
		return false;
	}
	return true;
}

std::optional<DetectedRuntime> find(const std::vector<DetectedRuntime> &runtimes, RuntimeKind kind) {
	for (const DetectedRuntime &found : runtimes)
		if (found.kind == kind)
			return found;
	return std::nullopt;
}

bool decide_now(const RuntimeRequest &request, Decision &decision) {
	Forced forced;
	if (!forced_mode(request.tag, forced, decision.reason))
		return false;
	if (forced == Forced::refuse) {
		decision.reason = "refused by METACALL_RELINK_ for the '" + request.tag + "' loader";
		return false;
	}
	const std::vector<DetectedRuntime> runtimes = detect_runtimes();
	const RuntimeKind wanted = request.runtime == "node" ? RuntimeKind::node : RuntimeKind::cpython;
	const std::optional<DetectedRuntime> found = find(runtimes, wanted);
	// A V8 without Node around it: a host with its own V8 (a game server).
	std::optional<DetectedRuntime> foreign_v8;
	if (wanted == RuntimeKind::node && !found)
		foreign_v8 = find(runtimes, RuntimeKind::v8);

	// 1. Host: a runtime counts once it runs (a CPython initialized, a Node whose platform is up);
	// one merely loaded is a library to start.
	const bool usable =
	    found && (wanted == RuntimeKind::cpython ? found->initialized.value_or(false)
	                                             : found->platform_initialized.value_or(found->main_program));
	if (usable && forced != Forced::own && forced != Forced::isolated) {
		if (!promote(*found, decision.reason))
			return false;
		decision.mode = Mode::host;
		decision.object = found->object;
		decision.reason = "the process already runs " + describe(*found) + ": using it";
		return true;
	}
	if (forced == Forced::host) {
		decision.reason = "METACALL_RELINK_ asks to use the process's " + request.runtime + ", but " +
		                  (found ? describe(*found) + " is not running" : "the process has none");
		return false;
	}
	// The library an own or isolated runtime is loaded from.
	std::string library = request.library;
	if (!request.library_variable.empty())
		if (const char *path = std::getenv(request.library_variable.c_str());
		    path != nullptr && path[0] != '\0')
			library = path;
	// 3. Isolated: only Node can be loaded apart (its loader binds its imports to it).
	if (wanted == RuntimeKind::node &&
	    (forced == Forced::isolated || (foreign_v8 && forced == Forced::none))) {
		// DEEPBIND: its own symbols first, so its static constructors and its calls stay inside it
		// instead of binding to the V8 (or Node) the process already has, which crashes (#493).
		decision.library = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
		if (decision.library == nullptr) {
			decision.reason = "cannot load " + library + " apart (RTLD_DEEPBIND): " + dlerror();
			return false;
		}
		decision.mode = Mode::isolated;
		decision.object = library;
		decision.reason =
		    (usable || foreign_v8 ? "the process already runs " + describe(usable ? *found : *foreign_v8)
		                          : std::string("asked for")) +
		    ": loaded " + library + " apart (RTLD_DEEPBIND)";
		return true;
	}
	if (forced == Forced::isolated) {
		decision.reason =
		    "METACALL_RELINK_ asks for an isolated " + request.runtime + ": only Node can be loaded apart";
		return false;
	}
	if (usable || foreign_v8) {
		// A second copy of a runtime beside a running one crashes on load (MetaCall #493).
		decision.reason = "the process already runs " + describe(usable ? *found : *foreign_v8) +
		                  "; a second " + request.runtime +
		                  " beside it would crash it: use the process's own (unset "
		                  "METACALL_RELINK_), or, for Node, METACALL_RELINK_NODE=isolated";
		return false;
	}
	// 2. Own: load the runtime library; a copy already there, not running, is the one to start.
	if (found) {
		if (!promote(*found, decision.reason))
			return false;
		library = found->object;
	}
	if (dlopen(library.c_str(), RTLD_NOW | RTLD_GLOBAL) == nullptr) {
		decision.reason =
		    "cannot load the " + request.runtime + " runtime " + library + ": " + dlerror() +
		    (request.library_variable.empty() ? "" : " (" + request.library_variable + " points at another)");
		return false;
	}
	decision.mode = Mode::own;
	decision.object = library;
	decision.reason = found ? "the process has " + describe(*found) + ": starting it"
	                        : "the process has no " + request.runtime + ": loaded " + library;
	return true;
}

} // namespace

bool decide(const RuntimeRequest &request, Decision &decision) {
	static std::mutex mutex;
	static std::map<std::string, std::pair<bool, Decision>> decisions; // by tag
	std::lock_guard lock(mutex);
	auto found = decisions.find(request.tag);
	if (found == decisions.end()) {
		Decision made;
		const bool ok = decide_now(request, made);
		found = decisions.emplace(request.tag, std::make_pair(ok, made)).first;
	}
	decision = found->second.second;
	return found->second.first;
}

} // namespace metacall_relink
