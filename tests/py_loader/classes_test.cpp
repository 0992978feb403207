// Classes and objects: Python classes and instances as class and object values (MetaCall's class
// and object calls on them, discovery, inspect, errors, identity, lifetime), and the proxies
// Python gets for objects and classes that C owns (host objects).
// nlohmann/json.hpp first: metacall_def.h defines a `boolean` macro that would break it.
#include <nlohmann/json.hpp>

#include "py_test.h"

#include <metacall/metacall_object.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>

namespace {

class PyClasses : public PyLoaderTest {
protected:
	void SetUp() override {
		PyLoaderTest::SetUp();
		ASSERT_EQ(load("classname.py"), 0) << last_error();
	}

	// An instance of MyClass(a, b).
	static ValuePtr new_object(long a, long b) {
		void *cls = metacall_class("MyClass");
		Args args{metacall_value_create_long(a), metacall_value_create_long(b)};
		return ValuePtr(metacall_class_new(cls, "instance", args.data(), args.size()));
	}

	// obj.method(args...) through metacallv_object, taking the arguments.
	static ValuePtr call_method(void *object_value, const char *method,
	                            std::initializer_list<void *> args = {}) {
		Args owned(args);
		return ValuePtr(
		    metacallv_object(metacall_value_to_object(object_value), method, owned.data(), owned.size()));
	}

	// The strings of an array value.
	static std::vector<std::string> strings(void *array) {
		std::vector<std::string> out;
		for (std::size_t i = 0; array != nullptr && i < metacall_value_count(array); ++i)
			out.push_back(text_of(metacall_value_to_array(array)[i]));
		return out;
	}
};

bool contains(const std::vector<std::string> &names, const std::string &name) {
	return std::find(names.begin(), names.end(), name) != names.end();
}

// ---- MetaCall's calls on Python classes and objects ----

TEST_F(PyClasses, AReturnedClassIsAClassValueNamedAfterIt) {
	const ValuePtr cls = call("return_class_function");
	ASSERT_EQ(metacall_value_id(cls.get()), METACALL_CLASS) << describe(cls.get());
	EXPECT_STREQ(metacall_object_class_name(metacall_value_to_class(cls.get())), "MyClass");
}

TEST_F(PyClasses, AReturnedInstanceIsAnObjectValue) {
	const ValuePtr object = call("return_object_function");
	ASSERT_EQ(metacall_value_id(object.get()), METACALL_OBJECT) << describe(object.get());
	EXPECT_STREQ(metacall_object_class_name(metacall_value_to_object(object.get())), "MyClass");
}

TEST_F(PyClasses, ClassNewCallsTheClassWithTheArguments) {
	const ValuePtr cls = call("return_class_function");
	Args args{string_value("name"), metacall_value_create_long(7)};
	const ValuePtr object(
	    metacall_class_new(metacall_value_to_class(cls.get()), "name", args.data(), args.size()));
	ASSERT_EQ(metacall_value_id(object.get()), METACALL_OBJECT) << describe(object.get());
	const ValuePtr a(metacall_object_get(metacall_value_to_object(object.get()), "a"));
	EXPECT_TRUE(is_string(a.get(), "name"));
	const ValuePtr b(metacall_object_get(metacall_value_to_object(object.get()), "b"));
	EXPECT_TRUE(is_long(b.get(), 7));
}

TEST_F(PyClasses, ObjectSetChangesTheAttribute) {
	const ValuePtr object = new_object(1, 2);
	void *obj = metacall_value_to_object(object.get());
	const ValuePtr value(metacall_value_create_long(99));
	ASSERT_EQ(metacall_object_set(obj, "b", value.get()), 0) << last_error();
	EXPECT_TRUE(is_long(ValuePtr(metacall_object_get(obj, "b")).get(), 99));
	ASSERT_EQ(metacall_object_set(obj, "added", value.get()), 0) << last_error();
	EXPECT_TRUE(is_long(ValuePtr(metacall_object_get(obj, "added")).get(), 99));
}

TEST_F(PyClasses, StaticAttributesAreReadAndSetOnTheClass) {
	void *cls = metacall_class("MyClass");
	EXPECT_TRUE(is_long(ValuePtr(metacall_class_static_get(cls, "b")).get(), 20));
	const ValuePtr value(metacall_value_create_long(30));
	ASSERT_EQ(metacall_class_static_set(cls, "b", value.get()), 0) << last_error();
	EXPECT_TRUE(is_long(ValuePtr(metacall_class_static_get(cls, "b")).get(), 30));
	const ValuePtr object = new_object(1, 2); // instances shadow it
	EXPECT_TRUE(is_long(ValuePtr(metacall_object_get(metacall_value_to_object(object.get()), "b")).get(), 2));
}

TEST_F(PyClasses, StaticAndClassMethodsAreCalledOnTheClass) {
	void *cls = metacall_class("MyClass");
	Args three{metacall_value_create_long(3)};
	EXPECT_TRUE(is_long(ValuePtr(metacallv_class(cls, "static", three.data(), three.size())).get(), 6));
	const ValuePtr made(metacallv_class(cls, "make", three.data(), three.size()));
	ASSERT_EQ(metacall_value_id(made.get()), METACALL_OBJECT) << describe(made.get());
	EXPECT_TRUE(is_long(ValuePtr(metacall_object_get(metacall_value_to_object(made.get()), "a")).get(), 3));
}

TEST_F(PyClasses, MethodsAreCalledWithTheirArguments) {
	const ValuePtr object = new_object(1, 2);
	EXPECT_TRUE(is_string(call_method(object.get(), "return_bye", {string_value("Joe")}).get(), "Bye Joe"));
	const ValuePtr types =
	    call_method(object.get(), "check_args", {metacall_value_create_long(1), string_value("x")});
	EXPECT_EQ(strings(types.get()), (std::vector<std::string>{"int", "str"})) << describe(types.get());
}

TEST_F(PyClasses, MetacalltObjectConvertsTheResult) {
	const ValuePtr object = new_object(1, 2);
	Args args{metacall_value_create_long(4)};
	const ValuePtr result(
	    metacallt_class(metacall_class("MyClass"), "static", METACALL_INT, args.data(), args.size()));
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_INT) << describe(result.get());
	EXPECT_EQ(metacall_value_to_int(result.get()), 8);
}

TEST_F(PyClasses, AMethodReadAsAnAttributeIsAFunctionBoundToTheObject) {
	const ValuePtr object = new_object(1, 2);
	const ValuePtr method(metacall_object_get(metacall_value_to_object(object.get()), "return_bye"));
	ASSERT_EQ(metacall_value_id(method.get()), METACALL_FUNCTION) << describe(method.get());
	Args args{string_value("Ann")};
	EXPECT_TRUE(is_string(
	    ValuePtr(metacallfv_s(metacall_value_to_function(method.get()), args.data(), args.size())).get(),
	    "Bye Ann"));
}

TEST_F(PyClasses, AnAsyncMethodReturnsAFuture) {
	const ValuePtr object = new_object(1, 2);
	const ValuePtr future = call_method(object.get(), "later", {metacall_value_create_long(1)});
	EXPECT_EQ(metacall_value_id(future.get()), METACALL_FUTURE) << describe(future.get());
}

TEST_F(PyClasses, AnInstanceWithCallIsAnObjectCalledThroughItsCallMethod) {
	const ValuePtr adder = call("make_adder_object");
	ASSERT_EQ(metacall_value_id(adder.get()), METACALL_OBJECT) << describe(adder.get());
	EXPECT_TRUE(is_long(call_method(adder.get(), "__call__", {metacall_value_create_long(41)}).get(), 42));
}

TEST_F(PyClasses, CallablesOfCTypesStayFunctions) {
	const ValuePtr partial = call("make_partial");
	ASSERT_EQ(metacall_value_id(partial.get()), METACALL_FUNCTION) << describe(partial.get());
	Args args{metacall_value_create_long(10)};
	EXPECT_TRUE(is_long(
	    ValuePtr(metacallfv_s(metacall_value_to_function(partial.get()), args.data(), args.size())).get(),
	    1024));
}

// ---- Discovery and inspect ----

TEST_F(PyClasses, ModuleClassesAndInstancesAreFoundByName) {
	void *cls = metacall_class("MyClass");
	ASSERT_NE(cls, nullptr) << last_error();
	EXPECT_STREQ(metacall_object_class_name(cls), "MyClass");
	EXPECT_NE(metacall_class("Adder"), nullptr) << last_error();
	void *shared = metacall_object("shared");
	ASSERT_NE(shared, nullptr) << last_error();
	Args args{string_value("you")};
	EXPECT_TRUE(is_string(ValuePtr(metacallv_object(shared, "return_bye", args.data(), args.size())).get(),
	                      "Bye you"));
	EXPECT_EQ(metacall_function("MyClass"), nullptr); // a class, not a function
}

TEST_F(PyClasses, ImportedClassesAreLeftOut) {
	EXPECT_EQ(metacall_class("JSONDecoder"), nullptr);
}

TEST_F(PyClasses, InspectListsTheClassWithItsConstructorMethodsAndAttributes) {
	std::unique_ptr<char, decltype(&std::free)> text(metacall_inspect(nullptr, nullptr), &std::free);
	ASSERT_NE(text, nullptr) << last_error();
	const nlohmann::json document = nlohmann::json::parse(text.get());
	const nlohmann::json *my_class = nullptr, *shared = nullptr;
	for (const auto &handle : document.at("py")) {
		for (const auto &cls : handle.at("scope").at("classes"))
			if (cls.at("name") == "MyClass")
				my_class = &cls;
		for (const auto &object : handle.at("scope").at("objects"))
			if (object.at("name") == "shared")
				shared = &object;
	}
	ASSERT_NE(my_class, nullptr) << document.dump(2);
	auto names = [](const nlohmann::json &list) {
		std::vector<std::string> out;
		for (const auto &item : list)
			out.push_back(item.at("name"));
		return out;
	};
	auto method = [&](const char *key, const std::string &name) {
		for (const auto &item : my_class->at(key))
			if (item.at("name") == name)
				return names(item.at("signature").at("args"));
		return std::vector<std::string>{"(missing)"};
	};
	EXPECT_EQ(names(my_class->at("constructors").at(0).at("args")), (std::vector<std::string>{"a", "b"}))
	    << my_class->dump(2);
	EXPECT_EQ(method("methods", "return_bye"), (std::vector<std::string>{"name"}));
	EXPECT_EQ(method("methods", "check_args"), (std::vector<std::string>{"a", "b"}));
	EXPECT_EQ(method("static_methods", "static"), (std::vector<std::string>{"x"}));
	EXPECT_EQ(method("static_methods", "make"), (std::vector<std::string>{"a"}));
	EXPECT_FALSE(contains(names(my_class->at("methods")), "_hidden"));
	EXPECT_FALSE(contains(names(my_class->at("methods")), "__init__"));
	EXPECT_EQ(names(my_class->at("attributes")), (std::vector<std::string>{"label"}));
	EXPECT_EQ(names(my_class->at("static_attributes")), (std::vector<std::string>{"b"}));
	ASSERT_NE(shared, nullptr) << document.dump(2);
	EXPECT_EQ(shared->at("class"), "MyClass");
}

TEST_F(PyClasses, KeysAreTheInstanceAttributesThenThePublicMembers) {
	const ValuePtr object = new_object(1, 2);
	const ValuePtr keys(metacall_object_keys(metacall_value_to_object(object.get())));
	const std::vector<std::string> names = strings(keys.get());
	ASSERT_GE(names.size(), 2u) << describe(keys.get());
	EXPECT_EQ(names[0], "a");
	EXPECT_EQ(names[1], "b");
	for (const char *member : {"static", "make", "return_bye", "check_args", "fail", "later"})
		EXPECT_TRUE(contains(names, member)) << member;
	EXPECT_FALSE(contains(names, "_hidden"));
	EXPECT_FALSE(contains(names, "__init__"));
	EXPECT_EQ(std::count(names.begin(), names.end(), "b"), 1); // the instance's b shadows the class's
}

// ---- Errors ----

TEST_F(PyClasses, AMissingAttributeIsAnAttributeErrorNamingIt) {
	const ValuePtr object = new_object(1, 2);
	void *obj = metacall_value_to_object(object.get());
	EXPECT_TRUE(is_error(ValuePtr(metacall_object_get(obj, "nope")).get(), "AttributeError", "nope"));
	EXPECT_TRUE(is_error(call_method(object.get(), "nope").get(), "AttributeError", "nope"));
	EXPECT_TRUE(is_error(ValuePtr(metacall_class_static_get(metacall_class("MyClass"), "nope")).get(),
	                     "AttributeError", "nope"));
}

TEST_F(PyClasses, CallingAnAttributeThatIsNotCallableIsATypeError) {
	const ValuePtr object = new_object(1, 2);
	EXPECT_TRUE(is_error(call_method(object.get(), "b").get(), "TypeError", "'b'"));
}

TEST_F(PyClasses, AMethodThatRaisesGivesItsLabelMessageAndTraceback) {
	const ValuePtr object = new_object(1, 2);
	const ValuePtr failure = call_method(object.get(), "fail", {string_value("boom")});
	ASSERT_TRUE(is_error(failure.get(), "ValueError", "boom"));
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(failure.get(), &error), 0);
	EXPECT_NE(std::strstr(error.stacktrace, "classname.py"), nullptr) << error.stacktrace;
	EXPECT_NE(std::strstr(error.stacktrace, "in fail"), nullptr) << error.stacktrace;
}

TEST_F(PyClasses, AConstructorThatRaisesIsAThrowable) {
	Args one{metacall_value_create_long(1)}; // MyClass takes two
	EXPECT_TRUE(is_error(
	    ValuePtr(metacall_class_new(metacall_class("MyClass"), nullptr, one.data(), one.size())).get(),
	    "TypeError", "__init__"));
}

// The core refuses what came from a cleared handle: classes and module objects, the objects
// its functions returned and the instances its classes made.
class PyClearedHandle : public PyClasses {
protected:
	void SetUp() override {
		PyClasses::SetUp();
		handle_ = load_memory("class K:\n    def __init__(self):\n        self.x = 1\n\n"
		                      "def make():\n    return K()\n\nshared = K()\n");
	}

	// After clearing the handle, reading x of `object` fails with a ReferenceError.
	void expect_refused_after_clear(void *object) {
		ASSERT_EQ(metacall_value_id(object), METACALL_OBJECT) << describe(object);
		ASSERT_TRUE(is_long(ValuePtr(metacall_object_get(metacall_value_to_object(object), "x")).get(), 1));
		ASSERT_EQ(metacall_clear(handle_), 0) << last_error();
		EXPECT_EQ(metacall_object_get(metacall_value_to_object(object), "x"), nullptr);
		EXPECT_EQ(last_error().rfind("ReferenceError", 0), 0u) << last_error();
	}

	void *handle_ = nullptr;
};

TEST_F(PyClearedHandle, AnObjectItsFunctionReturnedIsAReferenceError) {
	const ValuePtr object = call_in(handle_, "make");
	expect_refused_after_clear(object.get());
}

TEST_F(PyClearedHandle, AnInstanceOfItsClassIsAReferenceError) {
	void *cls = metacall_handle_class(handle_, "K");
	ASSERT_NE(cls, nullptr) << last_error();
	const ValuePtr object(metacall_class_new(cls, nullptr, nullptr, 0));
	expect_refused_after_clear(object.get());
}

TEST_F(PyClearedHandle, ItsModuleObjectIsAReferenceError) {
	const ValuePtr exports(metacall_handle_export(handle_));
	ASSERT_NE(exports, nullptr) << last_error();
	void *shared = nullptr;
	for (std::size_t i = 0; i < metacall_value_count(exports.get()); ++i) {
		void **pair = metacall_value_to_array(metacall_value_to_map(exports.get())[i]);
		if (text_of(pair[0]) == "shared")
			shared = pair[1];
	}
	ASSERT_NE(shared, nullptr) << "the handle exports no 'shared'";
	const ValuePtr object(metacall_value_copy(shared));
	expect_refused_after_clear(object.get());
}

// ---- Identity ----

TEST_F(PyClasses, AnObjectComesBackAsTheSamePythonObject) {
	const ValuePtr object = call("return_object_function");
	const ValuePtr again = call("return_itself", {metacall_value_copy(object.get())});
	ASSERT_EQ(metacall_value_id(again.get()), METACALL_OBJECT) << describe(again.get());
	const ValuePtr same =
	    call("is_same", {metacall_value_copy(object.get()), metacall_value_copy(again.get())});
	EXPECT_EQ(metacall_value_to_bool(same.get()), 1) << describe(same.get());
}

TEST_F(PyClasses, AClassComesBackAsTheSameClass) {
	const ValuePtr cls = call("return_class_function");
	const ValuePtr same = call("is_my_class", {metacall_value_copy(cls.get())});
	EXPECT_EQ(metacall_value_to_bool(same.get()), 1) << describe(same.get());
}

TEST_F(PyClasses, AValueKeptAcrossDestroyIsAReferenceErrorInPython) {
	const ValuePtr object = call("return_object_function");
	metacall_destroy();
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	ASSERT_EQ(metacall_execution_path("py", scripts_folder().c_str()), 0) << last_error();
	ASSERT_EQ(load("classname.py"), 0) << last_error();
	EXPECT_TRUE(is_error(call("return_itself", {metacall_value_copy(object.get())}).get(), "ReferenceError",
	                     "destroyed"));
}

// ---- Lifetime ----

TEST_F(PyClasses, AnObjectIsCollectedWhenItsLastValueIsDestroyed) {
	ValuePtr object = call("make_tracked");
	ASSERT_EQ(metacall_value_id(object.get()), METACALL_OBJECT) << describe(object.get());
	EXPECT_EQ(metacall_value_to_bool(call("tracked_alive").get()), 1);
	ValuePtr copy(metacall_value_copy(object.get()));
	object.reset();
	EXPECT_EQ(metacall_value_to_bool(call("tracked_alive").get()), 1); // the copy still holds it
	copy.reset();
	EXPECT_EQ(metacall_value_to_bool(call("tracked_alive").get()), 0);
}

TEST_F(PyClasses, AnObjectIsUsedFromSeveralThreadsAndReleasedOnAThreadPythonNeverSaw) {
	ValuePtr object = call("make_tracked");
	ASSERT_EQ(metacall_value_id(object.get()), METACALL_OBJECT) << describe(object.get());
	std::atomic<int> failures{0};
	within(std::chrono::seconds(30), [&] {
		std::vector<std::thread> threads;
		for (int t = 0; t < 4; ++t)
			threads.emplace_back([&] {
				for (int i = 0; i < 200; ++i) {
					Args args{string_value("t")};
					const ValuePtr result(metacallv_object(metacall_value_to_object(object.get()),
					                                       "return_bye", args.data(), args.size()));
					if (!is_string(result.get(), "Bye t"))
						++failures;
					const ValuePtr copy(metacall_value_copy(object.get())); // dropped on this thread
				}
			});
		for (std::thread &thread : threads)
			thread.join();
		std::thread([&] { object.reset(); }).join(); // the last value: release runs there
	});
	EXPECT_EQ(failures.load(), 0);
	EXPECT_EQ(metacall_value_to_bool(call("tracked_alive").get()), 0);
}

// Returns its argument; counts its calls in *data.
void *echo(size_t, void *argv[], void *data) {
	++*static_cast<long *>(data);
	return metacall_value_copy(argv[0]);
}

// Resident memory in bytes.
long resident_bytes() {
	long size = 0, resident = 0;
	std::ifstream statm("/proc/self/statm");
	statm >> size >> resident;
	return resident * sysconf(_SC_PAGESIZE);
}

TEST_F(PyClasses, AMillionRoundTripsThroughCDoNotGrowMemory) {
	void *host = nullptr;
	long calls = 0;
	ASSERT_EQ(metacall_registerv_closure(nullptr, echo, &calls, &host, METACALL_INVALID, 1, nullptr), 0)
	    << last_error();
	auto round_trips = [&](long count) {
		return call("round_trips", {metacall_value_create_function(host), metacall_value_create_long(count)});
	};
	ASSERT_EQ(metacall_value_to_bool(round_trips(100000).get()), 1); // warm-up: pools and caches fill
	const long before = resident_bytes();
	const ValuePtr result = round_trips(1000000);
	const long after = resident_bytes();
	EXPECT_EQ(metacall_value_to_bool(result.get()), 1) << describe(result.get());
	EXPECT_EQ(calls, 1100000);
	std::printf("RSS growth over 1,000,000 round trips: %ld KiB\n", (after - before) / 1024);
#if !defined(__SANITIZE_ADDRESS__)
	// (ASan keeps freed memory in quarantine, so RSS tells nothing there: LeakSanitizer checks.)
	EXPECT_LT(after - before, 4L * 1024 * 1024);
#endif
}

// ---- Proxies of host objects and classes ----

// A host object: a point whose x and y scripts read and set, with a method `sum`.
struct Point {
	long x = 0;
	long y = 0;
	bool *released = nullptr;
};

void *point_get(void *data, const char *key) {
	auto *point = static_cast<Point *>(data);
	if (std::strcmp(key, "x") == 0)
		return metacall_value_create_long(point->x);
	if (std::strcmp(key, "y") == 0)
		return metacall_value_create_long(point->y);
	return nullptr; // `sum` comes from `methods`
}

void *point_set(void *data, const char *key, void *value) {
	auto *point = static_cast<Point *>(data);
	if (metacall_value_id(value) != METACALL_LONG)
		return metacall_error_throw("TypeError", 0, nullptr, "%s must be a Long", key);
	(std::strcmp(key, "x") == 0 ? point->x : point->y) = metacall_value_to_long(value);
	return nullptr;
}

void *point_call(void *data, const char *method, void *[], size_t) {
	auto *point = static_cast<Point *>(data);
	if (std::strcmp(method, "sum") == 0)
		return metacall_value_create_long(point->x + point->y);
	return metacall_error_throw("AttributeError", 0, nullptr, "no method %s", method);
}

void *point_keys(void *) {
	const void *names[] = {metacall_value_create_string("x", 1), metacall_value_create_string("y", 1)};
	return metacall_value_create_array(names, 2);
}

void *point_methods(void *) {
	const void *names[] = {metacall_value_create_string("sum", 3)};
	return metacall_value_create_array(names, 1);
}

void point_release(void *data) {
	auto *point = static_cast<Point *>(data);
	if (point->released != nullptr)
		*point->released = true;
}

// Points made by the class are owned by the class's test through this list.
std::vector<std::unique_ptr<Point>> *made_points = nullptr;

const metacall_object_interface point_interface{
    .get = point_get,
    .set = point_set,
    .call = point_call,
    .keys = point_keys,
    .methods = point_methods,
    .construct = nullptr,
    .describe = nullptr,
    .release = point_release,
};

void *point_construct(void *, void *args[], size_t size) {
	auto point = std::make_unique<Point>();
	point->x = size > 0 ? metacall_value_to_long(args[0]) : 0;
	point->y = size > 1 ? metacall_value_to_long(args[1]) : 0;
	void *value = metacall_value_create_host_object("Point", &point_interface, point.get());
	made_points->push_back(std::move(point));
	return value;
}

const metacall_object_interface point_class_interface{
    .get = nullptr,
    .set = nullptr,
    .call = nullptr,
    .keys = nullptr,
    .methods = nullptr,
    .construct = point_construct,
    .describe = nullptr,
    .release = nullptr,
};

class PyProxies : public PyClasses {
protected:
	void SetUp() override {
		PyClasses::SetUp();
		made_points = &made_;
		point_.x = 3;
		point_.y = 4;
		point_.released = &released_;
		object_.reset(metacall_value_create_host_object("Point", &point_interface, &point_));
		ASSERT_NE(object_, nullptr) << last_error();
	}
	void TearDown() override {
		object_.reset();
		PyClasses::TearDown();
		made_points = nullptr;
	}

	ValuePtr object() const { return ValuePtr(metacall_value_copy(object_.get())); }

	Point point_;
	bool released_ = false;
	ValuePtr object_;
	std::vector<std::unique_ptr<Point>> made_;
};

TEST_F(PyProxies, PythonReadsAndSetsTheAttributesOfAHostObject) {
	EXPECT_TRUE(is_long(call("read_attribute", {object().release(), string_value("x")}).get(), 3));
	EXPECT_TRUE(is_long(
	    call("set_attribute", {object().release(), string_value("y"), metacall_value_create_long(10)}).get(),
	    10));
	EXPECT_EQ(point_.y, 10);
}

TEST_F(PyProxies, AHostSetterThatThrowsRaisesItsException) {
	const ValuePtr failure =
	    call("set_attribute", {object().release(), string_value("x"), string_value("no")});
	EXPECT_TRUE(is_error(failure.get(), "TypeError", "must be a Long"));
}

TEST_F(PyProxies, PythonCallsTheMethodsOfAHostObject) {
	EXPECT_TRUE(is_long(call("call_method", {object().release(), string_value("sum")}).get(), 7));
}

TEST_F(PyProxies, DirAndReprOfAProxyNameItsKeysAndClass) {
	const ValuePtr names = call("names", {object().release()});
	EXPECT_EQ(strings(names.get()), (std::vector<std::string>{"sum", "x", "y"}))
	    << describe(names.get()); // sorted by dir()
	EXPECT_TRUE(is_string(call("text", {object().release()}).get(), "<metacall.Object of class 'Point'>"));
}

TEST_F(PyProxies, AMissingAttributeOfAProxyIsAnAttributeErrorNamingIt) {
	const ValuePtr message = call("missing_attribute_error", {object().release()});
	EXPECT_NE(text_of(message.get()).find("'nope'"), std::string::npos) << describe(message.get());
}

TEST_F(PyProxies, AProxyGoesBackAsTheValueItStandsFor) {
	const ValuePtr back = call("return_itself", {object().release()});
	ASSERT_EQ(metacall_value_id(back.get()), METACALL_OBJECT) << describe(back.get());
	EXPECT_EQ(metacall_value_to_object(back.get()), metacall_value_to_object(object_.get()));
}

TEST_F(PyProxies, AHostObjectIsReleasedWhenPythonDropsTheLastProxy) {
	call("keep", {object().release()});
	object_.reset();
	EXPECT_FALSE(released_); // Python keeps it
	call("drop_kept");
	EXPECT_TRUE(released_);
}

TEST_F(PyProxies, AHostClassIsCallableInPythonAndNamed) {
	const ValuePtr cls(metacall_value_create_host_class("Point", &point_class_interface, nullptr));
	ASSERT_NE(cls, nullptr) << last_error();
	EXPECT_TRUE(is_string(call("class_name", {metacall_value_copy(cls.get())}).get(), "Point"));
	const ValuePtr made = call("construct", {metacall_value_copy(cls.get()), metacall_value_create_long(5),
	                                         metacall_value_create_long(6)});
	ASSERT_EQ(metacall_value_id(made.get()), METACALL_OBJECT) << describe(made.get());
	EXPECT_TRUE(is_long(ValuePtr(metacall_object_get(metacall_value_to_object(made.get()), "y")).get(), 6));
	EXPECT_TRUE(is_string(call("text", {metacall_value_copy(cls.get())}).get(), "<metacall.Class 'Point'>"));
}

} // namespace
