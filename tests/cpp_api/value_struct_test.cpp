// Types of the host as Maps: to_metacall / from_metacall declared in the type's namespace are
// found by argument-dependent lookup and used wherever convert<T> is.
#include "cpp_api_test.h"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace shop {

struct item {
	std::string name;
	long quantity = 0;
	std::optional<double> price;
};

inline void to_metacall(metacall::map_builder &m, const item &i) {
	m.field("name", i.name).field("quantity", i.quantity).field("price", i.price);
}

inline void from_metacall(const metacall::map_reader &m, item &i) {
	m.field("name", i.name).field("quantity", i.quantity).field("price", i.price);
}

// A type inside a type.
struct order {
	long id = 0;
	std::vector<item> items;
};

inline void to_metacall(metacall::map_builder &m, const order &o) {
	m.field("id", o.id).field("items", o.items);
}

inline void from_metacall(const metacall::map_reader &m, order &o) {
	m.field("id", o.id).field("items", o.items);
}

// Read only: a type may declare one direction.
struct receipt {
	double total = 0;
};

inline void from_metacall(const metacall::map_reader &m, receipt &r) {
	m.field("total", r.total);
}

} // namespace shop

using metacall::value;
using shop::item;

namespace {

using StructValues = cpp_api_test::CppApi;

// A Map of mixed values, to write fields by hand.
using fields = std::map<std::string, std::variant<std::string, long, double>>;

std::string type_error_of(const value &v) {
	try {
		v.to<item>();
	} catch (const metacall::type_error &e) {
		return e.what();
	}
	return "";
}

} // namespace

TEST_F(StructValues, StructIsAMapOfItsFields) {
	value v = value::from(item{"pen", 3, 1.25});
	ASSERT_EQ(v.type(), METACALL_MAP);
	const auto fields = v.to<std::map<std::string, value>>();
	ASSERT_EQ(fields.size(), 3U);
	EXPECT_EQ(fields.at("name").to<std::string>(), "pen");
	EXPECT_EQ(fields.at("quantity").to<long>(), 3);
	EXPECT_EQ(fields.at("price").to<double>(), 1.25);
}

TEST_F(StructValues, StructRoundTrips) {
	const item i = value::from(item{"pen", 3, std::nullopt}).to<item>();
	EXPECT_EQ(i.name, "pen");
	EXPECT_EQ(i.quantity, 3);
	EXPECT_EQ(i.price, std::nullopt);
}

TEST_F(StructValues, StructsNestInStructsAndContainers) {
	const shop::order o{7, {{"pen", 3, 1.25}, {"ink", 1, std::nullopt}}};
	const auto back = value::from(std::vector<shop::order>{o}).to<std::vector<shop::order>>();
	ASSERT_EQ(back.size(), 1U);
	EXPECT_EQ(back[0].id, 7);
	ASSERT_EQ(back[0].items.size(), 2U);
	EXPECT_EQ(back[0].items[1].name, "ink");
}

TEST_F(StructValues, MissingFieldIsATypeErrorNamingIt) {
	value v = value::from(std::map<std::string, long>{{"quantity", 3}});
	EXPECT_EQ(type_error_of(v), "field \"name\" is missing");
}

TEST_F(StructValues, MissingOptionalFieldIsEmpty) {
	value v = value::from(fields{{"name", std::string("pen")}, {"quantity", 3L}});
	EXPECT_EQ(v.to<item>().price, std::nullopt);
}

TEST_F(StructValues, MistypedFieldIsATypeErrorNamingIt) {
	value v = value::from(fields{{"name", std::string("pen")}, {"quantity", std::string("three")}});
	EXPECT_EQ(type_error_of(v),
	          "field \"quantity\": cannot convert to long: expected Char, Short, Integer, Long, Float or "
	          "Double, got String");
}

TEST_F(StructValues, FieldOutOfRangeIsARangeErrorNamingIt) {
	value v = value::from(fields{{"name", std::string("pen")}, {"quantity", 2.5}});
	EXPECT_THROW(v.to<item>(), metacall::range_error);
	EXPECT_EQ(type_error_of(v),
	          "field \"quantity\": cannot convert to long: the Double 2.5 is not a whole number");
}

TEST_F(StructValues, NonMapIsATypeError) {
	EXPECT_EQ(type_error_of(value::from(5L)), "cannot convert to a type of the host: expected Map, got Long");
}

TEST_F(StructValues, OneDirectionIsEnough) {
	value v = value::from(std::map<std::string, double>{{"total", 9.5}});
	EXPECT_EQ(v.to<shop::receipt>().total, 9.5);
}

TEST_F(StructValues, StructsAreParametersAndResultsOfHostFunctions) {
	metacall::function f = metacall::register_function("restock", [](item i, long more) {
		i.quantity += more;
		return i;
	});
	metacall::value_id declared = METACALL_INVALID;
	ASSERT_EQ(metacall_function_parameter_type(f.get(), 0, &declared), 0);
	EXPECT_EQ(declared, METACALL_MAP);
	const item i = metacall::call<item>("restock", item{"pen", 3, 1.25}, 2L);
	EXPECT_EQ(i.quantity, 5);
	EXPECT_EQ(i.price, 1.25);
}

TEST_F(StructValues, StructsPassThroughOtherLanguages) {
	auto script = metacall::handle::load_from_memory("mock", cpp_api_test::mock_script);
	const item i = script.call<item>("echo", item{"pen", 3, std::nullopt});
	EXPECT_EQ(i.name, "pen");
}
