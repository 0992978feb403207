// The conformance fixture and the one instantiation of the suite over every built loader.
#include "fixture.h"

void Conformance::SetUp() {
	ASSERT_EQ(metacall_initialize(), 0) << last_error_message();
	metacall_error_clear();
	ASSERT_EQ(metacall_execution_path(tag(), loader().scripts.c_str()), 0) << last_error_message();
}

void Conformance::TearDown() {
	metacall_destroy();
}

int Conformance::load(const std::string &script, void **handle) {
	const char *paths[] = {script.c_str()};
	return metacall_load_from_file(tag(), paths, 1, handle);
}

AwaitProbe &Conformance::probe() {
	return probes_.emplace_back();
}

ValuePtr Conformance::add_through(void *func, long a, long b) {
	Args args{metacall_value_create_long(a), metacall_value_create_long(b)};
	return ValuePtr(metacallfv_s(func, args.data(), args.size()));
}

INSTANTIATE_TEST_SUITE_P(Loaders, Conformance, ::testing::ValuesIn(conformance_loaders()), loader_test_name);
