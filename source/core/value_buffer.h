// Typed and borrowed buffers (include/metacall/metacall_buffer.h). A plain buffer that owns its
// bytes stays a std::string payload, the common case of every call; a buffer with an element
// layout, or one that borrows its bytes, is a TypedBytes payload.
#pragma once

#include <metacall/metacall_buffer.h>

#include <cstddef>
#include <string>
#include <vector>

namespace metacall_core {

struct Value;

struct TypedBytes {
	// Owns `bytes`.
	explicit TypedBytes(std::string bytes);
	// Borrows `count` bytes at `bytes` until the destructor calls `give_back`.
	TypedBytes(char *bytes, std::size_t count, metacall_buffer_release give_back, void *give_back_context)
	    : data(bytes), size(count), release(give_back), context(give_back_context) {}
	// An owned copy, with the same layout: a copy never borrows.
	TypedBytes(const TypedBytes &other);
	TypedBytes &operator=(const TypedBytes &) = delete;
	~TypedBytes() {
		if (release != nullptr)
			release(data, context);
	}

	std::string owned; // the bytes, unless borrowed
	char *data = nullptr;
	std::size_t size = 0;
	metacall_buffer_release release = nullptr;
	void *context = nullptr;
	char format = 'B';
	std::vector<std::size_t> shape; // C order; empty: one dimension of `size` bytes
};

// The bytes of a buffer value, plain or typed.
char *buffer_data(Value *value);
std::size_t buffer_size(Value *value);
// Makes a typed buffer plain owned bytes (a std::string payload), dropping its layout; a copy when
// it was borrowed, which is then given back.
void make_plain_buffer(Value *value);

} // namespace metacall_core
