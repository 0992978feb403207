#include "policy.h"

#include "detection.h"
#include "v8less.h"

#include <cctype>
#include <cstdlib>
#include <dlfcn.h>
#include <map>
#include <mutex>
#include <optional>
#include <sys/stat.h>

namespace metacall_relink {
namespace {

enum class Forced { none, host, own, host_v8, isolated, refuse };

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
	else if (text == "host-v8")
		forced = Forced::host_v8;
	else if (text == "isolated")
		forced = Forced::isolated;
	else if (text == "refuse")
		forced = Forced::refuse;
	else {
		error = variable + "=" + text + " is not a mode (host, own, host-v8, isolated or refuse)";
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
	if (found.kind == RuntimeKind::v8 && found.platform_initialized.has_value())
		text += *found.platform_initialized ? ", started" : ", not started";
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

// Whether two paths name one file (dlopen loads a file once, whatever path it is given).
bool same_file(const std::string &a, const std::string &b) {
	struct stat first {
	}, second{};
	return stat(a.c_str(), &first) == 0 && stat(b.c_str(), &second) == 0 && first.st_dev == second.st_dev &&
	       first.st_ino == second.st_ino;
}

// An environment variable's value, or `fallback` when it is unset or empty.
std::string overridden(const std::string &variable, const std::string &fallback) {
	if (!variable.empty())
		if (const char *value = std::getenv(variable.c_str()); value != nullptr && value[0] != '\0')
			return value;
	return fallback;
}

// 3. Host V8: Node from the V8-less libnode, on the process's V8. False with `why` when it does
// not apply here: no such library, or one built for another V8 (both versions named).
bool host_v8(const RuntimeRequest &request, const DetectedRuntime &v8, Decision &decision, std::string &why) {
	const std::string library = overridden(request.v8less_variable, request.v8less_library);
	const std::string variable_hint =
	    request.v8less_variable.empty() ? "" : " (" + request.v8less_variable + " names another)";
	if (library.empty()) {
		why = "no libnode built without V8 is configured" + variable_hint;
		return false;
	}
	if (!v8.platform_initialized.value_or(true)) {
		why = "the process's " + describe(v8) +
		      " has not been started: Node runs on a V8 that its host "
		      "has initialised";
		return false;
	}
	std::string error;
	const std::optional<V8lessAbi> abi = read_v8less_abi(library, error);
	if (!abi) {
		why = error + variable_hint;
		return false;
	}
	if (abi->v8_version != v8.version) {
		why = "the process's V8 is " + (v8.version.empty() ? std::string("of unknown version") : v8.version) +
		      " (in " + v8.object + "), but the libnode built without V8 " + library + " was built for V8 " +
		      abi->v8_version + ": they must be the same V8";
		return false;
	}
	// Its V8 imports resolve when it is loaded (it is linked -z now): against the global scope,
	// where a V8 that the host loaded RTLD_LOCAL is brought first. It is loaded RTLD_LOCAL itself,
	// so that its node:: and napi_ symbols never stand in for someone else's.
	if (!promote(v8, why))
		return false;
	decision.library = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
	if (decision.library == nullptr) {
		why = "cannot load " + library + " on the process's V8 " + v8.version + ": " + dlerror();
		return false;
	}
	decision.mode = Mode::host_v8;
	decision.object = library;
	decision.reason = "the process runs " + describe(v8) + " and no Node: Node from " + library +
	                  " (built without V8, for " + abi->text + ") on that V8";
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
	// 1. Host: a runtime counts once it runs (a CPython initialized, a Node whose platform is up);
	// one merely loaded is a library to start.
	const bool usable =
	    found && (wanted == RuntimeKind::cpython ? found->initialized.value_or(false)
	                                             : found->platform_initialized.value_or(found->main_program));
	// A V8 without a running Node around it: a host that embeds V8 itself (a game server). Also a
	// libnode that such a host uses as its V8 library, once the host has initialised that V8: its
	// Node cannot be started any more (V8 cannot be initialised twice).
	std::optional<DetectedRuntime> foreign_v8;
	if (wanted == RuntimeKind::node && !usable)
		for (const DetectedRuntime &v8 : runtimes)
			if (v8.kind == RuntimeKind::v8 && (!found || v8.platform_initialized.value_or(false))) {
				foreign_v8 = v8;
				break;
			}
	if (usable && forced != Forced::own && forced != Forced::isolated && forced != Forced::host_v8) {
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
	// 3. Host V8, before the isolated mode, which would map a second V8 and a second heap.
	if (wanted == RuntimeKind::node &&
	    (forced == Forced::host_v8 || (foreign_v8 && forced == Forced::none))) {
		std::string why = usable ? "the process already runs " + describe(*found) + " (host mode uses it)"
		                         : std::string("the process has no initialised V8");
		if (foreign_v8 && host_v8(request, *foreign_v8, decision, why))
			return true;
		if (forced == Forced::host_v8) {
			decision.reason = "METACALL_RELINK_ asks for Node on the process's V8 (host-v8): " + why;
			return false;
		}
		decision.passed_over = "host-v8 does not apply: " + why;
	} else if (forced == Forced::host_v8) {
		decision.reason = "METACALL_RELINK_ asks for host-v8, which only the node loader has";
		return false;
	}
	// The library an own or isolated runtime is loaded from.
	std::string library = overridden(request.library_variable, request.library);
	// 4. Isolated: only Node can be loaded apart (its loader binds its imports to it).
	if (wanted == RuntimeKind::node &&
	    (forced == Forced::isolated || (foreign_v8 && forced == Forced::none))) {
		// The file the process's V8 came from is already loaded: dlopen would hand back that copy,
		// whose V8 the host has initialised already.
		if (foreign_v8 && same_file(library, foreign_v8->object)) {
			decision.reason = "the process's " + describe(*foreign_v8) + " comes from " + library +
			                  ", the libnode an isolated Node would load: " +
			                  (request.library_variable.empty()
			                       ? std::string("load another copy of it")
			                       : "set " + request.library_variable + " to another copy of it") +
			                  ", or use the host-v8 mode";
			return false;
		}
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
