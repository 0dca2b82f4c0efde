#include "assessments/form_rules.hpp"

#include <gtest/gtest.h>

#include "assessments/codes.hpp"

namespace waymark::assessments {
namespace {

using namespace std::chrono;

TEST(FormRules, TrimsSpaceAroundButNotInside) {
  EXPECT_EQ(Trim("  two words\n\t"), "two words");
  EXPECT_EQ(Trim("line one\nline two"), "line one\nline two");
  EXPECT_EQ(Trim(" \r\n "), "");
}

TEST(FormRules, CountsCharactersNotBytes) {
  EXPECT_EQ(CountCharacters("abc"), 3u);
  EXPECT_EQ(CountCharacters("\xC3\xA9t\xC3\xA9"), 3u);  // "été"
  EXPECT_EQ(CountCharacters("\xF0\x9F\x99\x82"), 1u);   // one emoji, four bytes
}

TEST(FormRules, AcceptsTextWithLineBreaksAndAnyScript) {
  EXPECT_TRUE(IsAcceptableText("Line one\r\nline two\twith a tab"));
  EXPECT_TRUE(IsAcceptableText("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"));  // Arabic
  EXPECT_TRUE(IsAcceptableText("Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t"));  // Vietnamese
}

TEST(FormRules, RefusesControlCharactersAndBrokenUtf8) {
  EXPECT_FALSE(IsAcceptableText(std::string("a\0b", 3)));
  EXPECT_FALSE(IsAcceptableText("bell\x07"));
  EXPECT_FALSE(IsAcceptableText("delete\x7F"));
  EXPECT_FALSE(IsAcceptableText("c1 \xC2\x85"));       // U+0085, a C1 control
  EXPECT_FALSE(IsAcceptableText("\xC3"));              // truncated
  EXPECT_FALSE(IsAcceptableText("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsAcceptableText("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(IsAcceptableText("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsAcceptableText("\xE2\x82"));          // truncated three-byte
  EXPECT_TRUE(IsAcceptableText("\xC2\xA0"));           // no-break space is text
}

TEST(FormRules, ReadTextTrimsAndChecksRequiredAndLength) {
  FieldErrors errors;
  EXPECT_EQ(ReadText(errors, "a", "  hello ", "Thing", 5, "Enter a thing"), "hello");
  EXPECT_TRUE(errors.empty());

  EXPECT_EQ(ReadText(errors, "b", "   ", "Thing", 5, "Enter a thing"), "");
  EXPECT_EQ(ReadText(errors, "c", "", "Optional", 5, ""), "");
  ReadText(errors, "d", "abcdef", "Thing", 5, "Enter a thing");
  ReadText(errors, "e", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", "Accents", 5, "Enter");
  ReadText(errors, "f", "bad\x01", "Notes", 50, "");

  ASSERT_EQ(errors.errors().size(), 3u);
  EXPECT_EQ(errors.errors()[0].field, "b");
  EXPECT_EQ(errors.errors()[0].message, "Enter a thing");
  EXPECT_EQ(errors.errors()[1].field, "d");
  EXPECT_EQ(errors.errors()[1].message, "Thing must be 5 characters or fewer");
  EXPECT_EQ(errors.errors()[2].field, "f");
  EXPECT_EQ(errors.errors()[2].message, "Notes must not contain control characters or broken text");
}

TEST(FormRules, ReadDateNeedsARealIsoDate) {
  FieldErrors errors;
  EXPECT_EQ(ReadDate(errors, "a", " 2025-03-03 ", "Date", "Enter the date"),
            sys_days(2025y / March / 3));
  EXPECT_FALSE(ReadDate(errors, "b", "", "Date", "Enter the date"));
  EXPECT_FALSE(ReadDate(errors, "c", "2025-02-30", "Date of birth", "Enter"));
  EXPECT_FALSE(ReadDate(errors, "d", "3/3/2025", "Date of birth", "Enter"));
  ASSERT_EQ(errors.errors().size(), 3u);
  EXPECT_EQ(errors.errors()[0].message, "Enter the date");
  EXPECT_EQ(errors.errors()[1].message, "Date of birth must be a real date");
  EXPECT_EQ(errors.errors()[2].field, "d");
}

TEST(FormRules, ReadYesNoAcceptsOnlyTheRadioValues) {
  FieldErrors errors;
  EXPECT_EQ(ReadYesNo(errors, "a", "yes", "Select"), true);
  EXPECT_EQ(ReadYesNo(errors, "b", "no", "Select"), false);
  EXPECT_FALSE(ReadYesNo(errors, "c", "true", "Select whether"));
  EXPECT_FALSE(ReadYesNo(errors, "d", "", "Select whether"));
  ASSERT_EQ(errors.errors().size(), 2u);
  EXPECT_EQ(errors.errors()[0].field, "c");
  EXPECT_EQ(errors.errors()[0].message, "Select whether");
}

TEST(FormRules, ReadChoiceGivesTheSameMessageForMissingAndUnknown) {
  FieldErrors errors;
  EXPECT_EQ(ReadChoice<TimeFrame>(errors, "a", "long_term", ParseTimeFrame, "Select"),
            TimeFrame::kLongTerm);
  EXPECT_FALSE(ReadChoice<TimeFrame>(errors, "b", "", ParseTimeFrame, "Select when"));
  EXPECT_FALSE(ReadChoice<TimeFrame>(errors, "c", "soon", ParseTimeFrame, "Select when"));
  ASSERT_EQ(errors.errors().size(), 2u);
  EXPECT_EQ(errors.errors()[0].message, "Select when");
  EXPECT_EQ(errors.errors()[1].message, "Select when");
}

TEST(FormRules, KeepsOnlyTheFirstErrorForAField) {
  FieldErrors errors;
  errors.Add("a", "first");
  errors.Add("a", "second");
  errors.Add("b", "other");
  EXPECT_TRUE(errors.Has("a"));
  EXPECT_FALSE(errors.Has("c"));
  Problem problem = errors.ToProblem();
  EXPECT_EQ(problem.kind, ProblemKind::kInvalid);
  ASSERT_EQ(problem.fields.size(), 2u);
  EXPECT_EQ(problem.fields[0].message, "first");
}

}  // namespace
}  // namespace waymark::assessments
