#include "engines.h"

#include <stdexcept>

namespace wasm_loader {
namespace {

wasm_engine_t *make_engine(bool fuel) {
	wasm_config_t *config = wasm_config_new();
	wasmtime_config_epoch_interruption_set(config, true);
	wasmtime_config_consume_fuel_set(config, fuel);
	wasm_engine_t *engine = wasm_engine_new_with_config(config); // takes the config
	if (engine == nullptr)
		throw std::runtime_error("wasm loader: wasmtime could not create an engine");
	return engine;
}

} // namespace

Engines::Engines() : plain_(make_engine(false)) {
	try {
		fueled_ = make_engine(true);
	} catch (...) {
		wasm_engine_delete(plain_);
		throw;
	}
}

Engines::~Engines() {
	wasm_engine_delete(fueled_);
	wasm_engine_delete(plain_);
}

void Engines::tick() {
	wasmtime_engine_increment_epoch(plain_);
	wasmtime_engine_increment_epoch(fueled_);
}

} // namespace wasm_loader
