// The canary: a distinctive name and address stored in a case must never appear in the stored
// bytes: the SQLite database file and its WAL, or (on PostgreSQL) any row of any table as text.
#include <gtest/gtest.h>

#include "tests/cases/case_fixture.hpp"

namespace waymark::cases::testing {
namespace {

constexpr std::string_view kCanaryName = "Quillonbrecht";
constexpr std::string_view kCanaryAddress = "77 Xylophage Crescent";

class CaseCanaryTest : public CaseTest {};

TEST_P(CaseCanaryTest, ACanaryNameAndAddressNeverReachTheStoredBytes) {
  CaseInput in = Amina();
  in.family_name = std::string(kCanaryName);
  in.other_names = std::string(kCanaryName) + " Senior";
  in.address = std::string(kCanaryAddress);
  auto created = service().Create(ActorFor(worker_), in, origin_);
  ASSERT_TRUE(created) << created.error().message;
  CaseInput changed = in;
  changed.safe_contact_times = "Only " + std::string(kCanaryName) + " knows";
  ASSERT_TRUE(service().Update(ActorFor(worker_), created->id, changed, 1, origin_));
  ASSERT_TRUE(service().Search(ActorFor(worker_), {std::string(kCanaryName)}, origin_));
  std::string bytes = StoredBytes();
  EXPECT_EQ(bytes.find(kCanaryName), std::string::npos);
  EXPECT_EQ(bytes.find(kCanaryAddress), std::string::npos);
  EXPECT_EQ(bytes.find("Xylophage"), std::string::npos);
  // The non-identifying fields are in the clear, as designed.
  EXPECT_NE(bytes.find("sqi"), std::string::npos);
}

WAYMARK_INSTANTIATE_DB_TEST(CaseCanaryTest);

}  // namespace
}  // namespace waymark::cases::testing
