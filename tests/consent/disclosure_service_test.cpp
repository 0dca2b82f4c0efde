// Recording disclosures, on both databases: a consent basis must name this case's consent to
// sharing with that organisation, in force on the day; a statutory basis needs a reason. Bad
// input records nothing; every disclosure and every read is audited with codes only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/consent/consent_fixture.hpp"

namespace waymark::consent::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class DisclosureServiceTest : public ConsentTest {};

TEST_P(DisclosureServiceTest, DisclosuresAreRecordedWithTheirBasisAndListedNewestFirst) {
  cases::Case c = CreateAmina();
  ConsentRecord sharing = Record(c.id, Given("sharing", "British Red Cross"));
  auto by_consent = consent().RecordDisclosure(
      ActorFor(worker_), c.id, SharedWith("british  red cross", "consent", sharing.id), origin_);
  ASSERT_TRUE(by_consent) << by_consent.error().message;
  EXPECT_EQ(by_consent->disclosure.basis, DisclosureBasis::kConsent);
  EXPECT_EQ(by_consent->disclosure.consent_id, sharing.id);

  DisclosureInput police = SharedWith("Lowtown Police", "safeguarding", "",
                                      "Risk of re-trafficking: the exploiter was seen nearby");
  police.disclosed_on = "2024-03-04";
  auto statutory = consent().RecordDisclosure(ActorFor(manager_), c.id, police, origin_);
  ASSERT_TRUE(statutory) << statutory.error().message;

  auto list = consent().Disclosures(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->disclosures.size(), 2u);
  EXPECT_EQ(list->disclosures[0].disclosure.recipient, "Lowtown Police");
  EXPECT_EQ(list->disclosures[0].disclosure.reason,
            "Risk of re-trafficking: the exploiter was seen nearby");
  EXPECT_EQ(list->disclosures[0].recorded_by, "Test manager@harbour.test");
  EXPECT_EQ(list->disclosures[1].disclosure.recipient, "british  red cross");
  EXPECT_EQ(list->disclosures[1].disclosure.shared, "Name, date of birth and current address");
  EXPECT_EQ(list->consents.size(), 1u);

  EXPECT_EQ(CountAudit("disclosure.record"), 2);
  EXPECT_EQ(CountAudit("disclosure.view"), 1);
  auto details = AuditDetails("disclosure.record");
  EXPECT_THAT(details[0], HasSubstr(sharing.id));
  EXPECT_THAT(details[1], HasSubstr("safeguarding"));
  for (const auto& d : details) {
    EXPECT_THAT(d, Not(HasSubstr("Police")));
    EXPECT_THAT(d, Not(HasSubstr("address")));
  }
}

TEST_P(DisclosureServiceTest, AConsentBasisMustBeThisCasesConsentToSharingWithThatOrganisation) {
  cases::Case c = CreateAmina();
  cases::Case other = CreateAmina();
  ConsentRecord support = Record(c.id, Given("support"));
  ConsentRecord red_cross = Record(c.id, Given("sharing", "British Red Cross"));
  ConsentRecord elsewhere = Record(other.id, Given("sharing", "Migrant Help"));
  ConsentRecord refusal = Record(c.id, Refused("sharing", "Salvation Army"));
  ConsentInput late = Given("sharing", "Migrant Help");
  late.decided_on = "2024-03-03";  // after the share on 2 March
  ConsentRecord too_late = Record(c.id, late);

  auto refused_because = [&](DisclosureInput in) {
    auto saved = consent().RecordDisclosure(ActorFor(worker_), c.id, in, origin_);
    EXPECT_FALSE(saved);
    if (saved) return std::string();
    EXPECT_EQ(saved.error().kind, ProblemKind::kInvalid);
    for (const auto& e : saved.error().fields) {
      if (e.field == "consent_id") return e.message;
    }
    return std::string("(no consent_id error)");
  };
  EXPECT_THAT(refused_because(SharedWith("British Red Cross", "consent", support.id)),
              HasSubstr("not for sharing information"));
  EXPECT_THAT(refused_because(SharedWith("Migrant Help", "consent", red_cross.id)),
              HasSubstr("not with Migrant Help"));
  EXPECT_THAT(refused_because(SharedWith("Migrant Help", "consent", elsewhere.id)),
              HasSubstr("Select one of this person's consent records"));
  EXPECT_THAT(refused_because(SharedWith("Salvation Army", "consent", refusal.id)),
              HasSubstr("is a refusal"));
  EXPECT_THAT(refused_because(SharedWith("Migrant Help", "consent", too_late.id)),
              HasSubstr("after the information was shared"));
  EXPECT_THAT(refused_because(SharedWith("Migrant Help", "consent", "")),
              HasSubstr("Select the consent record"));

  // A statutory basis needs a real reason, and no consent record.
  auto short_reason = consent().RecordDisclosure(
      ActorFor(worker_), c.id, SharedWith("Lowtown Police", "crime_prevention", "", "asked"),
      origin_);
  ASSERT_FALSE(short_reason);
  EXPECT_EQ(short_reason.error().fields[0].field, "reason");
  auto empty = consent().RecordDisclosure(ActorFor(worker_), c.id, DisclosureInput{}, origin_);
  ASSERT_FALSE(empty);
  EXPECT_GE(empty.error().fields.size(), 4u);

  EXPECT_EQ(Count("disclosures"), 0);
  EXPECT_EQ(CountAudit("disclosure.record"), 0);
}

WAYMARK_INSTANTIATE_DB_TEST(DisclosureServiceTest);

}  // namespace
}  // namespace waymark::consent::testing
