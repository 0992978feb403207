// metacall_destroy's first step: the drain. The started runtimes finish the work they have in
// progress (timers, promises, coroutines, async host calls), so that promises and coroutines that
// settle reach their callbacks on the threads that settle them, as in MetaCall, whose node loader
// runs its event loop until it is empty. The drain is bounded (METACALL_DESTROY_TIMEOUT): what is
// still pending when it ends is rejected with a reason that says why.
#pragma once

#include <chrono>

namespace metacall_core {

class Runtime;

// The bound: METACALL_DESTROY_TIMEOUT in seconds (a decimal number; 0: no drain), else
// kDefaultDestroyTimeout. A value that is not a number >= 0 is ignored with a warning in the log.
std::chrono::milliseconds destroy_timeout();

// Ten seconds: MetaCall's own test programs leave work for the drain up to 6 s after destroy starts
// (timers that call across languages), and a loaded CI machine needs room beyond that; a script
// whose timer never stops (setInterval) costs a host no more than this at exit, with a warning.
constexpr std::chrono::milliseconds kDefaultDestroyTimeout{10000};

// Runs the drain while calls are still accepted: asks every started loader (its `drain` entry)
// and the async host calls how much work is in progress, every few milliseconds, until none is or
// the bound passes; then rejects what is left. Called by Runtime::destroy outside its lifecycle
// lock, so that the callbacks run meanwhile may call, load and initialize (a no-op).
void drain_before_destroy(Runtime &runtime);

} // namespace metacall_core
