// Values: ids carry MetaCall's numbering and names; anything out of range is "Invalid".
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

using core_test::own;

TEST(ValueIds, KeepMetaCallNumbering) {
	EXPECT_EQ(METACALL_BOOL, 0);
	EXPECT_EQ(METACALL_INT, 3);
	EXPECT_EQ(METACALL_STRING, 7);
	EXPECT_EQ(METACALL_MAP, 10);
	EXPECT_EQ(METACALL_NULL, 14);
	EXPECT_EQ(METACALL_THROWABLE, 18);
	EXPECT_EQ(METACALL_SIZE, 19);
}

TEST(ValueIdName, NamesEveryIdAsMetaCallDoes) {
	const std::vector<std::pair<enum metacall_value_id, std::string>> names = {
	    {METACALL_BOOL, "Boolean"},       {METACALL_CHAR, "Char"},         {METACALL_SHORT, "Short"},
	    {METACALL_INT, "Integer"},        {METACALL_LONG, "Long"},         {METACALL_FLOAT, "Float"},
	    {METACALL_DOUBLE, "Double"},      {METACALL_STRING, "String"},     {METACALL_BUFFER, "Buffer"},
	    {METACALL_ARRAY, "Array"},        {METACALL_MAP, "Map"},           {METACALL_PTR, "Pointer"},
	    {METACALL_FUTURE, "Future"},      {METACALL_FUNCTION, "Function"}, {METACALL_NULL, "Null"},
	    {METACALL_CLASS, "Class"},        {METACALL_OBJECT, "Object"},     {METACALL_EXCEPTION, "Exception"},
	    {METACALL_THROWABLE, "Throwable"}};
	ASSERT_EQ(names.size(), static_cast<size_t>(METACALL_SIZE));
	for (const auto &[id, name] : names) {
		const char *got = metacall_value_id_name(id);
		ASSERT_NE(got, nullptr) << "id " << id;
		EXPECT_EQ(std::string(got), name) << "id " << id;
	}
}

TEST(ValueIdName, IsInvalidOutOfRange) {
	for (int id : {static_cast<int>(METACALL_SIZE), static_cast<int>(METACALL_INVALID), 100, -1}) {
		const char *got = metacall_value_id_name(static_cast<enum metacall_value_id>(id));
		ASSERT_NE(got, nullptr) << "id " << id;
		EXPECT_STREQ(got, "Invalid") << "id " << id;
	}
}

TEST(ValueTypeName, IsTheNameOfTheValuesId) {
	auto i = own(metacall_value_create_int(1));
	auto s = own(metacall_value_create_string("s", 1));
	auto m = own(metacall_value_create_map(nullptr, 0));
	auto t = own(metacall_value_create_throwable(nullptr));
	EXPECT_STREQ(metacall_value_type_name(i.get()), "Integer");
	EXPECT_STREQ(metacall_value_type_name(s.get()), "String");
	EXPECT_STREQ(metacall_value_type_name(m.get()), "Map");
	EXPECT_STREQ(metacall_value_type_name(t.get()), "Throwable");
}

TEST(ValueTypeName, OfNullIsInvalid) {
	EXPECT_STREQ(metacall_value_type_name(nullptr), "Invalid");
}
