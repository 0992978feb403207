// Lifetimes: metacall::runtime and metacall::destroy, and how long the callables of C++ host
// functions live (until the runtime lifetime that registered them ends).
#include "cpp_api_test.h"

#include <memory>

namespace {

// Tests here manage the runtime themselves.
class Lifetime : public ::testing::Test {
protected:
	void TearDown() override { metacall::destroy(); }
};

} // namespace

TEST_F(Lifetime, RuntimeGuardInitializesAndDestroys) {
	{
		metacall::runtime runtime;
		EXPECT_EQ(metacall_is_initialized(nullptr), 0);
	}
	EXPECT_NE(metacall_is_initialized(nullptr), 0);
}

TEST_F(Lifetime, CallablesLiveUntilTheRuntimeIsDestroyed) {
	auto token = std::make_shared<int>(1);
	{
		metacall::runtime runtime;
		metacall::function::from([token](long x) { return x + *token; });
		metacall::register_function("named", [token](long x) { return x; });
		EXPECT_EQ(token.use_count(), 3); // the function objects are gone, the functions are not
		EXPECT_EQ(metacall::call<long>("named", 1L), 1);
	}
	EXPECT_EQ(token.use_count(), 1);
}

TEST_F(Lifetime, DestroyReleasesTheCallables) {
	ASSERT_EQ(metacall_initialize(), 0);
	auto token = std::make_shared<int>(1);
	metacall::register_function("named", [token]() { return 1; });
	metacall::destroy();
	EXPECT_EQ(token.use_count(), 1);
}

TEST_F(Lifetime, CallablesOfARuntimeDestroyedThroughTheCApiAreReleasedByTheNextRegistration) {
	auto token = std::make_shared<int>(1);
	ASSERT_EQ(metacall_initialize(), 0);
	metacall::register_function("named", [token]() { return 1; });
	metacall_destroy(); // the C++ layer is not told...
	ASSERT_EQ(metacall_initialize(), 0);
	EXPECT_EQ(token.use_count(), 2);
	metacall::register_function("named", []() { return 2; }); // ...and notices here
	EXPECT_EQ(token.use_count(), 1);
	EXPECT_EQ(metacall::call<int>("named"), 2);
}

TEST_F(Lifetime, NamedFunctionsAreRegisteredAgainInLaterRuntimeLifetimes) {
	for (int round = 0; round < 3; ++round) {
		metacall::runtime runtime;
		for (int i = 0; i < 200; ++i)
			metacall::register_function("f" + std::to_string(i), [round, i]() { return 1000 * round + i; });
		EXPECT_EQ(metacall::call<int>("f199"), 1000 * round + 199); // this lifetime's callable
	}
}

TEST_F(Lifetime, MoreThan256NamedFunctionsInOneLifetime) {
	metacall::runtime runtime;
	const int count = 300; // beyond the 256 that an older version of this header allowed
	for (int i = 0; i < count; ++i)
		metacall::register_function("f" + std::to_string(i), [i](long x) { return x + i; });
	EXPECT_EQ(metacall::call<long>("f" + std::to_string(count - 1), 1L), count);
	EXPECT_EQ(metacall::call<long>("f0", 1L), 1);
}

TEST_F(Lifetime, FailedRegistrationReleasesTheCallableAtOnce) {
	metacall::runtime runtime;
	metacall::register_function("taken", []() { return 1; });
	auto token = std::make_shared<int>(1);
	EXPECT_THROW(metacall::register_function("taken", [token]() { return 2; }), metacall::error);
	EXPECT_EQ(token.use_count(), 1);
	EXPECT_EQ(metacall::call<int>("taken"), 1);
}

TEST_F(Lifetime, DestroyRefusedInsideACallKeepsTheCallables) {
	metacall::runtime runtime;
	auto script = metacall::handle::load_from_memory("mock", cpp_api_test::mock_script);
	metacall::function destroys = metacall::function::from([](long x) {
		metacall::destroy(); // refused by metacall_destroy: the script's call is in progress
		return x;
	});
	EXPECT_EQ(script.call<long>("call", destroys, 1L), 1);
	EXPECT_EQ(metacall_is_initialized(nullptr), 0);
	EXPECT_EQ(script.call<long>("call", destroys, 2L), 2); // its callable is still there
}

TEST_F(Lifetime, FunctionObjectOutlivingTheRuntimeThrowsWhenCalled) {
	std::optional<metacall::function> kept;
	{
		metacall::runtime runtime;
		kept = metacall::function::from([](long x) { return x; });
	}
	EXPECT_THROW(kept->call<long>(1L), metacall::error);
	metacall::runtime again;
	EXPECT_THROW(kept->call<long>(1L), metacall::error); // unloaded for good, not revived
}

TEST_F(Lifetime, ValuesOutliveTheRuntime) {
	metacall::value kept;
	{
		metacall::runtime runtime;
		kept = metacall::value::from(std::vector<std::string>{"still", "here"});
	}
	EXPECT_EQ(kept.to<std::vector<std::string>>(), (std::vector<std::string>{"still", "here"}));
}
