// The canary for the NRM store: a distinctive First Responder Organisation name and note must
// never appear in the stored bytes (the SQLite file and its WAL; on PostgreSQL every row of
// every table as text), while the codes and dates are in the clear as designed.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "tests/nrm/nrm_fixture.hpp"

namespace waymark::nrm::testing {
namespace {

constexpr std::string_view kCanaryResponder = "Vellichor Wharf Outreach";
constexpr std::string_view kCanaryNote = "Quokkaberry said the letter came late";

class NrmCanaryTest : public NrmTest {};

TEST_P(NrmCanaryTest, TheFirstResponderAndTheNoteNeverReachTheStoredBytes) {
  cases::Case c = CreateAmina();
  NewEntry referral = Referral("2024-01-05", std::string(kCanaryResponder));
  referral.note = std::string(kCanaryNote);
  ASSERT_TRUE(nrm().Record(ActorFor(worker_), c.id, referral, 0, origin_));
  auto timeline = nrm().Timeline(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(timeline);
  ASSERT_EQ(timeline->entries.size(), 1u);
  EXPECT_EQ(std::get<Referred>(timeline->entries[0].entry.event).first_responder, kCanaryResponder);
  EXPECT_EQ(timeline->entries[0].entry.note, kCanaryNote);

  std::string bytes = StoredBytes();
  EXPECT_EQ(bytes.find("Vellichor"), std::string::npos);
  EXPECT_EQ(bytes.find("Quokkaberry"), std::string::npos);
  // Codes and dates are in the clear, as designed (and prove the bytes were read).
  EXPECT_NE(bytes.find("2024-01-05"), std::string::npos);
  EXPECT_NE(bytes.find("rg_pending"), std::string::npos);
}

WAYMARK_INSTANTIATE_DB_TEST(NrmCanaryTest);

}  // namespace
}  // namespace waymark::nrm::testing
