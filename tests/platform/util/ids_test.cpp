#include "platform/util/ids.hpp"

#include <gtest/gtest.h>

#include <set>

namespace waymark {
namespace {

TEST(Ids, AreHexAnd128Bits) {
  std::string id = NewId();
  EXPECT_TRUE(IsId(id)) << id;
  EXPECT_FALSE(IsId(id.substr(1)));
  EXPECT_FALSE(IsId(std::string(32, 'G')));
}

TEST(Ids, DoNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(NewId()).second);
}

TEST(ShortReferences, HaveTheReadableShape) {
  for (int i = 0; i < 200; ++i) {
    std::string ref = NewShortReference();
    EXPECT_TRUE(IsShortReference(ref)) << ref;
  }
  EXPECT_FALSE(IsShortReference("WM-7K3Q-9D2"));
  EXPECT_FALSE(IsShortReference("WM-7K3Q-9DIF"));  // I is not in Crockford base32
  EXPECT_FALSE(IsShortReference("XX-7K3Q-9D2F"));
}

}  // namespace
}  // namespace waymark
