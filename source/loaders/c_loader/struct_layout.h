// Where each field of a struct lives in memory, as libffi computes it for this ABI, so that a
// map value can be laid out as the C code expects it.
#ifndef C_LOADER_STRUCT_LAYOUT_H
#define C_LOADER_STRUCT_LAYOUT_H

#include "declarations.h"

#include <ffi.h>

#include <string>
#include <vector>

namespace c_loader {

class StructLayout {
public:
	struct FieldSlot {
		std::string name;
		CType type; // a scalar, a string or a pointer
		std::size_t offset;
	};

	// Throws LoadError, naming the field and where it is declared, for a field type that cannot
	// be filled from a value (a struct by value, void).
	explicit StructLayout(const StructDefinition &definition);
	StructLayout(const StructLayout &) = delete;
	StructLayout &operator=(const StructLayout &) = delete;

	const std::string &name() const { return name_; }
	std::size_t size() const { return type_.size; }
	std::size_t alignment() const { return type_.alignment; }
	const std::vector<FieldSlot> &fields() const { return fields_; }

private:
	std::string name_;
	std::vector<FieldSlot> fields_;
	std::vector<ffi_type *> elements_; // NULL-terminated, as libffi wants it
	ffi_type type_{};
};

} // namespace c_loader

#endif
