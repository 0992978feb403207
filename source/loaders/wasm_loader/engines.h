// The wasmtime engines of the loader: one without fuel metering (the fast path) and one with it
// (for plug-ins granted a fuel budget), both with epoch interruption so that metacall_interrupt
// and call time limits can stop a running call.
#pragma once

#include <wasmtime.h>

namespace wasm_loader {

class Engines {
public:
	Engines();
	~Engines();
	Engines(const Engines &) = delete;
	Engines &operator=(const Engines &) = delete;

	wasm_engine_t *plain() const { return plain_; }
	wasm_engine_t *fueled() const { return fueled_; }
	// Makes every store's epoch deadline pass (their callbacks decide whether to stop).
	void tick();

private:
	wasm_engine_t *plain_ = nullptr;
	wasm_engine_t *fueled_ = nullptr;
};

} // namespace wasm_loader
