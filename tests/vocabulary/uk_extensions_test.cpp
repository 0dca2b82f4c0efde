#include "vocabulary/uk_extensions.hpp"

#include <gtest/gtest.h>

#include <set>

#include "vocabulary/htcds.hpp"

namespace waymark::vocabulary {
namespace {

std::vector<std::string_view> Codes(UkVocabulary vocabulary) {
  std::vector<std::string_view> codes;
  for (const Term& term : Terms(vocabulary)) codes.push_back(term.code);
  return codes;
}

TEST(UkExtensions, ExploitationLocations) {
  EXPECT_EQ(Codes(UkVocabulary::kExploitationLocation),
            (std::vector<std::string_view>{"uk", "overseas", "both", "unknown"}));
  EXPECT_EQ(TermLabel(UkVocabulary::kExploitationLocation, "overseas"), "Outside the UK");
  EXPECT_EQ(FindTerm(UkVocabulary::kExploitationLocation, "UK"), nullptr);
}

TEST(UkExtensions, ClosureReasons) {
  EXPECT_EQ(Codes(UkVocabulary::kClosureReason),
            (std::vector<std::string_view>{"support_completed", "moved_on",
                                           "referred_to_other_service", "disengaged", "left_the_uk",
                                           "transferred_to_other_provider", "died", "other"}));
  EXPECT_EQ(TermLabel(UkVocabulary::kClosureReason, "left_the_uk"), "Left the UK");
}

TEST(UkExtensions, AreMarkedAsWaymarksOwnAndNeverClashWithHtcds) {
  for (UkVocabulary vocabulary : kAllUkVocabularies) {
    std::string_view field = FieldName(vocabulary);
    EXPECT_TRUE(field.starts_with("wmk_")) << field;
    for (Vocabulary htcds : kAllVocabularies) EXPECT_NE(field, FieldName(htcds));
    std::set<std::string_view> seen;
    for (const Term& term : Terms(vocabulary)) {
      EXPECT_TRUE(seen.insert(term.code).second) << term.code;
      EXPECT_FALSE(term.label.empty()) << term.code;
    }
  }
}

TEST(UkExtensions, EachClosureReasonGivesAClosedHtcdsStatus) {
  for (const Term& reason : Terms(UkVocabulary::kClosureReason)) {
    std::string_view status = CaseStatusForClosure(reason.code);
    EXPECT_TRUE(status == "Closed" || status == "ClosedReferred") << reason.code;
    EXPECT_NE(FindTerm(Vocabulary::kCaseStatus, status), nullptr) << status;
  }
  EXPECT_EQ(CaseStatusForClosure("referred_to_other_service"), "ClosedReferred");
  EXPECT_EQ(CaseStatusForClosure("transferred_to_other_provider"), "ClosedReferred");
  EXPECT_EQ(CaseStatusForClosure("support_completed"), "Closed");
  EXPECT_EQ(CaseStatusForClosure("died"), "Closed");
  EXPECT_EQ(CaseStatusForClosure("finished"), "");
  EXPECT_EQ(CaseStatusForClosure(""), "");
}

TEST(UkExtensions, TakeOneCode) {
  std::vector<std::string_view> one = {"both"};
  auto chosen = CheckCodes(UkVocabulary::kExploitationLocation, one, "location");
  ASSERT_TRUE(chosen);
  EXPECT_EQ(*chosen, (std::vector<std::string_view>{"both"}));
  std::vector<std::string_view> two = {"uk", "overseas"};
  auto refused = CheckCodes(UkVocabulary::kExploitationLocation, two, "location");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields[0].field, "location");
  std::vector<std::string_view> unknown = {"abroad"};
  EXPECT_FALSE(CheckCodes(UkVocabulary::kExploitationLocation, unknown, "location"));
}

}  // namespace
}  // namespace waymark::vocabulary
