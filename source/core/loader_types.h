// The names the languages of the shipped loaders give their types, and the value type each becomes
// (metacall_loader_types). Kept in the core: the loader interface has no entry for them.
#pragma once

#include <metacall/metacall.h>

#include <string>
#include <vector>

namespace metacall_core {

// The table of `tag` (py, node, c), or nullptr for a loader the core knows no names of.
const std::vector<metacall_loader_type> *known_loader_types(const std::string &tag);

} // namespace metacall_core
