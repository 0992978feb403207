// Node on a host's V8 (relink host-v8 mode) against Node with a V8 of its own, one measurement per
// fresh process (benchmarks/host_v8/run.py runs the rounds and prints the table):
//
//   node_host_v8 startup MODE     metacall_initialize to the first result of add(2, 3) from
//                                 benchmarks/node/add.js, in ms, and VmRSS then, in KiB: "ms kib"
//   node_host_v8 calls MODE N     N calls of add(2, 3) through metacallfv_s on the thread that owns
//                                 Node (metacall_pump before the first load): ns per call, the
//                                 median of 5 batches
//
// MODE: own (the process has no V8 started: the loader starts Debian's libnode, which this program
// links but does not start), host-v8 (the program first starts V8 itself, as a game server does,
// with Debian's libnode as its V8 library; the loader runs the V8-less libnode on it), isolated
// (the same host, with a second libnode loaded apart: METACALL_NODE_LIBRARY must name a copy).
#include <metacall/metacall.h>

#include <libplatform/libplatform.h>
#include <v8.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#ifndef NODE_BENCHMARK_ADD
#  error "NODE_BENCHMARK_ADD must name benchmarks/node/add.js"
#endif

namespace {

using Clock = std::chrono::steady_clock;

long rss_kib() {
	std::ifstream status("/proc/self/status");
	std::string line;
	while (std::getline(status, line))
		if (line.rfind("VmRSS:", 0) == 0)
			return std::atol(line.c_str() + 6);
	return -1;
}

// The host's part in host-v8 and isolated modes: V8 started with its own platform.
void start_host_v8(const char *argv0) {
	static std::unique_ptr<v8::Platform> platform;
	v8::V8::InitializeICUDefaultLocation(argv0);
	platform = v8::platform::NewDefaultPlatform();
	v8::V8::InitializePlatform(platform.get());
	v8::V8::Initialize();
}

bool load_add(bool pump) {
	const char *scripts[] = {NODE_BENCHMARK_ADD};
	return metacall_initialize() == 0 && (!pump || metacall_pump("node") == 0) &&
	       metacall_load_from_file("node", scripts, 1, nullptr) == 0;
}

int startup() {
	const Clock::time_point start = Clock::now();
	if (!load_add(false))
		return 1;
	void *args[] = {metacall_value_create_double(2), metacall_value_create_double(3)};
	void *result = metacallv_s("add", args, 2);
	const bool right = result != nullptr && metacall_value_to_double(result) == 5;
	const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
	std::printf("%.3f %ld\n", ms, rss_kib());
	std::fflush(stdout);
	std::_Exit(right ? 0 : 1); // no teardown: start-up only
}

int calls(long count) {
	if (!load_add(true))
		return 1;
	void *add = metacall_function("add");
	void *args[] = {metacall_value_create_double(2), metacall_value_create_double(3)};
	auto batch = [&](long n) {
		const Clock::time_point start = Clock::now();
		for (long i = 0; i < n; ++i)
			metacall_value_destroy(metacallfv_s(add, args, 2));
		return std::chrono::duration<double, std::nano>(Clock::now() - start).count() /
		       static_cast<double>(n);
	};
	batch(count / 10); // warm-up: V8 optimises add
	std::vector<double> batches;
	for (int i = 0; i < 5; ++i)
		batches.push_back(batch(count));
	std::sort(batches.begin(), batches.end());
	std::printf("%.1f\n", batches[2]);
	std::fflush(stdout);
	std::_Exit(0);
}

} // namespace

int main(int argc, char **argv) {
	if (argc < 3) {
		std::fprintf(stderr, "usage: %s startup|calls own|host-v8|isolated [N]\n", argv[0]);
		return 2;
	}
	const std::string what = argv[1], mode = argv[2];
	if (mode == "host-v8" || mode == "isolated") {
		start_host_v8(argv[0]);
		// A server's V8 has run for a while when a plugin first loads a script: its platform's
		// threads are up and idle before the clock starts.
		usleep(100000);
		setenv("METACALL_RELINK_NODE", mode.c_str(), 1);
	} else if (mode == "own") {
		setenv("METACALL_RELINK_NODE", "own", 1);
	} else {
		std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
		return 2;
	}
	if (what == "startup")
		return startup();
	if (what == "calls")
		return calls(argc > 3 ? std::atol(argv[3]) : 200000);
	std::fprintf(stderr, "unknown measurement %s\n", what.c_str());
	return 2;
}
