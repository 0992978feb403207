// A C host that loaded libnode RTLD_LOCAL: invisible to dlsym(RTLD_DEFAULT), found by detection
// with its V8, reported local, with the exact version of the libnode-dev headers it came with.
// Promoting it RTLD_GLOBAL makes it global. (Nothing is started: libnode is only loaded.)
#include "detection_support.h"

#include <node_version.h> // libnode-dev's, from the same Debian package as the library
#include <v8-version.h>

#include <dlfcn.h>

using metacall_relink::RuntimeKind;

namespace {

const std::string expected_version = std::to_string(NODE_MAJOR_VERSION) + "." +
                                     std::to_string(NODE_MINOR_VERSION) + "." +
                                     std::to_string(NODE_PATCH_VERSION);

void *load_libnode(int scope) {
	void *handle = dlopen(RELINK_NODE_LIBRARY, RTLD_NOW | scope);
	EXPECT_NE(handle, nullptr) << dlerror();
	return handle;
}

} // namespace

TEST(NodeLoadedLocally, IsInvisibleToTheGlobalScope) {
	ASSERT_NE(load_libnode(RTLD_LOCAL), nullptr);
	EXPECT_EQ(dlsym(RTLD_DEFAULT, "napi_create_function"), nullptr);
}

TEST(NodeLoadedLocally, IsFoundAsLocalNodeWithItsVersion) {
	ASSERT_NE(load_libnode(RTLD_LOCAL), nullptr);
	const auto found = metacall_relink::detect_runtimes();
	const auto *node = relink_test::find_runtime(found, RuntimeKind::node, RELINK_NODE_LIBRARY);
	ASSERT_NE(node, nullptr) << "no node in " << RELINK_NODE_LIBRARY;
	EXPECT_FALSE(node->global);
	EXPECT_FALSE(node->main_program);
	EXPECT_EQ(node->version, expected_version);
	EXPECT_EQ(node->version_source, metacall_relink::VersionSource::call);
	EXPECT_EQ(node->node_module_version, NODE_MODULE_VERSION);
	ASSERT_TRUE(node->platform_initialized.has_value());
	EXPECT_FALSE(*node->platform_initialized);
}

TEST(NodeLoadedLocally, ItsV8IsFoundAsLocal) {
	ASSERT_NE(load_libnode(RTLD_LOCAL), nullptr);
	const auto found = metacall_relink::detect_runtimes();
	const auto *v8 = relink_test::find_runtime(found, RuntimeKind::v8, RELINK_NODE_LIBRARY);
	ASSERT_NE(v8, nullptr) << "no v8 in " << RELINK_NODE_LIBRARY;
	EXPECT_FALSE(v8->global);
	EXPECT_EQ(
	    v8->version.rfind(std::to_string(V8_MAJOR_VERSION) + "." + std::to_string(V8_MINOR_VERSION) + ".", 0),
	    0u)
	    << v8->version;
	// V8 10 is not initialised: asking for the current isolate would read a pthread key it has not made.
	EXPECT_FALSE(v8->thread_has_isolate.has_value());
}

TEST(NodeLoadedLocally, PromotionToTheGlobalScopeMakesItGlobal) {
	ASSERT_NE(load_libnode(RTLD_LOCAL), nullptr);
	ASSERT_NE(dlopen(RELINK_NODE_LIBRARY, RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL), nullptr) << dlerror();
	ASSERT_NE(dlsym(RTLD_DEFAULT, "napi_create_function"), nullptr);
	const auto found = metacall_relink::detect_runtimes();
	const auto *node = relink_test::find_runtime(found, RuntimeKind::node, RELINK_NODE_LIBRARY);
	const auto *v8 = relink_test::find_runtime(found, RuntimeKind::v8, RELINK_NODE_LIBRARY);
	ASSERT_NE(node, nullptr);
	ASSERT_NE(v8, nullptr);
	EXPECT_TRUE(node->global);
	EXPECT_TRUE(v8->global);
}
