// What the parser declares from C sources (function definitions) and how headers' object-like
// macros are read.
#include "declaration_parser.h"
#include "load_error.h"

#include <gtest/gtest.h>

using namespace c_loader;

namespace {

Declarations parse(const std::string &text, TextKind kind) {
	DeclarationParser parser;
	parser.parse(text, kind == TextKind::source ? "test.c" : "test.h", kind);
	return parser.take();
}

std::vector<std::string> names_of(const Declarations &declarations) {
	std::vector<std::string> names;
	for (const FunctionDeclaration &function : declarations.functions)
		names.push_back(function.name);
	return names;
}

std::string error_of(const std::string &text, TextKind kind) {
	try {
		parse(text, kind);
	} catch (const LoadError &error) {
		return error.what();
	}
	return "";
}

TEST(SourceDeclarations, DefinitionsAreDeclaredWithTheirPlace) {
	const Declarations declarations =
	    parse("#include <stdio.h>\n"
	          "int add(int a, int b) {\n\tprintf(\"%d\", a);\n\treturn a + b;\n}\n",
	          TextKind::source);
	ASSERT_EQ(names_of(declarations), std::vector<std::string>{"add"});
	EXPECT_EQ(declarations.functions[0].where.line, 2);
	EXPECT_EQ(declarations.functions[0].where.column, 5);
	EXPECT_EQ(declarations.functions[0].prototype.params.size(), 2u);
}

TEST(SourceDeclarations, StaticDefinitionsPrototypesAndGlobalsAreNotDeclared) {
	const Declarations declarations = parse("static int hidden(int x) { return x; }\n"
	                                        "int later(int);\n"
	                                        "int counter = 3, table[4] = {1, 2, 3, 4};\n"
	                                        "struct s { int a; } instance = { 1 };\n"
	                                        "int later(int x) { return hidden(x) + counter; }\n",
	                                        TextKind::source);
	EXPECT_EQ(names_of(declarations), std::vector<std::string>{"later"});
}

TEST(SourceDeclarations, StructsAndTypedefsOfTheSourceDescribeItsParameters) {
	const Declarations declarations = parse("typedef struct data_t { int value; } *data_ptr_t;\n"
	                                        "int get(data_ptr_t p) { return p->value; }\n",
	                                        TextKind::source);
	ASSERT_EQ(names_of(declarations), std::vector<std::string>{"get"});
	EXPECT_EQ(declarations.functions[0].prototype.params[0].type.struct_name, "data_t");
	EXPECT_EQ(declarations.structs.count("data_t"), 1u);
}

TEST(SourceDeclarations, WhatTheSubsetDoesNotReadIsSkippedOutsideExportedPrototypes) {
	const Declarations declarations = parse("union u { int i; float f; };\n"
	                                        "static long double wide(void) { return 1.0L; }\n"
	                                        "int printf(const char *format, ...);\n"
	                                        "char ok(void) { return '}'; }\n",
	                                        TextKind::source);
	EXPECT_EQ(names_of(declarations), std::vector<std::string>{"ok"});
}

TEST(SourceDeclarations, AnExportedDefinitionOutsideTheSubsetIsAnError) {
	EXPECT_EQ(error_of("union u { int i; };\nint sum(int n, ...) { return n; }\n", TextKind::source),
	          "test.c:2:16: variadic functions ('...') are not supported");
}

TEST(SourceDeclarations, MemoryWithBodiesIsSourceAndDeclarationsAreNot) {
	EXPECT_TRUE(defines_functions("int f(void) { return 1; }"));
	EXPECT_TRUE(defines_functions("int f(void) __attribute__((cold)) { return 1; }"));
	EXPECT_FALSE(defines_functions("int f(void);\nstruct s { int a; };\ntypedef struct { int b; } t;"));
	EXPECT_FALSE(defines_functions("int f(void); /* ) { */"));
}

TEST(HeaderMacros, AnAttributeMacroDefinedInEveryBranchIsDropped) {
	const Declarations declarations = parse("#if defined(_WIN32)\n"
	                                        "#define EXPORT __declspec(dllexport)\n"
	                                        "#else\n"
	                                        "#define EXPORT __attribute__((visibility(\"default\")))\n"
	                                        "#endif\n"
	                                        "EXPORT long call_cpp_func(void);\n",
	                                        TextKind::header);
	EXPECT_EQ(names_of(declarations), std::vector<std::string>{"call_cpp_func"});
}

TEST(HeaderMacros, AMacroWithOneDefinitionIsExpanded) {
	const Declarations declarations =
	    parse("#define REAL double\n#define API extern\nAPI REAL half(REAL x);\n", TextKind::header);
	ASSERT_EQ(names_of(declarations), std::vector<std::string>{"half"});
	EXPECT_EQ(declarations.functions[0].prototype.result.base, Scalar::double_);
}

TEST(HeaderMacros, AMacroDefinedDifferentlyInTwoBranchesIsAnErrorAtItsUse) {
	EXPECT_EQ(
	    error_of("#ifdef BIG\n#define REAL double\n#else\n#define REAL float\n#endif\nREAL half(REAL x);\n",
	             TextKind::header),
	    "test.h:6:1: 'REAL' is defined differently at lines 2, 4 and the loader does not evaluate #if; "
	    "declare without the macro");
}

TEST(HeaderMacros, AFunctionLikeMacroIsAnErrorAtItsUse) {
	EXPECT_EQ(error_of("#define DECL(x) int x(void)\nDECL(f);\n", TextKind::header),
	          "test.h:2:1: 'DECL' is a macro the loader cannot expand (function-like or on several lines, "
	          "defined at line 1)");
}

TEST(HeaderMacros, ASourceBodyMayUseAnyMacro) {
	const Declarations declarations = parse("#ifdef BIG\n#define N 2\n#else\n#define N 1\n#endif\n"
	                                        "int n(void) { return N; }\n",
	                                        TextKind::source);
	EXPECT_EQ(names_of(declarations), std::vector<std::string>{"n"});
}

} // namespace
