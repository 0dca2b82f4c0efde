#include "platform/crypto/blind_index.hpp"

#include <set>
#include <stdexcept>

#include <gtest/gtest.h>

namespace waymark::crypto {
namespace {

TEST(NormaliseForSearch, FoldsCaseTrimsAndCollapsesWhitespace) {
  EXPECT_EQ(NormaliseForSearch("  ÉMILE   dupont "), "émile dupont");
  EXPECT_EQ(NormaliseForSearch("émile Dupont"), "émile dupont");
  EXPECT_EQ(NormaliseForSearch("Stra\u00dfe"), "strasse");     // ß case-folds to ss
  EXPECT_EQ(NormaliseForSearch("E\u0301mile"), "\u00e9mile");  // composed by NFKC
  EXPECT_EQ(NormaliseForSearch("\uff21\uff22"), "ab");         // full-width letters
  EXPECT_EQ(NormaliseForSearch("a\u00a0\t\nb"), "a b");        // no-break space, tab
  EXPECT_EQ(NormaliseForSearch(" \t "), "");
  EXPECT_EQ(NormaliseForSearch("O'Brien"), "o'brien");
}

TEST(BlindIndex, MatchesEquivalentSpellings) {
  DataKey key = DataKey::Generate();
  EXPECT_EQ(BlindIndex(key, "person.name", "  ÉMILE dupont", 24),
            BlindIndex(key, "person.name", "émile Dupont", 24));
}

TEST(BlindIndex, DependsOnKeyPurposeAndValue) {
  DataKey key = DataKey::Generate();
  DataKey other = DataKey::Generate();
  // With 32 bits a chance collision in one comparison is 1 in 4 billion.
  auto base = BlindIndex(key, "person.name", "Emile Dupont", 32);
  EXPECT_NE(base, BlindIndex(other, "person.name", "Emile Dupont", 32));
  EXPECT_NE(base, BlindIndex(key, "person.town", "Emile Dupont", 32));
  EXPECT_NE(base, BlindIndex(key, "person.name", "Emile Durand", 32));
  EXPECT_EQ(base,
            BlindIndex(DataKey(key.id(), key.key().Clone()), "person.name", "emile dupont", 32));
}

TEST(BlindIndex, IsTruncatedToBitsSoValuesShareIndexes) {
  DataKey key = DataKey::Generate();
  std::set<std::int64_t> seen;
  for (int i = 0; i < 200; ++i) {
    auto index = BlindIndex(key, "p", "value " + std::to_string(i), 4);
    EXPECT_GE(index, 0);
    EXPECT_LT(index, 16);
    seen.insert(index);
  }
  EXPECT_LE(seen.size(), 16u);
  EXPECT_GT(seen.size(), 8u);  // and spread over the range
  EXPECT_LT(BlindIndex(key, "p", "x", 16), 1 << 16);
  EXPECT_GE(BlindIndex(key, "p", "x", 63), 0);
}

TEST(BlindIndex, RefusesOutOfRangeBits) {
  DataKey key = DataKey::Generate();
  EXPECT_THROW(BlindIndex(key, "p", "x", 0), std::invalid_argument);
  EXPECT_THROW(BlindIndex(key, "p", "x", 64), std::invalid_argument);
}

}  // namespace
}  // namespace waymark::crypto
