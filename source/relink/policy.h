// Policy: how a loader gets its language runtime, in the order the architecture note gives:
//  1. host: the process already runs it: use it (promoting a copy loaded RTLD_LOCAL to the global
//     scope, so that the loader's imports resolve against it), load nothing;
//  2. own: nothing there: load the configured runtime library RTLD_GLOBAL;
//  3. host-v8 (Node only): the process runs a V8 without Node (a game server that embeds V8): load
//     a libnode built without V8 (patches/node-gyp), its V8 imports bound to the process's V8 once
//     the V8 it was built for is checked to be that one; the loader's imports are then bound to it;
//  4. isolated: a Node of the loader's own beside a foreign V8 (when host-v8 does not apply), or
//     beside the process's Node when asked for: libnode loaded RTLD_LOCAL | RTLD_DEEPBIND, so that
//     it binds to itself and not to the V8 already there; the loader's imports are bound to it;
//  5. refuse, naming what was found and what is needed. Never crash.
// A user forces a mode with METACALL_RELINK_<TAG> = host | own | host-v8 | isolated | refuse.
#pragma once

#include <string>

namespace metacall_relink {

enum class Mode { own, host, isolated, host_v8 };

struct RuntimeRequest {
	std::string tag;              // the loader's tag: "node", "py"
	std::string runtime;          // what it needs: "node" or "cpython"
	std::string library;          // the runtime library to load in own mode
	std::string library_variable; // an environment variable that overrides `library` ("" none)
	std::string v8less_library;   // node: the libnode built without V8, for host-v8 ("" none)
	std::string v8less_variable;  // an environment variable that overrides `v8less_library` ("" none)
};

struct Decision {
	Mode mode = Mode::own;
	std::string object;      // the object the runtime lives in (host), or the library loaded (own, isolated)
	void *library = nullptr; // isolated, host-v8: the dlopen handle of the libnode loaded apart
	std::string reason;      // why: written to the log; on refusal, the error
	std::string passed_over; // why a mode that came first in the order was not taken ("" none);
	                         // set whether or not a later mode was then had
};

// Decides and does what the mode needs (promotion, loading). False with decision.reason set
// when the loader cannot run here. The first decision per tag is kept for the process: a
// runtime, once chosen, is not swapped for another.
bool decide(const RuntimeRequest &request, Decision &decision);

} // namespace metacall_relink
