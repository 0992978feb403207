// Typed and borrowed buffers: their payload and the C API of include/metacall/metacall_buffer.h.
#include "value_buffer.h"

#include "error.h"
#include "value.h"

#include <variant>

namespace metacall_core {

TypedBytes::TypedBytes(std::string bytes) : owned(std::move(bytes)), size(owned.size()) {
	data = owned.data();
}

TypedBytes::TypedBytes(const TypedBytes &other)
    : owned(other.data, other.size), size(other.size), format(other.format), shape(other.shape) {
	data = owned.data();
}

char *buffer_data(Value *value) {
	if (auto *typed = std::get_if<TypedBytes>(value->payload.get()))
		return typed->data;
	return value->bytes().data();
}

std::size_t buffer_size(Value *value) {
	if (auto *typed = std::get_if<TypedBytes>(value->payload.get()))
		return typed->size;
	return value->bytes().size();
}

void make_plain_buffer(Value *value) {
	if (auto *typed = std::get_if<TypedBytes>(value->payload.get())) {
		std::string bytes = typed->release == nullptr && typed->data == typed->owned.data()
		                        ? std::move(typed->owned)
		                        : std::string(typed->data, typed->size);
		value->emplace<std::string>(std::move(bytes)); // releases the borrowed bytes
	}
}

} // namespace metacall_core

using namespace metacall_core;

namespace {

// The typed payload of the buffer `value`, made from its plain bytes when it has none yet.
TypedBytes &typed_payload(Value *value) {
	if (auto *typed = std::get_if<TypedBytes>(value->payload.get()))
		return *typed;
	std::string bytes = std::move(value->bytes());
	return value->emplace<TypedBytes>(std::move(bytes));
}

} // namespace

extern "C" {

void *metacall_value_create_buffer_borrowed(void *data, size_t size, metacall_buffer_release release,
                                            void *context) {
	if (data == nullptr && size != 0) {
		set_error("TypeError",
		          "metacall_value_create_buffer_borrowed: the data is NULL but the size is not 0");
		return nullptr;
	}
	Value *value = Value::create(METACALL_BUFFER);
	value->emplace<TypedBytes>(static_cast<char *>(data), size, release, context);
	return value;
}

size_t metacall_value_buffer_item_size(char format) {
	switch (format) {
	case 'b':
	case 'B':
		return 1;
	case 'h':
	case 'H':
		return 2;
	case 'i':
	case 'I':
	case 'f':
		return 4;
	case 'q':
	case 'Q':
	case 'd':
		return 8;
	default:
		return 0;
	}
}

void *metacall_value_buffer_set_layout(void *v, char format, size_t ndim, const size_t shape[]) {
	constexpr const char *api = "metacall_value_buffer_set_layout";
	Value *value = Value::from(v, METACALL_BUFFER, api);
	if (value == nullptr)
		return nullptr;
	const size_t item = metacall_value_buffer_item_size(format);
	if (item == 0) {
		set_errorf("TypeError", "%s: '%c' is not an element format (one of b B h H i I q Q f d)", api,
		           format >= 0x20 && format < 0x7f ? format : '?');
		return nullptr;
	}
	if (ndim < 1 || ndim > METACALL_BUFFER_MAX_DIMENSIONS || shape == nullptr) {
		set_errorf("ValueError", "%s: a shape has 1 to %d dimensions, not %zu%s", api,
		           METACALL_BUFFER_MAX_DIMENSIONS, ndim, shape == nullptr ? " (the shape is NULL)" : "");
		return nullptr;
	}
	size_t count = 1;
	for (size_t i = 0; i < ndim; ++i)
		if (__builtin_mul_overflow(count, shape[i], &count)) {
			count = SIZE_MAX;
			break;
		}
	const size_t size = buffer_size(value);
	size_t bytes = 0;
	if (count == SIZE_MAX || __builtin_mul_overflow(count, item, &bytes) || bytes != size) {
		set_errorf("ValueError", "%s: the shape holds %zu elements of %zu bytes, the buffer has %zu bytes",
		           api, count, item, size);
		return nullptr;
	}
	const bool plain = format == 'B' && ndim == 1;
	if (plain && std::holds_alternative<std::string>(*value->payload))
		return value;
	TypedBytes &typed = typed_payload(value);
	typed.format = format;
	if (plain)
		typed.shape.clear();
	else
		typed.shape.assign(shape, shape + ndim);
	return value;
}

char metacall_value_buffer_layout(void *v, size_t *ndim, const size_t **shape) {
	Value *value = Value::from(v, METACALL_BUFFER, "metacall_value_buffer_layout");
	const TypedBytes *typed = value != nullptr ? std::get_if<TypedBytes>(value->payload.get()) : nullptr;
	const bool flat = typed == nullptr || typed->shape.empty();
	if (ndim != nullptr)
		*ndim = value == nullptr ? 0 : flat ? 1 : typed->shape.size();
	if (shape != nullptr)
		*shape = flat ? nullptr : typed->shape.data();
	return value == nullptr ? 0 : typed != nullptr ? typed->format : 'B';
}

int metacall_value_buffer_is_borrowed(void *v) {
	Value *value = Value::from(v, METACALL_BUFFER, "metacall_value_buffer_is_borrowed");
	const TypedBytes *typed = value != nullptr ? std::get_if<TypedBytes>(value->payload.get()) : nullptr;
	return typed != nullptr && typed->data != typed->owned.data() ? 1 : 0;
}

} // extern "C"
