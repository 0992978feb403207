// Typed buffers (metacall_buffer.h) and JS typed arrays, from C: a buffer with a layout reaches JS
// as the typed array of its format with its shape, and a typed array comes back as a typed buffer.
#include "node_test.h"

#include <metacall/metacall_buffer.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace {

class NodeTypedArrays : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		ASSERT_EQ(load("typed_arrays.js"), 0) << last_error();
	}

	// seen(x) in JS as "Constructor [shape] e1,e2,...".
	static std::string seen(void *sent) {
		const ValuePtr result = call("seen", {sent});
		if (metacall_value_id(result.get()) != METACALL_ARRAY)
			return describe(result.get());
		void **items = metacall_value_to_array(result.get());
		std::string out = text_of(items[0]) + " [";
		if (metacall_value_id(items[1]) == METACALL_ARRAY)
			for (size_t i = 0; i < metacall_value_count(items[1]); ++i)
				out += (i ? "," : "") +
				       std::to_string(metacall_value_to_long(metacall_value_to_array(items[1])[i]));
		out += "]";
		for (size_t i = 0; i < metacall_value_count(items[2]); ++i)
			out += (i ? "," : " ") + text_of(metacall_value_to_array(items[2])[i]);
		return out;
	}

	template <typename T>
	static void *typed(const std::vector<T> &items, char format, std::vector<size_t> shape = {}) {
		void *value = metacall_value_create_buffer(items.data(), items.size() * sizeof(T));
		if (shape.empty())
			shape = {items.size()};
		return metacall_value_buffer_set_layout(value, format, shape.size(), shape.data());
	}

	// "format [shape]" of a buffer value.
	static std::string layout(void *value) {
		if (metacall_value_id(value) != METACALL_BUFFER)
			return describe(value);
		size_t ndim = 0;
		const size_t *shape = nullptr;
		std::string out(1, metacall_value_buffer_layout(value, &ndim, &shape));
		out += " [";
		for (size_t i = 0; shape != nullptr && i < ndim; ++i)
			out += (i ? "," : "") + std::to_string(shape[i]);
		return out + "]";
	}
};

TEST_F(NodeTypedArrays, ATypedBufferIsTheTypedArrayOfItsFormat) {
	EXPECT_EQ(seen(typed<double>({0.5, 2}, 'd')), "Float64Array [] 0.5,2");
	EXPECT_EQ(seen(typed<int32_t>({-7}, 'i')), "Int32Array [] -7");
	EXPECT_EQ(seen(typed<int64_t>({INT64_MIN}, 'q')), "BigInt64Array [] -9223372036854775808");
	EXPECT_EQ(seen(typed<uint64_t>({UINT64_MAX}, 'Q')), "BigUint64Array [] 18446744073709551615");
	EXPECT_EQ(seen(typed<int8_t>({-1}, 'b')), "Int8Array [] -1");
	EXPECT_EQ(seen(typed<uint32_t>({4000000000u}, 'I')), "Uint32Array [] 4000000000");
}

TEST_F(NodeTypedArrays, MoreThanOneDimensionIsAShapeProperty) {
	EXPECT_EQ(seen(typed<float>({1, 2, 3, 4, 5, 6}, 'f', {2, 3})), "Float32Array [2,3] 1,2,3,4,5,6");
	EXPECT_EQ(seen(typed<uint8_t>({1, 2, 3, 4}, 'B', {2, 2})), "Uint8Array [2,2] 1,2,3,4");
}

TEST_F(NodeTypedArrays, APlainBufferIsStillABuffer) {
	EXPECT_EQ(seen(metacall_value_create_buffer("ab", 2)), "Buffer [] 97,98");
}

TEST_F(NodeTypedArrays, TypedArraysComeBackWithTheirFormat) {
	const ValuePtr f64 = call("float64");
	ASSERT_EQ(layout(f64.get()), "d [2]");
	EXPECT_EQ(static_cast<const double *>(metacall_value_to_buffer(f64.get()))[1], 1.5);
	EXPECT_EQ(layout(call("int32").get()), "i [3]");
	const ValuePtr big = call("bigint64");
	ASSERT_EQ(layout(big.get()), "q [2]");
	EXPECT_EQ(static_cast<const int64_t *>(metacall_value_to_buffer(big.get()))[0], INT64_MIN);
	EXPECT_EQ(layout(call("uint16").get()), "H [1]");
	EXPECT_EQ(layout(call("float32").get()), "f [1]");
}

TEST_F(NodeTypedArrays, AResultIsACopyOfTheJsMemory) {
	const ValuePtr sub = call("subarray");
	ASSERT_EQ(layout(sub.get()), "d [2]");
	EXPECT_EQ(metacall_value_buffer_is_borrowed(sub.get()), 0); // the array may go once JS returns
	const auto *numbers = static_cast<const double *>(metacall_value_to_buffer(sub.get()));
	EXPECT_EQ(numbers[0], 2);
	EXPECT_EQ(numbers[1], 3);
}

TEST_F(NodeTypedArrays, AShapePropertyGivesTheShape) {
	EXPECT_EQ(layout(call("matrix").get()), "d [3,2]");
	EXPECT_TRUE(is_error(call("bad_shape").get(), "TypeError", "shape [3,2]"));
}

TEST_F(NodeTypedArrays, AUint8ArrayStaysBytes) {
	const ValuePtr bytes = call("bytes");
	EXPECT_TRUE(is_buffer(bytes.get(), {1, 2}));
	EXPECT_EQ(layout(bytes.get()), "B []");
}

} // namespace
