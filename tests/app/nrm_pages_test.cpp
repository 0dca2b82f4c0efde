// The NRM pages over real HTTP: a referral and a positive Reasonable Grounds decision recorded
// through the forms, the stage, deadlines and overview section they give; a correction kept in
// the timeline; the error paths (no consent, nothing chosen, an impossible event, a bad date, a
// stale form), and who may read (the team, a break-glass reader without forms) or nothing.
#include <chrono>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/roles.hpp"
#include "nrm/service.hpp"
#include "platform/util/ids.hpp"
#include "tests/app/case_pages_support.hpp"

namespace waymark::app::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

class NrmPagesTest : public AppTest {
 protected:
  // Records, through the consent form, the person's consent to an NRM referral: without it an
  // adult cannot be referred (only an anonymous Duty to Notify can be recorded).
  void RecordReferralConsent(Browser& browser, const std::string& id) {
    auto saved = browser.Post("/cases/" + id + "/consent/new", {{"csrf_token", browser.csrf()},
                                                                {"purpose", "nrm_referral"},
                                                                {"decision", "given"},
                                                                {"language", "eng"},
                                                                {"interpreter", "no"},
                                                                {"format", "verbal"},
                                                                {"decided_on-day", "1"},
                                                                {"decided_on-month", "2"},
                                                                {"decided_on-year", "2024"}});
    EXPECT_EQ(saved.status, 303) << saved.body;
  }

  // Opens a case through the form as `browser`'s person; returns its id.
  std::string OpenCase(Browser& browser) {
    EXPECT_EQ(browser.Get("/cases/new").status, 200);
    auto created = browser.Post("/cases/new", {{"csrf_token", browser.csrf()},
                                               {"given_names", "Amina"},
                                               {"family_name", "Zorbalova"},
                                               {"interpreter_needed", "no"}});
    EXPECT_EQ(created.status, 303) << created.body;
    std::string location = created.Header("Location");
    std::string id = location.substr(std::string("/cases/").size(), 32);
    EXPECT_TRUE(IsId(id)) << location;
    return id;
  }

  Fields Referral(Browser& browser, std::string count = "0") {
    return {{"csrf_token", browser.csrf()},
            {"event", "referred"},
            {"count", count},
            {"date-day", "5"},
            {"date-month", "2"},
            {"date-year", "2024"},
            {"first_responder", "Lowtown Borough Council"},
            {"authority", "sca"}};
  }

  Fields RgPositive(Browser& browser, std::string count = "1") {
    return {{"csrf_token", browser.csrf()},
            {"event", "rg_decided"},
            {"count", count},
            {"date-day", "1"},
            {"date-month", "3"},
            {"date-year", "2024"},
            {"outcome", "positive"}};
  }
};

TEST_F(NrmPagesTest, AReferralThenAPositiveReasonableGroundsDecisionThroughTheForms) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenCase(worker);
  RecordReferralConsent(worker, id);
  const std::string nrm = "/cases/" + id + "/nrm";

  auto overview = worker.Get("/cases/" + id);
  ASSERT_EQ(overview.status, 200);
  EXPECT_THAT(overview.body, HasSubstr("National Referral Mechanism"));
  EXPECT_THAT(overview.body, HasSubstr("href=\"" + nrm + "\""));
  EXPECT_THAT(overview.body, HasSubstr("Not referred to the NRM"));

  auto page = worker.Get(nrm);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Record what happened next"));
  EXPECT_THAT(page.body, HasSubstr("value=\"referred\""));
  EXPECT_THAT(page.body, HasSubstr("value=\"duty_to_notify_sent\""));
  EXPECT_THAT(page.body, Not(HasSubstr("value=\"rg_decided\"")));
  EXPECT_THAT(page.body, HasSubstr("Nothing has been recorded yet."));

  auto form = worker.Get(nrm + "/record?step=choose&event=referred");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("name=\"first_responder\""));
  EXPECT_THAT(form.body, HasSubstr("name=\"date-day\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"ieca\""));
  EXPECT_EQ(FieldValueIn(form.body, "count"), "0");
  auto referred = worker.Post(nrm + "/record", Referral(worker));
  ASSERT_EQ(referred.status, 303) << referred.body;
  EXPECT_EQ(referred.Header("Location"), nrm + "?recorded=1");

  page = worker.Get(nrm + "?recorded=1");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Referred: waiting for the Reasonable Grounds decision"));
  EXPECT_THAT(page.body, HasSubstr("Lowtown Borough Council"));
  // The 5th working day after 5 February 2024; today (4 March 2024) is past it.
  EXPECT_THAT(page.body, HasSubstr("12 February 2024"));
  EXPECT_THAT(page.body, HasSubstr("Overdue"));
  EXPECT_THAT(page.body, HasSubstr("value=\"rg_decided\""));
  EXPECT_THAT(page.body, HasSubstr("Correct this entry"));

  ASSERT_EQ(worker.Get(nrm + "/record?step=choose&event=rg_decided").status, 200);
  auto decided = worker.Post(nrm + "/record", RgPositive(worker));
  ASSERT_EQ(decided.status, 303) << decided.body;
  page = worker.Get(nrm);
  EXPECT_THAT(page.body, HasSubstr("Recovery period: waiting for the Conclusive Grounds decision"));
  EXPECT_THAT(page.body, HasSubstr("Minimum recovery period ends"));
  EXPECT_THAT(page.body, HasSubstr("31 March 2024"));
  EXPECT_THAT(page.body, Not(HasSubstr("Overdue")));
  EXPECT_THAT(page.body, HasSubstr("value=\"cg_decided\""));
  EXPECT_THAT(page.body, HasSubstr("value=\"disqualified\""));

  overview = worker.Get("/cases/" + id);
  EXPECT_THAT(overview.body, HasSubstr("Minimum recovery period ends: 31 March 2024"));
  EXPECT_EQ(app().CountAudit("nrm.record"), 2);
  EXPECT_GE(app().CountAudit("nrm.view"), 3);
  // The case list's stage follows, and so does its filter.
  EXPECT_THAT(worker.Get("/cases").body,
              HasSubstr("<td class=\"govuk-table__cell\">Recovery period, waiting for CG"));
  EXPECT_THAT(worker.Get("/cases?nrm_stage=cg_pending").body, HasSubstr("Amina Zorbalova"));
  EXPECT_THAT(worker.Get("/cases?nrm_stage=not_referred").body, Not(HasSubstr("Amina Zorbalova")));
}

TEST_F(NrmPagesTest, ACorrectionIsKeptInTheTimeline) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenCase(worker);
  RecordReferralConsent(worker, id);
  const std::string nrm = "/cases/" + id + "/nrm";
  ASSERT_EQ(worker.Get(nrm + "/record?event=referred").status, 200);
  ASSERT_EQ(worker.Post(nrm + "/record", Referral(worker)).status, 303);

  auto page = worker.Get(nrm);
  std::string link = nrm + "/correct?entry=";
  auto at = page.body.find(link);
  ASSERT_NE(at, std::string::npos);
  std::string entry = page.body.substr(at + link.size(), 32);
  auto form = worker.Get(link + entry);
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(FieldValueIn(form.body, "first_responder"), "Lowtown Borough Council");
  EXPECT_EQ(FieldValueIn(form.body, "date-day"), "5");

  Fields correction = Referral(worker, "1");
  correction.push_back({"entry", entry});
  correction[3].second = "6";  // date-day
  auto no_reason = worker.Post(nrm + "/correct", correction);
  ASSERT_EQ(no_reason.status, 400);
  EXPECT_THAT(no_reason.body, HasSubstr("href=\"#note\""));
  correction.push_back({"note", "The referral went on the 6th"});
  auto corrected = worker.Post(nrm + "/correct", correction);
  ASSERT_EQ(corrected.status, 303) << corrected.body;

  page = worker.Get(nrm + "?corrected=1");
  EXPECT_THAT(page.body, HasSubstr("Correction recorded"));
  EXPECT_THAT(page.body, HasSubstr("6 February 2024"));
  EXPECT_THAT(page.body, HasSubstr("The referral went on the 6th"));
  EXPECT_THAT(page.body, HasSubstr("Corrected</strong> on"));
  EXPECT_THAT(page.body, HasSubstr("5 February 2024"));  // kept, beneath
  EXPECT_EQ(worker.Get(link + entry).status, 409);       // corrected already
  EXPECT_EQ(app().CountAudit("nrm.correct"), 1);
}

TEST_F(NrmPagesTest, RefusedChangesAreShownWithTheReasonAndChangeNothing) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenCase(worker);
  const std::string nrm = "/cases/" + id + "/nrm";
  ASSERT_EQ(worker.Get(nrm).status, 200);

  // No consent recorded: the application's own lookup finds none.
  auto no_consent = worker.Post(nrm + "/record", Referral(worker));
  ASSERT_EQ(no_consent.status, 400);
  EXPECT_THAT(no_consent.body,
              HasSubstr("An adult can be referred to the NRM only with their recorded consent"));
  EXPECT_THAT(no_consent.body, HasSubstr("href=\"#consent\""));
  EXPECT_THAT(no_consent.body, HasSubstr("Lowtown Borough Council"));  // kept as typed

  auto nothing_chosen = worker.Get(nrm + "/record?step=choose");
  EXPECT_EQ(nothing_chosen.status, 400);
  EXPECT_THAT(nothing_chosen.body, HasSubstr("Select what happened next"));
  EXPECT_THAT(nothing_chosen.body, HasSubstr("href=\"#event\""));
  EXPECT_EQ(worker.Get(nrm + "/record").status, 303);
  auto impossible = worker.Get(nrm + "/record?event=cg_decided");
  EXPECT_EQ(impossible.status, 400);
  EXPECT_THAT(impossible.body, HasSubstr("cannot be recorded at the current stage"));

  RecordReferralConsent(worker, id);
  Fields bad_date = Referral(worker);
  bad_date[3].second = "31";  // 31 February
  auto invalid = worker.Post(nrm + "/record", bad_date);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_THAT(invalid.body, HasSubstr("href=\"#date\""));
  auto stale = worker.Post(nrm + "/record", Referral(worker, "3"));
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("Someone else recorded something in this NRM pathway"));
  EXPECT_EQ(FieldValueIn(stale.body, "count"), "0");  // the form now carries the current count
  auto skipping = worker.Post(nrm + "/record", RgPositive(worker, "0"));
  EXPECT_EQ(skipping.status, 400);
  EXPECT_THAT(skipping.body,
              HasSubstr("A Reasonable Grounds decision needs a referral to the NRM first"));
  EXPECT_EQ(app().CountAudit("nrm.record"), 0);
}

TEST_F(NrmPagesTest, OnlyTheTeamReadsAndABreakGlassReaderCannotChangeIt) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenCase(worker);
  RecordReferralConsent(worker, id);
  const std::string nrm = "/cases/" + id + "/nrm";
  ASSERT_EQ(worker.Post(nrm + "/record", Referral(worker)).status, 303);

  Browser outsider = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(outsider, kOtherProvider));
  auto other = outsider.Get(nrm);
  EXPECT_EQ(other.status, 404);
  EXPECT_THAT(other.body, Not(HasSubstr("Lowtown")));

  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  Browser colleague = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(colleague, kColleague));
  EXPECT_EQ(colleague.Get(nrm).status, 403);
  app().clock().Advance(30s);
  auto opened =
      colleague.Post("/cases/" + id + "/break-glass",
                     {{"csrf_token", colleague.csrf()},
                      {"reason", "Police called out of hours about a safeguarding concern"},
                      {"code", app().TotpCode(kColleague)}});
  ASSERT_EQ(opened.status, 303) << opened.body;
  auto reading = colleague.Get(nrm);
  ASSERT_EQ(reading.status, 200);
  EXPECT_THAT(reading.body, HasSubstr("Lowtown Borough Council"));
  EXPECT_THAT(reading.body, HasSubstr("You can read this pathway but not change it."));
  EXPECT_THAT(reading.body, Not(HasSubstr("Record what happened next")));
  EXPECT_THAT(reading.body, Not(HasSubstr("Correct this entry")));
  EXPECT_EQ(colleague.Get(nrm + "/record?event=rg_decided").status, 403);
  EXPECT_EQ(colleague.Post(nrm + "/record", RgPositive(colleague)).status, 403);
  EXPECT_EQ(app().CountAudit("nrm.record"), 1);
}

}  // namespace
}  // namespace waymark::app::testing
