// NumPy arrays and typed buffers (metacall_buffer.h) through the py loader, with the real numpy and
// pandas of the test virtualenv: the element type, the shape and the very bytes cross, both ways.
#include "py_test.h"

#include <metacall/metacall_buffer.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

class PyNumpy : public PyLoaderTest {
protected:
	void SetUp() override {
		// The test virtualenv, activated as a user would (unless the environment names another).
		setenv("VIRTUAL_ENV", PY_TEST_VENV, 0);
		PyLoaderTest::SetUp();
		ASSERT_EQ(load("numpy_arrays.py"), 0) << last_error();
	}

	// A typed buffer holding a copy of `items`, of one dimension.
	template <typename T>
	static void *typed(const std::vector<T> &items, char format) {
		void *value = metacall_value_create_buffer(items.data(), items.size() * sizeof(T));
		const size_t dims[1] = {items.size()};
		return metacall_value_buffer_set_layout(value, format, 1, dims);
	}

	// describe(x) in Python: [dtype.str, shape, address, writeable].
	struct Seen {
		std::string dtype;
		std::vector<long> shape;
		uintptr_t address = 0;
		bool writeable = false;
	};
	static Seen seen_by_numpy(void *sent) {
		const ValuePtr result = call("describe", {sent});
		Seen seen;
		EXPECT_EQ(metacall_value_id(result.get()), METACALL_ARRAY) << describe(result.get());
		if (metacall_value_id(result.get()) != METACALL_ARRAY)
			return seen;
		void **items = metacall_value_to_array(result.get());
		seen.dtype = text_of(items[0]);
		void **dims = metacall_value_to_array(items[1]);
		for (size_t i = 0; i < metacall_value_count(items[1]); ++i)
			seen.shape.push_back(metacall_value_to_long(dims[i]));
		seen.address = static_cast<uintptr_t>(metacall_value_to_long(items[2]));
		seen.writeable = metacall_value_to_bool(items[3]) != 0;
		return seen;
	}

	static std::vector<size_t> shape_of(void *buffer, char *format) {
		size_t ndim = 0;
		const size_t *shape = nullptr;
		*format = metacall_value_buffer_layout(buffer, &ndim, &shape);
		if (shape == nullptr)
			return {metacall_value_size(buffer)};
		return std::vector<size_t>(shape, shape + ndim);
	}
};

TEST_F(PyNumpy, AFloat64BufferArrivesAsFloat64AtTheSameAddress) {
	void *sent = typed<double>({0.5, 1.5, 2.5}, 'd');
	const auto address = reinterpret_cast<uintptr_t>(metacall_value_to_buffer(sent));
	const Seen seen = seen_by_numpy(sent);
	EXPECT_EQ(seen.dtype, "<f8");
	EXPECT_EQ(seen.shape, std::vector<long>{3});
	EXPECT_EQ(seen.address, address); // no copy
	EXPECT_TRUE(seen.writeable);
}

TEST_F(PyNumpy, Int32AndInt64BuffersKeepTheirElementTypeAndAddress) {
	void *ints = typed<int32_t>({1, -2, 3}, 'i');
	const auto int_address = reinterpret_cast<uintptr_t>(metacall_value_to_buffer(ints));
	const Seen int_seen = seen_by_numpy(ints);
	EXPECT_EQ(int_seen.dtype, "<i4");
	EXPECT_EQ(int_seen.address, int_address);
	void *longs = typed<int64_t>({INT64_MIN, 0, INT64_MAX}, 'q');
	const auto long_address = reinterpret_cast<uintptr_t>(metacall_value_to_buffer(longs));
	const Seen long_seen = seen_by_numpy(longs);
	EXPECT_EQ(long_seen.dtype, "<i8");
	EXPECT_EQ(long_seen.address, long_address);
	EXPECT_EQ(seen_by_numpy(typed<uint16_t>({1, 2}, 'H')).dtype, "<u2");
	EXPECT_EQ(seen_by_numpy(typed<float>({1, 2}, 'f')).dtype, "<f4");
}

TEST_F(PyNumpy, TheHostsOwnMemoryIsWhatNumpyWritesTo) {
	double host[4] = {1, 2, 3, 4};
	void *sent = metacall_value_create_buffer_borrowed(host, sizeof host, nullptr, nullptr);
	const size_t dims[2] = {2, 2};
	ASSERT_NE(metacall_value_buffer_set_layout(sent, 'd', 2, dims), nullptr);
	const Seen seen = seen_by_numpy(metacall_value_copy(sent) /* a copy: another address */);
	EXPECT_NE(seen.address, reinterpret_cast<uintptr_t>(host));
	EXPECT_EQ(seen.shape, (std::vector<long>{2, 2}));
	const ValuePtr done = call("double_in_place", {sent});
	EXPECT_EQ(metacall_value_id(done.get()), METACALL_NULL) << describe(done.get());
	EXPECT_EQ(host[0], 2);
	EXPECT_EQ(host[3], 8);
}

TEST_F(PyNumpy, AnArangeComesBackAsFloat64ElementsBorrowedFromNumpy) {
	const ValuePtr result = call("arange_with_address", {metacall_value_create_long(4)});
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_ARRAY) << describe(result.get());
	void **items = metacall_value_to_array(result.get());
	char format = 0;
	EXPECT_EQ(shape_of(items[0], &format), std::vector<size_t>{4});
	EXPECT_EQ(format, 'd');
	EXPECT_EQ(metacall_value_buffer_is_borrowed(items[0]), 1);
	EXPECT_EQ(reinterpret_cast<uintptr_t>(metacall_value_to_buffer(items[0])),
	          static_cast<uintptr_t>(metacall_value_to_long(items[1])));
	const auto *numbers = static_cast<const double *>(metacall_value_to_buffer(items[0]));
	EXPECT_EQ(std::vector<double>(numbers, numbers + 4), (std::vector<double>{0, 1, 2, 3}));
}

TEST_F(PyNumpy, ATwoDimensionalArrayKeepsItsShape) {
	const ValuePtr result = call("reshaped", {metacall_value_create_long(2), metacall_value_create_long(3)});
	char format = 0;
	EXPECT_EQ(shape_of(result.get(), &format), (std::vector<size_t>{2, 3}));
	EXPECT_EQ(format, 'i');
	const auto *numbers = static_cast<const int32_t *>(metacall_value_to_buffer(result.get()));
	EXPECT_EQ(numbers[5], 5);
	// ... and goes back with it.
	EXPECT_EQ(seen_by_numpy(metacall_value_copy(result.get())).shape, (std::vector<long>{2, 3}));
}

TEST_F(PyNumpy, ANonContiguousArrayCrossesAsAContiguousCopy) {
	const ValuePtr result = call("every_other_column");
	char format = 0;
	EXPECT_EQ(shape_of(result.get(), &format), (std::vector<size_t>{3, 2}));
	EXPECT_EQ(format, 'q');
	EXPECT_EQ(metacall_value_buffer_is_borrowed(result.get()), 0);
	const auto *numbers = static_cast<const int64_t *>(metacall_value_to_buffer(result.get()));
	EXPECT_EQ(std::vector<int64_t>(numbers, numbers + 6), (std::vector<int64_t>{0, 2, 4, 6, 8, 10}));
}

TEST_F(PyNumpy, AReadOnlyArrayIsCopied) {
	const ValuePtr result = call("read_only");
	char format = 0;
	EXPECT_EQ(shape_of(result.get(), &format), std::vector<size_t>{3});
	EXPECT_EQ(format, 'f');
	EXPECT_EQ(metacall_value_buffer_is_borrowed(result.get()), 0);
}

TEST_F(PyNumpy, AResultOverTheArgumentsBytesIsCopiedNotBorrowedPastTheCall) {
	void *sent = typed<double>({1, 2}, 'd');
	const void *address = metacall_value_to_buffer(sent);
	const ValuePtr result = call("view_of_argument", {sent}); // `sent` is destroyed after the call
	EXPECT_EQ(metacall_value_buffer_is_borrowed(result.get()), 0);
	EXPECT_NE(metacall_value_to_buffer(result.get()), address);
	EXPECT_EQ(static_cast<const double *>(metacall_value_to_buffer(result.get()))[1], 2);
}

TEST_F(PyNumpy, LinalgSolveOnArraysFromTheHost) {
	void *a = typed<double>({3, 1, 1, 2}, 'd');
	const size_t dims[2] = {2, 2};
	ASSERT_NE(metacall_value_buffer_set_layout(a, 'd', 2, dims), nullptr);
	const ValuePtr x = call("solve", {a, typed<double>({9, 8}, 'd')});
	char format = 0;
	ASSERT_EQ(shape_of(x.get(), &format), std::vector<size_t>{2}) << describe(x.get());
	EXPECT_EQ(format, 'd');
	const auto *solution = static_cast<const double *>(metacall_value_to_buffer(x.get()));
	EXPECT_NEAR(solution[0], 2, 1e-12);
	EXPECT_NEAR(solution[1], 3, 1e-12);
}

TEST_F(PyNumpy, NumpyScalarsAreNumbers) {
	const ValuePtr result = call("scalars");
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_ARRAY) << describe(result.get());
	void **items = metacall_value_to_array(result.get());
	EXPECT_TRUE(is_long(items[0], 7));
	ASSERT_EQ(metacall_value_id(items[1]), METACALL_DOUBLE) << describe(items[1]);
	EXPECT_EQ(metacall_value_to_double(items[1]), 1.5);
	EXPECT_TRUE(is_long(items[2], 200));
}

TEST_F(PyNumpy, ElementTypesWithoutAFormatOfOursAreATypeErrorNamingThem) {
	EXPECT_TRUE(is_error(call("complex_numbers").get(), "TypeError", "'Zd'"));
	EXPECT_TRUE(is_error(call("half_floats").get(), "TypeError", "'e'"));
}

TEST_F(PyNumpy, BytesAndOneDimensionalUint8StayPlainBuffers) {
	const ValuePtr bytes = call("raw_bytes");
	size_t ndim = 0;
	EXPECT_EQ(metacall_value_buffer_layout(bytes.get(), &ndim, nullptr), 'B');
	EXPECT_EQ(ndim, 1u);
	EXPECT_EQ(metacall_value_size(bytes.get()), 2u);
	const ValuePtr row = call("uint8_row");
	EXPECT_EQ(metacall_value_buffer_layout(row.get(), &ndim, nullptr), 'B');
	EXPECT_EQ(ndim, 1u);
	EXPECT_EQ(metacall_value_buffer_is_borrowed(row.get()), 0);
	EXPECT_EQ(static_cast<const unsigned char *>(metacall_value_to_buffer(row.get()))[2], 255);
}

TEST_F(PyNumpy, APandasDescribeTurnedIntoADictIsAMapOfMaps) {
	const ValuePtr result = call("statistics");
	ASSERT_EQ(metacall_value_id(result.get()), METACALL_MAP) << describe(result.get());
	ASSERT_EQ(metacall_value_count(result.get()), 2u);
	void **columns = metacall_value_to_map(result.get());
	void **column = metacall_value_to_array(columns[0]);
	EXPECT_EQ(text_of(column[0]), "a");
	ASSERT_EQ(metacall_value_id(column[1]), METACALL_MAP);
	bool found_mean = false;
	void **stats = metacall_value_to_map(column[1]);
	for (size_t i = 0; i < metacall_value_count(column[1]); ++i) {
		void **pair = metacall_value_to_array(stats[i]);
		if (text_of(pair[0]) == "mean") {
			found_mean = true;
			EXPECT_EQ(metacall_value_to_double(pair[1]), 2.5);
		}
	}
	EXPECT_TRUE(found_mean);
}

} // namespace
