// Which CPython runs: the one the build chose deliberately (Debian's /usr/bin/python3), whatever
// python3 comes first on PATH.
#include "py_test.h"

#ifndef PY_TEST_VERSION
#  error "PY_TEST_VERSION must be the CPython version the loader was built for"
#endif
#ifndef PY_TEST_EXECUTABLE
#  error "PY_TEST_EXECUTABLE must be the python3 the loader was built for"
#endif

namespace {

class PyRuntime : public PyLoaderTest {
protected:
	void SetUp() override {
		PyLoaderTest::SetUp();
		ASSERT_EQ(load("runtime_info.py"), 0) << last_error();
	}
};

TEST_F(PyRuntime, RunsTheCPythonVersionItWasBuiltFor) {
	EXPECT_TRUE(is_string(call("version").get(), PY_TEST_VERSION));
}

TEST_F(PyRuntime, RunsTheInstallationOfTheBuildsPython) {
	EXPECT_TRUE(is_string(call("executable").get(), PY_TEST_EXECUTABLE));
}

} // namespace
