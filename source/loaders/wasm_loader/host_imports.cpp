#include "host_imports.h"

#include "wasm_values.h"

#include <metacall/metacall.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace wasm_loader {
namespace {

struct HostImport {
	std::string name;
	std::vector<wasm_valkind_t> results;
};

wasm_trap_t *trap(const std::string &message) {
	return wasmtime_trap_new(message.data(), message.size());
}

wasm_trap_t *call_host(void *env, wasmtime_caller_t *, const wasmtime_val_t *args, size_t nargs,
                       wasmtime_val_t *results, size_t nresults) {
	const auto *import = static_cast<const HostImport *>(env);
	void *function = metacall_function(import->name.c_str());
	if (function == nullptr)
		return trap("metacall." + import->name + ": no host function of that name is registered");
	std::vector<void *> values;
	values.reserve(nargs);
	for (size_t i = 0; i < nargs; ++i)
		values.push_back(value_of_number(args[i]));
	void *result = metacallfv_s(function, values.data(), values.size());
	for (void *value : values)
		metacall_value_destroy(value);
	if (result == nullptr)
		return trap("metacall." + import->name + ": the call failed");
	if (metacall_value_id(result) == METACALL_THROWABLE) {
		std::string message = "metacall." + import->name + " threw";
		metacall_exception_type error{};
		if (metacall_error_from_value(result, &error) == 0)
			message += std::string(": ") + error.label + ": " + error.message;
		metacall_value_destroy(result);
		return trap(message);
	}
	std::string why;
	const bool ok = nresults == 0 || number_into(result, import->results[0], results[0], why);
	metacall_value_destroy(result);
	if (!ok)
		return trap("metacall." + import->name + " returned " + why);
	return nullptr;
}

} // namespace

void define_host_import(wasmtime_linker_t *linker, const std::string &name, const wasm_functype_t *type) {
	const wasm_valtype_vec_t *params = wasm_functype_params(type);
	const wasm_valtype_vec_t *results = wasm_functype_results(type);
	for (const wasm_valtype_vec_t *types : {params, results})
		for (size_t i = 0; i < types->size; ++i)
			if (!is_number_kind(wasm_valtype_kind(types->data[i])))
				throw std::runtime_error(
				    "the import metacall." + name +
				    " has a parameter or result that is not a number (i32, i64, f32, f64)");
	if (results->size > 1)
		throw std::runtime_error("the import metacall." + name + " has more than one result");
	auto import = std::make_unique<HostImport>(HostImport{name, {}});
	for (size_t i = 0; i < results->size; ++i)
		import->results.push_back(wasm_valtype_kind(results->data[i]));
	wasmtime_error_t *error = wasmtime_linker_define_func(
	    linker, "metacall", 8, name.data(), name.size(), type, call_host, import.get(),
	    [](void *env) { std::unique_ptr<HostImport>(static_cast<HostImport *>(env)); });
	if (error != nullptr) {
		wasm_byte_vec_t message;
		wasmtime_error_message(error, &message);
		std::string text(message.data, message.size);
		wasm_byte_vec_delete(&message);
		wasmtime_error_delete(error);
		throw std::runtime_error("the import metacall." + name + ": " + text);
	}
	import.release(); // the linker's finalizer deletes it
}

} // namespace wasm_loader
