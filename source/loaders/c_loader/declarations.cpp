#include "declarations.h"

namespace c_loader {

std::string Location::describe() const {
	return (file ? *file : std::string("<unknown>")) + ":" + std::to_string(line) + ":" +
	       std::to_string(column);
}

std::string canonical(const CType &type) {
	std::string key = type.struct_name.empty() ? name_of(type.base) : "struct " + type.struct_name;
	if (type.plain_char)
		key = "char";
	if (type.const_base)
		key = "const " + key;
	if (type.callback) {
		key = canonical(type.callback->result) + "(*)(";
		for (const Parameter &param : type.callback->params)
			key += canonical(param.type) + ",";
		key += ")";
	}
	return key + std::string(static_cast<std::size_t>(type.pointers), '*');
}

} // namespace c_loader
