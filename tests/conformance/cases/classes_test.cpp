// Classes and objects: a script's class is found by name, makes instances whose attributes and
// methods work from C, keeps its identity across a round trip, and fails with clear errors; a
// host object is usable from the script as one of its own. Loaders without classes skip these.
// nlohmann/json.hpp first: metacall_def.h defines a `boolean` macro that would break its value_t::boolean.
#include <nlohmann/json.hpp>

#include "fixture.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

namespace {

#define CONFORMANCE_REQUIRE_CLASSES()                                                                        \
  do {                                                                                                       \
	if (loader().classes_script.empty())                                                                     \
	  GTEST_SKIP() << loader().tag << " has no classes";                                                     \
  } while (0)

class Classes : public Conformance {
protected:
	void SetUp() override {
		Conformance::SetUp();
		if (HasFatalFailure() || loader().classes_script.empty())
			return;
		ASSERT_EQ(load(loader().classes_script, &handle_), 0) << last_error_message();
		cls_ = metacall_handle_class(handle_, "Counter");
		ASSERT_NE(cls_, nullptr) << last_error_message();
	}

	// A new Counter(start).
	ValuePtr counter(long start) {
		Args args{metacall_value_create_long(start)};
		return ValuePtr(metacall_class_new(cls_, "counter", args.data(), args.size()));
	}

	ValuePtr call(const char *name, std::initializer_list<void *> values) {
		Args args(values);
		return ValuePtr(metacallhv_s(handle_, name, args.data(), args.size()));
	}

	void *handle_ = nullptr;
	void *cls_ = nullptr;
};

// A host object: a player with a health attribute and a heal(amount) method.
struct Player {
	double health = 100;
	int released = 0;
};

void *player_get(void *data, const char *key) {
	return std::string(key) == "health" ? metacall_value_create_double(static_cast<Player *>(data)->health)
	                                    : nullptr;
}
void *player_set(void *data, const char *key, void *value) {
	const auto number = number_in(value);
	if (std::string(key) != "health" || !number)
		return metacall_error_throw("TypeError", 0, nullptr, "only health can be set, to a number");
	static_cast<Player *>(data)->health = static_cast<double>(*number);
	return nullptr;
}
void *player_call(void *data, const char *method, void *args[], size_t size) {
	const auto amount = size == 1 ? number_in(args[0]) : std::nullopt;
	if (std::string(method) != "heal" || !amount)
		return metacall_error_throw("TypeError", 0, nullptr, "heal(amount) takes a number");
	auto *player = static_cast<Player *>(data);
	player->health += static_cast<double>(*amount);
	return metacall_value_create_double(player->health);
}
void *names(std::initializer_list<const char *> list) {
	std::vector<const void *> values;
	for (const char *name : list)
		values.push_back(metacall_value_create_string(name, std::strlen(name)));
	return metacall_value_create_array(values.data(), values.size());
}
void *player_keys(void *) {
	return names({"health"});
}
void *player_methods(void *) {
	return names({"heal"});
}
void player_release(void *data) {
	++static_cast<Player *>(data)->released;
}
const metacall_object_interface kPlayer = {player_get,     player_set, player_call, player_keys,
                                           player_methods, nullptr,    nullptr,     player_release};

TEST_P(Classes, AClassIsFoundByNameInTheGlobalScopeToo) {
	CONFORMANCE_REQUIRE_CLASSES();
	void *global = nullptr;
	ASSERT_EQ(metacall_clear(handle_), 0);
	ASSERT_EQ(load(loader().classes_script), 0) << last_error_message();
	global = metacall_class("Counter");
	ASSERT_NE(global, nullptr) << last_error_message();
	EXPECT_STREQ(metacall_object_class_name(global), "Counter");
}

TEST_P(Classes, NewMakesAnInstanceWithItsAttributes) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = counter(5);
	ASSERT_EQ(metacall_value_id(made.get()), METACALL_OBJECT) << describe(made.get());
	ValuePtr count(metacall_object_get(metacall_value_to_object(made.get()), "count"));
	EXPECT_TRUE(is_number(count.get(), 5));
}

TEST_P(Classes, AMethodCallChangesTheInstance) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = counter(5);
	void *self = metacall_value_to_object(made.get());
	Args args{metacall_value_create_long(2)};
	ValuePtr result(metacallv_object(self, "inc", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 7)) << describe(result.get());
	ValuePtr count(metacall_object_get(self, "count"));
	EXPECT_TRUE(is_number(count.get(), 7));
}

TEST_P(Classes, SetThenGetAnAttribute) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = counter(5);
	void *self = metacall_value_to_object(made.get());
	ValuePtr value(metacall_value_create_long(40));
	ASSERT_EQ(metacall_object_set(self, "count", value.get()), 0) << last_error_message();
	ValuePtr count(metacall_object_get(self, "count"));
	EXPECT_TRUE(is_number(count.get(), 40));
}

TEST_P(Classes, StaticAttributesAndMethods) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr kind(metacall_class_static_get(cls_, "kind"));
	ASSERT_EQ(metacall_value_id(kind.get()), METACALL_STRING) << describe(kind.get());
	EXPECT_STREQ(metacall_value_to_string(kind.get()), "counter");
	ValuePtr other(metacall_value_create_string("tally", 5));
	ASSERT_EQ(metacall_class_static_set(cls_, "kind", other.get()), 0) << last_error_message();
	kind.reset(metacall_class_static_get(cls_, "kind"));
	EXPECT_STREQ(metacall_value_to_string(kind.get()), "tally");
	Args args{metacall_value_create_long(3)};
	ValuePtr made(metacallv_class(cls_, "make", args.data(), args.size()));
	ASSERT_EQ(metacall_value_id(made.get()), METACALL_OBJECT) << describe(made.get());
	ValuePtr count(metacall_object_get(metacall_value_to_object(made.get()), "count"));
	EXPECT_TRUE(is_number(count.get(), 3));
}

TEST_P(Classes, AFunctionReturnsAnInstanceWhoseMethodsWork) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = call("make_counter", {metacall_value_create_long(10)});
	ASSERT_EQ(metacall_value_id(made.get()), METACALL_OBJECT) << describe(made.get());
	Args args{metacall_value_create_long(1)};
	ValuePtr result(metacallv_object(metacall_value_to_object(made.get()), "inc", args.data(), args.size()));
	EXPECT_TRUE(is_number(result.get(), 11)) << describe(result.get());
}

TEST_P(Classes, AnInstanceKeepsItsIdentityAcrossARoundTrip) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = counter(1);
	ValuePtr other = counter(1);
	ValuePtr ignored = call("keep", {metacall_value_copy(made.get())});
	ValuePtr same = call("is_kept", {metacall_value_copy(made.get())});
	ValuePtr different = call("is_kept", {metacall_value_copy(other.get())});
	ASSERT_EQ(metacall_value_id(same.get()), METACALL_BOOL) << describe(same.get());
	EXPECT_EQ(metacall_value_to_bool(same.get()), 1);
	EXPECT_EQ(metacall_value_to_bool(different.get()), 0);
}

TEST_P(Classes, AClassCrossesAsAValueToo) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr cls(metacall_value_create_class(cls_));
	ValuePtr kind =
	    call("read_attribute", {metacall_value_copy(cls.get()), metacall_value_create_string("kind", 4)});
	ASSERT_EQ(metacall_value_id(kind.get()), METACALL_STRING) << describe(kind.get());
	EXPECT_STREQ(metacall_value_to_string(kind.get()), "counter");
}

TEST_P(Classes, AMissingAttributeIsAnAttributeErrorNamingIt) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = counter(1);
	ValuePtr result(metacall_object_get(metacall_value_to_object(made.get()), "no_such_thing"));
	ASSERT_TRUE(is_throwable_with_label(result.get(), "AttributeError"));
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_NE(std::string(error.message).find("no_such_thing"), std::string::npos) << error.message;
}

TEST_P(Classes, AMissingMethodIsAnAttributeError) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = counter(1);
	ValuePtr result(metacallv_object(metacall_value_to_object(made.get()), "no_such_method", nullptr, 0));
	EXPECT_TRUE(is_throwable_with_label(result.get(), "AttributeError"));
}

TEST_P(Classes, CallingAnAttributeThatIsNotCallableIsATypeError) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = counter(1);
	ValuePtr result(metacallv_object(metacall_value_to_object(made.get()), "count", nullptr, 0));
	EXPECT_TRUE(is_throwable_with_label(result.get(), "TypeError"));
}

TEST_P(Classes, AMethodThatThrowsGivesTheLanguagesLabelAndStack) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = counter(1);
	Args args{metacall_value_create_string("boom", 4)};
	ValuePtr result(metacallv_object(metacall_value_to_object(made.get()), "fail", args.data(), args.size()));
	ASSERT_TRUE(is_throwable_with_label(result.get(), loader().error_label));
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_NE(std::string(error.message).find("boom"), std::string::npos);
	EXPECT_NE(std::string(error.stacktrace), "");
}

TEST_P(Classes, AnInstanceIsRefusedAfterItsHandleIsCleared) {
	CONFORMANCE_REQUIRE_CLASSES();
	ValuePtr made = counter(1);
	ASSERT_EQ(metacall_clear(handle_), 0);
	EXPECT_EQ(metacall_object_get(metacall_value_to_object(made.get()), "count"), nullptr);
	EXPECT_NE(last_error_message().find("cleared"), std::string::npos) << last_error_message();
}

TEST_P(Classes, AHostObjectIsUsableFromTheScript) {
	CONFORMANCE_REQUIRE_CLASSES();
	Player player;
	{
		ValuePtr host(metacall_value_create_host_object("Player", &kPlayer, &player));
		ValuePtr health = call("read_attribute",
		                       {metacall_value_copy(host.get()), metacall_value_create_string("health", 6)});
		EXPECT_TRUE(is_number(health.get(), 100)) << describe(health.get());
		ValuePtr written = call("write_attribute",
		                        {metacall_value_copy(host.get()), metacall_value_create_string("health", 6),
		                         metacall_value_create_long(50)});
		EXPECT_NE(metacall_value_id(written.get()), METACALL_THROWABLE) << describe(written.get());
		EXPECT_EQ(player.health, 50);
		ValuePtr healed =
		    call("call_method", {metacall_value_copy(host.get()), metacall_value_create_string("heal", 4),
		                         metacall_value_create_long(5)});
		EXPECT_TRUE(is_number(healed.get(), 55)) << describe(healed.get());
		ValuePtr keys = call("keys_of", {metacall_value_copy(host.get())});
		ASSERT_EQ(metacall_value_id(keys.get()), METACALL_ARRAY) << describe(keys.get());
		ASSERT_EQ(metacall_value_count(keys.get()), 2u) << describe(keys.get());
		void **items = metacall_value_to_array(keys.get());
		EXPECT_STREQ(metacall_value_to_string(items[0]), "heal");
		EXPECT_STREQ(metacall_value_to_string(items[1]), "health");
	}
	metacall_destroy(); // the script's last references go with its runtime
	EXPECT_EQ(player.released, 1);
	ASSERT_EQ(metacall_initialize(), 0); // TearDown destroys again
}

TEST_P(Classes, InspectListsTheClassAndItsMethods) {
	CONFORMANCE_REQUIRE_CLASSES();
	std::unique_ptr<char, decltype(&std::free)> text(metacall_inspect(nullptr, nullptr), &std::free);
	ASSERT_NE(text, nullptr) << last_error_message();
	const auto document = nlohmann::json::parse(text.get(), nullptr, false);
	ASSERT_FALSE(document.is_discarded());
	const nlohmann::json *found = nullptr;
	for (const auto &handle : document.at(loader().tag))
		for (const auto &cls : handle.at("scope").at("classes"))
			if (cls.value("name", "") == "Counter")
				found = &cls;
	ASSERT_NE(found, nullptr) << text.get();
	std::map<std::string, size_t> methods;
	for (const auto &method : found->at("methods"))
		methods[method.at("name")] = method.at("signature").at("args").size();
	EXPECT_EQ(methods.count("inc"), 1u) << found->dump();
	EXPECT_EQ(methods["inc"], 1u) << found->dump();
	EXPECT_EQ(found->at("constructors").at(0).at("args").size(), 1u) << found->dump();
	bool make = false;
	for (const auto &method : found->at("static_methods"))
		make = make || method.at("name") == "make";
	EXPECT_TRUE(make) << found->dump();
}

INSTANTIATE_TEST_SUITE_P(Loaders, Classes, ::testing::ValuesIn(conformance_loaders()), loader_test_name);

} // namespace
