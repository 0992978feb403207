// Stress and lifecycle, with the real loaders (node and py): many threads calling JavaScript and
// Python at once through callbacks that re-enter across the languages while another thread loads,
// inspects and clears handles; clear and destroy with calls in flight; a hundred start-stop cycles
// of each loader. Every test runs under a watchdog: a hang fails it (and ends the process), and the
// sanitizer build's LeakSanitizer fails a leak.
#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;

// Fails and ends the process when `body` does not finish within `limit`: a deadlocked thread
// cannot be recovered.
void within(std::chrono::seconds limit, const std::function<void()> &body) {
	std::packaged_task<void()> task(body);
	std::future<void> done = task.get_future();
	std::thread runner(std::move(task));
	if (done.wait_for(limit) != std::future_status::ready) {
		std::fprintf(stderr, "stress: did not finish within %lld s: a hang\n",
		             static_cast<long long>(limit.count()));
		std::fflush(nullptr);
		std::_Exit(1);
	}
	runner.join();
	done.get();
}

std::string last_error() {
	metacall_exception_type error{};
	return metacall_error_last(&error) == 0 ? std::string(error.label) + ": " + error.message : "(none)";
}

// A call's result as a number (JS numbers are doubles, Python ints longs); NAN-like -1e300 when it
// is not a number. Destroys the result.
double number_of(void *result) {
	double number = -1e300;
	if (result == nullptr)
		return number;
	switch (metacall_value_id(result)) {
	case METACALL_LONG:
		number = static_cast<double>(metacall_value_to_long(result));
		break;
	case METACALL_DOUBLE:
		number = metacall_value_to_double(result);
		break;
	case METACALL_INT:
		number = metacall_value_to_int(result);
		break;
	default:
		break;
	}
	metacall_value_destroy(result);
	return number;
}

constexpr const char kJs[] = R"(
function js_add(a, b) { return a + b; }
function js_add_one(x) { return x + 1; }
function js_calls_back(f, x) { return f(x) + 1; }
module.exports = { js_add, js_add_one, js_calls_back };
)";

constexpr const char kPy[] = R"(
def py_add(a, b):
    return a + b

def py_add_one(x):
    return x + 1

def py_calls_back(f, x):
    return f(x) + 1

def py_bounce(js_calls_back, f, x):
    return js_calls_back(f, x) + 1
)";

class Stress : public ::testing::Test {
protected:
	void SetUp() override {
		ASSERT_EQ(metacall_initialize(), 0);
		ASSERT_EQ(metacall_load_from_memory("node", kJs, sizeof kJs - 1, nullptr), 0) << last_error();
		ASSERT_EQ(metacall_load_from_memory("py", kPy, sizeof kPy - 1, nullptr), 0) << last_error();
	}
	void TearDown() override { metacall_destroy(); }

	static void *function(const char *name) {
		return metacall_value_create_function(metacall_function(name));
	}
};

// 8 threads, each calling both languages directly and through callbacks that cross back (C -> Py
// -> JS, C -> JS -> Py, C -> Py -> JS -> Py), while another thread loads, inspects and clears.
TEST_F(Stress, EightThreadsCallAcrossLanguagesWhileAnotherLoadsInspectsAndClears) {
	// The callers go on past kRounds until the churn thread has done a few loads and clears: on a
	// loaded machine its first load (queued behind the callers' calls) can take longer than all
	// the rounds, and the test would not have interleaved anything.
	constexpr int kThreads = 8, kRounds = 150, kMinChurns = 3;
	std::atomic<int> wrong{0}, churned{0};
	std::atomic<bool> calling{true};
	std::string first_wrong;
	std::mutex first_wrong_mutex;
	auto report = [&](const std::string &what) {
		if (++wrong == 1) {
			std::lock_guard lock(first_wrong_mutex);
			first_wrong = what + " (last error: " + last_error() + ")";
		}
	};
	within(120s, [&] {
		std::thread churn([&] {
			for (int i = 0; calling.load(); ++i) {
				const std::string js = "module.exports = { churn_js_" + std::to_string(i) + ": () => " +
				                       std::to_string(i) + " };";
				const std::string py =
				    "def churn_py_" + std::to_string(i) + "():\n    return " + std::to_string(i) + "\n";
				void *js_handle = nullptr, *py_handle = nullptr;
				if (metacall_load_from_memory("node", js.data(), js.size(), &js_handle) != 0 ||
				    metacall_load_from_memory("py", py.data(), py.size(), &py_handle) != 0) {
					report("churn load " + std::to_string(i));
					continue;
				}
				if (char *json = metacall_inspect(nullptr, nullptr))
					std::free(json);
				else
					report("inspect");
				if (metacall_clear(js_handle) != 0 || metacall_clear(py_handle) != 0)
					report("churn clear " + std::to_string(i));
				++churned;
			}
		});
		std::vector<std::thread> threads;
		for (int t = 0; t < kThreads; ++t)
			threads.emplace_back([&, t] {
				void *js_add_one = function("js_add_one");
				void *py_add_one = function("py_add_one");
				void *js_calls_back = function("js_calls_back");
				for (int i = 0; i < kRounds || (churned.load() < kMinChurns && wrong.load() == 0); ++i) {
					const long x = t * 1000 + i;
					void *pair[] = {metacall_value_create_long(x), metacall_value_create_long(t)};
					if (number_of(metacallv_s("js_add", pair, 2)) != x + t)
						report("js_add");
					if (number_of(metacallv_s("py_add", pair, 2)) != x + t)
						report("py_add");
					metacall_value_destroy(pair[0]);
					metacall_value_destroy(pair[1]);
					void *py_then_js[] = {js_add_one, metacall_value_create_long(x)};
					if (number_of(metacallv_s("py_calls_back", py_then_js, 2)) != x + 2)
						report("py -> js");
					metacall_value_destroy(py_then_js[1]);
					void *js_then_py[] = {py_add_one, metacall_value_create_long(x)};
					if (number_of(metacallv_s("js_calls_back", js_then_py, 2)) != x + 2)
						report("js -> py");
					metacall_value_destroy(js_then_py[1]);
					void *bounce[] = {js_calls_back, py_add_one, metacall_value_create_long(x)};
					if (number_of(metacallv_s("py_bounce", bounce, 3)) != x + 3)
						report("py -> js -> py");
					metacall_value_destroy(bounce[2]);
				}
				metacall_value_destroy(js_add_one);
				metacall_value_destroy(py_add_one);
				metacall_value_destroy(js_calls_back);
			});
		for (std::thread &thread : threads)
			thread.join();
		calling = false;
		churn.join();
	});
	EXPECT_EQ(wrong.load(), 0) << first_wrong;
	EXPECT_GE(churned.load(), kMinChurns);
}

// Clearing a handle while threads call its functions: every call either gives the right result or,
// once the handle is gone, fails cleanly (NULL with an error, or a throwable).
TEST_F(Stress, ClearWithCallsInFlightEndsThemCleanly) {
	for (const char *tag : {"node", "py"}) {
		const std::string source = std::string(tag) == "node" ? "module.exports = { doomed: (x) => x * 2 };"
		                                                      : "def doomed(x):\n    return x * 2\n";
		void *handle = nullptr;
		ASSERT_EQ(metacall_load_from_memory(tag, source.data(), source.size(), &handle), 0) << last_error();
		std::atomic<int> right{0}, refused{0}, wrong{0};
		within(60s, [&] {
			std::vector<std::thread> threads;
			for (int t = 0; t < 4; ++t)
				threads.emplace_back([&] {
					for (int i = 0; i < 2000; ++i) {
						void *arg = metacall_value_create_long(i);
						void *result = metacallhv_s(handle, "doomed", &arg, 1);
						metacall_value_destroy(arg);
						if (result == nullptr || metacall_value_id(result) == METACALL_THROWABLE) {
							metacall_value_destroy(result);
							++refused;
						} else if (number_of(result) == 2.0 * i) {
							++right;
						} else {
							++wrong;
						}
					}
				});
			std::this_thread::sleep_for(5ms);
			EXPECT_EQ(metacall_clear(handle), 0) << tag << ": " << last_error();
			for (std::thread &thread : threads)
				thread.join();
		});
		EXPECT_EQ(wrong.load(), 0) << tag;
		EXPECT_EQ(right.load() + refused.load(), 4 * 2000) << tag;
	}
}

// metacall_destroy while threads call JS and Python: the calls end (right result, or NULL once the
// runtime is gone), nothing hangs or crashes.
TEST_F(Stress, DestroyWithCallsInFlightEndsThemCleanly) {
	std::atomic<int> wrong{0};
	std::atomic<bool> started{false};
	within(60s, [&] {
		std::vector<std::thread> threads;
		for (int t = 0; t < 4; ++t)
			threads.emplace_back([&, t] {
				for (int i = 0; i < 3000; ++i) {
					void *pair[] = {metacall_value_create_long(i), metacall_value_create_long(1)};
					void *result = metacallv_s(t % 2 == 0 ? "js_add" : "py_add", pair, 2);
					metacall_value_destroy(pair[0]);
					metacall_value_destroy(pair[1]);
					started = true;
					if (result == nullptr || metacall_value_id(result) == METACALL_THROWABLE)
						metacall_value_destroy(result); // refused: the runtime is going or gone
					else if (number_of(result) != i + 1)
						++wrong;
				}
			});
		while (!started.load())
			std::this_thread::sleep_for(1ms);
		std::this_thread::sleep_for(20ms);
		metacall_destroy();
		for (std::thread &thread : threads)
			thread.join();
	});
	EXPECT_EQ(wrong.load(), 0);
}

// A hundred start-stop cycles of each loader: initialize -> load -> call -> destroy.
TEST(StressLifecycle, AHundredCyclesOfEachLoader) {
	for (const char *tag : {"py", "node"}) {
		const std::string source = std::string(tag) == "node" ? "module.exports = { cycle: (x) => x + 1 };"
		                                                      : "def cycle(x):\n    return x + 1\n";
		within(300s, [&] {
			for (int i = 0; i < 100; ++i) {
				ASSERT_EQ(metacall_initialize(), 0);
				ASSERT_EQ(metacall_load_from_memory(tag, source.data(), source.size(), nullptr), 0)
				    << tag << " cycle " << i << ": " << last_error();
				void *arg = metacall_value_create_long(i);
				EXPECT_EQ(number_of(metacallv_s("cycle", &arg, 1)), i + 1) << tag << " cycle " << i;
				metacall_value_destroy(arg);
				metacall_destroy();
			}
		});
	}
}

} // namespace
