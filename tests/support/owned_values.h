// Values a test owns, shared by the test folders: a unique_ptr that destroys a value, and call
// arguments that destroy theirs.
#ifndef METACALL_TESTS_OWNED_VALUES_H
#define METACALL_TESTS_OWNED_VALUES_H

#include <metacall/metacall.h>

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <vector>

struct ValueDeleter {
	void operator()(void *value) const { metacall_value_destroy(value); }
};

// A value the test owns.
using ValuePtr = std::unique_ptr<void, ValueDeleter>;

// Call arguments: takes ownership of the values and destroys them afterwards.
class Args {
public:
	Args(std::initializer_list<void *> values) : values_(values) {}
	Args(const Args &) = delete;
	Args &operator=(const Args &) = delete;
	~Args() {
		for (void *value : values_)
			metacall_value_destroy(value);
	}

	void **data() { return values_.data(); }
	std::size_t size() const { return values_.size(); }
	void *operator[](std::size_t i) const { return values_[i]; }

private:
	std::vector<void *> values_;
};

#endif
