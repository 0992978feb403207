// Objects: host objects and host classes (metacall_object.h) through MetaCall's class and object
// calls. A "player" with a name and health attributes and a heal(amount) method, and a "Player"
// class whose construct callback makes players; no loader is needed.
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <map>
#include <string>

using core_test::Contains;
using core_test::error_fields;
using core_test::last_error_message;
using core_test::own;

namespace {

struct Player {
	std::string name;
	long health = 100;
	int *released = nullptr; // counts releases
};

void *string_value(const std::string &text) {
	return metacall_value_create_string(text.data(), text.size());
}

void *player_get(void *data, const char *key) {
	auto *player = static_cast<Player *>(data);
	if (std::string(key) == "name")
		return string_value(player->name);
	if (std::string(key) == "health")
		return metacall_value_create_long(player->health);
	return nullptr; // not an attribute: maybe a method
}

void *player_set(void *data, const char *key, void *value) {
	auto *player = static_cast<Player *>(data);
	if (std::string(key) != "health")
		return metacall_error_throw("AttributeError", 0, nullptr, "player.%s cannot be set", key);
	if (metacall_value_id(value) != METACALL_LONG)
		return metacall_error_throw("TypeError", 0, nullptr, "health must be a Long");
	player->health = metacall_value_to_long(value);
	return nullptr;
}

void *player_call(void *data, const char *method, void *args[], size_t size) {
	auto *player = static_cast<Player *>(data);
	if (std::string(method) == "heal" && size == 1) {
		player->health += metacall_value_to_long(args[0]);
		return metacall_value_create_long(player->health);
	}
	if (std::string(method) == "explode")
		return metacall_error_throw("RuntimeError", 7, nullptr, "the player exploded");
	return metacall_error_throw("AttributeError", 0, nullptr, "player has no method %s", method);
}

void *player_keys(void *) {
	const void *names[] = {string_value("name"), string_value("health")};
	return metacall_value_create_array(names, 2);
}

void *player_methods(void *) {
	const void *names[] = {string_value("heal"), string_value("explode")};
	return metacall_value_create_array(names, 2);
}

void player_release(void *data) {
	auto *player = static_cast<Player *>(data);
	if (player->released != nullptr)
		++*player->released;
}

const metacall_object_interface kPlayer = {player_get,     player_set, player_call, player_keys,
                                           player_methods, nullptr,    nullptr,     player_release};

// The class: constructs players it owns (they live in `made`).
struct PlayerClass {
	std::map<std::string, Player> made;
	int released = 0;
};

void *class_construct(void *data, void *args[], size_t size) {
	auto *cls = static_cast<PlayerClass *>(data);
	if (size != 1 || metacall_value_id(args[0]) != METACALL_STRING)
		return metacall_error_throw("TypeError", 0, nullptr, "Player(name) takes one string");
	Player &player = cls->made[metacall_value_to_string(args[0])];
	player.name = metacall_value_to_string(args[0]);
	player.released = &cls->released;
	return metacall_value_create_host_object("Player", &kPlayer, &player);
}

void *class_get(void *, const char *key) {
	return std::string(key) == "max_health" ? metacall_value_create_long(250) : nullptr;
}

const metacall_object_interface kPlayerClass = {class_get, nullptr,         nullptr, nullptr,
                                                nullptr,   class_construct, nullptr, nullptr};

class HostObjects : public core_test::RuntimeTest {
protected:
	int released = 0;
	Player player{"ada", 100, &released};
};

} // namespace

TEST_F(HostObjects, AHostObjectIsAnObjectValue) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	ASSERT_EQ(metacall_value_id(value.get()), METACALL_OBJECT);
	EXPECT_STREQ(metacall_value_type_name(value.get()), "Object");
	EXPECT_STREQ(metacall_object_class_name(metacall_value_to_object(value.get())), "Player");
	EXPECT_EQ(metacall_object_loader_tag(metacall_value_to_object(value.get())), nullptr); // a host's
}

TEST_F(HostObjects, GetReadsThroughToTheHost) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto health = own(metacall_object_get(metacall_value_to_object(value.get()), "health"));
	ASSERT_EQ(metacall_value_id(health.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(health.get()), 100);
	player.health = 42;
	health = own(metacall_object_get(metacall_value_to_object(value.get()), "health"));
	EXPECT_EQ(metacall_value_to_long(health.get()), 42);
}

TEST_F(HostObjects, SetWritesThroughToTheHost) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto health = own(metacall_value_create_long(7));
	EXPECT_EQ(metacall_object_set(metacall_value_to_object(value.get()), "health", health.get()), 0);
	EXPECT_EQ(player.health, 7);
}

TEST_F(HostObjects, ASetTheHostRefusesIsAnErrorWithItsLabel) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto name = own(string_value("bob"));
	EXPECT_NE(metacall_object_set(metacall_value_to_object(value.get()), "name", name.get()), 0);
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_last(&error), 0);
	EXPECT_STREQ(error.label, "AttributeError");
	EXPECT_TRUE(Contains(error.message, "player.name cannot be set"));
	EXPECT_EQ(player.name, "ada");
}

TEST_F(HostObjects, AMissingAttributeIsAnAttributeErrorNamingIt) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto result = own(metacall_object_get(metacall_value_to_object(value.get()), "mana"));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_THROWABLE);
	auto error = error_fields(result.get());
	ASSERT_TRUE(error.has_value());
	EXPECT_EQ(error->label, "AttributeError");
	EXPECT_TRUE(Contains(error->message, "'mana'"));
	EXPECT_TRUE(Contains(error->message, "Player"));
}

TEST_F(HostObjects, MetacallvObjectCallsTheMethod) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto amount = own(metacall_value_create_long(5));
	void *args[] = {amount.get()};
	auto result = own(metacallv_object(metacall_value_to_object(value.get()), "heal", args, 1));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(result.get()), 105);
	EXPECT_EQ(player.health, 105);
}

TEST_F(HostObjects, AMethodReadAsAnAttributeIsAFunctionBoundToTheObject) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto heal = own(metacall_object_get(metacall_value_to_object(value.get()), "heal"));
	ASSERT_EQ(metacall_value_id(heal.get()), METACALL_FUNCTION);
	value.reset(); // the bound method keeps the object alive
	EXPECT_EQ(released, 0);
	auto amount = own(metacall_value_create_long(1));
	void *args[] = {amount.get()};
	auto result = own(metacallfv_s(metacall_value_to_function(heal.get()), args, 1));
	EXPECT_EQ(metacall_value_to_long(result.get()), 101);
	heal.reset();
	EXPECT_EQ(released, 1);
}

TEST_F(HostObjects, AMethodThatFailsGivesTheHostsThrowable) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto result = own(metacallv_object(metacall_value_to_object(value.get()), "explode", nullptr, 0));
	auto error = error_fields(result.get());
	ASSERT_TRUE(error.has_value());
	EXPECT_EQ(error->label, "RuntimeError");
	EXPECT_EQ(error->code, 7);
}

TEST_F(HostObjects, TypedCallsConvertOrRefuseTheResult) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto amount = own(metacall_value_create_long(5));
	void *args[] = {amount.get()};
	auto as_int = own(metacallt_object(metacall_value_to_object(value.get()), "heal", METACALL_INT, args, 1));
	ASSERT_EQ(metacall_value_id(as_int.get()), METACALL_INT);
	EXPECT_EQ(metacall_value_to_int(as_int.get()), 105);
	auto as_string =
	    own(metacallt_object(metacall_value_to_object(value.get()), "heal", METACALL_STRING, args, 1));
	auto error = error_fields(as_string.get());
	ASSERT_TRUE(error.has_value());
	EXPECT_EQ(error->label, "TypeError");
}

TEST_F(HostObjects, KeysListAttributesThenMethods) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto keys = own(metacall_object_keys(metacall_value_to_object(value.get())));
	ASSERT_EQ(metacall_value_id(keys.get()), METACALL_ARRAY);
	ASSERT_EQ(metacall_value_count(keys.get()), 4u);
	void **names = metacall_value_to_array(keys.get());
	EXPECT_STREQ(metacall_value_to_string(names[0]), "name");
	EXPECT_STREQ(metacall_value_to_string(names[1]), "health");
	EXPECT_STREQ(metacall_value_to_string(names[2]), "heal");
	EXPECT_STREQ(metacall_value_to_string(names[3]), "explode");
}

TEST_F(HostObjects, CopiesShareTheObjectAndTheLastOneReleasesIt) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	auto copy = own(metacall_value_copy(value.get()));
	EXPECT_EQ(metacall_value_to_object(copy.get()), metacall_value_to_object(value.get()));
	auto again = own(metacall_value_create_object(metacall_value_to_object(value.get())));
	value.reset();
	copy.reset();
	EXPECT_EQ(released, 0);
	again.reset();
	EXPECT_EQ(released, 1);
}

TEST_F(HostObjects, AnObjectInsideAnArrayIsReleasedWithTheArray) {
	const void *items[] = {metacall_value_create_host_object("Player", &kPlayer, &player)};
	auto array = own(metacall_value_create_array(items, 1));
	auto copy = own(metacall_value_copy(array.get()));
	array.reset();
	EXPECT_EQ(released, 0);
	copy.reset();
	EXPECT_EQ(released, 1);
}

TEST_F(HostObjects, AHostObjectIsReleasedAlsoAfterDestroy) {
	void *value = metacall_value_create_host_object("Player", &kPlayer, &player);
	metacall_destroy();
	metacall_value_destroy(value);
	EXPECT_EQ(released, 1);
}

TEST_F(HostObjects, CallsAfterDestroyAreRefusedNotCrashed) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	metacall_destroy();
	EXPECT_EQ(metacall_object_get(metacall_value_to_object(value.get()), "health"), nullptr);
	EXPECT_TRUE(last_error_message().has_value());
}

TEST_F(HostObjects, ObjectDataFindsTheOwnersDataOnlyForItsInterface) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	EXPECT_EQ(metacall_object_data(value.get(), &kPlayer), &player);
	EXPECT_EQ(metacall_object_data(metacall_value_to_object(value.get()), &kPlayer), &player);
	EXPECT_EQ(metacall_object_data(value.get(), &kPlayerClass), nullptr);
	auto number = own(metacall_value_create_long(1));
	EXPECT_EQ(metacall_object_data(number.get(), &kPlayer), nullptr);
}

TEST_F(HostObjects, AHostClassConstructsInstances) {
	PlayerClass cls;
	auto value = own(metacall_value_create_host_class("Player", &kPlayerClass, &cls));
	ASSERT_EQ(metacall_value_id(value.get()), METACALL_CLASS);
	auto name = own(string_value("grace"));
	void *args[] = {name.get()};
	auto made = own(metacall_class_new(metacall_value_to_class(value.get()), "grace", args, 1));
	ASSERT_EQ(metacall_value_id(made.get()), METACALL_OBJECT);
	auto read = own(metacall_object_get(metacall_value_to_object(made.get()), "name"));
	EXPECT_STREQ(metacall_value_to_string(read.get()), "grace");
	auto max = own(metacall_class_static_get(metacall_value_to_class(value.get()), "max_health"));
	EXPECT_EQ(metacall_value_to_long(max.get()), 250);
}

TEST_F(HostObjects, AConstructorThatRefusesGivesItsThrowable) {
	PlayerClass cls;
	auto value = own(metacall_value_create_host_class("Player", &kPlayerClass, &cls));
	auto made = own(metacall_class_new(metacall_value_to_class(value.get()), nullptr, nullptr, 0));
	auto error = error_fields(made.get());
	ASSERT_TRUE(error.has_value());
	EXPECT_EQ(error->label, "TypeError");
}

TEST_F(HostObjects, AClassWithoutSetIsReadOnly) {
	PlayerClass cls;
	auto value = own(metacall_value_create_host_class("Player", &kPlayerClass, &cls));
	auto number = own(metacall_value_create_long(1));
	EXPECT_NE(metacall_class_static_set(metacall_value_to_class(value.get()), "max_health", number.get()), 0);
	EXPECT_TRUE(Contains(last_error_message().value_or(""), "read-only"));
}

TEST_F(HostObjects, AnObjectIsNotAClassAndAValueIsNotAnObject) {
	auto value = own(metacall_value_create_host_object("Player", &kPlayer, &player));
	EXPECT_EQ(metacall_class_new(metacall_value_to_object(value.get()), nullptr, nullptr, 0), nullptr);
	EXPECT_TRUE(Contains(last_error_message().value_or(""), "expected a class"));
	EXPECT_EQ(metacall_object_get(value.get(), "health"), nullptr); // the value, not the object
	EXPECT_TRUE(Contains(last_error_message().value_or(""), "not a"));
	EXPECT_EQ(metacall_object_get(nullptr, "health"), nullptr);
	EXPECT_EQ(metacall_object_get(metacall_value_to_object(value.get()), nullptr), nullptr);
}

TEST_F(HostObjects, BadCreationArgumentsAreRefused) {
	EXPECT_EQ(metacall_value_create_host_object("Player", nullptr, &player), nullptr);
	EXPECT_EQ(metacall_value_create_host_class("Player", &kPlayer, &player), nullptr); // no construct
	EXPECT_EQ(released, 0);
}

TEST_F(HostObjects, UnknownNamesAreNotFound) {
	EXPECT_EQ(metacall_class("Nope"), nullptr);
	EXPECT_TRUE(Contains(last_error_message().value_or(""), "'Nope'"));
	EXPECT_EQ(metacall_object("nope"), nullptr);
	EXPECT_EQ(metacall_class(nullptr), nullptr);
}
