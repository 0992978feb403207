// Values a hostile script builds: none may crash the host or hand it memory that is not the
// value's. Each is an error value naming what was wrong (include/metacall/metacall_value.h,
// "Nesting"; METACALL_VALUE_MAX_ELEMENTS).
#include "node_test.h"

#include <string>

namespace {

class NodeHostileValues : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		handle_ = load_memory(R"(
function cyclicArray() { const a = [1]; a.push(a); return a; }
function cyclicObject() { const o = { name: 'loop' }; o.self = o; return o; }
function deepArray(levels) { let v = 0; for (let i = 0; i < levels; ++i) v = [v]; return v; }
function hugeSparseArray() { const a = []; a.length = 2 ** 32 - 1; return a; }
function liedTypedArray() {
  const a = new Float64Array(2);
  Object.defineProperty(a, 'BYTES_PER_ELEMENT', { value: 1 << 20 });
  return a;
}
function echo(x) { return x; }
function depthOf(x) { let d = 0; while (Array.isArray(x)) { x = x[0]; ++d; } return d; }
module.exports = { cyclicArray, cyclicObject, deepArray, hugeSparseArray, liedTypedArray, echo, depthOf };
)");
	}
	ValuePtr run(const char *name, std::initializer_list<void *> args = {}) {
		return call_in(handle_, name, args);
	}
	void *handle_ = nullptr;
};

TEST_F(NodeHostileValues, ACyclicArrayIsARecursionErrorNotAStackOverflow) {
	EXPECT_TRUE(is_error(run("cyclicArray", {}).get(), "RecursionError", "levels deep"));
}

TEST_F(NodeHostileValues, ACyclicObjectIsARecursionError) {
	EXPECT_TRUE(is_error(run("cyclicObject", {}).get(), "RecursionError"));
}

TEST_F(NodeHostileValues, NestingUpToTheLimitConvertsAndOneLevelMoreIsAnError) {
	ValuePtr deepest = run("deepArray", {metacall_value_create_long(METACALL_VALUE_MAX_DEPTH)});
	ASSERT_EQ(metacall_value_id(deepest.get()), METACALL_ARRAY) << describe(deepest.get());
	EXPECT_TRUE(is_error(run("deepArray", {metacall_value_create_long(METACALL_VALUE_MAX_DEPTH + 1)}).get(),
	                     "RecursionError"));
}

TEST_F(NodeHostileValues, ACValueNestedTooDeepIsAnErrorInJsNotAStackOverflow) {
	void *value = metacall_value_create_long(0);
	for (int i = 0; i < 100000; ++i)
		value = array_value({value});
	ValuePtr result = run("depthOf", {value});
	EXPECT_TRUE(is_error(result.get(), "RangeError", "levels deep")) << describe(result.get());
}

TEST_F(NodeHostileValues, AnArrayWhoseLengthIsTwoToThe32MinusOneIsARangeErrorNotAnAbort) {
	EXPECT_TRUE(is_error(run("hugeSparseArray", {}).get(), "RangeError", "4294967295 elements"));
}

TEST_F(NodeHostileValues, ATypedArraysSizeComesFromTheEngineNotFromItsProperties) {
	ValuePtr bytes = run("liedTypedArray", {});
	ASSERT_EQ(metacall_value_id(bytes.get()), METACALL_BUFFER) << describe(bytes.get());
	EXPECT_EQ(metacall_value_size(bytes.get()), 16u); // two doubles, whatever BYTES_PER_ELEMENT says
}

TEST_F(NodeHostileValues, AMapEntryThatIsNotAKeyValuePairIsATypeError) {
	for (void *entry : {static_cast<void *>(nullptr), metacall_value_create_long(1),
	                    array_value({string_value("only a key")})}) {
		void *entries[] = {entry};
		void *map = metacall_value_create_map(const_cast<const void **>(entries), 1);
		ValuePtr result = run("echo", {map});
		EXPECT_TRUE(is_error(result.get(), "TypeError", "is not a [key, value] array"))
		    << describe(result.get());
	}
}

} // namespace

namespace {

// Invalid UTF-8 from C: an error naming the first bad byte, as in Python, never U+FFFD.
TEST_F(NodeHostileValues, AStringThatIsNotUtf8IsATypeErrorNamingTheByte) {
	const struct {
		const char *bytes;
		size_t size;
		const char *where;
	} cases[] = {
	    {"ok \xff", 4, "byte 3 (0xff)"},         // never valid
	    {"ab\xc3", 3, "byte 2 (0xc3)"},          // cut short
	    {"\xc0\xaf", 2, "byte 0 (0xc0)"},        // overlong
	    {"x\xed\xa0\x80", 4, "byte 1 (0xed)"},   // a surrogate
	    {"\xf4\x90\x80\x80", 4, "byte 0 (0xf4)"} // beyond U+10FFFF
	};
	for (const auto &text : cases) {
		ValuePtr result = run("echo", {metacall_value_create_string(text.bytes, text.size)});
		EXPECT_TRUE(is_error(result.get(), "TypeError", text.where)) << describe(result.get());
	}
	ValuePtr valid = run("echo", {string_value("h\xc3\xa9llo \xf0\x9f\x8e\xae")});
	EXPECT_TRUE(is_string(valid.get(), "h\xc3\xa9llo \xf0\x9f\x8e\xae"));
}

} // namespace
