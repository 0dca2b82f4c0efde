#include "csv_reader.hpp"

#include <gtest/gtest.h>

namespace waymark::vocabulary::csv {
namespace {

using Rows = std::vector<CsvRow>;

TEST(CsvReader, ReadsQuotedCellsWithCommasQuotesAndLineBreaks) {
  auto rows = ParseCsv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"one\ntwo\",,x\n");
  ASSERT_TRUE(rows) << rows.error();
  EXPECT_EQ(*rows, (Rows{{"a", "b, c", "say \"hi\""}, {"one\ntwo", "", "x"}}));
}

TEST(CsvReader, KeepsALastRecordWithoutALineBreak) {
  auto rows = ParseCsv("a,b\nc,");
  ASSERT_TRUE(rows) << rows.error();
  EXPECT_EQ(*rows, (Rows{{"a", "b"}, {"c", ""}}));
}

TEST(CsvReader, RefusesMalformedQuoting) {
  auto unterminated = ParseCsv("a,\"b\nc\n");
  ASSERT_FALSE(unterminated);
  EXPECT_EQ(unterminated.error(), "quoted cell opened on line 1 never closes");
  auto trailing = ParseCsv("\"a\"b,c\n");
  ASSERT_FALSE(trailing);
  EXPECT_EQ(trailing.error(), "text after a closing quote on line 1");
}

TEST(CsvReader, TrimsSpacesAndNoBreakSpaces) {
  EXPECT_EQ(TrimCell(" \xC2\xA0"
                     "Feminine\xC2\xA0 \r"),
            "Feminine");
  EXPECT_EQ(TrimCell("Non-Conforming"), "Non-Conforming");
  EXPECT_EQ(TrimCell("\xC2\xA0"), "");
  EXPECT_EQ(CellLines("A \n\nB\xC2\xA0\n"), (std::vector<std::string>{"A", "B"}));
}

}  // namespace
}  // namespace waymark::vocabulary::csv
