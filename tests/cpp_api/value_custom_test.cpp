// metacall::convert is open: a specialisation makes a type of the host a value, an argument, a
// result and a parameter of a registered function like the built-in ones.
#include "cpp_api_test.h"

#include <vector>

namespace geometry {
struct point {
	double x = 0, y = 0;
};
} // namespace geometry

// A point is the Array [x, y].
template <>
struct metacall::convert<geometry::point> {
	static constexpr metacall::value_id id = METACALL_ARRAY;
	static metacall::value to_value(const geometry::point &p) {
		return metacall::value::from(std::vector<double>{p.x, p.y});
	}
	static geometry::point from_value(void *v) {
		const auto xy = metacall::convert<std::vector<double>>::from_value(v);
		if (xy.size() != 2)
			throw metacall::type_error("a point is an Array of 2 numbers, got " + std::to_string(xy.size()));
		return geometry::point{xy[0], xy[1]};
	}
};

namespace {

using CustomConversions = cpp_api_test::CppApi;
using geometry::point;

} // namespace

TEST_F(CustomConversions, SpecialisationMakesAValueAndReadsItBack) {
	metacall::value v = metacall::value::from(point{1, 2});
	EXPECT_EQ(v.type(), METACALL_ARRAY);
	point p = v.to<point>();
	EXPECT_EQ(p.x, 1);
	EXPECT_EQ(p.y, 2);
}

TEST_F(CustomConversions, SpecialisationComposesWithContainers) {
	auto points = metacall::value::from(std::vector<point>{{1, 2}, {3, 4}}).to<std::vector<point>>();
	ASSERT_EQ(points.size(), 2U);
	EXPECT_EQ(points[1].y, 4);
}

TEST_F(CustomConversions, SpecialisationErrorsPropagate) {
	EXPECT_THROW(metacall::value::from(std::vector<double>{1}).to<point>(), metacall::type_error);
}

TEST_F(CustomConversions, CustomTypesAreParametersAndResultsOfHostFunctions) {
	metacall::function f = metacall::register_function("mirror", [](const point &p) {
		return point{p.y, p.x};
	});
	metacall::value_id declared = METACALL_INVALID;
	ASSERT_EQ(metacall_function_parameter_type(f.get(), 0, &declared), 0);
	EXPECT_EQ(declared, METACALL_ARRAY);
	point p = metacall::call<point>("mirror", point{5, 6});
	EXPECT_EQ(p.x, 6);
	EXPECT_EQ(p.y, 5);
}
