// A library stays open while any of its functions is referenced, and closes after its module is
// cleared and the last reference is gone.
#include "c_loader_fixture.h"

#include <dlfcn.h>

namespace {

using LibraryLifetime = CLoaderTest;

// Whether the dynamic linker has the library open (without opening it).
bool is_open(const std::filesystem::path &library) {
	void *handle = dlopen(library.c_str(), RTLD_NOW | RTLD_NOLOAD);
	if (handle == nullptr)
		return false;
	dlclose(handle);
	return true;
}

std::filesystem::path counter_library() {
	return test_libraries() / "libcounter.so";
}

TEST_F(LibraryLifetime, TheLibraryIsOpenWhileLoaded) {
	ASSERT_FALSE(is_open(counter_library()));
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("c", "libcounter.so", &handle), 0) << last_error_message();
	EXPECT_TRUE(is_open(counter_library()));
}

TEST_F(LibraryLifetime, ClearClosesTheLibrary) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("c", "libcounter.so", &handle), 0) << last_error_message();
	ASSERT_EQ(metacall_clear(handle), 0) << last_error_message();
	EXPECT_FALSE(is_open(counter_library()));
}

TEST_F(LibraryLifetime, AKeptFunctionKeepsTheLibraryOpenUntilReleased) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("c", "libcounter.so", &handle), 0) << last_error_message();
	ValuePtr kept(metacall_value_create_function(metacall_handle_function(handle, "counter_next")));
	ASSERT_EQ(metacall_clear(handle), 0) << last_error_message();
	EXPECT_TRUE(is_open(counter_library()));
	const ValuePtr result(metacallfv_s(metacall_value_to_function(kept.get()), nullptr, 0));
	EXPECT_TRUE(result == nullptr || metacall_value_id(result.get()) == METACALL_THROWABLE)
	    << "a cleared function must not run: " << describe(result.get());
	kept.reset();
	EXPECT_FALSE(is_open(counter_library()));
}

TEST_F(LibraryLifetime, DestroyClosesEveryLibrary) {
	ASSERT_EQ(metacall_load_from_package("c", "libcounter.so", nullptr), 0) << last_error_message();
	metacall_destroy();
	EXPECT_FALSE(is_open(counter_library()));
}

} // namespace
