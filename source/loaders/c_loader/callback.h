// Pointers to functions: a function value passed where C expects `R (*f)(A...)` becomes a libffi
// closure that converts the C arguments into values and calls the function through the core.
#ifndef C_LOADER_CALLBACK_H
#define C_LOADER_CALLBACK_H

#include "declarations.h"

#include <ffi.h>

#include <atomic>
#include <memory>
#include <vector>

namespace c_loader {

// The prototype of a function pointer, prepared once when its function is bound.
class CallbackSignature {
public:
	// Throws LoadError (at `where`) for parameter or result types a callback cannot carry.
	CallbackSignature(const Prototype &prototype, const Location &where);
	CallbackSignature(const CallbackSignature &) = delete;
	CallbackSignature &operator=(const CallbackSignature &) = delete;

	const Prototype &prototype() const { return prototype_; }
	ffi_cif *cif() const { return &cif_; }

private:
	Prototype prototype_;
	std::vector<ffi_type *> types_;
	mutable ffi_cif cif_{}; // libffi takes it non-const; it is not changed after preparation
};

// The first failure of any callback during one call: a throwable, which becomes the call's
// result. Callbacks may run on other threads than the call, hence atomic.
class CallbackFailure {
public:
	CallbackFailure() = default;
	CallbackFailure(const CallbackFailure &) = delete;
	CallbackFailure &operator=(const CallbackFailure &) = delete;
	~CallbackFailure();

	// Keeps `throwable` (taken) unless a failure is already recorded.
	void record(void *throwable);
	// The recorded throwable (taken), or nullptr.
	void *take() { return throwable_.exchange(nullptr); }

private:
	std::atomic<void *> throwable_{nullptr};
};

// One live C function pointer to a metacall function, valid while this object lives (the C code
// must not keep it beyond the call it was passed to).
class Closure {
public:
	// Throws std::bad_alloc when libffi cannot make a closure.
	Closure(const CallbackSignature &signature, void *function, CallbackFailure &failure);
	Closure(const Closure &) = delete;
	Closure &operator=(const Closure &) = delete;
	~Closure();

	void *code() const { return code_; }

private:
	const CallbackSignature &signature_;
	void *function_; // borrowed from the argument value, which outlives the call
	CallbackFailure &failure_;
	ffi_closure *closure_ = nullptr;
	void *code_ = nullptr;

	static void trampoline(ffi_cif *cif, void *result, void **args, void *self);
	void run(void *result, void **args) const;
};

} // namespace c_loader

#endif
