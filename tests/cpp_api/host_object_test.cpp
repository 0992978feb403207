// C++ API tests: metacall::host_object, the C++ class a host derives from to hand scripts an
// object of its own (checked here through the C object calls; the loaders' tests use it from JS
// and Python).
#include "cpp_api_test.h"

#include <atomic>
#include <memory>

namespace {

std::atomic<int> players_alive{0};

struct player : metacall::host_object {
	player() { ++players_alive; }
	~player() override { --players_alive; }

	long health = 100;

	std::string class_name() const override { return "Player"; }
	std::optional<metacall::value> get(std::string_view key) override {
		if (key == "health")
			return metacall::value::from(health);
		return std::nullopt;
	}
	void set(std::string_view key, const metacall::value &v) override {
		if (key != "health")
			host_object::set(key, v);
		health = v.to<long>();
	}
	metacall::value call(std::string_view method, const std::vector<void *> &args) override {
		if (method == "heal" && args.size() == 1) {
			health += metacall::value::copy_of(args[0]).to<long>();
			return metacall::value::from(health);
		}
		return host_object::call(method, args);
	}
	std::vector<std::string> keys() override { return {"health"}; }
	std::vector<std::string> methods() override { return {"heal"}; }
};

using HostObject = cpp_api_test::CppApi;

} // namespace

TEST_F(HostObject, ReadsWritesAndCallsThroughTheOverrides) {
	auto hero = std::make_shared<player>();
	metacall::value object = metacall::host_object_value(hero);
	void *self = metacall_value_to_object(object.get());
	EXPECT_STREQ(metacall_object_class_name(self), "Player");
	EXPECT_EQ(metacall::value(metacall_object_get(self, "health")).to<long>(), 100);
	metacall::value five = metacall::value::from(5L);
	EXPECT_EQ(metacall_object_set(self, "health", five.get()), 0);
	EXPECT_EQ(hero->health, 5);
	void *args[] = {five.get()};
	EXPECT_EQ(metacall::value(metacallv_object(self, "heal", args, 1)).to<long>(), 10);
}

TEST_F(HostObject, WhatAnOverrideThrowsIsTheScriptsError) {
	metacall::value object = metacall::host_object_value(std::make_shared<player>());
	metacall::value name = metacall::value::from("x");
	EXPECT_NE(metacall_object_set(metacall_value_to_object(object.get()), "name", name.get()), 0);
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0);
	EXPECT_STREQ(error.label, "TypeError");
	metacall::value result(metacallv_object(metacall_value_to_object(object.get()), "jump", nullptr, 0));
	ASSERT_EQ(result.type(), METACALL_THROWABLE);
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_STREQ(error.label, "AttributeError");
}

TEST_F(HostObject, KeysAreAttributesThenMethods) {
	metacall::value object = metacall::host_object_value(std::make_shared<player>());
	auto keys = metacall::value(metacall_object_keys(metacall_value_to_object(object.get())))
	                .to<std::vector<std::string>>();
	EXPECT_EQ(keys, (std::vector<std::string>{"health", "heal"}));
}

TEST_F(HostObject, TheLastValueDropsTheObject) {
	{
		metacall::value object = metacall::host_object_value(std::make_shared<player>());
		metacall::value copy = object.copy();
		EXPECT_EQ(players_alive.load(), 1);
	}
	EXPECT_EQ(players_alive.load(), 0);
}

TEST_F(HostObject, ANullObjectIsRefused) {
	EXPECT_THROW(metacall::host_object_value(nullptr), metacall::error);
}
