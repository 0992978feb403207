// The options of the metacall_load_from_*_ex call running on this thread, for the loader's load
// entry (metacall_loader_load_options) and for the handle it makes (shown by metacall_inspect).
#pragma once

#include "value.h"

namespace metacall_core {

// Sets the options for the scope's duration (nullptr: none); scopes nest.
class LoadOptionsScope {
public:
	explicit LoadOptionsScope(Value *options);
	~LoadOptionsScope();
	LoadOptionsScope(const LoadOptionsScope &) = delete;
	LoadOptionsScope &operator=(const LoadOptionsScope &) = delete;

private:
	Value *previous_;
};

// The options of the load running on this thread, or nullptr.
Value *current_load_options();

} // namespace metacall_core
