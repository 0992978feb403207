// The calling thread's last error and the metacall_error_* API.
#include "error.h"

#include "value.h"

#include <metacall/metacall_error.h>
#include <metacall/metacall_loader.h>

#include <cstdarg>
#include <cstdio>

namespace metacall_core {
namespace {

// Like errno: per thread, so concurrent callers never see each other's failures.
struct LastError {
	bool active = false;
	std::uint64_t generation = 0;
	std::string label, message;
	metacall_exception_type view{};
};

LastError &last() {
	thread_local LastError error;
	return error;
}

std::string vformat(const char *format, va_list args) {
	va_list copy;
	va_copy(copy, args);
	int length = std::vsnprintf(nullptr, 0, format, copy);
	va_end(copy);
	if (length <= 0)
		return {};
	std::string text(static_cast<std::size_t>(length), '\0');
	std::vsnprintf(text.data(), text.size() + 1, format, args);
	return text;
}

} // namespace

void set_error(std::string label, std::string message) {
	LastError &error = last();
	error.active = true;
	++error.generation;
	error.label = std::move(label);
	error.message = std::move(message);
}

void set_errorf(const char *label, const char *format, ...) {
	va_list args;
	va_start(args, format);
	std::string message = vformat(format, args);
	va_end(args);
	set_error(label, std::move(message));
}

const std::string &last_error_message() {
	return last().message;
}

std::uint64_t error_generation() {
	return last().generation;
}

void *make_throwable(std::string label, std::string message, std::int64_t code, std::string stacktrace) {
	Value *exception = Value::create_exception(
	    ExceptionData{std::move(message), std::move(label), std::move(stacktrace), code});
	return Value::create_throwable(exception);
}

} // namespace metacall_core

using namespace metacall_core;

extern "C" {

int metacall_error_from_value(void *v, metacall_exception ex) {
	Value *value = Value::from(v, "metacall_error_from_value");
	if (value == nullptr || ex == nullptr) {
		if (value != nullptr)
			set_error("TypeError", "metacall_error_from_value: the exception out-parameter is NULL");
		return 1;
	}
	if (value->id == METACALL_THROWABLE)
		value = value->thrown();
	if (value == nullptr || value->id != METACALL_EXCEPTION) {
		set_errorf("TypeError", "metacall_error_from_value: expected a Throwable or an Exception, got %s",
		           value == nullptr ? "Null" : metacall_value_id_name(value->id));
		return 1;
	}
	*ex = *value->exception_view();
	return 0;
}

int metacall_error_last(metacall_exception ex) {
	LastError &error = last();
	if (!error.active || ex == nullptr)
		return 1;
	error.view = metacall_exception_type{error.message.c_str(), error.label.c_str(), 0, ""};
	*ex = error.view;
	return 0;
}

void metacall_error_clear(void) {
	LastError &error = last();
	error.active = false;
	error.label.clear();
	error.message.clear();
}

void *metacall_error_throw(const char *label, int64_t code, const char *stacktrace, const char *message,
                           ...) {
	std::string text;
	if (message != nullptr) {
		va_list args;
		va_start(args, message);
		text = vformat(message, args);
		va_end(args);
	}
	return make_throwable(label != nullptr ? label : "Error", std::move(text), code,
	                      stacktrace != nullptr ? stacktrace : "");
}

void metacall_loader_error(const char *format, ...) {
	if (format == nullptr)
		return;
	va_list args;
	va_start(args, format);
	std::string message = vformat(format, args);
	va_end(args);
	set_error("LoaderError", std::move(message));
}

} // extern "C"
