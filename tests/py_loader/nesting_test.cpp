// Values nested too deep, both ways: the same limit (METACALL_VALUE_MAX_DEPTH) and the same
// RecursionError as every loader, never a stack overflow; up to the limit they convert.
#include "py_test.h"

namespace {

class PyNesting : public PyLoaderTest {
protected:
	void SetUp() override {
		PyLoaderTest::SetUp();
		handle_ = load_memory(R"(
def cyclic_list():
    a = [1]
    a.append(a)
    return a

def cyclic_dict():
    d = {}
    d['self'] = d
    return d

def deep_list(levels):
    v = 0
    for _ in range(levels):
        v = [v]
    return v

def depth_of(x):
    d = 0
    while isinstance(x, list):
        x = x[0]
        d += 1
    return d
)");
	}
	ValuePtr run(const char *name, std::initializer_list<void *> args = {}) {
		return call_in(handle_, name, args);
	}
	void *handle_ = nullptr;
};

TEST_F(PyNesting, ACyclicListIsARecursionError) {
	EXPECT_TRUE(is_error(run("cyclic_list").get(), "RecursionError", "levels deep"));
}

TEST_F(PyNesting, ACyclicDictIsARecursionError) {
	EXPECT_TRUE(is_error(run("cyclic_dict").get(), "RecursionError", "levels deep"));
}

TEST_F(PyNesting, NestingUpToTheLimitConvertsAndOneLevelMoreIsAnError) {
	const ValuePtr deepest = run("deep_list", {metacall_value_create_long(METACALL_VALUE_MAX_DEPTH)});
	EXPECT_EQ(metacall_value_id(deepest.get()), METACALL_ARRAY) << describe(deepest.get());
	EXPECT_TRUE(is_error(run("deep_list", {metacall_value_create_long(METACALL_VALUE_MAX_DEPTH + 1)}).get(),
	                     "RecursionError", "levels deep"));
}

TEST_F(PyNesting, ACValueNestedTooDeepIsARecursionErrorInPython) {
	void *value = metacall_value_create_long(0);
	for (int i = 0; i < 100000; ++i)
		value = array_value({value});
	EXPECT_TRUE(is_error(run("depth_of", {value}).get(), "RecursionError", "levels deep"));
}

TEST_F(PyNesting, ACValueAtTheLimitArrivesWhole) {
	void *value = metacall_value_create_long(0);
	for (int i = 0; i < METACALL_VALUE_MAX_DEPTH; ++i)
		value = array_value({value});
	const ValuePtr depth = run("depth_of", {value});
	EXPECT_TRUE(is_long(depth.get(), METACALL_VALUE_MAX_DEPTH)) << describe(depth.get());
}

} // namespace
