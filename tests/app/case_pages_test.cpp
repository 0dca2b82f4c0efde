// The case pages over real HTTP: opening a case through the form, the overview and the list,
// validation errors, a stale edit, who may read a case (another worker: 403; another provider:
// 404), allocation by a service manager, and break-glass access with its review.
#include <chrono>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/roles.hpp"
#include "platform/util/ids.hpp"
#include "tests/app/case_pages_support.hpp"

namespace waymark::app::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

class CasePagesTest : public AppTest {
 protected:
  // A second support worker of the same provider, signed in.
  Browser SignedInColleague() {
    app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
    Browser colleague = app().NewBrowser();
    EXPECT_TRUE(app().SignIn(colleague, kColleague));
    return colleague;
  }
};

TEST_F(CasePagesTest, AWorkerOpensACaseAndSeesItInTheOverviewListAndSearch) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  int64_t created_before = app().CountAudit("case.create");
  std::string id = OpenAmina(worker);
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(app().CountAudit("case.create"), created_before + 1);

  auto overview = worker.Get("/cases/" + id + "?created=1");
  ASSERT_EQ(overview.status, 200);
  EXPECT_EQ(Between(overview.body, "<h1", "</h1>"), "Amina Zorbalova");
  EXPECT_EQ(Between(overview.body, "<title", "</title>"), "Amina Zorbalova - Waymark");
  EXPECT_THAT(overview.body, HasSubstr("Case opened"));
  EXPECT_THAT(overview.body, HasSubstr("WM-"));
  EXPECT_THAT(overview.body, HasSubstr("14 July 1994"));
  EXPECT_THAT(overview.body, HasSubstr("Albania"));
  EXPECT_THAT(overview.body, HasSubstr("Mina Zee<br>Amina Kastrati"));
  EXPECT_THAT(overview.body, HasSubstr("Needed: Female interpreter"));
  EXPECT_THAT(overview.body, HasSubstr("Jo Support (demo)"));
  EXPECT_THAT(overview.body, HasSubstr("govuk-task-list"));
  EXPECT_THAT(overview.body, HasSubstr("/cases/" + id + "/close"));
  // A support worker neither allocates nor reads the access log.
  EXPECT_THAT(overview.body, Not(HasSubstr("/cases/" + id + "/workers")));
  EXPECT_THAT(overview.body, Not(HasSubstr("/access-log")));

  auto list = worker.Get("/cases");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(Between(list.body, "<h1", "</h1>"), "Your cases");
  EXPECT_THAT(list.body, HasSubstr("Amina Zorbalova"));
  EXPECT_THAT(list.body, HasSubstr("href=\"/cases/" + id + "\""));

  auto found = worker.Post("/cases/search", {{"csrf_token", worker.csrf()}, {"q", "Zorbalova"}});
  ASSERT_EQ(found.status, 200);
  EXPECT_THAT(found.body, HasSubstr("Search results"));
  EXPECT_THAT(found.body, HasSubstr("href=\"/cases/" + id + "\""));
  auto none = worker.Post("/cases/search", {{"csrf_token", worker.csrf()}, {"q", "Nobody"}});
  ASSERT_EQ(none.status, 200);
  EXPECT_THAT(none.body, HasSubstr("No cases match your search"));
  EXPECT_THAT(none.body, Not(HasSubstr("Amina Zorbalova")));
  // A name in the query string is not a search: searches are POSTs, so names stay out of URLs.
  auto by_url = worker.Get("/cases?q=Zorbalova");
  EXPECT_THAT(by_url.body, Not(HasSubstr("Search results")));
  auto empty = worker.Post("/cases/search", {{"csrf_token", worker.csrf()}, {"q", ""}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_THAT(empty.body, HasSubstr("href=\"#q\""));

  auto history = worker.Get("/cases/" + id + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_THAT(history.body, HasSubstr("Version 1, saved"));

  // The manager sees the provider's cases and may read the access log.
  Browser manager = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(manager, kManager));
  auto all = manager.Get("/cases");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(Between(all.body, "<h1", "</h1>"), "Cases");
  EXPECT_THAT(all.body, HasSubstr("Amina Zorbalova"));
  auto log = manager.Get("/cases/" + id + "/access-log");
  ASSERT_EQ(log.status, 200);
  EXPECT_THAT(log.body, HasSubstr("Opened the case"));
  EXPECT_THAT(log.body, HasSubstr("Read the case"));
}

TEST_F(CasePagesTest, AnInvalidFormIsShownAgainWithItsErrorsAndCreatesNothing) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  int64_t created_before = app().CountAudit("case.create");
  std::size_t rows_before = Count(worker.Get("/cases?status=all").body, "govuk-table__row");
  ASSERT_EQ(worker.Get("/cases/new").status, 200);
  auto res = worker.Post("/cases/new", {{"csrf_token", worker.csrf()},
                                        {"given_names", ""},
                                        {"family_name", ""},
                                        {"dob-day", "31"},
                                        {"dob-month", "2"},
                                        {"dob-year", "1990"},
                                        {"nationalities", "XX"},
                                        {"address", "Flat <b>2</b>"}});
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(Between(res.body, "<title", "</title>"), "Error: Open a new case - Waymark");
  EXPECT_THAT(res.body, HasSubstr("govuk-error-summary"));
  EXPECT_THAT(res.body, HasSubstr("href=\"#given_names\""));
  EXPECT_THAT(res.body, HasSubstr("href=\"#dob\""));
  EXPECT_THAT(res.body, HasSubstr("href=\"#nationalities\""));
  EXPECT_THAT(res.body, HasSubstr("id=\"dob\""));
  // What was typed is kept, escaped.
  EXPECT_THAT(res.body, HasSubstr("value=\"XX\""));
  EXPECT_THAT(res.body, HasSubstr("value=\"31\""));
  EXPECT_THAT(res.body, HasSubstr("Flat &lt;b&gt;2&lt;/b&gt;"));
  EXPECT_EQ(app().CountAudit("case.create"), created_before);
  auto list = worker.Get("/cases?status=all");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(Count(list.body, "govuk-table__row"), rows_before);
}

TEST_F(CasePagesTest, AStaleEditIsRefusedWithTheCaseAsItIsNow) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenAmina(worker);
  ASSERT_FALSE(id.empty());
  auto form = worker.Get("/cases/" + id + "/details");
  ASSERT_EQ(form.status, 200);
  ASSERT_EQ(FieldValueIn(form.body, "version"), "1");
  EXPECT_THAT(form.body, HasSubstr("value=\"Zorbalova\""));

  Fields first = AminaFields(worker.csrf());
  first.push_back({"version", "1"});
  first[2].second = "Kastrati";  // family_name
  auto saved = worker.Post("/cases/" + id + "/details", first);
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("Location"), "/cases/" + id + "?updated=1");

  // A second edit started from version 1 as well.
  Fields second = AminaFields(worker.csrf());
  second.push_back({"version", "1"});
  second[1].second = "Ameena";  // given_names
  auto stale = worker.Post("/cases/" + id + "/details", second);
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("Someone else changed this case"));
  EXPECT_THAT(stale.body, HasSubstr("value=\"Ameena\""));  // what they typed
  EXPECT_THAT(stale.body, HasSubstr("Amina Kastrati"));    // the case as it is now
  EXPECT_EQ(FieldValueIn(stale.body, "version"), "2");

  auto overview = worker.Get("/cases/" + id);
  ASSERT_EQ(overview.status, 200);
  EXPECT_EQ(Between(overview.body, "<h1", "</h1>"), "Amina Kastrati");
  auto history = worker.Get("/cases/" + id + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_THAT(history.body, HasSubstr("Version 2, saved"));
  EXPECT_THAT(history.body, HasSubstr("Zorbalova"));
}

TEST_F(CasePagesTest, AnotherWorkerIsRefusedAndAnotherProviderFindsNothing) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenAmina(worker);
  ASSERT_FALSE(id.empty());

  Browser colleague = SignedInColleague();
  for (std::string path :
       {"/cases/" + id, "/cases/" + id + "/details", "/cases/" + id + "/history"}) {
    auto res = colleague.Get(path);
    EXPECT_EQ(res.status, 403) << path;
    EXPECT_THAT(res.body, Not(HasSubstr("Zorbalova"))) << path;
  }
  EXPECT_THAT(colleague.Get("/cases").body, Not(HasSubstr("Zorbalova")));
  auto edit = colleague.Post("/cases/" + id + "/details", [&] {
    Fields fields = AminaFields(colleague.csrf());
    fields.push_back({"version", "1"});
    return fields;
  }());
  EXPECT_EQ(edit.status, 403);
  EXPECT_EQ(app().CountAudit("case.update"), 0);

  Browser outsider = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(outsider, kOtherProvider));
  for (std::string path :
       {"/cases/" + id, "/cases/" + id + "/details", "/cases/" + id + "/break-glass"}) {
    auto res = outsider.Get(path);
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_THAT(res.body, Not(HasSubstr("Zorbalova"))) << path;
  }

  // The manager assigns the colleague, who may then read the case.
  Browser manager = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(manager, kManager));
  auto overview = manager.Get("/cases/" + id);
  ASSERT_EQ(overview.status, 200);
  EXPECT_THAT(overview.body, HasSubstr("href=\"/cases/" + id + "/workers\""));
  auto assign = manager.Get("/cases/" + id + "/workers");
  ASSERT_EQ(assign.status, 200);
  EXPECT_EQ(Between(assign.body, "<h1", "</h1>"), "Assign a worker");
  EXPECT_THAT(assign.body, HasSubstr("Assigned now: Jo Support (demo)."));
  EXPECT_THAT(assign.body, HasSubstr("value=\"" + app().UserId(kColleague) + "\""));
  // The worker already assigned is not offered again.
  EXPECT_THAT(assign.body, Not(HasSubstr("value=\"" + app().UserId(kWorker) + "\"")));
  auto nobody = manager.Post("/cases/" + id + "/workers", {{"csrf_token", manager.csrf()}});
  EXPECT_EQ(nobody.status, 400);
  EXPECT_THAT(nobody.body, HasSubstr("href=\"#user_id\""));
  EXPECT_THAT(nobody.body, HasSubstr("Assign a worker"));
  // A worker may not open the page.
  EXPECT_EQ(colleague.Get("/cases/" + id + "/workers").status, 403);
  auto assigned =
      manager.Post("/cases/" + id + "/workers",
                   {{"csrf_token", manager.csrf()}, {"user_id", app().UserId(kColleague)}});
  ASSERT_EQ(assigned.status, 303);
  EXPECT_EQ(assigned.Header("Location"), "/cases/" + id + "?assigned=1");
  EXPECT_EQ(colleague.Get("/cases/" + id).status, 200);
  auto again = manager.Post("/cases/" + id + "/workers", {{"csrf_token", manager.csrf()},
                                                          {"user_id", app().UserId(kColleague)}});
  EXPECT_EQ(again.status, 400);
  EXPECT_THAT(again.body, HasSubstr("is already assigned"));
}

TEST_F(CasePagesTest, BreakGlassOpensTheCaseForAWhileAndTheManagerReviewsIt) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenAmina(worker);
  ASSERT_FALSE(id.empty());
  Browser colleague = SignedInColleague();

  auto refused = colleague.Get("/cases/" + id);
  ASSERT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, HasSubstr("/cases/" + id + "/break-glass"));
  auto page = colleague.Get("/cases/" + id + "/break-glass");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("autocomplete=\"one-time-code\""));

  auto short_reason =
      colleague.Post("/cases/" + id + "/break-glass",
                     {{"csrf_token", colleague.csrf()}, {"reason", "urgent"}, {"code", "123456"}});
  EXPECT_EQ(short_reason.status, 400);
  EXPECT_THAT(short_reason.body, HasSubstr("href=\"#reason\""));

  app().clock().Advance(30s);  // a code's time-step is used once; sign-in used this one
  std::string reason = "Police called out of hours about a safeguarding concern";
  auto opened = colleague.Post(
      "/cases/" + id + "/break-glass",
      {{"csrf_token", colleague.csrf()}, {"reason", reason}, {"code", app().TotpCode(kColleague)}});
  ASSERT_EQ(opened.status, 303) << opened.body;
  EXPECT_EQ(opened.Header("Location"), "/cases/" + id);
  auto reading = colleague.Get("/cases/" + id);
  ASSERT_EQ(reading.status, 200);
  EXPECT_THAT(reading.body, HasSubstr("You have temporary access until"));
  EXPECT_THAT(reading.body, Not(HasSubstr("/cases/" + id + "/close")));
  EXPECT_EQ(colleague.Get("/cases/" + id + "/details").status, 403);
  EXPECT_EQ(colleague.Get("/cases/break-glass-reviews").status, 403);

  // The manager is told on their home page, where they land; the workers are not.
  Browser manager = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(manager, kManager));
  auto home = manager.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("1 break-glass opening is waiting for your review"));
  EXPECT_THAT(home.body, HasSubstr("href=\"/cases/break-glass-reviews\""));
  EXPECT_THAT(home.body, HasSubstr("href=\"/tasks/team\""));
  auto worker_home = colleague.Get("/");
  ASSERT_EQ(worker_home.status, 200);
  EXPECT_THAT(worker_home.body, Not(HasSubstr("break-glass")));
  EXPECT_THAT(worker_home.body, HasSubstr("href=\"/tasks\""));
  EXPECT_THAT(worker_home.body, Not(HasSubstr("href=\"/tasks/team\"")));
  auto reviews = manager.Get("/cases/break-glass-reviews");
  ASSERT_EQ(reviews.status, 200);
  EXPECT_THAT(reviews.body, HasSubstr(reason));
  EXPECT_THAT(reviews.body, HasSubstr("href=\"/cases/" + id + "\""));
  std::string action_prefix = "action=\"/cases/break-glass-reviews/";
  auto at = reviews.body.find(action_prefix);
  ASSERT_NE(at, std::string::npos);
  std::string grant = reviews.body.substr(at + action_prefix.size(), 32);
  auto empty_note = manager.Post("/cases/break-glass-reviews/" + grant,
                                 {{"csrf_token", manager.csrf()}, {"note", ""}, {"version", "1"}});
  EXPECT_EQ(empty_note.status, 400);
  EXPECT_THAT(empty_note.body, HasSubstr("href=\"#note-" + grant + "\""));
  auto reviewed = manager.Post("/cases/break-glass-reviews/" + grant,
                               {{"csrf_token", manager.csrf()},
                                {"note", "Checked with the police: needed"},
                                {"version", "1"}});
  ASSERT_EQ(reviewed.status, 303);
  auto after = manager.Get("/cases/break-glass-reviews?reviewed=1");
  ASSERT_EQ(after.status, 200);
  EXPECT_THAT(after.body, HasSubstr("There is nothing to review"));
  EXPECT_THAT(manager.Get("/").body, Not(HasSubstr("waiting for your review")));
  auto log = manager.Get("/cases/" + id + "/access-log");
  EXPECT_THAT(log.body, HasSubstr("Opened with break-glass"));
}

TEST_F(CasePagesTest, ClosingACaseNeedsAReasonAndStopsChanges) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenAmina(worker);
  ASSERT_FALSE(id.empty());
  ASSERT_EQ(worker.Get("/cases/" + id).status, 200);
  auto no_reason =
      worker.Post("/cases/" + id + "/close", {{"csrf_token", worker.csrf()}, {"version", "1"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_THAT(no_reason.body, HasSubstr("href=\"#closure_reason\""));
  auto closed = worker.Post(
      "/cases/" + id + "/close",
      {{"csrf_token", worker.csrf()}, {"closure_reason", "support_completed"}, {"version", "1"}});
  ASSERT_EQ(closed.status, 303);
  auto overview = worker.Get("/cases/" + id + "?closed=1");
  ASSERT_EQ(overview.status, 200);
  EXPECT_THAT(overview.body, HasSubstr("Support completed"));
  EXPECT_THAT(overview.body, Not(HasSubstr("/cases/" + id + "/close")));
  EXPECT_EQ(worker.Get("/cases/" + id + "/details").status, 409);
  EXPECT_THAT(worker.Get("/cases").body, Not(HasSubstr("Zorbalova")));  // open cases only
  EXPECT_THAT(worker.Get("/cases?status=closed").body, HasSubstr("Zorbalova"));
  EXPECT_EQ(worker.Get("/cases?status=nonsense").status, 400);
}

TEST_F(CasePagesTest, TheListFiltersByNrmStageAndRiskAndNamesAChoiceItDoesNotOffer) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  ASSERT_FALSE(OpenAmina(worker).empty());

  auto all = worker.Get("/cases");
  ASSERT_EQ(all.status, 200);
  EXPECT_THAT(all.body, HasSubstr("value=\"rg_pending\""));
  EXPECT_THAT(all.body, HasSubstr("value=\"not_assessed\""));
  auto matching = worker.Get("/cases?nrm_stage=not_referred&risk_level=not_assessed");
  ASSERT_EQ(matching.status, 200);
  EXPECT_THAT(matching.body, HasSubstr("Amina Zorbalova"));
  EXPECT_THAT(matching.body, HasSubstr("value=\"not_assessed\" selected"));
  for (std::string_view other : {"nrm_stage=rg_pending", "risk_level=high"}) {
    auto none = worker.Get("/cases?" + std::string(other));
    ASSERT_EQ(none.status, 200) << other;
    EXPECT_THAT(none.body, Not(HasSubstr("Amina Zorbalova"))) << other;
    EXPECT_THAT(none.body, HasSubstr("There are no cases to show.")) << other;
  }

  // A choice the filter does not offer is named; the list shown is unfiltered.
  auto wrong = worker.Get("/cases?nrm_stage=referred&risk_level=extreme");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_THAT(wrong.body, HasSubstr("govuk-error-summary"));
  EXPECT_THAT(wrong.body, HasSubstr("Select an NRM stage from the list"));
  EXPECT_THAT(wrong.body, HasSubstr("Select a level of risk from the list"));
  EXPECT_THAT(wrong.body, HasSubstr("Amina Zorbalova"));

  // Past a page of 50, the link to the next page keeps the filters.
  for (int i = 0; i < 50; ++i) ASSERT_FALSE(CreateCaseThroughService(app()).empty());
  auto first = worker.Get("/cases?nrm_stage=not_referred&risk_level=not_assessed");
  ASSERT_EQ(first.status, 200);
  EXPECT_THAT(first.body, HasSubstr("Showing 1 to 50 of 51 cases"));
  EXPECT_THAT(first.body, HasSubstr("/cases?status=open&amp;nrm_stage=not_referred&amp;"
                                    "risk_level=not_assessed&amp;page=2"));
}

TEST_F(CasePagesTest, TheManagersListFiltersByWorkerAndRefusesOneItDoesNotOffer) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  ASSERT_FALSE(OpenAmina(worker).empty());
  Browser colleague = SignedInColleague();
  Browser manager = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(manager, kManager));

  // The filter offers the provider's staff, and filters by the one chosen.
  auto everyone = manager.Get("/cases");
  ASSERT_EQ(everyone.status, 200);
  EXPECT_THAT(everyone.body, HasSubstr("value=\"" + app().UserId(kColleague) + "\""));
  auto workers = manager.Get("/cases?worker=" + app().UserId(kWorker));
  ASSERT_EQ(workers.status, 200);
  EXPECT_THAT(workers.body, HasSubstr("Amina Zorbalova"));
  auto colleagues = manager.Get("/cases?worker=" + app().UserId(kColleague));
  ASSERT_EQ(colleagues.status, 200);
  EXPECT_THAT(colleagues.body, Not(HasSubstr("Amina Zorbalova")));

  // Someone the filter does not offer is an error, and the list shown is everyone's.
  for (const std::string& stranger : {NewId(), std::string("not-an-id")}) {
    auto unknown = manager.Get("/cases?worker=" + stranger);
    EXPECT_EQ(unknown.status, 400);
    EXPECT_THAT(unknown.body, HasSubstr("govuk-error-summary"));
    EXPECT_THAT(unknown.body, HasSubstr("Select a worker from the list"));
    EXPECT_THAT(unknown.body, HasSubstr("Amina Zorbalova"));
  }
  // Both errors at once are both named.
  auto both = manager.Get("/cases?status=nonsense&worker=" + NewId());
  EXPECT_EQ(both.status, 400);
  EXPECT_THAT(both.body, HasSubstr("Select open, closed or all cases"));
  EXPECT_THAT(both.body, HasSubstr("Select a worker from the list"));
  auto page = manager.Get("/cases?page=two");
  EXPECT_EQ(page.status, 400);
  EXPECT_THAT(page.body, HasSubstr("The page number must be a whole number, like 2"));
  EXPECT_THAT(page.body, HasSubstr("Amina Zorbalova"));

  // A support worker's list is their own: a worker filter is offered to nobody else.
  auto own = colleague.Get("/cases?worker=" + app().UserId(kWorker));
  EXPECT_EQ(own.status, 400);
  EXPECT_THAT(own.body, HasSubstr("Select a worker from the list"));
  EXPECT_THAT(own.body, Not(HasSubstr("Amina Zorbalova")));
}

}  // namespace
}  // namespace waymark::app::testing
