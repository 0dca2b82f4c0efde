// The consent and disclosure pages over real HTTP: a worker records consent through the form
// (after an invalid attempt that records nothing), sees it on the case overview, withdraws
// consent with a confirmation (a stale second withdrawal is refused), records a disclosure on
// the basis of consent; an unassigned colleague and another provider are refused, a break-glass
// reader may read but not change, and a closed case's records cannot be changed.
#include <chrono>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/util/ids.hpp"
#include "tests/app/case_pages_support.hpp"

namespace waymark::app::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The id after `marker` in a page ("consent=" in a withdraw link), or "".
std::string IdAfter(std::string_view html, std::string_view marker) {
  auto at = html.find(marker);
  if (at == std::string_view::npos) return "";
  std::string id(html.substr(at + marker.size(), 32));
  return IsId(id) ? id : "";
}

Fields SupportConsent(const std::string& csrf) {
  return {{"csrf_token", csrf},
          {"purpose", "support"},
          {"decision", "given"},
          {"language", "sqi"},
          {"interpreter", "yes"},
          {"format", "easy_read"},
          {"decided_on-day", "1"},
          {"decided_on-month", "3"},
          {"decided_on-year", "2024"},
          {"expires_on-day", "3"},
          {"expires_on-month", "3"},
          {"expires_on-year", "2027"},
          {"notes", "Asked for a female worker"}};
}

class ConsentPagesTest : public AppTest {
 protected:
  // Amina's case, opened by the demo support worker (and so assigned to them).
  std::string OpenAmina() { return CreateCaseThroughService(app(), kWorker, "sqi, eng"); }
};

TEST_F(ConsentPagesTest, AWorkerRecordsWithdrawsAndDisclosesThroughThePages) {
  std::string id = OpenAmina();
  ASSERT_FALSE(id.empty());
  const std::string consent = "/cases/" + id + "/consent";
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));

  auto overview = worker.Get("/cases/" + id);
  ASSERT_EQ(overview.status, 200);
  EXPECT_THAT(overview.body, HasSubstr("href=\"" + consent + "\""));
  EXPECT_THAT(overview.body, HasSubstr("Not started"));

  auto empty = worker.Get(consent);
  ASSERT_EQ(empty.status, 200);
  EXPECT_THAT(empty.body, HasSubstr("No consent has been recorded yet"));
  EXPECT_THAT(empty.body, HasSubstr("href=\"" + consent + "/new\""));

  // An empty form is shown again with every error and records nothing.
  auto form = worker.Get(consent + "/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("Albanian (sqi)"));
  int64_t recorded_before = app().CountAudit("consent.record");
  auto invalid = worker.Post(consent + "/new", {{"csrf_token", worker.csrf()},
                                                {"recipient", "Flat <b>2</b> Trust"},
                                                {"decided_on-day", "31"},
                                                {"decided_on-month", "2"},
                                                {"decided_on-year", "2024"}});
  EXPECT_EQ(invalid.status, 400);
  EXPECT_THAT(invalid.body, HasSubstr("Error: Record consent"));
  for (std::string field :
       {"purpose", "decision", "language", "interpreter", "format", "decided_on"}) {
    EXPECT_THAT(invalid.body, HasSubstr("href=\"#" + field + "\"")) << field;
  }
  EXPECT_THAT(invalid.body, HasSubstr("value=\"31\""));
  EXPECT_THAT(invalid.body, HasSubstr("Flat &lt;b&gt;2&lt;/b&gt; Trust"));
  EXPECT_EQ(app().CountAudit("consent.record"), recorded_before);

  auto saved = worker.Post(consent + "/new", SupportConsent(worker.csrf()));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.Header("Location"), consent + "?recorded=1");
  EXPECT_EQ(app().CountAudit("consent.record"), recorded_before + 1);
  auto listed = worker.Get(consent + "?recorded=1");
  ASSERT_EQ(listed.status, 200);
  EXPECT_THAT(listed.body, HasSubstr("Consent record saved"));
  EXPECT_THAT(listed.body, HasSubstr("In force"));
  EXPECT_THAT(listed.body, HasSubstr("3 March 2027"));
  EXPECT_THAT(listed.body, HasSubstr("Easy read in Albanian (sqi), with an interpreter"));
  EXPECT_THAT(listed.body, HasSubstr("Asked for a female worker"));

  overview = worker.Get("/cases/" + id);
  EXPECT_THAT(overview.body, HasSubstr("Consent for support expires 3 March 2027"));

  // Withdraw it: choose, confirm (a date in the future is refused), then it is recorded.
  auto choose = worker.Get(consent + "/withdraw");
  ASSERT_EQ(choose.status, 200);
  std::string consent_id = IdAfter(choose.body, "name=\"consent\" type=\"radio\" value=\"");
  ASSERT_FALSE(consent_id.empty());
  auto no_choice = worker.Get(consent + "/withdraw?consent=");
  EXPECT_EQ(no_choice.status, 400);
  EXPECT_THAT(no_choice.body, HasSubstr("href=\"#consent\""));
  EXPECT_EQ(worker.Get(consent + "/withdraw?consent=" + NewId()).status, 404);
  auto confirm = worker.Get(consent + "/withdraw?consent=" + consent_id);
  ASSERT_EQ(confirm.status, 200);
  EXPECT_EQ(FieldValueIn(confirm.body, "version"), "1");
  Fields withdrawal{
      {"csrf_token", worker.csrf()},     {"consent", consent_id},     {"version", "1"},
      {"withdrawn_on-day", "5"},         {"withdrawn_on-month", "3"}, {"withdrawn_on-year", "2024"},
      {"note", "Moving to another area"}};
  auto future = worker.Post(consent + "/withdraw", withdrawal);
  EXPECT_EQ(future.status, 400);
  EXPECT_THAT(future.body, HasSubstr("href=\"#withdrawn_on\""));
  EXPECT_THAT(future.body, HasSubstr("Moving to another area"));
  withdrawal[3].second = "4";  // the day: 4 March, today
  auto withdrawn = worker.Post(consent + "/withdraw", withdrawal);
  ASSERT_EQ(withdrawn.status, 303) << withdrawn.body;
  EXPECT_EQ(withdrawn.Header("Location"), consent + "?withdrawn=1");
  auto stale = worker.Post(consent + "/withdraw", withdrawal);
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("Someone else changed this consent record"));
  EXPECT_EQ(app().CountAudit("consent.withdraw"), 1);
  auto after = worker.Get(consent);
  EXPECT_THAT(after.body, HasSubstr("Withdrawn"));
  EXPECT_THAT(after.body, HasSubstr("Moving to another area"));
  EXPECT_THAT(worker.Get("/cases/" + id).body,
              HasSubstr("Consent for support withdrawn on 4 March 2024"));

  // A disclosure resting on consent to sharing with that organisation.
  Fields sharing = SupportConsent(worker.csrf());
  sharing[1].second = "sharing";
  sharing.push_back({"recipient", "Migrant Help"});
  ASSERT_EQ(worker.Post(consent + "/new", sharing).status, 303);
  const std::string disclosures = "/cases/" + id + "/disclosures";
  auto disclosure_form = worker.Get(disclosures + "/new");
  ASSERT_EQ(disclosure_form.status, 200);
  std::string sharing_id =
      IdAfter(disclosure_form.body, "name=\"consent_id\" type=\"radio\" value=\"");
  ASSERT_FALSE(sharing_id.empty()) << disclosure_form.body;
  auto no_basis = worker.Post(disclosures + "/new",
                              {{"csrf_token", worker.csrf()}, {"recipient", "Migrant Help"}});
  EXPECT_EQ(no_basis.status, 400);
  EXPECT_THAT(no_basis.body, HasSubstr("href=\"#basis\""));
  EXPECT_THAT(no_basis.body, HasSubstr("href=\"#shared\""));
  auto disclosed = worker.Post(disclosures + "/new", {{"csrf_token", worker.csrf()},
                                                      {"recipient", "Migrant Help"},
                                                      {"shared", "Name and phone number"},
                                                      {"disclosed_on-day", "4"},
                                                      {"disclosed_on-month", "3"},
                                                      {"disclosed_on-year", "2024"},
                                                      {"basis", "consent"},
                                                      {"consent_id", sharing_id}});
  ASSERT_EQ(disclosed.status, 303) << disclosed.body;
  EXPECT_EQ(disclosed.Header("Location"), disclosures + "?recorded=1");
  auto listed_disclosures = worker.Get(disclosures);
  ASSERT_EQ(listed_disclosures.status, 200);
  EXPECT_THAT(listed_disclosures.body, HasSubstr("Shared with Migrant Help"));
  EXPECT_THAT(listed_disclosures.body, HasSubstr("Name and phone number"));
  EXPECT_EQ(app().CountAudit("disclosure.record"), 1);
}

TEST_F(ConsentPagesTest, OthersAreRefusedAndAClosedCaseCannotBeChanged) {
  std::string id = OpenAmina();
  ASSERT_FALSE(id.empty());
  const std::string consent = "/cases/" + id + "/consent";

  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  Browser colleague = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(colleague, kColleague));
  for (std::string path : {consent, consent + "/new", "/cases/" + id + "/disclosures"}) {
    auto res = colleague.Get(path);
    EXPECT_EQ(res.status, 403) << path;
    EXPECT_THAT(res.body, Not(HasSubstr("Zorbalova"))) << path;
  }
  Fields post = SupportConsent(colleague.csrf());
  EXPECT_EQ(colleague.Post(consent + "/new", post).status, 403);

  // With break-glass the colleague may read, and still not change.
  app().clock().Advance(std::chrono::seconds(30));  // sign-in used this code's time-step
  ASSERT_EQ(colleague.Get("/cases/" + id + "/break-glass").status, 200);
  auto opened =
      colleague.Post("/cases/" + id + "/break-glass",
                     {{"csrf_token", colleague.csrf()},
                      {"reason", "Police called out of hours about a safeguarding concern"},
                      {"code", app().TotpCode(kColleague)}});
  ASSERT_EQ(opened.status, 303) << opened.body;
  auto reading = colleague.Get(consent);
  ASSERT_EQ(reading.status, 200);
  EXPECT_THAT(reading.body, Not(HasSubstr("href=\"" + consent + "/new\"")));
  EXPECT_EQ(colleague.Get(consent + "/new").status, 403);
  EXPECT_EQ(colleague.Get(consent + "/withdraw").status, 403);
  EXPECT_EQ(colleague.Post(consent + "/new", SupportConsent(colleague.csrf())).status, 403);
  EXPECT_EQ(colleague.Get("/cases/" + id + "/disclosures").status, 200);

  Browser outsider = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(outsider, kOtherProvider));
  EXPECT_EQ(outsider.Get(consent).status, 404);
  EXPECT_EQ(outsider.Get("/cases/" + id + "/disclosures/new").status, 404);
  EXPECT_EQ(app().CountAudit("consent.record"), 0);

  // The manager closes the case: its consent can be read but not changed.
  Browser manager = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(manager, kManager));
  ASSERT_EQ(manager.Get("/cases/" + id).status, 200);
  ASSERT_EQ(manager
                .Post("/cases/" + id + "/close", {{"csrf_token", manager.csrf()},
                                                  {"closure_reason", "support_completed"},
                                                  {"version", "1"}})
                .status,
            303);
  auto closed = manager.Get(consent);
  ASSERT_EQ(closed.status, 200);
  EXPECT_THAT(closed.body, HasSubstr("This case is closed"));
  EXPECT_THAT(closed.body, Not(HasSubstr("href=\"" + consent + "/new\"")));
  EXPECT_EQ(manager.Get(consent + "/new").status, 409);
  auto refused = manager.Post(consent + "/new", SupportConsent(manager.csrf()));
  EXPECT_EQ(refused.status, 409);
  EXPECT_THAT(refused.body, HasSubstr("This case is closed"));
  EXPECT_EQ(app().CountAudit("consent.record"), 0);
}

}  // namespace
}  // namespace waymark::app::testing
