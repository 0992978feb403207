// Async: metacall_await / metacallfv_await_s on a function that is not async run the matching
// callback at once with the call's result, and return a future settled by the callback.
#include "await_probe.h"

#include "../support/error_text.h"
#include "../support/host_add.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <thread>

using async_test::AwaitProbe;
using async_test::Outcome;
using async_test::outcome_of;
using core_test::own;

namespace {

void *always_fails(size_t, void *[], void *) {
	return metacall_error_throw("HostError", 12, nullptr, "always fails");
}

} // namespace

class AwaitCall : public core_test::RuntimeTest {
protected:
	void SetUp() override {
		RuntimeTest::SetUp();
		ASSERT_EQ(core_test::register_add("add", &add_func), 0);
		ASSERT_EQ(metacall_register("always_fails", always_fails, nullptr, METACALL_NULL, 0), 0);
	}

	void *add_func = nullptr;
	core_test::Value two = own(metacall_value_create_int(2));
	core_test::Value three = own(metacall_value_create_int(3));
	void *args[2] = {two.get(), three.get()};
};

TEST_F(AwaitCall, NonAsyncFunctionRunsResolveAtOnce) {
	AwaitProbe probe;
	auto chained = own(metacall_await("add", args, AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe));
	ASSERT_NE(chained.get(), nullptr) << core_test::last_error_message().value_or("no error");
	EXPECT_EQ(probe.resolve_runs, 1);
	EXPECT_EQ(probe.reject_runs, 0);
	EXPECT_EQ(probe.thread, std::this_thread::get_id());
	EXPECT_EQ(metacall_value_to_int(probe.received.get()), 5);
}

TEST_F(AwaitCall, ReturnedFutureSettlesWithTheCallbackReturn) {
	AwaitProbe probe;
	probe.resolve_reply = [](void *v) { return metacall_value_create_int(metacall_value_to_int(v) + 100); };
	auto chained = own(metacall_await("add", args, AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe));
	ASSERT_NE(chained.get(), nullptr);
	ASSERT_EQ(metacall_value_id(chained.get()), METACALL_FUTURE);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 105);
}

TEST_F(AwaitCall, FunctionReturningAThrowableRunsReject) {
	AwaitProbe probe;
	auto chained =
	    own(metacall_await("always_fails", nullptr, AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe));
	ASSERT_NE(chained.get(), nullptr);
	EXPECT_EQ(probe.reject_runs, 1);
	EXPECT_EQ(probe.resolve_runs, 0);
	auto fields = core_test::error_fields(probe.received.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "HostError");
	EXPECT_EQ(fields->code, 12);
}

TEST_F(AwaitCall, ArgumentTypeErrorRunsReject) {
	auto text = own(metacall_value_create_string("abc", 3));
	void *bad_args[] = {text.get(), three.get()};
	AwaitProbe probe;
	auto chained =
	    own(metacall_await("add", bad_args, AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe));
	ASSERT_NE(chained.get(), nullptr);
	EXPECT_EQ(probe.reject_runs, 1);
	auto fields = core_test::error_fields(probe.received.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "TypeError");
}

TEST_F(AwaitCall, NullCallbacksPassTheResultThrough) {
	auto chained = own(metacall_await("add", args, nullptr, nullptr, nullptr));
	ASSERT_NE(chained.get(), nullptr);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Resolved);
	EXPECT_EQ(metacall_value_to_int(o.value.get()), 5);
}

TEST_F(AwaitCall, NullCallbacksPassAThrowableThroughAsRejection) {
	auto chained = own(metacall_await("always_fails", nullptr, nullptr, nullptr, nullptr));
	ASSERT_NE(chained.get(), nullptr);
	Outcome o = outcome_of(chained.get());
	ASSERT_EQ(o.state, Outcome::Rejected);
	auto fields = core_test::error_fields(o.value.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->message, "always fails");
}

TEST_F(AwaitCall, UnknownNameReturnsNullNamingItAndRunsNoCallback) {
	AwaitProbe probe;
	metacall_error_clear();
	EXPECT_EQ(metacall_await("no_such_function", args, AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe),
	          nullptr);
	EXPECT_TRUE(core_test::LastErrorContains("no_such_function"));
	EXPECT_EQ(probe.runs(), 0);
}

TEST_F(AwaitCall, MetacallfvAwaitSRunsResolveAtOnce) {
	AwaitProbe probe;
	auto chained =
	    own(metacallfv_await_s(add_func, args, 2, AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe));
	ASSERT_NE(chained.get(), nullptr);
	EXPECT_EQ(probe.resolve_runs, 1);
	EXPECT_EQ(metacall_value_to_int(probe.received.get()), 5);
}

TEST_F(AwaitCall, MetacallfvAwaitSWithWrongCountRunsReject) {
	AwaitProbe probe;
	auto chained =
	    own(metacallfv_await_s(add_func, args, 1, AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe));
	ASSERT_NE(chained.get(), nullptr);
	EXPECT_EQ(probe.reject_runs, 1);
	auto fields = core_test::error_fields(probe.received.get());
	ASSERT_TRUE(fields.has_value());
	EXPECT_EQ(fields->label, "TypeError");
}

TEST_F(AwaitCall, MetacallfvAwaitSOfNullFunctionReturnsNull) {
	AwaitProbe probe;
	metacall_error_clear();
	EXPECT_EQ(metacallfv_await_s(nullptr, args, 2, AwaitProbe::on_resolve, AwaitProbe::on_reject, &probe),
	          nullptr);
	EXPECT_TRUE(core_test::last_error_message().has_value());
	EXPECT_EQ(probe.runs(), 0);
}
