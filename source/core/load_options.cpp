#include "load_options.h"

#include <metacall/metacall_loader.h>

namespace metacall_core {
namespace {

thread_local Value *current = nullptr;

} // namespace

LoadOptionsScope::LoadOptionsScope(Value *options) : previous_(current) {
	current = options;
}

LoadOptionsScope::~LoadOptionsScope() {
	current = previous_;
}

Value *current_load_options() {
	return current;
}

} // namespace metacall_core

extern "C" void *metacall_loader_load_options(void) {
	return metacall_core::current_load_options();
}
