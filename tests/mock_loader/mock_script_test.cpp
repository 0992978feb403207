// The mock language's parser: what it accepts and how it reports what it does not.
#include "mock_script.h"

#include <gtest/gtest.h>

namespace {

std::string parse_error(const std::string &text) {
	try {
		mock::parse(text, "test.mock");
	} catch (const mock::Error &error) {
		return error.what();
	}
	return "(no error)";
}

TEST(MockScript, ParsesATypedDeclaration) {
	const auto module = mock::parse("fn add(a: Long, b: Long) -> Long = add\n", "test.mock");
	ASSERT_EQ(module.size(), 1u);
	const mock::Declaration &add = module[0];
	EXPECT_EQ(add.name, "add");
	EXPECT_FALSE(add.is_async);
	ASSERT_EQ(add.parameters.size(), 2u);
	EXPECT_EQ(add.parameters[0].name, "a");
	EXPECT_EQ(add.parameters[0].type, METACALL_LONG);
	EXPECT_EQ(add.parameters[1].name, "b");
	EXPECT_EQ(add.parameters[1].type, METACALL_LONG);
	EXPECT_EQ(add.return_type, METACALL_LONG);
	EXPECT_EQ(add.builtin, mock::Builtin::add);
	EXPECT_EQ(add.origin, "test.mock");
	EXPECT_EQ(add.line, 1u);
}

TEST(MockScript, UndeclaredTypesAreInvalid) {
	const auto module = mock::parse("fn echo(x) = echo", "test.mock");
	ASSERT_EQ(module.size(), 1u);
	ASSERT_EQ(module[0].parameters.size(), 1u);
	EXPECT_EQ(module[0].parameters[0].type, METACALL_INVALID);
	EXPECT_EQ(module[0].return_type, METACALL_INVALID);
}

TEST(MockScript, AcceptsEveryTypeNameOfTheValueApi) {
	for (int id = 0; id < METACALL_SIZE; ++id) {
		const std::string name = metacall_value_id_name(static_cast<enum metacall_value_id>(id));
		const auto module = mock::parse("fn f(x: " + name + ") -> " + name + " = echo", "test.mock");
		ASSERT_EQ(module.size(), 1u) << name;
		EXPECT_EQ(module[0].parameters[0].type, id) << name;
		EXPECT_EQ(module[0].return_type, id) << name;
	}
}

TEST(MockScript, MarksAsyncDeclarations) {
	const auto module = mock::parse("async fn echo_async(x) = echo", "test.mock");
	ASSERT_EQ(module.size(), 1u);
	EXPECT_TRUE(module[0].is_async);
}

TEST(MockScript, SkipsCommentsAndBlankLinesButCountsThem) {
	const auto module =
	    mock::parse("# header\n\n   \nfn nothing() = null # trailing\r\n\tfn t(m) = throw\n", "test.mock");
	ASSERT_EQ(module.size(), 2u);
	EXPECT_EQ(module[0].name, "nothing");
	EXPECT_EQ(module[0].line, 4u);
	EXPECT_TRUE(module[0].parameters.empty());
	EXPECT_EQ(module[0].builtin, mock::Builtin::null);
	EXPECT_EQ(module[1].line, 5u);
	EXPECT_EQ(module[1].builtin, mock::Builtin::throw_error);
}

TEST(MockScript, EmptyTextIsAnEmptyModule) {
	EXPECT_TRUE(mock::parse("", "test.mock").empty());
}

TEST(MockScript, ReportsAMissingKeywordWithFileAndLine) {
	EXPECT_EQ(parse_error("\n\nfunction f() = null"),
	          "test.mock:3: expected 'fn' or 'async fn', found 'function'");
}

TEST(MockScript, ReportsAMissingOpeningParenthesis) {
	EXPECT_EQ(parse_error("fn f x) = echo"), "test.mock:1: expected '(' after the function name, found 'x'");
}

TEST(MockScript, ReportsAMissingCommaBetweenParameters) {
	EXPECT_EQ(parse_error("fn f(a b) = echo"),
	          "test.mock:1: expected ',' or ')' after a parameter, found 'b'");
}

TEST(MockScript, ReportsAnUnknownType) {
	const std::string error = parse_error("fn f(a: Whole) = echo");
	EXPECT_EQ(error.rfind("test.mock:1: expected a type name (", 0), 0u) << error;
	EXPECT_NE(error.find("found 'Whole'"), std::string::npos) << error;
}

TEST(MockScript, ReportsAnUnknownBuiltin) {
	EXPECT_EQ(parse_error("fn f() = multiply"),
	          "test.mock:1: expected a builtin (add, echo, throw, call, null), found 'multiply'");
}

TEST(MockScript, ReportsAMissingBuiltinAsEndOfLine) {
	EXPECT_EQ(parse_error("fn f() ="),
	          "test.mock:1: expected a builtin (add, echo, throw, call, null), found end of line");
}

TEST(MockScript, ReportsTrailingTokens) {
	EXPECT_EQ(parse_error("fn f() = null null"),
	          "test.mock:1: expected end of line after the builtin, found 'null'");
}

TEST(MockScript, ReportsAnUnexpectedCharacter) {
	EXPECT_EQ(parse_error("fn f() -> Long ; = add"),
	          "test.mock:1: expected '=' after the return type, found ';'");
}

TEST(MockScript, RejectsADuplicateNameInOneFile) {
	EXPECT_EQ(parse_error("fn f() = null\nfn f() = null"),
	          "test.mock:2: function 'f' is already defined at test.mock:1");
}

TEST(MockScript, MergeRejectsADuplicateNameAcrossFiles) {
	auto module = mock::parse("fn f() = null", "one.mock");
	try {
		mock::merge(module, mock::parse("\nfn f() = echo", "two.mock"));
		FAIL() << "merge accepted a duplicate";
	} catch (const mock::Error &error) {
		EXPECT_STREQ(error.what(), "two.mock:2: function 'f' is already defined at one.mock:1");
	}
}

} // namespace
