// A C host that loaded libpython RTLD_LOCAL and did not initialise it: found, local, not
// initialised, of the version the build found.
#include "detection_support.h"

#include <dlfcn.h>

using metacall_relink::RuntimeKind;

TEST(PythonLoadedLocally, IsFoundLocalAndNotInitialized) {
	ASSERT_NE(dlopen(RELINK_PY_LIBRARY, RTLD_NOW | RTLD_LOCAL), nullptr) << dlerror();
	ASSERT_EQ(dlsym(RTLD_DEFAULT, "Py_IsInitialized"), nullptr);
	const auto found = metacall_relink::detect_runtimes();
	const auto *python = relink_test::find_runtime(found, RuntimeKind::cpython, RELINK_PY_LIBRARY);
	ASSERT_NE(python, nullptr) << "no cpython in " << RELINK_PY_LIBRARY;
	EXPECT_FALSE(python->global);
	ASSERT_TRUE(python->initialized.has_value());
	EXPECT_FALSE(*python->initialized);
	EXPECT_EQ(python->version, RELINK_PY_VERSION); // the build found this libpython's own python
	EXPECT_EQ(python->version_text.rfind(python->version + " ", 0), 0u) << python->version_text;
}
