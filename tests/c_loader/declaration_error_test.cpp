// Declarations the parser cannot read: each error names the file, line and column, and what was
// expected or why it is not supported.
#include "c_loader_fixture.h"
#include "declaration_parser.h"
#include "load_error.h"

#include <fstream>

using namespace c_loader;

namespace {

// The message parsing `text` as "bad.h" fails with ("" when it does not fail).
std::string error_of(const std::string &text) {
	try {
		DeclarationParser parser;
		parser.parse(text, "bad.h");
	} catch (const LoadError &error) {
		return error.what();
	}
	return "";
}

TEST(DeclarationErrors, AMissingSemicolonNamesTheNextToken) {
	EXPECT_EQ(error_of("int add(int a, int b)\nint sub(int a, int b);"),
	          "bad.h:2:1: expected ';', found 'int'");
}

TEST(DeclarationErrors, AMissingSemicolonAtTheEnd) {
	EXPECT_EQ(error_of("int add(int a, int b)"), "bad.h:1:22: expected ';', found end of file");
}

TEST(DeclarationErrors, AnUnknownTypeIsNamed) {
	EXPECT_EQ(error_of("int f(int a);\nmy_type g(void);"), "bad.h:2:1: expected a type, found 'my_type'");
}

TEST(DeclarationErrors, AnUnknownParameterTypeIsNamed) {
	EXPECT_EQ(error_of("int f(int a, widget *w);"), "bad.h:1:14: expected a type, found 'widget'");
}

TEST(DeclarationErrors, AMissingCommaBetweenParameters) {
	EXPECT_EQ(error_of("int f(int a int b);"), "bad.h:1:13: expected ',' or ')', found 'int'");
}

TEST(DeclarationErrors, VariadicFunctionsAreNotSupported) {
	EXPECT_EQ(error_of("int printf(const char *format, ...);"),
	          "bad.h:1:32: variadic functions ('...') are not supported");
}

TEST(DeclarationErrors, FunctionBodiesAreNotSupported) {
	EXPECT_EQ(error_of("static inline int twice(int x) { return 2 * x; }"),
	          "bad.h:1:32: function bodies are not supported in a header (declare 'twice' without its body, "
	          "and build it into the library, or load the C source itself)");
}

TEST(DeclarationErrors, AStructFieldWithoutSemicolon) {
	EXPECT_EQ(error_of("struct point {\n\tdouble x\n\tdouble y;\n};"),
	          "bad.h:3:2: expected ';' or ',', found 'double'");
}

TEST(DeclarationErrors, AnUnclosedStruct) {
	EXPECT_EQ(error_of("struct point {\n\tdouble x;\n"),
	          "bad.h:3:1: expected '}' closing struct 'point' (opened at line 1), found end of file");
}

TEST(DeclarationErrors, AStructWithoutFields) {
	EXPECT_EQ(error_of("struct empty {};"), "bad.h:1:14: struct 'empty' has no fields");
}

TEST(DeclarationErrors, AStructWithAnUnknownFieldType) {
	EXPECT_EQ(error_of("struct s { int a; thing b; };"), "bad.h:1:19: expected a type, found 'thing'");
}

TEST(DeclarationErrors, AStructWithTwoFieldsOfTheSameName) {
	EXPECT_EQ(error_of("struct s { int a; double a; };"), "bad.h:1:26: struct 's' has two fields named 'a'");
}

TEST(DeclarationErrors, AStructDefinedAgainDifferently) {
	EXPECT_EQ(error_of("struct s { int a; };\nstruct s { long a; };"),
	          "bad.h:2:8: struct 's' is defined again differently (first at bad.h:1:8)");
}

TEST(DeclarationErrors, ArrayFieldsAreNotSupported) {
	EXPECT_EQ(error_of("struct s { int values[4]; };"),
	          "bad.h:1:22: arrays are not supported here; use a pointer");
}

TEST(DeclarationErrors, UnionsAreNotSupported) {
	EXPECT_EQ(error_of("union u { int a; float b; };"), "bad.h:1:1: unions are not supported");
}

TEST(DeclarationErrors, LongDoubleIsNotSupported) {
	EXPECT_EQ(error_of("long double f(void);"), "bad.h:1:1: 'long double' is not supported");
}

TEST(DeclarationErrors, AnImpossibleTypeIsNamed) {
	EXPECT_EQ(error_of("unsigned signed f(void);"),
	          "bad.h:1:1: 'unsigned signed' is both signed and unsigned");
	EXPECT_EQ(error_of("short char f(void);"), "bad.h:1:1: 'short char' is not a type");
}

TEST(DeclarationErrors, AVariableIsNotAFunction) {
	EXPECT_EQ(error_of("int counter;"),
	          "bad.h:1:12: expected '(' (only functions, structs and typedefs can be declared), found ';'");
}

TEST(DeclarationErrors, AVoidParameter) {
	EXPECT_EQ(error_of("int f(int a, void);"), "bad.h:1:14: a parameter cannot have type void");
}

TEST(DeclarationErrors, AConflictingRedeclaration) {
	EXPECT_EQ(error_of("int f(int a);\nlong f(int a);"),
	          "bad.h:2:6: conflicting declaration of 'f' (first declared at bad.h:1:5)");
}

TEST(DeclarationErrors, AnUnclosedExternCBlock) {
	EXPECT_EQ(error_of("extern \"C\" {\nint f(void);\n"),
	          "bad.h:3:1: expected '}' closing extern \"C\" {, found end of file");
}

TEST(DeclarationErrors, AnUnterminatedComment) {
	EXPECT_EQ(error_of("int f(void);\n/* never closed"), "bad.h:2:1: unterminated /* comment");
}

TEST(DeclarationErrors, AStrayCharacter) {
	EXPECT_EQ(error_of("int f(int a) @;"), "bad.h:1:14: expected ';', found '@'");
}

TEST(DeclarationErrors, TypedefOfAFunctionType) {
	EXPECT_EQ(error_of("typedef int handler(int);"),
	          "bad.h:1:13: typedefs of function types are not supported; typedef a pointer instead: "
	          "typedef R (*handler)(...)");
}

// Through the C API: the message of a failed load names the header's path, line and column.
class DeclarationErrorsThroughTheApi : public CLoaderTest {
protected:
	std::filesystem::path write_header(const std::string &name, const std::string &text) {
		const std::filesystem::path folder = std::filesystem::temp_directory_path() / "c_loader_test_headers";
		std::filesystem::create_directories(folder);
		const std::filesystem::path path = folder / name;
		std::ofstream(path) << text;
		return path;
	}
};

TEST_F(DeclarationErrorsThroughTheApi, ALoadFailsNamingTheHeaderLineAndColumn) {
	const std::filesystem::path header = write_header("missing_semicolon.h", "int add(int a, int b)\n");
	const std::string library = (test_libraries() / "libtypes.so").string();
	const char *paths[] = {library.c_str(), header.c_str()};
	EXPECT_NE(metacall_load_from_file("c", paths, 2, nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(), {header.string() + ":2:1: expected ';', found end of file"}));
}

TEST_F(DeclarationErrorsThroughTheApi, AVariadicDeclarationFailsTheLoad) {
	const std::filesystem::path header =
	    write_header("variadic.h", "int add(int a, int b);\nint log(const char *f, ...);");
	const char *paths[] = {header.c_str()};
	EXPECT_NE(metacall_load_from_file("c", paths, 1, nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(),
	                     {header.string() + ":2:24: variadic functions ('...') are not supported"}));
	EXPECT_EQ(metacall_function("add"), nullptr) << "a failed load defines nothing";
}

TEST_F(DeclarationErrorsThroughTheApi, LoadFromMemoryNamesTheHandleAsTheFile) {
	const char source[] = "double cos(double x)\n";
	EXPECT_NE(metacall_load_from_memory("c", source, sizeof(source), nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"memory-", ":2:1: expected ';', found end of file"}));
}

TEST_F(DeclarationErrorsThroughTheApi, AStructByValueParameterIsRefusedWithItsPlace) {
	const std::filesystem::path header =
	    write_header("by_value.h", "struct point { double x, y; };\ndouble point_length(struct point p);");
	const std::string library = (test_libraries() / "libtypes.so").string();
	const char *paths[] = {library.c_str(), header.c_str()};
	EXPECT_NE(metacall_load_from_file("c", paths, 2, nullptr), 0);
	EXPECT_TRUE(
	    mentions(last_error_message(),
	             {header.string() + ":2:21: parameter 'p' of 'point_length': struct point passed by value "
	                                "is not supported; pass a pointer (struct point *)"}));
}

} // namespace

TEST(DeclarationErrors, DeeplyNestedFunctionPointersAreAnErrorNotAStackOverflow) {
	std::string declaration = "int f(";
	for (int i = 0; i < 10000; ++i)
		declaration += "int (*)(";
	const std::string error = error_of(declaration);
	EXPECT_NE(error.find("nest more than 32 levels"), std::string::npos) << error;
}
