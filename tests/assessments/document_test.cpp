// The encrypted document's JSON form: it round-trips, and a damaged one is an error that never
// echoes the stored text.
#include <gtest/gtest.h>

#include "assessments/document.hpp"

namespace waymark::assessments {
namespace {

TEST(AssessmentDocumentTest, NeedsTextRoundTrips) {
  NeedsText text{{"A safe place", "Legal \"advice\"\nsoon", ""}, "Brave; speaks Tigrinya"};
  auto back = DecodeNeedsText(EncodeNeedsText(text));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, text);
}

TEST(AssessmentDocumentTest, RiskTextRoundTripsByCode) {
  RiskText text;
  text.notes[RiskKind::kSelfHarm] = "Seen by the GP weekly";
  text.notes[RiskKind::kLocationExposure] = "Avoids social media";
  std::string json = EncodeRiskText(text);
  EXPECT_NE(json.find("\"self_harm\""), std::string::npos);
  auto back = DecodeRiskText(json);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, text);
}

TEST(AssessmentDocumentTest, ADamagedDocumentIsAnErrorWithoutItsText) {
  for (std::string_view bad : {"not json", "[]", R"({"descriptions": [1]})",
                               R"({"strengths": "secret", "descriptions": "x"})"}) {
    auto needs = DecodeNeedsText(bad);
    ASSERT_FALSE(needs) << bad;
    EXPECT_EQ(needs.error().message.find("secret"), std::string::npos);
  }
  EXPECT_FALSE(DecodeRiskText(R"({"notes": {"astrology": "secret"}})"));
  EXPECT_FALSE(DecodeRiskText(R"({"notes": {"health": 3}})"));
  // Missing keys read as empty, so older documents still read.
  auto empty = DecodeNeedsText("{}");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->descriptions.empty());
}

}  // namespace
}  // namespace waymark::assessments
