// Start-up of the node loader: the time to the first result of add(2, 3) from
// benchmarks/node/add.js (metacall_initialize, metacall_load_from_file("node"), metacallv_s), and
// the process's VmRSS then, in fresh processes, against a bare libnode embedding doing the same
// (node_bare_startup). Each kind runs `runs` times (default 10), alternating; the medians are
// printed. The time that compares is from the spawn to the first result: the bare embedding links
// libnode, so the dynamic loader maps and relocates it before main(), where the node loader opens
// it after main(). main() to the first result, and spawn to exit (every kind leaves with _Exit,
// without tearing Node down), are shown too.
//
//   node_startup [runs]                runs every kind and prints the table
//   node_startup metacall|metacall-pump one measurement (what the table's runs execute);
//                                      metacall-pump calls metacall_pump("node") first
#include "node/rss.h"

#include <metacall/metacall.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#ifndef NODE_BENCHMARK_ADD
#  error "NODE_BENCHMARK_ADD must name benchmarks/node/add.js"
#endif
#ifndef NODE_BARE_STARTUP
#  error "NODE_BARE_STARTUP must name the node_bare_startup program"
#endif

extern char **environ;

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
	return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int metacall_first_call(Clock::time_point start, bool pump) {
	const char *scripts[] = {NODE_BENCHMARK_ADD};
	if (metacall_initialize() != 0 || (pump && metacall_pump("node") != 0) ||
	    metacall_load_from_file("node", scripts, 1, nullptr) != 0)
		return 1;
	void *args[] = {metacall_value_create_double(2), metacall_value_create_double(3)};
	void *result = metacallv_s("add", args, 2);
	const bool right = result != nullptr && metacall_value_to_double(result) == 5;
	const double elapsed = since(start);
	metacall_value_destroy(result);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	std::printf("%.3f %lld %ld\n", elapsed, static_cast<long long>(Clock::now().time_since_epoch().count()),
	            node_benchmark::resident_kb());
	std::fflush(stdout);
	std::_Exit(right ? 0 : 1);
}

struct Run {
	double first_call = -1; // main() to the first result, as the child measured it
	double from_spawn = -1; // spawn to the first result (the child's clock reading at its result)
	double rss_mb = -1;     // VmRSS after the first call, as the child read it
	double process = -1;    // spawn to exit, as the parent measured it
};

// Runs `program` with `argument` (or none) in a fresh process.
Run run_child(const char *program, const char *argument) {
	const Clock::time_point spawn = Clock::now();
	int out[2];
	if (pipe(out) != 0)
		return {};
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&actions, out[0]);
	char *argv[] = {const_cast<char *>(program), const_cast<char *>(argument), nullptr};
	pid_t child = 0;
	const int spawned = posix_spawn(&child, program, &actions, nullptr, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	close(out[1]);
	std::string text;
	char buffer[64];
	for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;)
		text.append(buffer, static_cast<std::size_t>(n));
	close(out[0]);
	int status = 0;
	if (spawned != 0 || waitpid(child, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return {};
	Run run;
	long long result_time = 0;
	long kb = -1;
	if (std::sscanf(text.c_str(), "%lf %lld %ld", &run.first_call, &result_time, &kb) != 3 || kb < 0)
		return {};
	run.from_spawn =
	    std::chrono::duration<double, std::milli>(Clock::time_point(Clock::duration(result_time)) - spawn)
	        .count();
	run.rss_mb = static_cast<double>(kb) / 1024;
	run.process = since(spawn);
	return run;
}

double median(std::vector<double> values) {
	std::sort(values.begin(), values.end());
	const std::size_t middle = values.size() / 2;
	return values.size() % 2 != 0 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

struct Kind {
	const char *label;
	const char *program;
	const char *argument;
	std::vector<double> from_spawn, first_call, rss_mb, process;
};

} // namespace

int main(int argc, char **argv) {
	const Clock::time_point start = Clock::now();
	if (argc > 1 && std::strcmp(argv[1], "metacall") == 0)
		return metacall_first_call(start, false);
	if (argc > 1 && std::strcmp(argv[1], "metacall-pump") == 0)
		return metacall_first_call(start, true);
	const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
	char self[4096];
	const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
	if (length <= 0)
		return 1;
	self[length] = '\0';
	std::vector<Kind> kinds = {
	    {"bare libnode embedding: initialize, environment, require, call",
	     NODE_BARE_STARTUP,
	     nullptr,
	     {},
	     {},
	     {}},
	    {"metacall_initialize + metacall_load_from_file(\"node\") + metacallv_s (Node on its own thread)",
	     self,
	     "metacall",
	     {},
	     {},
	     {},
	     {}},
	    {"the same after metacall_pump(\"node\") (Node on the calling thread)",
	     self,
	     "metacall-pump",
	     {},
	     {},
	     {}},
	};
	for (int i = 0; i < runs; ++i)
		for (Kind &kind : kinds) {
			const Run run = run_child(kind.program, kind.argument);
			if (run.first_call < 0) {
				std::fprintf(stderr, "a measurement failed: %s %s\n", kind.program,
				             kind.argument != nullptr ? kind.argument : "");
				return 1;
			}
			kind.from_spawn.push_back(run.from_spawn);
			kind.first_call.push_back(run.first_call);
			kind.rss_mb.push_back(run.rss_mb);
			kind.process.push_back(run.process);
		}
	const double bare = median(kinds[0].from_spawn);
	std::printf(
	    "| Start-up, medians of %d fresh processes | spawn to the first result (ms) | ratio to bare | "
	    "main() to the first result (ms) | spawn to exit (ms) | VmRSS after the first call (MB) |\n",
	    runs);
	std::printf("|---|---:|---:|---:|---:|---:|\n");
	for (const Kind &kind : kinds)
		std::printf("| %s | %.1f | %.2fx | %.1f | %.1f | %.1f |\n", kind.label, median(kind.from_spawn),
		            median(kind.from_spawn) / bare, median(kind.first_call), median(kind.process),
		            median(kind.rss_mb));
	return 0;
}
