// The declaration subset the parser reads: prototypes, types, structs, typedefs, and what it skips.
#include "declaration_parser.h"

#include <gtest/gtest.h>

using namespace c_loader;

namespace {

Declarations parse(const std::string &text) {
	DeclarationParser parser;
	parser.parse(text, "test.h");
	return parser.take();
}

const FunctionDeclaration &only_function(const Declarations &declarations) {
	EXPECT_EQ(declarations.functions.size(), 1u);
	return declarations.functions.at(0);
}

Scalar scalar_of(const std::string &type_words) {
	const Declarations declarations = parse(type_words + " f(void);");
	const CType &result = only_function(declarations).prototype.result;
	EXPECT_TRUE(result.is_scalar()) << type_words;
	return result.base;
}

TEST(DeclarationParser, ReadsAPrototypeWithNamesAndTypes) {
	const Declarations declarations = parse("int add(int a, int b);");
	const FunctionDeclaration &add = only_function(declarations);
	EXPECT_EQ(add.name, "add");
	EXPECT_EQ(add.symbol, "add");
	EXPECT_EQ(add.prototype.result.base, Scalar::int32);
	ASSERT_EQ(add.prototype.params.size(), 2u);
	EXPECT_EQ(add.prototype.params[0].name, "a");
	EXPECT_EQ(add.prototype.params[1].name, "b");
	EXPECT_EQ(add.where.line, 1);
	EXPECT_EQ(add.where.column, 5);
}

TEST(DeclarationParser, UnnamedParametersAreNamedArgN) {
	const Declarations declarations = parse("double mean(const double *, size_t);");
	const auto &params = only_function(declarations).prototype.params;
	ASSERT_EQ(params.size(), 2u);
	EXPECT_EQ(params[0].name, "arg0");
	EXPECT_EQ(params[1].name, "arg1");
}

TEST(DeclarationParser, VoidParameterListMeansNone) {
	EXPECT_TRUE(only_function(parse("void f(void);")).prototype.params.empty());
	EXPECT_TRUE(only_function(parse("void g();")).prototype.params.empty());
}

TEST(DeclarationParser, ReadsEveryIntegerSpelling) {
	EXPECT_EQ(scalar_of("char"), Scalar::int8);
	EXPECT_EQ(scalar_of("signed char"), Scalar::int8);
	EXPECT_EQ(scalar_of("unsigned char"), Scalar::uint8);
	EXPECT_EQ(scalar_of("short"), Scalar::int16);
	EXPECT_EQ(scalar_of("short int"), Scalar::int16);
	EXPECT_EQ(scalar_of("unsigned short"), Scalar::uint16);
	EXPECT_EQ(scalar_of("int"), Scalar::int32);
	EXPECT_EQ(scalar_of("signed"), Scalar::int32);
	EXPECT_EQ(scalar_of("unsigned"), Scalar::uint32);
	EXPECT_EQ(scalar_of("unsigned int"), Scalar::uint32);
	EXPECT_EQ(scalar_of("long"), Scalar::int64);
	EXPECT_EQ(scalar_of("long int"), Scalar::int64);
	EXPECT_EQ(scalar_of("unsigned long"), Scalar::uint64);
	EXPECT_EQ(scalar_of("long long"), Scalar::int64);
	EXPECT_EQ(scalar_of("signed long long int"), Scalar::int64);
	EXPECT_EQ(scalar_of("unsigned long long"), Scalar::uint64);
	EXPECT_EQ(scalar_of("long unsigned int"), Scalar::uint64);
}

TEST(DeclarationParser, ReadsTheFixedWidthAndPointerSizedTypedefs) {
	EXPECT_EQ(scalar_of("int8_t"), Scalar::int8);
	EXPECT_EQ(scalar_of("uint8_t"), Scalar::uint8);
	EXPECT_EQ(scalar_of("int16_t"), Scalar::int16);
	EXPECT_EQ(scalar_of("uint16_t"), Scalar::uint16);
	EXPECT_EQ(scalar_of("int32_t"), Scalar::int32);
	EXPECT_EQ(scalar_of("uint32_t"), Scalar::uint32);
	EXPECT_EQ(scalar_of("int64_t"), Scalar::int64);
	EXPECT_EQ(scalar_of("uint64_t"), Scalar::uint64);
	EXPECT_EQ(scalar_of("size_t"), Scalar::uint64);
	EXPECT_EQ(scalar_of("ssize_t"), Scalar::int64);
	EXPECT_EQ(scalar_of("intptr_t"), Scalar::int64);
	EXPECT_EQ(scalar_of("uintptr_t"), Scalar::uint64);
}

TEST(DeclarationParser, ReadsFloatingPointAndBooleans) {
	EXPECT_EQ(scalar_of("float"), Scalar::float_);
	EXPECT_EQ(scalar_of("double"), Scalar::double_);
	EXPECT_EQ(scalar_of("bool"), Scalar::bool_);
	EXPECT_EQ(scalar_of("_Bool"), Scalar::bool_);
}

TEST(DeclarationParser, PlainCharIsTellsStringsFromSignedChar) {
	const Declarations declarations = parse("const char *a(void); char *b(void); signed char *c(void);");
	ASSERT_EQ(declarations.functions.size(), 3u);
	EXPECT_TRUE(declarations.functions[0].prototype.result.is_string());
	EXPECT_TRUE(declarations.functions[0].prototype.result.const_base);
	EXPECT_TRUE(declarations.functions[1].prototype.result.is_string());
	EXPECT_FALSE(declarations.functions[2].prototype.result.is_string());
}

TEST(DeclarationParser, CountsPointersAndKeepsTheSpelling) {
	const Declarations declarations = parse("void f(const double *xs, char **argv, int *const p);");
	const auto &params = only_function(declarations).prototype.params;
	EXPECT_EQ(params[0].type.pointers, 1);
	EXPECT_TRUE(params[0].type.const_base);
	EXPECT_EQ(params[0].type.spelling, "const double *");
	EXPECT_EQ(params[1].type.pointers, 2);
	EXPECT_EQ(params[2].type.pointers, 1);
	EXPECT_FALSE(params[2].type.const_base);
}

TEST(DeclarationParser, ArrayParametersArePointers) {
	const Declarations declarations = parse("double sum(const double xs[], size_t n, int grid[4]);");
	const auto &params = only_function(declarations).prototype.params;
	EXPECT_EQ(params[0].type.pointers, 1);
	EXPECT_EQ(params[2].type.pointers, 1);
}

TEST(DeclarationParser, ReadsAStructDefinitionWithItsFields) {
	const Declarations declarations = parse("struct point { double x, y; const char *label; };\n"
	                                        "double length(const struct point *p);");
	ASSERT_EQ(declarations.structs.count("point"), 1u);
	const StructDefinition &point = declarations.structs.at("point");
	ASSERT_EQ(point.fields.size(), 3u);
	EXPECT_EQ(point.fields[0].name, "x");
	EXPECT_EQ(point.fields[1].name, "y");
	EXPECT_TRUE(point.fields[2].type.is_string());
	const CType &param = only_function(declarations).prototype.params[0].type;
	EXPECT_TRUE(param.is_struct_pointer());
	EXPECT_EQ(param.struct_name, "point");
}

TEST(DeclarationParser, TypedefsNameStructsAndScalars) {
	const Declarations declarations = parse("typedef struct point { double x; } point_t;\n"
	                                        "typedef struct { int id; } record;\n"
	                                        "typedef unsigned int u32;\n"
	                                        "u32 f(point_t *p, record *r);");
	const FunctionDeclaration &f = only_function(declarations);
	EXPECT_EQ(f.prototype.result.base, Scalar::uint32);
	EXPECT_EQ(f.prototype.params[0].type.struct_name, "point");
	EXPECT_EQ(f.prototype.params[1].type.struct_name, "record");
	EXPECT_EQ(declarations.structs.count("record"), 1u);
}

TEST(DeclarationParser, ATypedefWithSeveralNamesSharesItsAnonymousStruct) {
	const Declarations declarations = parse("typedef struct { int id; } record, *record_ptr;\n"
	                                        "int f(record *r, record_ptr p);");
	const FunctionDeclaration &f = only_function(declarations);
	EXPECT_EQ(f.prototype.params[0].type.struct_name, "record");
	EXPECT_EQ(f.prototype.params[1].type.struct_name, "record");
	EXPECT_EQ(f.prototype.params[1].type.pointers, 1);
	EXPECT_EQ(declarations.structs.count("record"), 1u);
}

TEST(DeclarationParser, ForwardDeclaredStructsStayOpaque) {
	const Declarations declarations = parse("struct handle;\nstruct handle *open_it(void);");
	EXPECT_TRUE(declarations.structs.empty());
	EXPECT_TRUE(only_function(declarations).prototype.result.is_struct_pointer());
}

TEST(DeclarationParser, ReadsPointersToFunctions) {
	const Declarations declarations = parse("typedef double (*op)(double, double);\n"
	                                        "double fold(op f, long (*each)(long x));");
	const auto &params = only_function(declarations).prototype.params;
	ASSERT_TRUE(params[0].type.is_callback());
	EXPECT_EQ(params[0].type.callback->params.size(), 2u);
	ASSERT_TRUE(params[1].type.is_callback());
	EXPECT_EQ(params[1].name, "each");
	EXPECT_EQ(params[1].type.callback->result.base, Scalar::int64);
}

TEST(DeclarationParser, SkipsCommentsPreprocessorLinesAndExternC) {
	const Declarations declarations = parse("#ifndef H\n#define H \\\n  1\n#include <stdint.h>\n"
	                                        "#pragma once\n// a line comment\n/* a block\n comment */\n"
	                                        "#ifdef __cplusplus\nextern \"C\" {\n#endif\n"
	                                        "int f(int x); /* trailing */\n"
	                                        "#ifdef __cplusplus\n}\n#endif\n#endif\n");
	EXPECT_EQ(only_function(declarations).name, "f");
	EXPECT_EQ(only_function(declarations).where.line, 12);
}

TEST(DeclarationParser, ExternCOnOneDeclaration) {
	EXPECT_EQ(only_function(parse("extern \"C\" int f(int x);")).name, "f");
}

TEST(DeclarationParser, IgnoresStorageClassesAndAttributes) {
	const Declarations declarations =
	    parse("extern __attribute__((visibility(\"default\"))) int f(int x) __attribute__((pure));");
	EXPECT_EQ(only_function(declarations).name, "f");
}

TEST(DeclarationParser, AnAsmLabelNamesTheSymbol) {
	const Declarations declarations = parse("long plus(long a, long b) __asm__(\"__addvdi3\");");
	EXPECT_EQ(only_function(declarations).name, "plus");
	EXPECT_EQ(only_function(declarations).symbol, "__addvdi3");
}

TEST(DeclarationParser, EnumsArePassedAsInt) {
	const Declarations declarations = parse("enum color { RED, GREEN = 2 };\nenum color pick(enum color c);");
	EXPECT_EQ(only_function(declarations).prototype.result.base, Scalar::int32);
}

TEST(DeclarationParser, AnIdenticalRedeclarationIsKeptOnce) {
	EXPECT_EQ(parse("int f(int a);\nint f(int other_name);").functions.size(), 1u);
}

TEST(DeclarationParser, LaterHeadersSeeEarlierTypes) {
	DeclarationParser parser;
	parser.parse("typedef struct point { double x; } point_t;", "first.h");
	parser.parse("double f(point_t *p);", "second.h");
	EXPECT_EQ(parser.declarations().functions.at(0).prototype.params[0].type.struct_name, "point");
	EXPECT_EQ(*parser.declarations().functions.at(0).where.file, "second.h");
}

} // namespace
