// Async: a callback may use the API freely, settling other futures, awaiting again, calling
// functions, without deadlocking (a deadlock ends the test process with "DEADLOCK").
#include "await_probe.h"

#include "../support/deadline.h"
#include "../support/host_add.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

using async_test::AwaitProbe;
using async_test::Outcome;
using async_test::outcome_of;
using core_test::own;
using core_test::run_with_deadline;

using CallbackReentrancy = core_test::RuntimeTest;

TEST_F(CallbackReentrancy, CallbackMaySettleAnotherFuture) {
	auto first = own(metacall_future_create());
	auto second = own(metacall_future_create());
	auto settle_second = [](void *result, void *data) -> void * {
		metacall_future_resolve(data, metacall_value_create_int(metacall_value_to_int(result) + 1));
		return nullptr;
	};
	auto chained = own(metacall_await_future(first.get(), settle_second, nullptr, second.get()));
	ASSERT_NE(chained.get(), nullptr);
	run_with_deadline("resolving from inside a callback",
	                  [&] { metacall_future_resolve(first.get(), metacall_value_create_int(1)); });
	Outcome o = outcome_of(second.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 2);
}

TEST_F(CallbackReentrancy, CallbackMayAwaitTheFutureItCameFrom) {
	auto future = own(metacall_future_create());
	struct Context {
		void *future;
		AwaitProbe inner;
		void *inner_chained = nullptr;
	} context{future.get(), {}, nullptr};
	auto await_again = [](void *, void *data) -> void * {
		auto *ctx = static_cast<Context *>(data);
		ctx->inner_chained =
		    metacall_await_future(ctx->future, AwaitProbe::on_resolve, AwaitProbe::on_reject, &ctx->inner);
		return nullptr;
	};
	auto chained = own(metacall_await_future(future.get(), await_again, nullptr, &context));
	run_with_deadline("awaiting a future from inside its own callback",
	                  [&] { metacall_future_resolve(future.get(), metacall_value_create_int(5)); });
	auto inner_chained = own(context.inner_chained);
	ASSERT_TRUE(context.inner.ran.wait());
	EXPECT_EQ(context.inner.resolve_runs, 1);
	EXPECT_EQ(metacall_value_to_int(context.inner.received.get()), 5);
}

TEST_F(CallbackReentrancy, CallbackMayCallAFunction) {
	ASSERT_EQ(core_test::register_add("add"), 0);
	auto future = own(metacall_future_create());
	auto call_add = [](void *result, void *) -> void * {
		void *args[] = {result, result};
		return metacallv_s("add", args, 2);
	};
	auto chained = own(metacall_await_future(future.get(), call_add, nullptr, nullptr));
	run_with_deadline("calling a function from inside a callback",
	                  [&] { metacall_future_resolve(future.get(), metacall_value_create_int(21)); });
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 42);
}

TEST_F(CallbackReentrancy, CallbackMayDestroyTheLastValueOfItsFuture) {
	void *future = metacall_future_create();
	void *settler = metacall_value_copy(future);
	auto drop_future = [](void *, void *data) -> void * {
		metacall_value_destroy(data);
		return nullptr;
	};
	auto chained = own(metacall_await_future(future, drop_future, nullptr, future));
	run_with_deadline("destroying a future's value from inside its callback", [&] {
		metacall_future_resolve(settler, metacall_value_create_int(1));
		metacall_value_destroy(settler);
	});
	EXPECT_EQ(outcome_of(chained.get()).state, Outcome::Resolved); // AddressSanitizer checks the rest
}
