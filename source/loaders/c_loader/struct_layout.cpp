#include "struct_layout.h"

#include "load_error.h"

namespace c_loader {

StructLayout::StructLayout(const StructDefinition &definition) : name_(definition.name) {
	for (const Field &field : definition.fields) {
		if (field.type.is_struct_value())
			throw LoadError(field.where.describe() + ": field '" + field.name + "' of struct '" + name_ +
			                "' is a struct by value, which is not supported; use a pointer");
		if (field.type.is_void())
			throw LoadError(field.where.describe() + ": field '" + field.name + "' of struct '" + name_ +
			                "' has type void");
		elements_.push_back(field.type.is_pointer() ? &ffi_type_pointer : ffi_type_of(field.type.base));
		fields_.push_back(FieldSlot{field.name, field.type, 0});
	}
	elements_.push_back(nullptr);
	type_.type = FFI_TYPE_STRUCT;
	type_.elements = elements_.data();
	std::vector<std::size_t> offsets(fields_.size());
	if (ffi_get_struct_offsets(FFI_DEFAULT_ABI, &type_, offsets.data()) != FFI_OK)
		throw LoadError(definition.where.describe() + ": libffi cannot lay out struct '" + name_ + "'");
	for (std::size_t i = 0; i < fields_.size(); ++i)
		fields_[i].offset = offsets[i];
}

} // namespace c_loader
