#include <gtest/gtest.h>

#include "platform/db/postgres/placeholders.hpp"

namespace waymark::db {
namespace {

std::string T(std::string_view sql) { return TranslatePlaceholders(sql).sql; }

TEST(PlaceholdersTest, NumbersEachPlaceholderInOrder) {
  auto t = TranslatePlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)");
  EXPECT_EQ(t.sql, "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(t.placeholders, 3);
  EXPECT_EQ(T("?"), "$1");
  EXPECT_EQ(TranslatePlaceholders("SELECT 1").placeholders, 0);
}

TEST(PlaceholdersTest, LeavesQuotedAndCommentedQuestionMarksAlone) {
  EXPECT_EQ(T("SELECT 'a?b', ?"), "SELECT 'a?b', $1");
  EXPECT_EQ(T("SELECT 'it''s ?', ?"), "SELECT 'it''s ?', $1");
  EXPECT_EQ(T("SELECT E'\\'?', ?"), "SELECT E'\\'?', $1");
  EXPECT_EQ(T("SELECT '\\', ?"), "SELECT '\\', $1");  // no E: backslash is ordinary
  EXPECT_EQ(T("SELECT \"we?rd\" FROM t WHERE x = ?"), "SELECT \"we?rd\" FROM t WHERE x = $1");
  EXPECT_EQ(T("SELECT ? -- what?\n, ?"), "SELECT $1 -- what?\n, $2");
  EXPECT_EQ(T("SELECT /* a /* nested? */ b? */ ?"), "SELECT /* a /* nested? */ b? */ $1");
  EXPECT_EQ(T("SELECT $$ ? $$, $tag$ '?' $tag$, ?"), "SELECT $$ ? $$, $tag$ '?' $tag$, $1");
}

TEST(PlaceholdersTest, DollarSignsThatAreNotQuotesStay) {
  EXPECT_EQ(T("SELECT a$b, ? FROM t"), "SELECT a$b, $1 FROM t");
  EXPECT_EQ(T("SELECT $1, ?"), "SELECT $1, $1");  // mixing styles is the caller's mistake
}

TEST(PlaceholdersTest, UnterminatedQuotesDoNotRunAway) {
  EXPECT_EQ(T("SELECT 'open ?"), "SELECT 'open ?");
  EXPECT_EQ(T("SELECT /* open ?"), "SELECT /* open ?");
  EXPECT_EQ(T("SELECT $x$ open ?"), "SELECT $x$ open ?");
}

}  // namespace
}  // namespace waymark::db
