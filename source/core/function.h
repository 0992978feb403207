// A callable function of a loader or of the host, and the checks every call goes through.
#pragma once

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace metacall_core {

// The C enum's name is hidden in C++ by the function metacall_value_id().
using ValueId = enum metacall_value_id;

class Loader;
struct HandleLife;

struct Parameter {
	std::string name;
	ValueId type = METACALL_INVALID; // INVALID: not declared
};

struct Signature {
	std::string name;
	std::vector<Parameter> params;
	ValueId return_type = METACALL_INVALID;
	bool is_async = false;
	bool is_variadic = false;
	std::size_t optional = 0; // how many of the last params have defaults
};

// The signature a loader described (names default to "arg<N>", types to METACALL_INVALID).
Signature signature_from(const metacall_loader_function &description);

class Function : public std::enable_shared_from_this<Function> {
public:
	static constexpr std::uint32_t kMagic = 0x4d434646; // "MCFF"

	// A function of `loader`, which knows it as `data`.
	Function(Signature signature, std::shared_ptr<Loader> loader, void *data);
	// A host function: `invoke` is called directly, with `closure` as its data.
	Function(Signature signature, std::shared_ptr<Loader> host, metacall_invoke_callback invoke,
	         void *closure = nullptr);
	// An async host function (signature.is_async): `settles` is given a future to settle
	// (metacall_registerv_async); or, with `pooled` set, `invoke` runs on the worker pool and its
	// return settles the future (metacall_registerv_pool).
	Function(Signature signature, std::shared_ptr<Loader> host, metacall_async_invoke_callback settles,
	         void *closure);
	Function(Signature signature, std::shared_ptr<Loader> host, metacall_invoke_callback pooled,
	         void *closure, bool);
	~Function();
	Function(const Function &) = delete;
	Function &operator=(const Function &) = delete;

	// The function behind `f`, or nullptr after recording an error that names `api`.
	static Function *from(void *f, const char *api) {
		auto *function = static_cast<Function *>(f);
		return function != nullptr && function->magic_ == kMagic ? function : invalid(f, api);
	}
	// A function that calls `target` passing `closure` to host callbacks.
	static std::shared_ptr<Function> bind(std::shared_ptr<Function> target, void *closure);

	// Checks the runtime, the function and the arguments, then calls. Returns a new value (the
	// result, a future, or a throwable), or nullptr after recording an error.
	void *call(void *args[], std::size_t size, const char *api);

	const Signature &signature() const { return signature_; }
	const std::string &name() const { return signature_.name; }
	// The closure passed to a host callback (nullptr for a loader's function).
	void *closure() const { return closure_; }
	// The tag of the loader whose function this is (a bound one's target's), or nullptr for a host
	// function.
	const char *loader_tag() const;

	// Its module was cleared or the runtime destroyed: calls now report it instead of running.
	void unload() { alive_.store(false, std::memory_order_release); }

	// Classes and objects this function returns belong to the handle `life` (set once, at load).
	void tie(std::shared_ptr<HandleLife> life) { life_ = std::move(life); }
	// Keeps `owned` (the closure of a host function made by the core) as long as the function.
	void keep(std::shared_ptr<void> owned) { kept_ = std::move(owned); }

private:
	static Function *invalid(void *f, const char *api);
	void *dispatch(void *args[], std::size_t size);
	void *call_host(void *args[], std::size_t size);
	void *checked_host_result(void *result) const;

	// The error paths, out of the way of the call path.
	enum class Refusal { unloaded, no_arguments, not_a_value };
	[[gnu::cold, gnu::noinline]] void *refuse(const char *api, Refusal why, std::size_t n) const;
	[[gnu::cold, gnu::noinline]] void *wrong_count(std::size_t size) const;
	[[gnu::noinline]] void *call_host_converting(void *args[], std::size_t size);
	void *call_async(void *args[], std::size_t size);
	// An async host function's call: a future, settled by the host's callback or the pool.
	[[gnu::noinline]] void *call_host_async(void *args[], std::size_t size);
	// dispatch under a time limit (metacall_handle_limits): a call stopped at its deadline returns
	// a TimeoutError naming the function and the limit.
	[[gnu::noinline]] void *dispatch_timed(void *args[], std::size_t size, unsigned long ms);

	std::uint32_t magic_ = kMagic;
	Signature signature_;
	std::shared_ptr<Loader> loader_;
	void *data_ = nullptr;                           // the loader's reference
	metacall_invoke_callback host_invoke_ = nullptr; // set for host functions
	enum class HostKind : std::uint8_t { plain, settles, pooled };
	HostKind host_kind_ = HostKind::plain;
	metacall_async_invoke_callback async_invoke_ = nullptr; // HostKind::settles
	void *closure_ = nullptr;                               // host closure data (bound functions)
	std::shared_ptr<Function> target_;                      // bound functions call this one
	std::shared_ptr<HandleLife> life_;                      // the handle it came from (classes and objects)
	std::shared_ptr<void> kept_;                            // the closure, when the core made it
	std::atomic<bool> alive_{true};
};

} // namespace metacall_core
