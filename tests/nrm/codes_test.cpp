#include "nrm/codes.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace waymark::nrm {
namespace {

// Every enumerator round-trips through its code, codes are unique, and labels are set.
template <class E, class ParseFn>
void ExpectRoundTrip(int count, ParseFn parse) {
  std::set<std::string> codes;
  for (int i = 0; i < count; ++i) {
    E value = static_cast<E>(i);
    std::string_view code = Code(value);
    EXPECT_FALSE(code.empty());
    EXPECT_FALSE(Label(value).empty());
    EXPECT_EQ(parse(code), value) << code;
    EXPECT_TRUE(codes.insert(std::string(code)).second) << "duplicate code " << code;
  }
  EXPECT_FALSE(parse(""));
  EXPECT_FALSE(parse("no_such_code"));
}

TEST(Codes, EveryValueRoundTrips) {
  ExpectRoundTrip<PathwayState>(13, ParsePathwayState);
  ExpectRoundTrip<EventKind>(11, ParseEventKind);
  ExpectRoundTrip<CompetentAuthority>(2, ParseCompetentAuthority);
  ExpectRoundTrip<RgOutcome>(2, ParseRgOutcome);
  ExpectRoundTrip<CgOutcome>(3, ParseCgOutcome);
  ExpectRoundTrip<DisqualificationGrounds>(2, ParseDisqualificationGrounds);
  ExpectRoundTrip<DecisionStage>(2, ParseDecisionStage);
}

// Every stage, in the pathway's order, has a short label for tables and filters, no longer than
// its full one; none is shared, so a filter's choices can be told apart.
TEST(Codes, EveryStageHasADistinctShortLabel) {
  std::set<std::string_view> seen;
  ASSERT_EQ(AllPathwayStates().size(), 13u);
  for (PathwayState state : AllPathwayStates()) {
    std::string_view short_label = ShortLabel(state);
    EXPECT_FALSE(short_label.empty()) << Code(state);
    EXPECT_LE(short_label.size(), Label(state).size()) << Code(state);
    EXPECT_TRUE(seen.insert(short_label).second) << short_label;
  }
  EXPECT_EQ(ShortLabel(PathwayState::kRgPending), "Waiting for the RG decision");
}

// Stored codes must never change; these pin the ones storage will use.
TEST(Codes, AreStable) {
  EXPECT_EQ(Code(PathwayState::kCgPending), "cg_pending");
  EXPECT_EQ(Code(PathwayState::kRgReconsiderationRequested), "rg_reconsideration_requested");
  EXPECT_EQ(Code(PathwayState::kReachIn), "reach_in");
  EXPECT_EQ(Code(EventKind::kRnaDecided), "rna_decided");
  EXPECT_EQ(Code(CompetentAuthority::kIeca), "ieca");
  EXPECT_EQ(Code(CgOutcome::kSlaveryServitudeForcedLabour), "slavery_servitude_forced_labour");
  EXPECT_EQ(Code(DisqualificationGrounds::kBadFaith), "bad_faith");
  EXPECT_EQ(Label(CompetentAuthority::kSca), "Single Competent Authority (SCA)");
  EXPECT_EQ(Label(CgOutcome::kHumanTrafficking), "Victim of human trafficking");
  EXPECT_FALSE(ParsePathwayState("CG_PENDING"));
}

}  // namespace
}  // namespace waymark::nrm
