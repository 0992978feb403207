// Running a loader entry's work on the owner thread: the entries of runtime_interface.cpp (the
// loader's table) and of js_objects.cpp (its classes' and objects' table) all go through it.
#ifndef NODE_LOADER_ON_OWNER_H
#define NODE_LOADER_ON_OWNER_H

#include "loader_state.h"

#include <metacall/metacall_loader.h>

#include <string>

namespace node_loader {

// Runs `work` (which returns true, or false after filling `error`) on the owner thread, inside an
// EnvScope, starting the environment first. Returns false after metacall_loader_error on the
// calling thread.
template <class Work>
bool on_owner(LoaderState &state, Work work) {
	std::string error;
	if (!state.start(false, error)) {
		metacall_loader_error("node loader: %s", error.c_str());
		return false;
	}
	bool ok = false;
	auto task = [&] {
		if (!state.running()) {
			error = "the Node environment has stopped (a script called process.exit)";
			return;
		}
		EnvScope scope(state.environment());
		ok = work(error);
	};
	if (!state.owner().run(task))
		error = "the Node environment has stopped (a script called process.exit, or metacall_destroy runs)";
	if (!ok)
		metacall_loader_error("node loader: %s", error.c_str());
	return ok;
}

} // namespace node_loader

#endif
