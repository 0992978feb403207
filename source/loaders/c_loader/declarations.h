// What the declaration parser reads from headers: function prototypes and struct definitions,
// each with the place it was declared (for messages).
#ifndef C_LOADER_DECLARATIONS_H
#define C_LOADER_DECLARATIONS_H

#include "c_type.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace c_loader {

struct Location {
	std::shared_ptr<const std::string> file; // shared by every location of one file
	int line = 0;
	int column = 0;

	// "file:line:column"
	std::string describe() const;
};

struct Parameter {
	std::string name; // "arg<N>" when the declaration gives none
	CType type;
	Location where;
};

struct Prototype {
	CType result;
	std::vector<Parameter> params;
};

struct FunctionDeclaration {
	std::string name;   // the name callers use
	std::string symbol; // the library symbol: the name, or the `__asm__("...")` label
	Prototype prototype;
	Location where;
};

struct Field {
	std::string name;
	CType type;
	Location where;
};

struct StructDefinition {
	std::string name;
	std::vector<Field> fields;
	Location where;
};

struct Declarations {
	std::vector<FunctionDeclaration> functions;      // in declaration order, names unique
	std::map<std::string, StructDefinition> structs; // by struct name
};

// A key equal for two types exactly when they are the same C type, however spelled.
std::string canonical(const CType &type);

} // namespace c_loader

#endif
