// The fixture of every conformance case: a fresh runtime per test, parameterised by loader.
#ifndef CONFORMANCE_FIXTURE_H
#define CONFORMANCE_FIXTURE_H

#include "await_probe.h"
#include "conformance_loader.h"
#include "values.h"

#include <gtest/gtest.h>

#include <list>
#include <string>

class Conformance : public ::testing::TestWithParam<ConformanceLoader> {
protected:
	// Initializes metacall and adds the loader's scripts folder to its execution paths.
	void SetUp() override;
	// Destroys metacall: the next test starts from nothing.
	void TearDown() override;

	const ConformanceLoader &loader() const { return GetParam(); }
	const char *tag() const { return GetParam().tag.c_str(); }

	// metacall_load_from_file of one script of the loader's folder; 0 on success.
	int load(const std::string &script, void **handle = nullptr);

	// A probe that stays alive until after metacall_destroy, so a late callback never touches freed memory.
	AwaitProbe &probe();

	// add(a, b) through `func`, as long arguments.
	ValuePtr add_through(void *func, long a, long b);

private:
	std::list<AwaitProbe> probes_;
};

// Names each instantiation after its loader's tag: Loaders/Conformance.AddThroughMetacallvS/mock.
inline std::string loader_test_name(const ::testing::TestParamInfo<ConformanceLoader> &info) {
	return info.param.tag;
}

// Skips the test when the loader has no async functions.
#define CONFORMANCE_REQUIRE_ASYNC()                                                                          \
  do {                                                                                                       \
	if (!loader().supports_async)                                                                            \
	  GTEST_SKIP() << loader().tag << " has no async functions";                                             \
  } while (0)

// Skips the test when the language has no exceptions.
#define CONFORMANCE_REQUIRE_EXCEPTIONS()                                                                     \
  do {                                                                                                       \
	if (!loader().supports_exceptions)                                                                       \
	  GTEST_SKIP() << loader().tag << " has no exceptions";                                                  \
  } while (0)

// Skips the test when the loader's functions cannot take function values.
#define CONFORMANCE_REQUIRE_CALLBACKS()                                                                      \
  do {                                                                                                       \
	if (!loader().supports_callbacks)                                                                        \
	  GTEST_SKIP() << loader().tag << " takes no function values";                                           \
  } while (0)

#endif
