// core tests: runs a test body on its own thread under a deadline. A body that deadlocks cannot
// be stopped, so on timeout the process reports it and exits at once instead of hanging.
#pragma once

#include "signal.h"

#include <cstdio>
#include <cstdlib>
#include <thread>
#include <utility>

namespace core_test {

template <typename Body>
void run_with_deadline(const char *what, Body body) {
	Signal done;
	std::thread runner([&] {
		body();
		done.notify();
	});
	if (!done.wait()) {
		std::fprintf(stderr, "DEADLOCK: %s did not finish within %lld s\n", what,
		             static_cast<long long>(wait_limit.count()));
		std::fflush(stderr);
		std::_Exit(3);
	}
	runner.join();
}

} // namespace core_test
