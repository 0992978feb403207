// Objects across languages, many times over: a Python object sent through JavaScript and back, and
// a JavaScript object sent through Python and back, a million times each (a hundred thousand
// under the sanitizers), keep their identity every time and do not grow memory: each side holds
// the other's object only while its garbage collector keeps the proxy. A host object handed to
// both languages is released once neither holds it. Threads share one Python and one JS object.
#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr long kRounds = 100000;
#else
constexpr long kRounds = 1000000;
#endif

constexpr const char kJs[] = R"(
class Box {}
class Tally {
  constructor() { this.count = 0; }
  add(n) { this.count += n; return this.count; }
}
let held = null;
module.exports = {
  js_echo: (x) => x,
  js_bounce(py_echo, n) {
    const box = new Box();
    for (let i = 0; i < n; ++i)
      if (py_echo(box) !== box) throw new Error('round ' + i + ' gave another object');
    return n;
  },
  js_hold: (x) => { held = x; return Object.keys(x).length; },
  js_drop: () => { held = null; },
  js_tally: () => new Tally(),
};
)";

constexpr const char kPy[] = R"(
class Box:
    pass

def py_echo(x):
    return x

def py_bounce(js_echo, n):
    box = Box()
    for i in range(n):
        if js_echo(box) is not box:
            raise AssertionError("round %d gave another object" % i)
    return n

def py_touch(o):
    return o.health

class Tally:
    def __init__(self):
        self.count = 0

    def add(self, n):
        self.count += n
        return self.count

def py_tally():
    return Tally()
)";

std::string last_error() {
	metacall_exception_type error{};
	return metacall_error_last(&error) == 0 ? std::string(error.label) + ": " + error.message : "(none)";
}

long resident_kib() {
	long pages = 0, resident = 0;
	if (FILE *statm = std::fopen("/proc/self/statm", "r")) {
		if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2)
			resident = 0;
		std::fclose(statm);
	}
	return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

class ObjectsLifetime : public ::testing::Test {
protected:
	void SetUp() override {
		ASSERT_EQ(metacall_initialize(), 0) << last_error();
		ASSERT_EQ(metacall_load_from_memory("node", kJs, sizeof kJs, nullptr), 0) << last_error();
		ASSERT_EQ(metacall_load_from_memory("py", kPy, sizeof kPy, nullptr), 0) << last_error();
	}
	void TearDown() override { metacall_destroy(); }

	// bouncer(echo, n) in one language with the other's echo; its result must be n.
	void bounce(const char *bouncer, const char *echo, long n) {
		void *args[] = {metacall_value_create_function(metacall_function(echo)),
		                metacall_value_create_long(n)};
		void *result = metacallv_s(bouncer, args, 2);
		ASSERT_NE(result, nullptr) << last_error();
		metacall_exception_type error{};
		const bool threw = metacall_value_id(result) == METACALL_THROWABLE;
		EXPECT_FALSE(threw) << (metacall_error_from_value(result, &error) == 0 ? error.message : "");
		metacall_value_destroy(result);
		metacall_value_destroy(args[0]);
		metacall_value_destroy(args[1]);
	}

	// Rounds after a warm-up of a tenth as many; the growth of resident memory in KiB.
	long growth(const char *bouncer, const char *echo) {
		bounce(bouncer, echo, kRounds / 10);
		const long before = resident_kib();
		bounce(bouncer, echo, kRounds);
		return resident_kib() - before;
	}
};

// ASan keeps freed memory in quarantine, so RSS tells nothing there: LeakSanitizer checks instead.
void expect_flat(long grown_kib) {
#if defined(__SANITIZE_ADDRESS__)
	(void)grown_kib;
#else
	EXPECT_LT(grown_kib, 16 * 1024);
#endif
}

TEST_F(ObjectsLifetime, APythonObjectThroughJavaScriptKeepsItsIdentityAndMemoryStaysFlat) {
	const long grown = growth("py_bounce", "js_echo");
	std::printf("python object through JS: %ld rounds, RSS %+ld KiB\n", kRounds, grown);
	expect_flat(grown);
}

TEST_F(ObjectsLifetime, AJavaScriptObjectThroughPythonKeepsItsIdentityAndMemoryStaysFlat) {
	const long grown = growth("js_bounce", "py_echo");
	std::printf("JS object through Python: %ld rounds, RSS %+ld KiB\n", kRounds, grown);
	expect_flat(grown);
}

// A host object: health 100; counts its releases.
int released = 0;
void *health_get(void *, const char *key) {
	return std::strcmp(key, "health") == 0 ? metacall_value_create_long(100) : nullptr;
}
void *health_keys(void *) {
	const void *names[] = {metacall_value_create_string("health", 6)};
	return metacall_value_create_array(names, 1);
}
void count_release(void *) {
	++released;
}
const metacall_object_interface kHealth = {health_get, nullptr, nullptr, health_keys,
                                           nullptr,    nullptr, nullptr, count_release};

TEST_F(ObjectsLifetime, AHostObjectIsReleasedOnceNeitherLanguageHoldsIt) {
	released = 0;
	void *host = metacall_value_create_host_object("Player", &kHealth, nullptr);
	void *args[] = {host};
	void *touched = metacallv_s("py_touch", args, 1);
	ASSERT_EQ(metacall_value_id(touched), METACALL_LONG) << metacall_value_type_name(touched);
	EXPECT_EQ(metacall_value_to_long(touched), 100);
	metacall_value_destroy(touched);
	void *held = metacallv_s("js_hold", args, 1);
	ASSERT_NE(held, nullptr) << last_error();
	metacall_value_destroy(held);
	metacall_value_destroy(host);
	EXPECT_EQ(released, 0); // JavaScript holds it
	metacall_value_destroy(metacallv_s("js_drop", nullptr, 0));
	metacall_destroy(); // whatever JavaScript's collector had not collected goes with its runtime
	EXPECT_EQ(released, 1);
	ASSERT_EQ(metacall_initialize(), 0); // TearDown destroys again
}

// Four threads call methods of, read and write one Python and one JS object at once; every
// addition lands (Python runs them under the GIL, Node on its own thread).
TEST_F(ObjectsLifetime, ThreadsShareOneObjectOfEachLanguage) {
	constexpr int kThreads = 4, kCalls = 2000;
	for (const char *maker : {"py_tally", "js_tally"}) {
		void *tally = metacallv_s(maker, nullptr, 0);
		ASSERT_EQ(metacall_value_id(tally), METACALL_OBJECT) << maker << ": " << last_error();
		void *self = metacall_value_to_object(tally);
		std::vector<std::thread> threads;
		for (int t = 0; t < kThreads; ++t)
			threads.emplace_back([self] {
				void *one = metacall_value_create_long(1);
				for (int i = 0; i < kCalls; ++i) {
					metacall_value_destroy(metacallv_object(self, "add", &one, 1));
					metacall_value_destroy(metacall_object_get(self, "count"));
				}
				metacall_value_destroy(one);
			});
		for (std::thread &thread : threads)
			thread.join();
		void *count = metacall_object_get(self, "count");
		const double total = metacall_value_id(count) == METACALL_LONG ? metacall_value_to_long(count)
		                                                               : metacall_value_to_double(count);
		EXPECT_EQ(total, kThreads * kCalls) << maker;
		metacall_value_destroy(count);
		metacall_value_destroy(tally);
	}
}

} // namespace
