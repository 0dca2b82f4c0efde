#include "nrm/next_events.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark::nrm {
namespace {

using ::testing::ElementsAre;

Date D(const char* iso) { return *ParseIsoDate(iso); }

Pathway After(const std::vector<Event>& events) {
  Pathway pathway;
  for (const Event& event : events) {
    auto next = ApplyRecorded(pathway, event, DefaultPolicy());
    EXPECT_TRUE(next) << next.error().message;
    if (next) pathway = std::move(*next);
  }
  return pathway;
}

TEST(PossibleEventsTest, ANewPathwayOffersDutyToNotifyOrReferral) {
  EXPECT_THAT(PossibleEvents(Pathway{}, DefaultPolicy()),
              ElementsAre(EventKind::kDutyToNotifySent, EventKind::kReferred));
}

TEST(PossibleEventsTest, AReferralWaitsForTheReasonableGroundsDecisionOnly) {
  Pathway p = After({Referred{D("2025-01-03"), "Lowtown Council", CompetentAuthority::kSca}});
  EXPECT_THAT(PossibleEvents(p, DefaultPolicy()), ElementsAre(EventKind::kRgDecided));
}

TEST(PossibleEventsTest, APositiveRgOffersTheCgDecisionOrDisqualification) {
  Pathway p = After({Referred{D("2025-01-03"), "Lowtown Council", CompetentAuthority::kSca},
                     RgDecided{D("2025-01-10"), RgOutcome::kPositive}});
  EXPECT_THAT(PossibleEvents(p, DefaultPolicy()),
              ElementsAre(EventKind::kCgDecided, EventKind::kDisqualified));
}

TEST(PossibleEventsTest, ANegativeRgOffersReconsiderationEvenAfterItsWindowAndExit) {
  Pathway p = After({Referred{D("2025-01-03"), "Lowtown Council", CompetentAuthority::kSca},
                     RgDecided{D("2025-01-10"), RgOutcome::kNegative}, Exited{D("2025-03-01")}});
  // The window has closed by the exit date; the request is still offered (its date decides).
  EXPECT_THAT(PossibleEvents(p, DefaultPolicy()),
              ElementsAre(EventKind::kReconsiderationRequested));
}

TEST(PossibleEventsTest, MoveOnAfterAPositiveCgOffersTheRnaAndExit) {
  Pathway p = After({Referred{D("2025-01-03"), "Lowtown Council", CompetentAuthority::kSca},
                     RgDecided{D("2025-01-10"), RgOutcome::kPositive},
                     CgDecided{D("2025-06-10"), CgOutcome::kHumanTrafficking},
                     MoveOnStarted{D("2025-06-11")}});
  EXPECT_THAT(PossibleEvents(p, DefaultPolicy()),
              ElementsAre(EventKind::kRnaSubmitted, EventKind::kExited));
  Pathway submitted = After({Referred{D("2025-01-03"), "Lowtown Council", CompetentAuthority::kSca},
                             RgDecided{D("2025-01-10"), RgOutcome::kPositive},
                             CgDecided{D("2025-06-10"), CgOutcome::kHumanTrafficking},
                             MoveOnStarted{D("2025-06-11")}, RnaSubmitted{D("2025-06-20")}});
  EXPECT_THAT(PossibleEvents(submitted, DefaultPolicy()),
              ElementsAre(EventKind::kRnaDecided, EventKind::kExited));
}

}  // namespace
}  // namespace waymark::nrm
