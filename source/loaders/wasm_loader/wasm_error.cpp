#include "wasm_error.h"

#include <metacall/metacall.h>

#include <cstdio>

namespace wasm_loader {
namespace {

// wasmtime's messages carry a wasm backtrace and, in some builds, a Rust one; the root cause
// ("Caused by:") or else the first line is what a reader needs (the loader adds its own trace).
std::string text_of(wasm_byte_vec_t &bytes) {
	std::string text(bytes.data != nullptr ? bytes.data : "", bytes.size);
	wasm_byte_vec_delete(&bytes);
	while (!text.empty() && text.back() == '\0')
		text.pop_back();
	if (const size_t rust = text.find("\n\nStack backtrace:"); rust != std::string::npos)
		text.erase(rust);
	if (const size_t cause = text.rfind("Caused by:"); cause != std::string::npos) {
		text.erase(0, cause + 10);
	} else if (const size_t line = text.find('\n'); line != std::string::npos) {
		text.erase(line);
	}
	const size_t begin = text.find_first_not_of(" \n\t");
	const size_t end = text.find_last_not_of(" \n\t");
	return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
}

const char *trap_kind(wasmtime_trap_code_t code) {
	switch (code) {
	case WASMTIME_TRAP_CODE_STACK_OVERFLOW:
		return "stack overflow";
	case WASMTIME_TRAP_CODE_MEMORY_OUT_OF_BOUNDS:
		return "out-of-bounds memory access";
	case WASMTIME_TRAP_CODE_HEAP_MISALIGNED:
		return "misaligned memory access";
	case WASMTIME_TRAP_CODE_TABLE_OUT_OF_BOUNDS:
		return "out-of-bounds table access";
	case WASMTIME_TRAP_CODE_INDIRECT_CALL_TO_NULL:
		return "indirect call to a null table entry";
	case WASMTIME_TRAP_CODE_BAD_SIGNATURE:
		return "indirect call with the wrong signature";
	case WASMTIME_TRAP_CODE_INTEGER_OVERFLOW:
		return "integer overflow";
	case WASMTIME_TRAP_CODE_INTEGER_DIVISION_BY_ZERO:
		return "integer division by zero";
	case WASMTIME_TRAP_CODE_BAD_CONVERSION_TO_INTEGER:
		return "invalid conversion to integer";
	case WASMTIME_TRAP_CODE_UNREACHABLE_CODE_REACHED:
		return "unreachable executed";
	case WASMTIME_TRAP_CODE_INTERRUPT:
		return "interrupted";
	case WASMTIME_TRAP_CODE_OUT_OF_FUEL:
		return "out of fuel";
	default:
		return "trap";
	}
}

std::string backtrace(const wasm_frame_vec_t &frames) {
	std::string text;
	for (size_t i = 0; i < frames.size; ++i) {
		const wasm_frame_t *frame = frames.data[i];
		const wasm_name_t *name = wasmtime_frame_func_name(frame);
		char offset[32];
		std::snprintf(offset, sizeof offset, "0x%zx", wasm_frame_module_offset(frame));
		text +=
		    "\n    at " +
		    (name != nullptr && name->size != 0 ? std::string(name->data, name->size)
		                                        : "func#" + std::to_string(wasm_frame_func_index(frame))) +
		    " (module offset " + offset + ")";
	}
	return text;
}

} // namespace

std::string take_error(wasmtime_error_t *error) {
	wasm_byte_vec_t message;
	wasmtime_error_message(error, &message);
	wasmtime_error_delete(error);
	return text_of(message);
}

void *throwable_of(const std::string &function, wasmtime_error_t *error, wasm_trap_t *trap,
                   bool interrupted) {
	if (error != nullptr) {
		int status = 0;
		if (wasmtime_error_exit_status(error, &status)) {
			wasmtime_error_delete(error);
			if (status == 0)
				return nullptr;
			return metacall_error_throw("ExitError", status, nullptr,
			                            "wasm function '%s' ended the module with proc_exit(%d)",
			                            function.c_str(), status);
		}
		wasm_frame_vec_t frames;
		wasmtime_error_wasm_trace(error, &frames);
		const std::string trace = backtrace(frames);
		// wasmtime hands a trap raised by a host function (wasmtime_trap_new in host_imports.cpp)
		// back as an error, not a trap: with wasm frames under it, the guest trapped.
		const bool trapped = frames.size != 0;
		wasm_frame_vec_delete(&frames);
		const std::string message = take_error(error);
		if (interrupted)
			return metacall_error_throw("InterruptedError", 0, nullptr, "wasm function '%s': %s%s",
			                            function.c_str(), message.c_str(), trace.c_str());
		return metacall_error_throw(trapped ? "WasmTrap" : "WasmError", 0, nullptr,
		                            "wasm function '%s'%s %s%s", function.c_str(),
		                            trapped ? " trapped:" : ":", message.c_str(), trace.c_str());
	}
	wasmtime_trap_code_t code = 0;
	const bool has_code = wasmtime_trap_code(trap, &code);
	wasm_frame_vec_t frames;
	wasm_trap_trace(trap, &frames);
	const std::string trace = backtrace(frames);
	wasm_frame_vec_delete(&frames);
	wasm_message_t message;
	wasm_trap_message(trap, &message);
	const std::string text = text_of(message);
	wasm_trap_delete(trap);
	const char *label = "WasmTrap";
	if (has_code && code == WASMTIME_TRAP_CODE_OUT_OF_FUEL)
		label = "OutOfFuelError";
	else if (has_code && code == WASMTIME_TRAP_CODE_INTERRUPT)
		label = "InterruptedError";
	return metacall_error_throw(label, has_code ? static_cast<int>(code) : -1, nullptr,
	                            "wasm function '%s' trapped: %s (%s)%s", function.c_str(),
	                            has_code ? trap_kind(code) : "trap", text.c_str(), trace.c_str());
}

} // namespace wasm_loader
