// Builds a C struct from a map value {"field": value, ...}: every field must be given, and no
// other key.
#ifndef C_LOADER_STRUCT_CONVERSION_H
#define C_LOADER_STRUCT_CONVERSION_H

#include "scalar_conversion.h"
#include "struct_layout.h"

namespace c_loader {

// Writes the struct described by `layout` from the map value `map` into `memory` (layout.size()
// bytes, suitably aligned). String fields point into the map's string values, so the struct is
// valid as long as the map is. Returns false with `why` filled for a missing field, an unknown
// key, or a field value that does not convert.
bool fill_struct(const StructLayout &layout, void *map, void *memory, Mismatch &why);

} // namespace c_loader

#endif
