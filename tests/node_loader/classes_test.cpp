// Classes and objects with Node: JS classes and instances as class and object values (their
// attributes, methods and static members from C, their errors, their identity back in JS, their
// lifetime), and host objects and classes as JS proxies (the game server's `player`).
// nlohmann/json.hpp first: metacall_def.h defines a `boolean` macro that would break it.
#include <nlohmann/json.hpp>

#include "node_test.h"

#include <metacall/metacall_object.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <list>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

class NodeClasses : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("classes.js"), 0) << last_error(); // into the global scope
		handle_ = metacall_handle("node", "classes.js");
		ASSERT_NE(handle_, nullptr) << last_error();
		counter_ = metacall_class("Counter");
		ASSERT_NE(counter_, nullptr) << last_error();
	}

	// A new instance of `cls` made with one number.
	static ValuePtr make(void *cls, long start) {
		Args args{metacall_value_create_long(start)};
		return ValuePtr(metacall_class_new(cls, nullptr, args.data(), args.size()));
	}
	// obj.name(args...), taking the arguments.
	static ValuePtr call_method(void *object_value, const char *name,
	                            std::initializer_list<void *> values = {}) {
		Args args(values);
		return ValuePtr(
		    metacallv_object(metacall_value_to_object(object_value), name, args.data(), args.size()));
	}
	static ValuePtr get(void *object_value, const char *key) {
		return ValuePtr(metacall_object_get(metacall_value_to_object(object_value), key));
	}
	// The strings of an array value, joined with ','.
	static std::string joined(void *array) {
		std::string out;
		for (size_t i = 0; array != nullptr && i < metacall_value_count(array); ++i)
			out += (i > 0 ? "," : "") + text_of(metacall_value_to_array(array)[i]);
		return out;
	}

	void *handle_ = nullptr;
	void *counter_ = nullptr;
};

::testing::AssertionResult is_object_of(void *value, const char *class_name) {
	if (value == nullptr || metacall_value_id(value) != METACALL_OBJECT)
		return ::testing::AssertionFailure() << "expected an object, got " << describe(value);
	const char *name = metacall_object_class_name(metacall_value_to_object(value));
	if (name == nullptr || std::string(name) != class_name)
		return ::testing::AssertionFailure() << "expected an object of class " << class_name << ", got "
		                                     << (name != nullptr ? name : "NULL");
	return ::testing::AssertionSuccess();
}

// ---- JS classes and instances from C ----

TEST_F(NodeClasses, AnEsClassIsFoundByName) {
	EXPECT_STREQ(metacall_object_class_name(counter_), "Counter");
	EXPECT_NE(metacall_handle_class(handle_, "Counter"), nullptr) << last_error();
}

TEST_F(NodeClasses, AConstructorFunctionIsAClassAndAPlainFunctionStaysAFunction) {
	EXPECT_NE(metacall_class("LegacyCounter"), nullptr) << last_error();
	EXPECT_NE(metacall_class("Empty"), nullptr) << last_error(); // a class without methods
	EXPECT_NE(metacall_function("plain"), nullptr) << last_error();
	EXPECT_EQ(metacall_class("plain"), nullptr);
	EXPECT_EQ(metacall_function("Counter"), nullptr);
}

TEST_F(NodeClasses, AnExportedInstanceIsAnObjectOfTheModuleAndPlainDataIsNot) {
	void *object = metacall_object("default_counter");
	ASSERT_NE(object, nullptr) << last_error();
	EXPECT_STREQ(metacall_object_class_name(object), "Counter");
	ValuePtr count(metacall_object_get(object, "count"));
	EXPECT_TRUE(is_long(count.get(), 7));
	EXPECT_EQ(metacall_object("settings"), nullptr);
}

TEST_F(NodeClasses, NewMakesAnInstanceWithItsAttributes) {
	ValuePtr made = make(counter_, 5);
	ASSERT_TRUE(is_object_of(made.get(), "Counter"));
	EXPECT_TRUE(is_long(get(made.get(), "count").get(), 5));
	EXPECT_TRUE(is_long(get(made.get(), "doubled").get(), 10)); // a getter
}

TEST_F(NodeClasses, AMethodCallChangesTheInstance) {
	ValuePtr made = make(counter_, 5);
	EXPECT_TRUE(is_long(call_method(made.get(), "inc", {metacall_value_create_long(2)}).get(), 7));
	EXPECT_TRUE(is_long(get(made.get(), "count").get(), 7));
}

TEST_F(NodeClasses, SetThenGetAnAttribute) {
	ValuePtr made = make(counter_, 5);
	ValuePtr forty(metacall_value_create_long(40));
	ASSERT_EQ(metacall_object_set(metacall_value_to_object(made.get()), "count", forty.get()), 0)
	    << last_error();
	EXPECT_TRUE(is_long(get(made.get(), "count").get(), 40));
}

TEST_F(NodeClasses, AMethodReadAsAnAttributeIsBoundToItsObject) {
	ValuePtr made = make(counter_, 5);
	ValuePtr inc = get(made.get(), "inc");
	ASSERT_EQ(metacall_value_id(inc.get()), METACALL_FUNCTION) << describe(inc.get());
	EXPECT_TRUE(is_long(call_value(inc.get(), {metacall_value_create_long(3)}).get(), 8));
	EXPECT_TRUE(is_long(get(made.get(), "count").get(), 8));
}

TEST_F(NodeClasses, StaticAttributesAndMethods) {
	ValuePtr kind(metacall_class_static_get(counter_, "kind"));
	EXPECT_TRUE(is_string(kind.get(), "counter"));
	ValuePtr other = ValuePtr(string_value("tally"));
	ASSERT_EQ(metacall_class_static_set(counter_, "kind", other.get()), 0) << last_error();
	EXPECT_TRUE(is_string(ValuePtr(metacall_class_static_get(counter_, "kind")).get(), "tally"));
	Args args{metacall_value_create_long(3)};
	ValuePtr made(metacallv_class(counter_, "make", args.data(), args.size()));
	ASSERT_TRUE(is_object_of(made.get(), "Counter"));
	EXPECT_TRUE(is_long(get(made.get(), "count").get(), 3));
}

TEST_F(NodeClasses, AConstructorFunctionWorksAsAnEsClassDoes) {
	void *legacy = metacall_class("LegacyCounter");
	ASSERT_NE(legacy, nullptr) << last_error();
	ValuePtr made = make(legacy, 1);
	ASSERT_TRUE(is_object_of(made.get(), "LegacyCounter"));
	EXPECT_TRUE(is_long(call_method(made.get(), "inc", {metacall_value_create_long(4)}).get(), 5));
	EXPECT_TRUE(is_string(ValuePtr(metacall_class_static_get(legacy, "kind")).get(), "legacy"));
	Args args{metacall_value_create_long(9)};
	ValuePtr other(metacallv_class(legacy, "make", args.data(), args.size()));
	EXPECT_TRUE(is_long(get(other.get(), "count").get(), 9));
}

TEST_F(NodeClasses, AFunctionReturnsAnInstanceWhoseMethodsWork) {
	ValuePtr made = call("make_counter", {metacall_value_create_long(10)});
	ASSERT_TRUE(is_object_of(made.get(), "Counter"));
	EXPECT_TRUE(is_long(call_method(made.get(), "inc", {metacall_value_create_long(1)}).get(), 11));
}

TEST_F(NodeClasses, AnAsyncMethodGivesAFuture) {
	ValuePtr made = make(counter_, 1);
	ValuePtr later = call_method(made.get(), "later", {metacall_value_create_long(4)});
	ASSERT_EQ(metacall_value_id(later.get()), METACALL_FUTURE) << describe(later.get());
	Settlement settlement;
	ValuePtr chained(
	    metacall_await_future(later.get(), Settlement::on_resolve, Settlement::on_reject, &settlement));
	ASSERT_TRUE(settlement.wait());
	EXPECT_TRUE(settlement.resolved());
	EXPECT_TRUE(is_long(settlement.value(), 4));
}

TEST_F(NodeClasses, MethodsAreCalledFromAnotherThread) {
	ValuePtr made = make(counter_, 0);
	within(std::chrono::seconds(10), [&] {
		std::thread other([&] {
			for (int i = 0; i < 100; ++i)
				call_method(made.get(), "inc", {metacall_value_create_long(1)});
		});
		other.join();
	});
	EXPECT_TRUE(is_long(get(made.get(), "count").get(), 100));
}

TEST_F(NodeClasses, KeysAreOwnAttributesThenMethodsOfThePrototypeChain) {
	ValuePtr made = make(counter_, 1);
	ValuePtr keys(metacall_object_keys(metacall_value_to_object(made.get())));
	EXPECT_EQ(joined(keys.get()), "count,inc,fail,later,doubled,broken");
	ValuePtr statics(metacall_object_keys(counter_));
	EXPECT_EQ(joined(statics.get()), "kind,make");
}

TEST_F(NodeClasses, ADateIsAnObjectWithItsMethodsAndPlainObjectsStayMaps) {
	ValuePtr date = call("today");
	ASSERT_TRUE(is_object_of(date.get(), "Date"));
	EXPECT_TRUE(is_long(call_method(date.get(), "getTime").get(), 0));
	EXPECT_EQ(metacall_value_id(call("plain_object").get()), METACALL_MAP);
	EXPECT_EQ(metacall_value_id(call("null_prototype").get()), METACALL_MAP);
}

// ---- Errors ----

TEST_F(NodeClasses, AMissingAttributeIsAnAttributeErrorNamingItAndTheClass) {
	ValuePtr made = make(counter_, 1);
	EXPECT_TRUE(is_error(get(made.get(), "no_such_thing").get(), "AttributeError", "no_such_thing"));
	EXPECT_TRUE(is_error(get(made.get(), "no_such_thing").get(), "AttributeError", "Counter"));
	EXPECT_TRUE(
	    is_error(ValuePtr(metacall_class_static_get(counter_, "nope")).get(), "AttributeError", "nope"));
}

TEST_F(NodeClasses, AMissingMethodIsAnAttributeError) {
	ValuePtr made = make(counter_, 1);
	EXPECT_TRUE(is_error(call_method(made.get(), "no_such_method").get(), "AttributeError",
	                     "has no method 'no_such_method'"));
}

TEST_F(NodeClasses, CallingAnAttributeThatIsNotCallableIsATypeError) {
	ValuePtr made = make(counter_, 1);
	EXPECT_TRUE(is_error(call_method(made.get(), "count").get(), "TypeError",
	                     "'count' of object of class 'Counter' is "
	                     "not callable (it is a number)"));
}

TEST_F(NodeClasses, AMethodThatThrowsGivesItsJsLabelAndStack) {
	ValuePtr made = make(counter_, 1);
	ValuePtr result = call_method(made.get(), "fail", {string_value("out of range")});
	ASSERT_TRUE(is_error(result.get(), "RangeError", "out of range"));
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_NE(std::string(error.stacktrace).find("classes.js"), std::string::npos) << error.stacktrace;
}

TEST_F(NodeClasses, AGetterThatThrowsGivesItsError) {
	ValuePtr made = make(counter_, 1);
	EXPECT_TRUE(is_error(get(made.get(), "broken").get(), "TypeError", "the broken getter"));
}

TEST_F(NodeClasses, AConstructorThatThrowsGivesItsError) {
	void *strict = metacall_class("Strict");
	ASSERT_NE(strict, nullptr) << last_error();
	Args args{string_value("seven")};
	ValuePtr made(metacall_class_new(strict, nullptr, args.data(), args.size()));
	EXPECT_TRUE(is_error(made.get(), "TypeError", "Strict needs a number"));
}

TEST_F(NodeClasses, AMissingStaticMethodIsAnAttributeErrorNamingTheClass) {
	ValuePtr wrong(metacallv_class(metacall_class("Empty"), "missing", nullptr, 0));
	EXPECT_TRUE(is_error(wrong.get(), "AttributeError", "class 'Empty' has no method 'missing'"));
}

TEST_F(NodeClasses, AClassReadAsAnAttributeIsAClassValue) {
	ValuePtr today = call("today");
	ValuePtr date = get(today.get(), "constructor");
	ASSERT_EQ(metacall_value_id(date.get()), METACALL_CLASS) << describe(date.get());
	EXPECT_STREQ(metacall_object_class_name(metacall_value_to_class(date.get())), "Date");
	Args args{metacall_value_create_long(86400000)};
	ValuePtr next(metacall_class_new(metacall_value_to_class(date.get()), nullptr, args.data(), args.size()));
	ASSERT_TRUE(is_object_of(next.get(), "Date"));
	EXPECT_TRUE(is_long(call_method(next.get(), "getTime").get(), 86400000));
}

TEST_F(NodeClasses, AnInstanceIsRefusedAfterItsHandleIsCleared) {
	ValuePtr returned = call_in(handle_, "make_counter", {metacall_value_create_long(1)});
	ValuePtr made = make(counter_, 1);
	ASSERT_TRUE(is_object_of(returned.get(), "Counter"));
	ASSERT_TRUE(is_object_of(made.get(), "Counter"));
	ASSERT_EQ(metacall_clear(handle_), 0) << last_error();
	for (void *object : {returned.get(), made.get()}) {
		EXPECT_EQ(metacall_object_get(metacall_value_to_object(object), "count"), nullptr);
		EXPECT_NE(last_error().find("ReferenceError"), std::string::npos) << last_error();
		EXPECT_NE(last_error().find("cleared"), std::string::npos) << last_error();
	}
}

// ---- Identity ----

TEST_F(NodeClasses, AnInstanceEchoedBackToJsIsTheSameObject) {
	ValuePtr kept = call("get_kept");
	ASSERT_TRUE(is_object_of(kept.get(), "Counter"));
	ValuePtr echoed = call("echo", {metacall_value_copy(kept.get())});
	EXPECT_TRUE(is_bool(call("is_kept", {metacall_value_copy(echoed.get())}).get(), true));
	EXPECT_TRUE(is_bool(
	    call("same", {metacall_value_copy(kept.get()), metacall_value_copy(echoed.get())}).get(), true));
	ValuePtr other = make(counter_, 100);
	EXPECT_TRUE(is_bool(call("is_kept", {metacall_value_copy(other.get())}).get(), false));
}

TEST_F(NodeClasses, AClassPassedBackIsTheSameClass) {
	ValuePtr cls(metacall_value_create_class(counter_));
	EXPECT_TRUE(is_bool(call("is_counter_class", {metacall_value_copy(cls.get())}).get(), true));
	ValuePtr echoed = call("echo", {metacall_value_copy(cls.get())});
	ASSERT_EQ(metacall_value_id(echoed.get()), METACALL_CLASS) << describe(echoed.get());
	EXPECT_TRUE(is_bool(call("is_counter_class", {metacall_value_copy(echoed.get())}).get(), true));
}

// ---- Host objects and classes in JS ----

double number_in(void *value) {
	switch (metacall_value_id(value)) {
	case METACALL_DOUBLE:
		return metacall_value_to_double(value);
	case METACALL_LONG:
		return static_cast<double>(metacall_value_to_long(value));
	case METACALL_INT:
		return metacall_value_to_int(value);
	default:
		return -1;
	}
}

void *names(std::initializer_list<const char *> list) {
	std::vector<const void *> values;
	for (const char *name : list)
		values.push_back(metacall_value_create_string(name, std::strlen(name)));
	return metacall_value_create_array(values.data(), values.size());
}

// The game server's player: health and name attributes, a heal(amount) method.
struct Player {
	double health = 100;
	std::string name = "ann";
	std::vector<std::string> asked; // the keys `get` was asked for
	std::atomic<int> released{0};
};

void *player_get(void *data, const char *key) {
	auto *player = static_cast<Player *>(data);
	player->asked.emplace_back(key);
	if (std::string(key) == "health")
		return metacall_value_create_double(player->health);
	if (std::string(key) == "name")
		return string_value(player->name);
	return nullptr;
}
void *player_set(void *data, const char *key, void *value) {
	auto *player = static_cast<Player *>(data);
	if (std::string(key) == "name" && metacall_value_id(value) == METACALL_STRING) {
		player->name = metacall_value_to_string(value);
		return nullptr;
	}
	return metacall_error_throw("TypeError", 0, nullptr, "player.%s cannot be set", key);
}
void *player_call(void *data, const char *method, void *args[], size_t size) {
	auto *player = static_cast<Player *>(data);
	if (std::string(method) != "heal" || size != 1)
		return metacall_error_throw("TypeError", 0, nullptr, "heal(amount) takes one number");
	player->health += number_in(args[0]);
	return metacall_value_create_double(player->health);
}
void *player_keys(void *) {
	return names({"health", "name"});
}
void *player_methods(void *) {
	return names({"heal"});
}
// Players that tests hand to JS without waiting for V8 to collect the proxy: JS may release them
// as late as metacall_destroy, after the test body, so they live as long as the process.
std::list<Player> players;

void player_release(void *data) {
	++static_cast<Player *>(data)->released;
}
const metacall_object_interface kPlayer = {player_get,     player_set, player_call, player_keys,
                                           player_methods, nullptr,    nullptr,     player_release};

TEST_F(NodeClasses, AHostObjectIsReadWrittenCalledAndEnumeratedFromJs) {
	Player &player = players.emplace_back();
	{
		ValuePtr host(metacall_value_create_host_object("Player", &kPlayer, &player));
		ValuePtr result = call("play", {metacall_value_copy(host.get())});
		ASSERT_EQ(metacall_value_id(result.get()), METACALL_ARRAY) << describe(result.get());
		void **items = metacall_value_to_array(result.get());
		EXPECT_TRUE(is_long(items[0], 100));
		EXPECT_TRUE(is_long(items[1], 105));
		EXPECT_TRUE(is_string(items[2], "health,name,heal"));
	}
	EXPECT_EQ(player.name, "bob");
	EXPECT_EQ(player.health, 105);
}

TEST_F(NodeClasses, JsMachineryDoesNotReachTheHostThroughAProxy) {
	Player &player = players.emplace_back();
	ValuePtr host(metacall_value_create_host_object("Player", &kPlayer, &player));
	ValuePtr result = call("probe", {metacall_value_copy(host.get())});
	EXPECT_TRUE(is_string(result.get(),
	                      R"(true|undefined|[object Player]|true|false|true|{"health":100,"name":"ann"}|)"
	                      R"(Player { health: 100, name: 'ann' })"));
	for (const std::string &key : player.asked)
		EXPECT_NE(key, "then");
}

TEST_F(NodeClasses, AHostObjectComesBackAsItselfAndGivesTheSameProxyTwice) {
	Player &player = players.emplace_back();
	ValuePtr host(metacall_value_create_host_object("Player", &kPlayer, &player));
	ValuePtr echoed = call("echo", {metacall_value_copy(host.get())});
	ASSERT_EQ(metacall_value_id(echoed.get()), METACALL_OBJECT) << describe(echoed.get());
	EXPECT_EQ(metacall_object_data(echoed.get(), &kPlayer), &player);
	EXPECT_EQ(metacall_value_to_object(echoed.get()), metacall_value_to_object(host.get()));
	EXPECT_TRUE(is_bool(
	    call("same", {metacall_value_copy(host.get()), metacall_value_copy(host.get())}).get(), true));
}

// A host class "Item" whose instances have a price; its static attribute version is 3.
struct Item {
	double price = 0;
};
void *item_get(void *data, const char *key) {
	return std::string(key) == "price" ? metacall_value_create_double(static_cast<Item *>(data)->price)
	                                   : nullptr;
}
void item_release(void *data) {
	std::unique_ptr<Item> item(static_cast<Item *>(data));
}
const metacall_object_interface kItem = {item_get, nullptr, nullptr, nullptr,
                                         nullptr,  nullptr, nullptr, item_release};
void *shop_get(void *, const char *key) {
	return std::string(key) == "version" ? metacall_value_create_long(3) : nullptr;
}
void *shop_construct(void *, void *args[], size_t size) {
	auto item = std::make_unique<Item>();
	item->price = size > 0 ? number_in(args[0]) : 0;
	return metacall_value_create_host_object("Item", &kItem, item.release());
}
const metacall_object_interface kShop = {shop_get, nullptr,        nullptr, nullptr,
                                         nullptr,  shop_construct, nullptr, nullptr};

TEST_F(NodeClasses, AHostClassIsConstructibleWithNewAndNotCallableWithoutIt) {
	ValuePtr shop(metacall_value_create_host_class("Item", &kShop, nullptr));
	ValuePtr result = call("build", {metacall_value_copy(shop.get()), metacall_value_create_long(12)});
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_ARRAY) << describe(result.get());
	void **items = metacall_value_to_array(result.get());
	ASSERT_EQ(metacall_value_id(items[0]), METACALL_OBJECT) << describe(items[0]);
	auto *item = static_cast<Item *>(metacall_object_data(items[0], &kItem));
	ASSERT_NE(item, nullptr);
	EXPECT_EQ(item->price, 12);
	EXPECT_TRUE(is_long(items[1], 12));
	EXPECT_TRUE(is_string(items[2], "TypeError: Class constructor Item cannot be invoked without 'new'"));
	EXPECT_TRUE(is_long(items[3], 3)) << describe(items[3]);
}

// ---- Inspect ----

TEST_F(NodeClasses, InspectListsTheClassesAndObjects) {
	std::unique_ptr<char, decltype(&std::free)> text(metacall_inspect(nullptr, nullptr), &std::free);
	ASSERT_NE(text, nullptr) << last_error();
	const auto document = nlohmann::json::parse(text.get(), nullptr, false);
	ASSERT_FALSE(document.is_discarded());
	const nlohmann::json *counter = nullptr, *object = nullptr;
	for (const auto &handle : document.at("node")) {
		for (const auto &cls : handle.at("scope").at("classes"))
			if (cls.value("name", "") == "Counter")
				counter = &cls;
		for (const auto &obj : handle.at("scope").at("objects"))
			if (obj.value("name", "") == "default_counter")
				object = &obj;
	}
	ASSERT_NE(counter, nullptr) << text.get();
	ASSERT_NE(object, nullptr) << text.get();
	EXPECT_EQ(object->value("class", ""), "Counter");
	const auto &constructor_args = counter->at("constructors").at(0).at("args");
	ASSERT_EQ(constructor_args.size(), 1u) << counter->dump();
	EXPECT_EQ(constructor_args[0].value("name", ""), "start");
	std::map<std::string, std::string> methods, statics;
	for (const auto &method : counter->at("methods"))
		methods[method.at("name")] = method.at("signature").at("args").empty()
		                                 ? ""
		                                 : method.at("signature").at("args")[0].value("name", "");
	for (const auto &method : counter->at("static_methods"))
		statics[method.at("name")] = "";
	EXPECT_EQ(methods["inc"], "by") << counter->dump();
	EXPECT_EQ(methods.count("doubled"), 0u) << counter->dump(); // an accessor, not a method
	EXPECT_EQ(statics.count("make"), 1u) << counter->dump();
	bool kind = false, count = false;
	for (const auto &attribute : counter->at("static_attributes"))
		kind = kind || attribute.value("name", "") == "kind";
	for (const auto &attribute : counter->at("attributes"))
		count = count || attribute.value("name", "") == "count";
	EXPECT_TRUE(kind) << counter->dump();
	EXPECT_TRUE(count) << counter->dump();
}

// ---- Lifetime ----

long rss_kib() {
	long pages = 0, resident = 0;
	FILE *statm = std::fopen("/proc/self/statm", "r");
	if (statm == nullptr)
		return 0;
	if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2)
		resident = 0;
	std::fclose(statm);
	return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

void *echo_host(size_t, void *argv[], void *) {
	return metacall_value_copy(argv[0]);
}

TEST_F(NodeClasses, AMillionRoundTripsOfAJsObjectThroughCDoNotGrowMemory) {
	void *func = nullptr;
	enum metacall_value_id any[] = {METACALL_INVALID};
	ASSERT_EQ(metacall_registerv(nullptr, echo_host, &func, METACALL_INVALID, 1, any), 0) << last_error();
	ValuePtr echo(metacall_value_create_function(func));
	ValuePtr warm =
	    call("round_trips", {metacall_value_copy(echo.get()), metacall_value_create_long(200000)});
	ASSERT_TRUE(is_long(warm.get(), 200000));
	const long before = rss_kib();
	ValuePtr done =
	    call("round_trips", {metacall_value_copy(echo.get()), metacall_value_create_long(1000000)});
	ASSERT_TRUE(is_long(done.get(), 1000000));
	const long grown = rss_kib() - before;
	RecordProperty("rss_growth_kib", std::to_string(grown));
	std::printf("RSS growth over 1,000,000 round trips: %ld KiB\n", grown);
#if !defined(__SANITIZE_ADDRESS__)
	// (ASan keeps freed memory in quarantine, so RSS tells nothing there: LeakSanitizer checks.)
	EXPECT_LT(grown, 8 * 1024) << "KiB";
#endif
}

TEST_F(NodeClasses, AHostObjectThatJsLetsGoIsReleased) {
	Player player;
	{
		ValuePtr host(metacall_value_create_host_object("Player", &kPlayer, &player));
		ValuePtr kept = call("keep", {metacall_value_copy(host.get())});
		ValuePtr forgotten = call("forget");
	}
	EXPECT_EQ(player.released.load(), 0); // until V8 collects the proxy
	for (int i = 0; i < 500 && player.released.load() == 0; ++i) {
		ValuePtr collected = call("collect");
		std::this_thread::sleep_for(std::chrono::milliseconds(10));
	}
	EXPECT_EQ(player.released.load(), 1);
}

} // namespace
