// Recording and listing consent decisions, on both databases: statuses today, refusals that
// supersede, validation that changes nothing, the audit trail, the overview's section, and the
// database refusing to delete or rewrite a record.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consent/section.hpp"
#include "tests/consent/consent_fixture.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::consent::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ConsentServiceTest : public ConsentTest {};

TEST_P(ConsentServiceTest, AConsentIsRecordedListedWithItsStatusAndAudited) {
  cases::Case c = CreateAmina();
  ConsentInput in = Given("support");
  in.expires_on = "2025-03-01";
  in.notes = "Wants support from a female worker";
  ConsentRecord saved = Record(c.id, in);
  EXPECT_EQ(saved.version, 1);
  EXPECT_EQ(saved.status, ConsentStatus::kGiven);
  EXPECT_EQ(saved.recorded_by, "Test worker@harbour.test");

  auto list = consent().Consents(ActorFor(manager_), c.id, origin_);
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_EQ(list->frame.reference, c.reference);
  EXPECT_TRUE(list->frame.can_change);
  EXPECT_FALSE(list->frame.closed);
  EXPECT_EQ(list->languages, (std::vector<std::string>{"sqi", "eng"}));
  ASSERT_EQ(list->consents.size(), 1u);
  const ConsentRecord& r = list->consents[0];
  EXPECT_EQ(r.id, saved.id);
  EXPECT_EQ(r.consent.purpose, Purpose::kSupport);
  EXPECT_EQ(r.consent.notes, "Wants support from a female worker");
  EXPECT_EQ(r.consent.language, "sqi");
  EXPECT_TRUE(r.consent.interpreter_used);
  EXPECT_EQ(*r.consent.expires_on, ParseIsoDate("2025-03-01"));
  EXPECT_EQ(r.status, ConsentStatus::kGiven);
  EXPECT_FALSE(r.superseded);

  EXPECT_EQ(CountAudit("consent.record"), 1);
  EXPECT_EQ(CountAudit("consent.view"), 1);
  auto details = AuditDetails("consent.record");
  ASSERT_EQ(details.size(), 1u);
  EXPECT_THAT(details[0], HasSubstr(saved.id));
  EXPECT_THAT(details[0], HasSubstr("support"));
  EXPECT_THAT(details[0], Not(HasSubstr("female worker")));
}

TEST_P(ConsentServiceTest, ARefusalIsRecordedAndSupersedesAnEarlierConsent) {
  cases::Case c = CreateAmina();
  ConsentInput earlier = Given("sharing", "British Red Cross");
  earlier.decided_on = "2024-02-01";
  Record(c.id, earlier);
  ConsentInput refusal = Refused("sharing", "  british red  cross ");
  refusal.decided_on = "2024-03-02";
  Record(c.id, refusal);
  Record(c.id, Given("sharing", "Migrant Help"));

  auto list = consent().Consents(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->consents.size(), 3u);  // oldest decision first
  EXPECT_TRUE(list->consents[0].superseded);
  EXPECT_EQ(list->consents[0].status, ConsentStatus::kGiven);      // by its own dates
  EXPECT_EQ(list->consents[1].consent.recipient, "Migrant Help");  // 1 March
  EXPECT_FALSE(list->consents[1].superseded);
  EXPECT_EQ(list->consents[1].status, ConsentStatus::kGiven);
  EXPECT_EQ(list->consents[2].status, ConsentStatus::kRefused);  // 2 March
  EXPECT_FALSE(list->consents[2].superseded);
}

TEST_P(ConsentServiceTest, InvalidInputIsAllReportedAndRecordsNothing) {
  cases::Case c = CreateAmina();
  ASSERT_EQ(vocabulary::FindLanguage("xqz"), nullptr);
  ConsentInput in = Given("sharing");  // no organisation named
  in.language = "xqz";
  in.decided_on = "2024-03-05";  // tomorrow
  in.interpreter = "";
  auto saved = consent().RecordConsent(ActorFor(worker_), c.id, in, origin_);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().kind, ProblemKind::kInvalid);
  std::map<std::string, std::string> errors;
  for (const auto& e : saved.error().fields) errors[e.field] = e.message;
  EXPECT_THAT(errors["recipient"], HasSubstr("Enter the name of the organisation"));
  EXPECT_THAT(errors["language"], HasSubstr("real ISO 639-3 code"));
  EXPECT_THAT(errors["decided_on"], HasSubstr("cannot be in the future"));
  EXPECT_THAT(errors["interpreter"], HasSubstr("interpreter"));

  // An unknown language alone is refused too.
  ConsentInput only_language = Given("support");
  only_language.language = "xqz";
  auto refused = consent().RecordConsent(ActorFor(worker_), c.id, only_language, origin_);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "language");

  EXPECT_EQ(Count("consents"), 0);
  EXPECT_EQ(CountAudit("consent.record"), 0);
}

TEST_P(ConsentServiceTest, AClosedCaseKeepsItsConsentReadableButRefusesChanges) {
  cases::Case c = CreateAmina();
  ConsentRecord given = Record(c.id, Given("sharing", "Migrant Help"));
  ASSERT_TRUE(service().Close(ActorFor(manager_), c.id, "support_completed", 1, origin_));

  auto record = consent().RecordConsent(ActorFor(worker_), c.id, Given("support"), origin_);
  ASSERT_FALSE(record);
  EXPECT_EQ(record.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(record.error().message, cases::kClosedCase);
  auto withdraw =
      consent().Withdraw(ActorFor(worker_), c.id, given.id, {"2024-03-03", ""}, 1, origin_);
  ASSERT_FALSE(withdraw);
  EXPECT_EQ(withdraw.error().kind, ProblemKind::kConflict);
  auto disclose = consent().RecordDisclosure(
      ActorFor(worker_), c.id, SharedWith("Migrant Help", "consent", given.id), origin_);
  ASSERT_FALSE(disclose);
  EXPECT_EQ(disclose.error().kind, ProblemKind::kConflict);

  auto list = consent().Consents(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->frame.closed);
  EXPECT_FALSE(list->frame.can_change);
  EXPECT_EQ(list->consents.size(), 1u);
  EXPECT_EQ(Count("consents"), 1);
  EXPECT_EQ(Count("disclosures"), 0);
  EXPECT_EQ(CountAudit("consent.withdraw"), 0);
}

TEST_P(ConsentServiceTest, TheOverviewSectionSaysWhetherSupportConsentIsInForce) {
  cases::Case c = CreateAmina();
  cases::CaseService cases_with_section = service();
  cases_with_section.AddSection(ConsentSection);
  auto section = [&] {
    auto view = cases_with_section.Open(ActorFor(worker_), c.id, origin_);
    EXPECT_TRUE(view) << view.error().message;
    EXPECT_EQ(view->sections.size(), 1u);
    return view->sections.at(0);
  };
  cases::CaseSection none = section();
  EXPECT_EQ(none.title, "Consent");
  EXPECT_EQ(none.href, "/cases/" + c.id + "/consent");
  EXPECT_EQ(none.status, "Not started");
  EXPECT_EQ(none.hint, "");

  Record(c.id, Refused("nrm_referral"));
  cases::CaseSection refused = section();
  EXPECT_EQ(refused.status, "In progress");
  EXPECT_EQ(refused.hint, "NRM referral: consent refused");

  ConsentInput support = Given("support");
  support.expires_on = "2027-03-03";
  Record(c.id, support);
  ConsentInput nrm = Given("nrm_referral");
  nrm.decided_on = "2024-03-04";
  Record(c.id, nrm);
  cases::CaseSection done = section();
  EXPECT_EQ(done.status, "Completed");
  EXPECT_TRUE(done.done);
  EXPECT_EQ(done.hint, "Consent for support expires 3 March 2027. NRM referral: consent given");
}

TEST_P(ConsentServiceTest, TheDatabaseRefusesToDeleteOrRewriteRecords) {
  cases::Case c = CreateAmina();
  ConsentRecord r = Record(c.id, Given("support"));
  auto attempt = [&](std::string sql) {
    EXPECT_ANY_THROW(db().Write([&](db::Tx& tx) { tx.Execute(sql, {r.id}); })) << sql;
  };
  attempt("DELETE FROM consents WHERE id = ?");
  attempt("UPDATE consents SET decision = 'refused' WHERE id = ?");
  attempt("UPDATE consents SET purpose = 'contact', withdrawn_on = '2024-03-03' WHERE id = ?");
  ASSERT_TRUE(consent().Withdraw(ActorFor(worker_), c.id, r.id, {"2024-03-03", ""}, 1, origin_));
  attempt("UPDATE consents SET withdrawn_on = '2024-03-04' WHERE id = ?");
  auto list = consent().Consents(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->consents.size(), 1u);
  EXPECT_EQ(list->consents[0].consent.decision, Decision::kGiven);
  EXPECT_EQ(list->consents[0].consent.withdrawal->on, ParseIsoDate("2024-03-03"));
}

WAYMARK_INSTANTIATE_DB_TEST(ConsentServiceTest);

}  // namespace
}  // namespace waymark::consent::testing
