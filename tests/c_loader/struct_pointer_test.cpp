// Structs by pointer: a Map of the fields laid out as C lays the struct out, copied in only.
#include "c_loader_fixture.h"

namespace {

class StructPointers : public CLoaderTest {
protected:
	void SetUp() override {
		CLoaderTest::SetUp();
		if (!HasFatalFailure())
			load_types();
	}
};

void *point(double x, double y) {
	return map_of({{"x", metacall_value_create_double(x)}, {"y", metacall_value_create_double(y)}});
}

TEST_F(StructPointers, AStructPointerParameterIsAMap) {
	enum metacall_value_id id = METACALL_INVALID;
	ASSERT_EQ(metacall_function_parameter_type(metacall_function("point_length"), 0, &id), 0);
	EXPECT_EQ(id, METACALL_MAP);
}

TEST_F(StructPointers, AMapIsPassedAsTheStruct) {
	Args args{point(3.0, 4.0)};
	const ValuePtr result = call("point_length", args);
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_DOUBLE) << describe(result.get());
	EXPECT_EQ(metacall_value_to_double(result.get()), 5.0);
}

TEST_F(StructPointers, KeysMayComeInAnyOrder) {
	Args args{map_of({{"y", metacall_value_create_double(2.0)}, {"x", metacall_value_create_int(1)}})};
	EXPECT_EQ(metacall_value_to_double(call("point_sum", args).get()), 3.0);
}

TEST_F(StructPointers, FieldsOfMixedTypesAreLaidOutWithTheirPadding) {
	Args args{map_of({{"tag", metacall_value_create_char(1)},
	                  {"count", metacall_value_create_int(3)},
	                  {"weight", metacall_value_create_double(0.5)},
	                  {"label", string_value("four")},
	                  {"flag", metacall_value_create_bool(1)},
	                  {"small", metacall_value_create_short(200)},
	                  {"big", metacall_value_create_long(1L << 40)}})};
	const ValuePtr score = call("sample_score", args);
	ASSERT_EQ(metacall_value_id(score.get()), METACALL_DOUBLE) << describe(score.get());
	EXPECT_EQ(metacall_value_to_double(score.get()), 1 + 3 * 0.5 + 4 + 1000 + 200);
	EXPECT_STREQ(metacall_value_to_string(call("sample_label", args).get()), "four");
	EXPECT_EQ(metacall_value_to_long(call("sample_big", args).get()), 1L << 40);
}

TEST_F(StructPointers, AnAnonymousStructNamedByATypedef) {
	Args args{map_of({{"id", metacall_value_create_int(4)}, {"score", metacall_value_create_float(0.5f)}})};
	EXPECT_EQ(metacall_value_to_float(call("record_score", args).get()), 2.0f);
}

TEST_F(StructPointers, AMissingFieldIsNamed) {
	Args args{map_of({{"x", metacall_value_create_double(1.0)}})};
	EXPECT_TRUE(is_error(call("point_length", args).get(), "TypeError",
	                     {"point_length", "parameter 0 ('p')", "struct point is missing field 'y'"}));
}

TEST_F(StructPointers, EveryMissingFieldIsNamed) {
	Args args{map_of({{"tag", metacall_value_create_char(1)}})};
	EXPECT_TRUE(is_error(call("sample_score", args).get(), "TypeError",
	                     {"missing fields 'count', 'weight', 'label', 'flag', 'small', 'big'"}));
}

TEST_F(StructPointers, AnUnknownKeyIsAnError) {
	Args args{map_of({{"x", metacall_value_create_double(1.0)},
	                  {"y", metacall_value_create_double(1.0)},
	                  {"z", metacall_value_create_double(1.0)}})};
	EXPECT_TRUE(is_error(call("point_length", args).get(), "TypeError", {"struct point has no field 'z'"}));
}

TEST_F(StructPointers, AFieldValueThatDoesNotConvertIsNamed) {
	Args args{map_of({{"x", string_value("one")}, {"y", metacall_value_create_double(1.0)}})};
	EXPECT_TRUE(is_error(call("point_length", args).get(), "TypeError",
	                     {"field 'x' of struct point", "expected a number (double)", "String"}));
	Args range{
	    map_of({{"id", metacall_value_create_long(1L << 40)}, {"score", metacall_value_create_float(1)}})};
	EXPECT_TRUE(is_error(call("record_score", range).get(), "RangeError", {"field 'id'", "int32_t"}));
}

TEST_F(StructPointers, TheStructIsCopiedInOnly) {
	const ValuePtr p(point(1.0, 2.0));
	void *args[] = {p.get(), metacall_value_create_double(10.0)};
	ValuePtr(metacallv_s("point_scale", args, 2));
	metacall_value_destroy(args[1]);
	void **entries = metacall_value_to_map(p.get());
	EXPECT_EQ(metacall_value_to_double(metacall_value_to_array(entries[0])[1]), 1.0);
}

TEST_F(StructPointers, APointerValueIsPassedAsTheAddress) {
	struct {
		double x, y;
	} native{6.0, 8.0};
	Args args{metacall_value_create_ptr(&native)};
	EXPECT_EQ(metacall_value_to_double(call("point_length", args).get()), 10.0);
}

TEST_F(StructPointers, AnOpaqueStructTravelsAsAPointer) {
	const ValuePtr opaque = call("make_opaque");
	ASSERT_EQ(metacall_value_id(opaque.get()), METACALL_PTR) << describe(opaque.get());
	void *args[] = {opaque.get()};
	EXPECT_EQ(metacall_value_to_int(ValuePtr(metacallv_s("opaque_value", args, 1)).get()), 7);
	enum metacall_value_id id = METACALL_INVALID;
	ASSERT_EQ(metacall_function_parameter_type(metacall_function("opaque_value"), 0, &id), 0);
	EXPECT_EQ(id, METACALL_PTR);
}

TEST_F(StructPointers, ANumberForAStructIsATypeError) {
	Args args{metacall_value_create_double(1.0)};
	EXPECT_TRUE(
	    is_error(call("point_length", args).get(), "TypeError", {"expected a Map of its fields", "Double"}));
}

} // namespace
