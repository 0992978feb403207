// The cost of loading a module with the node loader: metacall_load_from_file into a handle,
// then metacall_clear, from this thread (Node on the loader's own thread: wall-clock time). The
// same code (benchmarks/node/modules/) as CommonJS, the baseline, as an ES module (import(), which
// the loader waits for; each load after a clear is a new instance, read and compiled again), both
// also as a new file each time (nothing compiled before), and
// as TypeScript from the disk cache (read, hashed, run: the compiler is not loaded). And a
// TypeScript compile: the first in the process (the compiler loaded, the standard library's
// declarations parsed for the type check), and later ones (a changed file: transpile + check).
// And Node's own require() and import() of the files, timed inside Node, 100 loads per iteration.
// A fixed number of loads per row: every ES module instance stays in Node's module map, and a
// growing map slows the imports down.
//
// TypeScript comes from NODE_BENCHMARK_TYPESCRIPT (the folder of an npm `typescript`), or from
// METACALL_TYPESCRIPT; without either the TypeScript rows are skipped.
#include <metacall/metacall.h>

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <string>

namespace {

const std::string modules = NODE_BENCHMARK_MODULES;
std::filesystem::path scratch; // the disk cache and the files compiled afresh

// CPU time of the whole process (every thread: this one, Node's, libuv's pool), in us: less
// sensitive than wall-clock time to other processes on the machine.
double process_cpu_us() {
	rusage usage{};
	getrusage(RUSAGE_SELF, &usage);
	return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6 + usage.ru_utime.tv_usec +
	       usage.ru_stime.tv_usec;
}

// Adds the process CPU time per load (process_cpu_us) to `state`'s row.
class CpuCounter {
public:
	explicit CpuCounter(benchmark::State &state) : state_(state), start_(process_cpu_us()) {}
	~CpuCounter() {
		if (state_.iterations() > 0)
			state_.counters["process_cpu_us"] =
			    (process_cpu_us() - start_) / static_cast<double>(state_.iterations());
	}

private:
	benchmark::State &state_;
	double start_;
};

bool has_typescript() {
	return std::getenv("METACALL_TYPESCRIPT") != nullptr;
}

void load_and_clear(benchmark::State &state, const std::string &file) {
	const char *paths[] = {file.c_str()};
	CpuCounter cpu(state);
	for (auto _ : state) {
		void *handle = nullptr;
		if (metacall_load_from_file("node", paths, 1, &handle) != 0) {
			state.SkipWithError(("cannot load " + file).c_str());
			return;
		}
		metacall_clear(handle);
	}
}

// Node's own require() and import() of the same files, timed inside Node (no loader): what the
// module systems cost by themselves. Loaded from memory (CommonJS) by main().
const char *const raw_node_script = R"js(
const { pathToFileURL } = require('url');
let round = 0;
module.exports = {
  rawRequire(file, n) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      delete require.cache[file];
      require(file);
    }
    return Number(process.hrtime.bigint() - start) / n;
  },
  async rawImport(file, n) {
    const url = pathToFileURL(file).href;
    round++;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await import(`${url}?raw=${round}_${i}`);
    return Number(process.hrtime.bigint() - start) / n;
  },
};
)js";

// Awaits fn(file, 100) and reports its ns per load as the iteration's time.
void raw_node(benchmark::State &state, const char *fn, const std::string &file) {
	struct Outcome {
		std::mutex mutex;
		std::condition_variable done;
		bool settled = false;
		double ns = -1;
	};
	auto resolve = [](void *result, void *data) -> void * {
		auto *outcome = static_cast<Outcome *>(data);
		std::lock_guard lock(outcome->mutex);
		outcome->ns = metacall_value_to_double(result);
		outcome->settled = true;
		outcome->done.notify_all();
		return nullptr;
	};
	auto reject = [](void *, void *data) -> void * {
		auto *outcome = static_cast<Outcome *>(data);
		std::lock_guard lock(outcome->mutex);
		outcome->settled = true;
		outcome->done.notify_all();
		return nullptr;
	};
	for (auto _ : state) {
		Outcome outcome;
		void *args[] = {metacall_value_create_string(file.c_str(), file.size()),
		                metacall_value_create_long(100)};
		void *ret = metacall_await(fn, args, resolve, reject, &outcome);
		metacall_value_destroy(args[0]);
		metacall_value_destroy(args[1]);
		if (ret != nullptr)
			metacall_value_destroy(ret);
		std::unique_lock lock(outcome.mutex);
		outcome.done.wait(lock, [&] { return outcome.settled; });
		if (outcome.ns < 0)
			return state.SkipWithError(std::string(fn).append(" failed").c_str());
		state.SetIterationTime(outcome.ns / 1e9);
	}
}

void node_require_alone(benchmark::State &state) {
	raw_node(state, "rawRequire", modules + "/module.cjs");
}

void node_import_alone(benchmark::State &state) {
	raw_node(state, "rawImport", modules + "/module.mjs");
}

// The first TypeScript compile of the process: runs first (registered first), once.
void load_typescript_first_in_process(benchmark::State &state) {
	if (!has_typescript())
		return state.SkipWithError("no typescript (NODE_BENCHMARK_TYPESCRIPT)");
	const std::filesystem::path file = scratch / "first.ts";
	std::filesystem::copy_file(modules + "/module.ts", file,
	                           std::filesystem::copy_options::overwrite_existing);
	load_and_clear(state, file.string());
}

// A file loaded for the first time (a new name and text before each load, as after an edit), so
// that V8 compiles it from scratch: V8 keeps the compiled code of a text it has seen, which a
// CommonJS file loaded again after a clear reuses and an ES module's new instance does not.
void load_new_file(benchmark::State &state, const std::string &original, const std::string &extension) {
	std::ifstream in(modules + "/" + original);
	const std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
	long version = 0;
	CpuCounter cpu(state); // the file writes count too: they are the same for both kinds
	for (auto _ : state) {
		state.PauseTiming();
		const std::string file = (scratch / ("new_" + std::to_string(++version) + extension)).string();
		std::ofstream(file, std::ios::trunc) << source << "// version " << version << "\n";
		const char *paths[] = {file.c_str()};
		state.ResumeTiming();
		void *handle = nullptr;
		if (metacall_load_from_file("node", paths, 1, &handle) != 0)
			return state.SkipWithError(("cannot load " + file).c_str());
		metacall_clear(handle);
	}
}

void load_commonjs_new_file(benchmark::State &state) {
	load_new_file(state, "module.cjs", ".cjs");
}

void load_es_module_new_file(benchmark::State &state) {
	load_new_file(state, "module.mjs", ".mjs");
}

void load_commonjs(benchmark::State &state) {
	load_and_clear(state, modules + "/module.cjs");
}

void load_es_module(benchmark::State &state) {
	load_and_clear(state, modules + "/module.mjs");
}

void load_typescript_cached(benchmark::State &state) {
	if (!has_typescript())
		return state.SkipWithError("no typescript (NODE_BENCHMARK_TYPESCRIPT)");
	const std::string file = modules + "/module.ts";
	const char *paths[] = {file.c_str()};
	void *handle = nullptr; // a load before the timed ones fills the cache
	if (metacall_load_from_file("node", paths, 1, &handle) != 0)
		return state.SkipWithError("cannot load module.ts");
	metacall_clear(handle);
	load_and_clear(state, file);
}

// A TypeScript file changed before each load: compiled again (the compiler already loaded).
void load_typescript_changed(benchmark::State &state) {
	if (!has_typescript())
		return state.SkipWithError("no typescript (NODE_BENCHMARK_TYPESCRIPT)");
	std::ifstream in(modules + "/module.ts");
	const std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
	const std::string file = (scratch / "changed.ts").string();
	const char *paths[] = {file.c_str()};
	long version = 0;
	for (auto _ : state) {
		state.PauseTiming();
		std::ofstream(file, std::ios::trunc) << source << "// version " << ++version << "\n";
		state.ResumeTiming();
		void *handle = nullptr;
		if (metacall_load_from_file("node", paths, 1, &handle) != 0)
			return state.SkipWithError("cannot load the changed TypeScript file");
		metacall_clear(handle);
	}
}

BENCHMARK(load_typescript_first_in_process)
    ->Iterations(1)
    ->Repetitions(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(load_commonjs_new_file)->Iterations(300)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(load_es_module_new_file)->Iterations(300)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(load_commonjs)->Iterations(300)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(load_es_module)->Iterations(300)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(load_typescript_cached)->Iterations(300)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(node_require_alone)->Iterations(3)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(node_import_alone)->Iterations(3)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(load_typescript_changed)->Iterations(10)->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv) {
	std::random_device random;
	scratch = std::filesystem::temp_directory_path() / ("metacall_module_load_" + std::to_string(random()));
	std::filesystem::create_directories(scratch);
	if (const char *typescript = std::getenv("NODE_BENCHMARK_TYPESCRIPT"))
		setenv("METACALL_TYPESCRIPT", typescript, 1);
	setenv("METACALL_NODE_TS_CACHE", (scratch / "cache").c_str(), 1);
	if (metacall_initialize() != 0 ||
	    metacall_load_from_memory("node", raw_node_script, std::strlen(raw_node_script), nullptr) != 0)
		return 1;
	benchmark::Initialize(&argc, argv);
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	metacall_destroy();
	std::error_code ignored;
	std::filesystem::remove_all(scratch, ignored);
	return 0;
}
