// Threads: every API function may be called from any thread at once. Calls from several threads
// all return the right result; registrations and inspect may run while others call.
#include "../support/host_add.h"
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

using core_test::own;

namespace {

constexpr int thread_count = 4;
constexpr int calls_per_thread = 10000;

// Calls add(t, k) for k in [0, calls) through `call`; returns how many results were wrong.
template <typename Call>
int wrong_results(int t, int calls, Call call) {
	int wrong = 0;
	for (int k = 0; k < calls; ++k) {
		auto a = own(metacall_value_create_int(t * 1000000));
		auto b = own(metacall_value_create_int(k));
		void *args[] = {a.get(), b.get()};
		auto result = own(call(args));
		if (metacall_value_id(result.get()) != METACALL_INT ||
		    metacall_value_to_int(result.get()) != t * 1000000 + k) {
			++wrong;
		}
	}
	return wrong;
}

template <typename Body>
void run_threads(int count, Body body) {
	std::vector<std::thread> threads;
	for (int t = 0; t < count; ++t) {
		threads.emplace_back(body, t);
	}
	for (auto &thread : threads) {
		thread.join();
	}
}

} // namespace

class ConcurrentCalls : public core_test::RuntimeTest {
protected:
	void SetUp() override {
		RuntimeTest::SetUp();
		ASSERT_EQ(core_test::register_add("add", &add_func), 0);
	}

	void *add_func = nullptr;
};

TEST_F(ConcurrentCalls, FourThreadsThroughMetacallfvSAllGetTheirResults) {
	std::atomic<int> wrong{0};
	run_threads(thread_count, [&](int t) {
		wrong +=
		    wrong_results(t, calls_per_thread, [&](void **args) { return metacallfv_s(add_func, args, 2); });
	});
	EXPECT_EQ(wrong.load(), 0);
}

TEST_F(ConcurrentCalls, FourThreadsThroughMetacallvSAllGetTheirResults) {
	std::atomic<int> wrong{0};
	run_threads(thread_count, [&](int t) {
		wrong += wrong_results(t, calls_per_thread, [](void **args) { return metacallv_s("add", args, 2); });
	});
	EXPECT_EQ(wrong.load(), 0);
}

TEST_F(ConcurrentCalls, RegistrationsOnSomeThreadsWhileOthersCall) {
	constexpr int registrations_per_thread = 200;
	std::atomic<int> wrong{0};
	std::atomic<int> failed_registrations{0};
	run_threads(4, [&](int t) {
		if (t < 2) {
			for (int i = 0; i < registrations_per_thread; ++i) {
				const std::string name = "add_" + std::to_string(t) + "_" + std::to_string(i);
				if (core_test::register_add(name.c_str()) != 0) {
					++failed_registrations;
				}
			}
		} else {
			wrong += wrong_results(t, 2000, [](void **args) { return metacallv_s("add", args, 2); });
		}
	});
	EXPECT_EQ(failed_registrations.load(), 0);
	EXPECT_EQ(wrong.load(), 0);
	int missing = 0;
	for (int t = 0; t < 2; ++t) {
		for (int i = 0; i < registrations_per_thread; ++i) {
			const std::string name = "add_" + std::to_string(t) + "_" + std::to_string(i);
			auto result = own(metacall(name.c_str(), i, t));
			if (metacall_value_to_int(result.get()) != i + t) {
				++missing;
			}
		}
	}
	EXPECT_EQ(missing, 0);
}

TEST_F(ConcurrentCalls, SameNameRegisteredFromManyThreadsSucceedsOnce) {
	std::atomic<int> successes{0};
	run_threads(8, [&](int) {
		if (core_test::register_add("contested") == 0) {
			++successes;
		}
	});
	EXPECT_EQ(successes.load(), 1);
}

TEST_F(ConcurrentCalls, InspectWhileOthersCall) {
	std::atomic<int> wrong{0};
	std::atomic<int> bad_documents{0};
	run_threads(4, [&](int t) {
		if (t == 0) {
			for (int i = 0; i < 200; ++i) {
				char *text = metacall_inspect(nullptr, nullptr);
				if (text == nullptr) {
					++bad_documents;
					continue;
				}
				auto doc = nlohmann::json::parse(text, nullptr, false);
				std::free(text);
				if (doc.is_discarded() || !doc.contains("__metacall_host__")) {
					++bad_documents;
				}
			}
		} else {
			wrong += wrong_results(t, 3000, [](void **args) { return metacallv_s("add", args, 2); });
		}
	});
	EXPECT_EQ(bad_documents.load(), 0);
	EXPECT_EQ(wrong.load(), 0);
}

TEST_F(ConcurrentCalls, ErrorsStayOnTheirOwnThreadUnderLoad) {
	std::atomic<int> leaked{0};
	run_threads(4, [&](int t) {
		for (int i = 0; i < 1000; ++i) {
			metacall_error_clear();
			if (t % 2 == 0) {
				(void)metacall_value_to_int(nullptr);
				metacall_exception_type ex{};
				if (metacall_error_last(&ex) != 0) {
					++leaked; // our own error vanished
				}
			} else {
				metacall_exception_type ex{};
				if (metacall_error_last(&ex) == 0) {
					++leaked; // saw another thread's error
				}
			}
		}
	});
	EXPECT_EQ(leaked.load(), 0);
}
