#include "plugin.h"

#include "engines.h"
#include "host_imports.h"
#include "wasm_error.h"
#include "wasm_values.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace wasm_loader {
namespace {

// Deletes a wasmtime object at the end of a scope.
template <typename T, void (*Delete)(T *)>
struct Owned {
	T *pointer = nullptr;
	~Owned() {
		if (pointer != nullptr)
			Delete(pointer);
	}
};

enum metacall_value_id id_of(Kind kind) {
	switch (kind) {
	case Kind::i32:
		return METACALL_INT;
	case Kind::i64:
		return METACALL_LONG;
	case Kind::f32:
		return METACALL_FLOAT;
	case Kind::f64:
		return METACALL_DOUBLE;
	case Kind::string:
		return METACALL_STRING;
	case Kind::buffer:
		return METACALL_BUFFER;
	}
	return METACALL_INVALID;
}

enum metacall_value_id id_of(wasm_valkind_t kind) {
	switch (kind) {
	case WASM_I32:
		return METACALL_INT;
	case WASM_I64:
		return METACALL_LONG;
	case WASM_F32:
		return METACALL_FLOAT;
	case WASM_F64:
		return METACALL_DOUBLE;
	default:
		return METACALL_INVALID;
	}
}

wasm_valkind_t wasm_kind_of(Kind kind) {
	switch (kind) {
	case Kind::i64:
		return WASM_I64;
	case Kind::f32:
		return WASM_F32;
	case Kind::f64:
		return WASM_F64;
	default:
		return WASM_I32;
	}
}

std::string describe(const std::vector<wasm_valkind_t> &kinds) {
	std::string text;
	for (wasm_valkind_t kind : kinds)
		text += (text.empty() ? "" : ", ") + std::string(wasm_kind_name(kind));
	return "(" + text + ")";
}

const std::vector<std::string> kHidden = {"metacall_alloc", "metacall_free", "metacall_signatures",
                                          "_initialize"};

// Calls go through wasmtime_func_call_unchecked: the types were checked once at load (every
// parameter and result is a number, and each argument is converted to its parameter's kind), so
// wasmtime's per-call type checks and its argument and result vectors are skipped (they were
// half of a call's cost). Raw values are little-endian, as the union's members are here.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "wasmtime_val_raw_t is little-endian");

// One 8-byte store per value (a 4-byte store over a zeroed slot, read back whole by wasmtime's
// trampoline, would stall store forwarding); the slot's upper 8 bytes belong to v128 only.
void set_raw(wasmtime_val_raw_t &slot, const wasmtime_val_t &value) {
	std::uint64_t bits = 0;
	switch (value.kind) {
	case WASMTIME_I32:
		bits = static_cast<std::uint32_t>(value.of.i32);
		break;
	case WASMTIME_I64:
		bits = static_cast<std::uint64_t>(value.of.i64);
		break;
	case WASMTIME_F32: {
		std::uint32_t word = 0;
		std::memcpy(&word, &value.of.f32, sizeof word);
		bits = word;
		break;
	}
	case WASMTIME_F64:
		std::memcpy(&bits, &value.of.f64, sizeof bits);
		break;
	}
	slot.i64 = static_cast<std::int64_t>(bits);
}

wasmtime_val_t value_of_raw(const wasmtime_val_raw_t &raw, wasm_valkind_t kind) {
	wasmtime_val_t value{};
	switch (kind) {
	case WASM_I32:
		value.kind = WASMTIME_I32;
		value.of.i32 = raw.i32;
		break;
	case WASM_I64:
		value.kind = WASMTIME_I64;
		value.of.i64 = raw.i64;
		break;
	case WASM_F32:
		value.kind = WASMTIME_F32;
		value.of.f32 = raw.f32;
		break;
	default:
		value.kind = WASMTIME_F64;
		value.of.f64 = raw.f64;
		break;
	}
	return value;
}

// Parameters and results of most functions fit on the stack; longer lists go on the heap.
class RawValues {
public:
	explicit RawValues(size_t size) {
		if (size > kInline) {
			heap_.resize(size);
			data_ = heap_.data();
		}
	}
	wasmtime_val_raw_t *data() { return data_; }
	wasmtime_val_raw_t &operator[](size_t index) { return data_[index]; }

private:
	static constexpr size_t kInline = 8;
	wasmtime_val_raw_t inline_[kInline];
	std::vector<wasmtime_val_raw_t> heap_;
	wasmtime_val_raw_t *data_ = inline_;
};

wasmtime_error_t *epoch_reached(wasmtime_context_t *, void *plugin, uint64_t *delta,
                                wasmtime_update_deadline_kind_t *kind) {
	*kind = WASMTIME_UPDATE_DEADLINE_CONTINUE;
	return static_cast<Plugin *>(plugin)->on_epoch(delta);
}

} // namespace

Plugin::Plugin(Engines &engines, std::string name, Grant grant)
    : engines_(engines), name_(std::move(name)), grant_(std::move(grant)) {}

Plugin::~Plugin() {
	if (store_ != nullptr)
		wasmtime_store_delete(store_);
}

std::shared_ptr<Plugin> Plugin::load(Engines &engines, const std::string &name, const std::string &bytes,
                                     Grant grant,
                                     const std::function<void(const std::shared_ptr<Plugin> &)> &created) {
	std::shared_ptr<Plugin> plugin(new Plugin(engines, name, std::move(grant))); // private constructor
	created(plugin);
	// The start function, _initialize and metacall_signatures run as a call would: an interrupt
	// (or, with a grant, the fuel) stops them. instantiate says they run (running_) once its store
	// has its epoch deadline: an interrupt before that would tick the epoch for nothing.
	struct Done {
		Plugin &plugin;
		~Done() { plugin.running_.store(false, std::memory_order_release); }
	} done{*plugin};
	plugin->instantiate(bytes);
	try {
		plugin->collect_exports();
	} catch (...) {
		plugin->exports_.clear(); // each holds the plug-in: kept, they would leak it with its store
		throw;
	}
	return plugin;
}

void Plugin::instantiate(const std::string &bytes) {
	wasm_engine_t *engine = grant_.fuel != 0 ? engines_.fueled() : engines_.plain();
	store_ = wasmtime_store_new(engine, this, nullptr);
	context_ = wasmtime_store_context(store_);
	if (grant_.memory >= 0)
		wasmtime_store_limiter(store_, grant_.memory, -1, -1, -1, -1);
	wasmtime_store_epoch_deadline_callback(store_, epoch_reached, this, nullptr);
	wasmtime_context_set_epoch_deadline(context_, 1);
	if (grant_.fuel != 0)
		wasmtime_context_set_fuel(context_, grant_.fuel);
	// Interruptible from here (as in call: the deadline first, then running_).
	origin_.store(metacall_loader_call_origin(), std::memory_order_relaxed);
	stop_.store(false, std::memory_order_relaxed);
	running_.store(true, std::memory_order_release);

	// A binary module starts with "\0asm"; anything else is WAT text.
	wasm_byte_vec_t wasm{};
	const bool binary = bytes.size() >= 4 && std::memcmp(bytes.data(), "\0asm", 4) == 0;
	if (!binary) {
		if (wasmtime_error_t *error = wasmtime_wat2wasm(bytes.data(), bytes.size(), &wasm))
			throw std::runtime_error(
			    name_ +
			    ": not a WebAssembly module (no \\0asm header) nor valid WAT text: " + take_error(error));
	}
	Owned<wasmtime_module_t, wasmtime_module_delete> module;
	wasmtime_error_t *error =
	    binary ? wasmtime_module_new(engine, reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size(),
	                                 &module.pointer)
	           : wasmtime_module_new(engine, reinterpret_cast<const uint8_t *>(wasm.data), wasm.size,
	                                 &module.pointer);
	if (!binary)
		wasm_byte_vec_delete(&wasm);
	if (error != nullptr)
		throw std::runtime_error(name_ + ": not a valid WebAssembly module: " + take_error(error));

	Owned<wasmtime_linker_t, wasmtime_linker_delete> linker{wasmtime_linker_new(engine)};
	wasm_importtype_vec_t imports;
	wasmtime_module_imports(module.pointer, &imports);
	bool wasi = false;
	std::string problem;
	for (size_t i = 0; i < imports.size && problem.empty(); ++i) {
		const wasm_name_t *from = wasm_importtype_module(imports.data[i]);
		const wasm_name_t *field = wasm_importtype_name(imports.data[i]);
		const std::string module_name(from->data, from->size), field_name(field->data, field->size);
		const wasm_functype_t *type =
		    wasm_externtype_as_functype_const(wasm_importtype_type(imports.data[i]));
		if (module_name == "wasi_snapshot_preview1") {
			wasi = true;
		} else if (module_name == "metacall" && type != nullptr) {
			try {
				define_host_import(linker.pointer, field_name, type);
			} catch (const std::exception &why) {
				problem = why.what();
			}
		} else {
			problem = "the module imports '" + module_name + "." + field_name +
			          "', which nothing provides (the loader provides the functions of the 'metacall' import "
			          "module, registered host functions, and WASI 'wasi_snapshot_preview1')";
		}
	}
	wasm_importtype_vec_delete(&imports);
	if (!problem.empty())
		throw std::runtime_error(name_ + ": " + problem);
	if (wasi) {
		if (wasmtime_error_t *failed = wasmtime_linker_define_wasi(linker.pointer))
			throw std::runtime_error(name_ + ": WASI: " + take_error(failed));
		if (wasmtime_error_t *failed = wasmtime_context_set_wasi(context_, wasi_config_of(grant_)))
			throw std::runtime_error(name_ + ": WASI: " + take_error(failed));
	}
	wasm_trap_t *trap = nullptr;
	error = wasmtime_linker_instantiate(linker.pointer, context_, module.pointer, &instance_, &trap);
	if (error != nullptr || trap != nullptr) {
		void *thrown = throwable_of("(start)", error, trap, stop_.load());
		metacall_exception_type why{};
		std::string text = "cannot instantiate";
		if (thrown != nullptr && metacall_error_from_value(thrown, &why) == 0)
			text = why.message;
		metacall_value_destroy(thrown);
		throw std::runtime_error(name_ + ": " + text);
	}

	wasmtime_extern_t item;
	if (wasmtime_instance_export_get(context_, &instance_, "memory", 6, &item) &&
	    item.kind == WASMTIME_EXTERN_MEMORY)
		memory_ = item.of.memory;
	if (wasmtime_instance_export_get(context_, &instance_, "metacall_alloc", 14, &item) &&
	    item.kind == WASMTIME_EXTERN_FUNC)
		alloc_ = item.of.func;
	if (wasmtime_instance_export_get(context_, &instance_, "metacall_free", 13, &item) &&
	    item.kind == WASMTIME_EXTERN_FUNC)
		free_ = item.of.func;
	if (wasmtime_instance_export_get(context_, &instance_, "_initialize", 11, &item) &&
	    item.kind == WASMTIME_EXTERN_FUNC) { // a WASI reactor: its constructors
		error = wasmtime_func_call(context_, &item.of.func, nullptr, 0, nullptr, 0, &trap);
		if (void *thrown = error != nullptr || trap != nullptr
		                       ? throwable_of("_initialize", error, trap, false)
		                       : nullptr) {
			metacall_exception_type why{};
			const std::string text = metacall_error_from_value(thrown, &why) == 0 ? why.message : "failed";
			metacall_value_destroy(thrown);
			throw std::runtime_error(name_ + ": " + text);
		}
	}
}

void Plugin::collect_exports() {
	std::map<std::string, DeclaredSignature> declared;
	wasmtime_extern_t item;
	if (wasmtime_instance_export_get(context_, &instance_, "metacall_signatures", 19, &item) &&
	    item.kind == WASMTIME_EXTERN_FUNC) {
		wasmtime_val_t packed{};
		wasm_trap_t *trap = nullptr;
		wasmtime_error_t *error = wasmtime_func_call(context_, &item.of.func, nullptr, 0, &packed, 1, &trap);
		if (error != nullptr || trap != nullptr) {
			metacall_value_destroy(throwable_of("metacall_signatures", error, trap, false));
			throw std::runtime_error(name_ + ": metacall_signatures() failed; it must be () -> i64");
		}
		if (packed.kind != WASMTIME_I64 || !memory_)
			throw std::runtime_error(name_ +
			                         ": metacall_signatures must be () -> i64, with an exported memory");
		const auto address = static_cast<uint32_t>(static_cast<uint64_t>(packed.of.i64) >> 32);
		const auto length = static_cast<uint32_t>(packed.of.i64);
		const size_t size = wasmtime_memory_data_size(context_, &*memory_);
		if (static_cast<uint64_t>(address) + length > size)
			throw std::runtime_error(name_ + ": metacall_signatures returned text outside the memory");
		declared = parse_signatures(std::string(
		    reinterpret_cast<const char *>(wasmtime_memory_data(context_, &*memory_)) + address, length));
	}
	for (size_t index = 0;; ++index) {
		char *name_data = nullptr;
		size_t name_size = 0;
		if (!wasmtime_instance_export_nth(context_, &instance_, index, &name_data, &name_size, &item))
			break;
		const std::string name(name_data, name_size);
		if (item.kind != WASMTIME_EXTERN_FUNC)
			continue;
		bool hidden = false;
		for (const std::string &internal : kHidden)
			hidden = hidden || internal == name;
		if (hidden)
			continue;
		auto function = std::make_shared<Export>();
		function->plugin = shared_from_this();
		function->name = name;
		function->func = item.of.func;
		Owned<wasm_functype_t, wasm_functype_delete> type{wasmtime_func_type(context_, &item.of.func)};
		bool numbers = true;
		for (size_t i = 0; i < wasm_functype_params(type.pointer)->size; ++i) {
			function->wasm_params.push_back(wasm_valtype_kind(wasm_functype_params(type.pointer)->data[i]));
			numbers = numbers && is_number_kind(function->wasm_params.back());
		}
		for (size_t i = 0; i < wasm_functype_results(type.pointer)->size; ++i) {
			function->wasm_results.push_back(wasm_valtype_kind(wasm_functype_results(type.pointer)->data[i]));
			numbers = numbers && is_number_kind(function->wasm_results.back());
		}
		if (!numbers) {
			metacall_loader_log("warn",
			                    "wasm loader: %s: the export '%s' takes or returns references; not callable",
			                    name_.c_str(), name.c_str());
			continue;
		}
		auto found = declared.find(name);
		if (found != declared.end()) {
			std::vector<wasm_valkind_t> expected_params, expected_results;
			for (const Param &param : found->second.params) {
				expected_params.push_back(wasm_kind_of(param.kind));
				if (param.kind == Kind::string || param.kind == Kind::buffer)
					expected_params.push_back(WASM_I32);
			}
			if (found->second.result) {
				const Kind result = *found->second.result;
				expected_results.push_back(result == Kind::string || result == Kind::buffer
				                               ? static_cast<wasm_valkind_t>(WASM_I64)
				                               : wasm_kind_of(result));
			}
			if (expected_params != function->wasm_params || expected_results != function->wasm_results)
				throw std::runtime_error(
				    name_ + ": metacall_signatures declares '" + name + "' as " + describe(expected_params) +
				    " -> " + describe(expected_results) + " in wasm types, but the module's function is " +
				    describe(function->wasm_params) + " -> " + describe(function->wasm_results));
			for (const Param &param : found->second.params) {
				function->param_names.push_back(param.name);
				function->param_ids.push_back(id_of(param.kind));
			}
			function->result_id = found->second.result ? id_of(*found->second.result) : METACALL_NULL;
			function->declared = found->second;
			declared.erase(found);
		} else {
			for (size_t i = 0; i < function->wasm_params.size(); ++i) {
				function->param_names.push_back("arg" + std::to_string(i));
				function->param_ids.push_back(id_of(function->wasm_params[i]));
			}
			function->result_id = function->wasm_results.empty()       ? METACALL_NULL
			                      : function->wasm_results.size() == 1 ? id_of(function->wasm_results[0])
			                                                           : METACALL_ARRAY;
		}
		exports_.push_back(std::move(function));
	}
	if (!declared.empty())
		throw std::runtime_error(name_ + ": metacall_signatures declares '" + declared.begin()->first +
		                         "', which the module does not export as a function");
}

uint32_t Plugin::copy_in(const char *bytes, size_t size, const std::string &function) {
	if (!alloc_ || !memory_)
		throw std::runtime_error(
		    "the module exports no metacall_alloc(i32) -> i32 and memory, which strings and "
		    "buffers need (README.md, 'Strings and buffers')");
	if (size >= 0xffffffffu)
		throw std::runtime_error("a string or buffer of " + std::to_string(size) +
		                         " bytes does not fit wasm32");
	wasmtime_val_t length{}, address{};
	length.kind = WASMTIME_I32;
	length.of.i32 = static_cast<int32_t>(size + 1); // room for a NUL, which C guests like
	wasm_trap_t *trap = nullptr;
	wasmtime_error_t *error = wasmtime_func_call(context_, &*alloc_, &length, 1, &address, 1, &trap);
	if (error != nullptr || trap != nullptr) {
		metacall_value_destroy(throwable_of("metacall_alloc", error, trap, false));
		throw std::runtime_error("metacall_alloc(" + std::to_string(size + 1) + ") failed for '" + function +
		                         "'");
	}
	const auto at = static_cast<uint32_t>(address.of.i32);
	const size_t memory_size = wasmtime_memory_data_size(context_, &*memory_);
	if (address.kind != WASMTIME_I32 || at == 0 || static_cast<uint64_t>(at) + size + 1 > memory_size)
		throw std::runtime_error("metacall_alloc(" + std::to_string(size + 1) +
		                         ") returned no room inside the memory (out of memory?)");
	uint8_t *memory = wasmtime_memory_data(context_, &*memory_); // after the call: memory may have grown
	std::memcpy(memory + at, bytes, size);
	memory[at + size] = 0;
	return at;
}

void Plugin::release(uint32_t address, uint32_t size) {
	if (!free_)
		return;
	wasmtime_val_t args[2];
	args[0].kind = args[1].kind = WASMTIME_I32;
	args[0].of.i32 = static_cast<int32_t>(address);
	args[1].of.i32 = static_cast<int32_t>(size);
	wasm_trap_t *trap = nullptr;
	wasmtime_error_t *error = wasmtime_func_call(context_, &*free_, args, 2, nullptr, 0, &trap);
	if (error != nullptr || trap != nullptr)
		metacall_value_destroy(throwable_of("metacall_free", error, trap, false));
}

void *Plugin::value_of(const Export &function, const wasmtime_val_t &result) {
	const Kind kind = *function.declared->result;
	const auto packed = static_cast<uint64_t>(result.of.i64);
	const auto address = static_cast<uint32_t>(packed >> 32), length = static_cast<uint32_t>(packed);
	if (!memory_ || static_cast<uint64_t>(address) + length > wasmtime_memory_data_size(context_, &*memory_))
		return metacall_error_throw("RangeError", 0, nullptr,
		                            "wasm function '%s' returned a %s at %u of %u bytes, outside its memory",
		                            function.name.c_str(), kind_name(kind), address, length);
	const auto *data = reinterpret_cast<const char *>(wasmtime_memory_data(context_, &*memory_)) + address;
	void *value = kind == Kind::string ? metacall_value_create_string(data, length)
	                                   : metacall_value_create_buffer(data, length);
	release(address, length + (kind == Kind::string ? 1 : 0));
	return value;
}

void *Plugin::call(const Export &function, void *args[], size_t size) {
	// The core checks the count too; the unchecked call below must never read past the values.
	if (size != function.param_ids.size())
		return metacall_error_throw("TypeError", 0, nullptr,
		                            "wasm function '%s' takes %zu arguments, got %zu", function.name.c_str(),
		                            function.param_ids.size(), size);
	std::lock_guard lock(calling_);
	const bool outer = depth_++ == 0;
	struct Depth {
		Plugin &plugin;
		bool outer;
		~Depth() {
			if (--plugin.depth_ == 0)
				plugin.running_.store(false, std::memory_order_release);
		}
	} depth{*this, outer};
	if (outer) {
		// The deadline is set before running_ says a call runs: an interrupt that sees running_
		// then ticks the epoch past this deadline (set after, the tick could be lost).
		if (grant_.fuel != 0)
			wasmtime_context_set_fuel(context_, grant_.fuel);
		wasmtime_context_set_epoch_deadline(context_, 1);
		// Release stores (plain moves on x86): request_stop reads running_ with acquire, which
		// orders origin_ and the cleared stop_ before it; seq_cst stores cost a locked exchange each.
		origin_.store(metacall_loader_call_origin(), std::memory_order_relaxed);
		stop_.store(false, std::memory_order_relaxed);
		running_.store(true, std::memory_order_release);
	}
	// Parameters in, then results out, in the same slots.
	const size_t slots = std::max(function.wasm_params.size(), function.wasm_results.size());
	RawValues values(slots);
	size_t wasm_args = 0; // filled so far
	std::vector<std::pair<uint32_t, uint32_t>> copies;
	auto release_copies = [&] {
		for (const auto &[address, length] : copies)
			release(address, length);
	};
	for (size_t i = 0; i < size; ++i) {
		const Kind declared = function.declared ? function.declared->params[i].kind : Kind::i32;
		if (function.declared && (declared == Kind::string || declared == Kind::buffer)) {
			const enum metacall_value_id id = metacall_value_id(args[i]);
			if (id != METACALL_STRING && id != METACALL_BUFFER) {
				release_copies();
				return metacall_error_throw(
				    "TypeError", 0, nullptr,
				    "wasm function '%s' parameter %zu ('%s'): expected a String or Buffer, "
				    "got %s",
				    function.name.c_str(), i, function.param_names[i].c_str(), metacall_value_id_name(id));
			}
			const char *bytes = id == METACALL_STRING
			                        ? metacall_value_to_string(args[i])
			                        : static_cast<const char *>(metacall_value_to_buffer(args[i]));
			const size_t length = metacall_value_size(args[i]) - (id == METACALL_STRING ? 1 : 0);
			uint32_t address = 0;
			try {
				address = copy_in(bytes, length, function.name);
			} catch (const std::exception &why) {
				release_copies();
				return metacall_error_throw(
				    "TypeError", 0, nullptr, "wasm function '%s' parameter %zu ('%s'): %s",
				    function.name.c_str(), i, function.param_names[i].c_str(), why.what());
			}
			copies.emplace_back(address, static_cast<uint32_t>(length + 1));
			wasmtime_val_t pointer{}, count{};
			pointer.kind = count.kind = WASMTIME_I32;
			pointer.of.i32 = static_cast<int32_t>(address);
			count.of.i32 = static_cast<int32_t>(length);
			set_raw(values[wasm_args++], pointer);
			set_raw(values[wasm_args++], count);
			continue;
		}
		wasmtime_val_t value{};
		std::string why;
		if (!number_into(args[i], function.wasm_params[wasm_args], value, why)) {
			release_copies();
			return metacall_error_throw("TypeError", 0, nullptr,
			                            "wasm function '%s' parameter %zu ('%s'): %s", function.name.c_str(),
			                            i, function.param_names[i].c_str(), why.c_str());
		}
		set_raw(values[wasm_args++], value);
	}
	wasm_trap_t *trap = nullptr;
	wasmtime_error_t *error =
	    wasmtime_func_call_unchecked(context_, &function.func, values.data(), slots, &trap);
	const bool interrupted = stop_.load(std::memory_order_acquire); // cleared only when set: no RMW
	if (interrupted)
		stop_.store(false, std::memory_order_relaxed);
	if (error != nullptr || trap != nullptr) {
		release_copies();
		void *thrown = throwable_of(function.name, error, trap, interrupted);
		return thrown != nullptr ? thrown : metacall_value_create_null(); // proc_exit(0): a normal end
	}
	release_copies();
	const std::vector<wasm_valkind_t> &results = function.wasm_results;
	if (results.empty())
		return metacall_value_create_null();
	if (function.declared && function.declared->result &&
	    (*function.declared->result == Kind::string || *function.declared->result == Kind::buffer))
		return value_of(function, value_of_raw(values[0], results[0]));
	if (results.size() == 1)
		return value_of_number(value_of_raw(values[0], results[0]));
	std::vector<const void *> items;
	for (size_t i = 0; i < results.size(); ++i)
		items.push_back(value_of_number(value_of_raw(values[i], results[i])));
	return metacall_value_create_array(items.data(), items.size());
}

bool Plugin::request_stop(const void *origin) {
	if (!running_.load(std::memory_order_acquire) ||
	    (origin != nullptr && origin_.load(std::memory_order_relaxed) != origin))
		return false;
	stop_ = true;
	return true;
}

wasmtime_error_t *Plugin::on_epoch(uint64_t *delta) {
	*delta = 1;
	if (!stop_.load())
		return nullptr;
	const char message[] = "the call was interrupted (metacall_interrupt or a call time limit)";
	return wasmtime_error_new(message);
}

} // namespace wasm_loader
