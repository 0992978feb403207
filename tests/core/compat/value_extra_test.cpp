// metacall_value_cast_<type> converts in place and reads; metacall_value_reference points into a
// value's data and metacall_value_dereference leads back to the value; metacall_throwable_value.
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstring>

using core_test::LastErrorContains;
using core_test::own;

TEST(ValueCastInPlace, ConvertsAndReturnsTheReading) {
	void *v = metacall_value_create_string("42", 2);
	EXPECT_EQ(metacall_value_cast_int(&v), 42);
	EXPECT_EQ(metacall_value_id(v), METACALL_INT);
	EXPECT_DOUBLE_EQ(metacall_value_cast_double(&v), 42.0);
	EXPECT_EQ(metacall_value_id(v), METACALL_DOUBLE);
	EXPECT_STREQ(metacall_value_cast_string(&v), "42");
	EXPECT_EQ(metacall_value_id(v), METACALL_STRING);
	metacall_value_destroy(v);
}

TEST(ValueCastInPlace, EveryNumberType) {
	void *v = metacall_value_create_long(7);
	EXPECT_EQ(metacall_value_cast_char(&v), 7);
	EXPECT_EQ(metacall_value_id(v), METACALL_CHAR);
	EXPECT_EQ(metacall_value_cast_short(&v), 7);
	EXPECT_EQ(metacall_value_cast_long(&v), 7L);
	EXPECT_FLOAT_EQ(metacall_value_cast_float(&v), 7.0f);
	EXPECT_EQ(metacall_value_id(v), METACALL_FLOAT);
	metacall_value_destroy(v);
	void *one = metacall_value_create_int(1);
	EXPECT_EQ(metacall_value_cast_bool(&one), 1);
	EXPECT_EQ(metacall_value_id(one), METACALL_BOOL);
	metacall_value_destroy(one);
}

TEST(ValueCastInPlace, SameTypeReadsWithoutChange) {
	void *v = metacall_value_create_int(5);
	void *before = v;
	EXPECT_EQ(metacall_value_cast_int(&v), 5);
	EXPECT_EQ(v, before);
	void *array = metacall_value_create_array(nullptr, 2);
	EXPECT_EQ(metacall_value_cast_array(&array), metacall_value_to_array(array));
	metacall_value_destroy(array);
	metacall_value_destroy(v);
}

TEST(ValueCastInPlace, ImpossibleCastLeavesTheValueAndSaysWhy) {
	auto original = own(metacall_value_create_string("abc", 3));
	void *v = original.get();
	EXPECT_EQ(metacall_value_cast_int(&v), 0);
	EXPECT_EQ(v, original.get());
	EXPECT_EQ(metacall_value_id(v), METACALL_STRING);
	EXPECT_STREQ(metacall_value_to_string(v), "abc");
	EXPECT_TRUE(LastErrorContains("abc"));
	auto big = own(metacall_value_create_long(1L << 40));
	void *b = big.get();
	EXPECT_EQ(metacall_value_cast_int(&b), 0);
	EXPECT_EQ(metacall_value_to_long(b), 1L << 40);
}

TEST(ValueCastInPlace, NullPointersGiveAnError) {
	EXPECT_EQ(metacall_value_cast_int(nullptr), 0);
	EXPECT_TRUE(LastErrorContains("NULL"));
	void *none = nullptr;
	EXPECT_EQ(metacall_value_cast_string(&none), nullptr);
	EXPECT_EQ(none, nullptr);
}

TEST(ValueReference, PointsAtTheNumberInsideTheValue) {
	auto v = own(metacall_value_create_int(34551));
	auto ref = own(metacall_value_reference(v.get()));
	ASSERT_NE(ref, nullptr);
	EXPECT_EQ(metacall_value_id(ref.get()), METACALL_PTR);
	int *number = static_cast<int *>(metacall_value_to_ptr(ref.get()));
	*number += 10;
	EXPECT_EQ(metacall_value_to_int(v.get()), 34561);
	EXPECT_EQ(metacall_value_dereference(ref.get()), v.get());
}

TEST(ValueReference, OfAPointerValueIsThePointersAddress) {
	auto target = own(metacall_value_create_ptr(nullptr));
	auto ref = own(metacall_value_reference(target.get()));
	static int pair = 0;
	*static_cast<void **>(metacall_value_to_ptr(ref.get())) = &pair; // as C out-parameters do
	EXPECT_EQ(metacall_value_to_ptr(target.get()), &pair);
	EXPECT_EQ(metacall_value_dereference(ref.get()), target.get());
}

TEST(ValueReference, OfAStringIsItsBytesAndLeadsBack) {
	auto s = own(metacall_value_create_string("asd", 3));
	auto ref = own(metacall_value_reference(s.get()));
	EXPECT_EQ(metacall_value_to_ptr(ref.get()), metacall_value_to_string(s.get()));
	EXPECT_EQ(metacall_value_dereference(ref.get()), s.get());
	// A reference to the reference is a char **: C code can repoint it.
	auto ref_ref = own(metacall_value_reference(ref.get()));
	static const char yeet[] = "yeet";
	*static_cast<const char **>(metacall_value_to_ptr(ref_ref.get())) = yeet;
	EXPECT_EQ(metacall_value_to_ptr(ref.get()), yeet);
	EXPECT_EQ(metacall_value_dereference(ref_ref.get()), ref.get());
	// `ref` no longer points into `s`: dereferencing it says so instead of guessing.
	EXPECT_EQ(metacall_value_dereference(ref.get()), nullptr);
	EXPECT_TRUE(LastErrorContains("no longer points"));
}

TEST(ValueReference, OfAnArrayIsItsSlots) {
	const void *items[] = {metacall_value_create_int(1)};
	auto a = own(metacall_value_create_array(items, 1));
	auto ref = own(metacall_value_reference(a.get()));
	EXPECT_EQ(metacall_value_to_ptr(ref.get()), static_cast<void *>(metacall_value_to_array(a.get())));
	EXPECT_EQ(metacall_value_dereference(ref.get()), a.get());
}

TEST(ValueReference, CopiesDereferenceToo) {
	auto v = own(metacall_value_create_long(1));
	auto ref = own(metacall_value_reference(v.get()));
	auto copy = own(metacall_value_copy(ref.get()));
	EXPECT_EQ(metacall_value_dereference(copy.get()), v.get());
}

TEST(ValueDereference, APointerToAValueIsThatValue) {
	auto v = own(metacall_value_create_double(2.5));
	auto ptr = own(metacall_value_create_ptr(v.get()));
	EXPECT_EQ(metacall_value_dereference(ptr.get()), v.get());
}

TEST(ValueDereference, RefusesWhatIsNotAReference) {
	auto n = own(metacall_value_create_int(1));
	EXPECT_EQ(metacall_value_dereference(n.get()), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_value_dereference"));
	static long plain = 3;
	auto ptr = own(metacall_value_create_ptr(&plain));
	EXPECT_EQ(metacall_value_dereference(ptr.get()), nullptr);
	EXPECT_TRUE(LastErrorContains("does not refer to a value"));
	auto null_ptr = own(metacall_value_create_ptr(nullptr));
	EXPECT_EQ(metacall_value_dereference(null_ptr.get()), nullptr);
	EXPECT_EQ(metacall_value_reference(nullptr), nullptr);
}

TEST(ThrowableValue, IsTheThrownValue) {
	auto th = own(metacall_value_create_throwable(metacall_value_create_long(56)));
	void *thrown = metacall_throwable_value(th.get());
	ASSERT_NE(thrown, nullptr);
	EXPECT_EQ(metacall_value_id(thrown), METACALL_LONG);
	EXPECT_EQ(metacall_value_to_long(thrown), 56);
	auto error = own(metacall_error_throw("RangeError", 3, nullptr, "out of %s", "range"));
	void *exception = metacall_throwable_value(error.get());
	ASSERT_EQ(metacall_value_id(exception), METACALL_EXCEPTION);
	auto *ex = static_cast<metacall_exception_type *>(metacall_value_to_exception(exception));
	EXPECT_STREQ(ex->label, "RangeError");
	EXPECT_STREQ(ex->message, "out of range");
}

TEST(ThrowableValue, TakesWhatMetacallValueToThrowableGives) {
	auto th = own(metacall_value_create_throwable(metacall_value_create_double(56.0)));
	void *thrown = metacall_throwable_value(metacall_value_to_throwable(th.get())); // MetaCall's way
	ASSERT_EQ(thrown, metacall_value_to_throwable(th.get()));
	EXPECT_EQ(metacall_value_to_double(thrown), 56.0);
}

TEST(ThrowableValue, RefusesWhatIsNoValue) {
	EXPECT_EQ(metacall_throwable_value(nullptr), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_throwable_value"));
	int not_a_value = 0;
	EXPECT_EQ(metacall_throwable_value(&not_a_value), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_throwable_value"));
}
