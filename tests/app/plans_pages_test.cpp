// The support and safety plan's pages over real HTTP: a worker drafts a plan (a goal with its
// actions, the twenty points in groups, a review date), checks the answers and agrees it; a
// service manager approves it. Error paths: an incomplete plan cannot be agreed, a goal form
// with mistakes and a stale form are shown again with their errors and nothing changes.
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

// The value of the hidden revision field on a page, or "".
std::string RevisionIn(std::string_view html) {
  std::string marker = "name=\"revision\" value=\"";
  auto at = html.find(marker);
  if (at == std::string_view::npos) return "";
  at += marker.size();
  return std::string(html.substr(at, html.find('"', at) - at));
}

class PlanPagesTest : public AppTest {
 protected:
  std::string OpenCase(Browser& browser) {
    EXPECT_EQ(browser.Get("/cases/new").status, 200);  // for the form's CSRF token
    auto created = browser.Post("/cases/new", {{"csrf_token", browser.csrf()},
                                               {"given_names", "Amina"},
                                               {"family_name", "Zorbalova"},
                                               {"dob-day", "14"},
                                               {"dob-month", "7"},
                                               {"dob-year", "1994"},
                                               {"safe_contact_method", "text_message"},
                                               {"nationalities", "AL"},
                                               {"languages", "sqi"},
                                               {"interpreter_needed", "yes"},
                                               {"interpreter_gender", "female"}});
    EXPECT_EQ(created.status, 303) << created.body;
    std::string location = created.Header("Location");
    std::string id = location.substr(std::string("/cases/").size(), 32);
    EXPECT_TRUE(IsId(id)) << location;
    return id;
  }

  Fields GoalFields(Browser& browser, const std::string& revision, std::string text) {
    return {{"csrf_token", browser.csrf()},
            {"revision", revision},
            {"rows", "3"},
            {"text", std::move(text)},
            {"domains", "accommodation"},
            {"domains", "safety"},
            {"actions-0-text", "Refer to the council's housing team"},
            {"actions-0-owner", "Support worker"},
            {"actions-0-due_on-day", "20"},
            {"actions-0-due_on-month", "3"},
            {"actions-0-due_on-year", "2024"},
            {"actions-0-status", "not_started"},
            {"actions-1-status", "not_started"},
            {"actions-2-status", "not_started"},
            {"next", "plan"}};
  }

  // Everything but the agreement, through the pages.
  void DraftPlan(Browser& worker, const std::string& plan) {
    ASSERT_EQ(worker.Post(plan + "/start", {{"csrf_token", worker.csrf()}}).status, 303);
    auto goal_form = worker.Get(plan + "/goals/new");
    ASSERT_EQ(goal_form.status, 200);
    auto saved = worker.Post(plan + "/goals/new",
                             GoalFields(worker, RevisionIn(goal_form.body), "Safe housing"));
    ASSERT_EQ(saved.status, 303) << saved.body;
    for (int group = 1; group <= 5; ++group) {
      std::string path = plan + "/evidence/" + std::to_string(group);
      auto page = worker.Get(path);
      ASSERT_EQ(page.status, 200);
      Fields fields{{"csrf_token", worker.csrf()}, {"revision", RevisionIn(page.body)}};
      for (int point = 1; point <= 20; ++point) {
        std::string name = "evidence-" + std::to_string(point);
        if (page.body.find("name=\"" + name + "\"") == std::string::npos) continue;
        fields.push_back({name, "What was done for point " + std::to_string(point)});
        if (point == 5) {
          fields.push_back({"evidence-5-language", "sqi"});
          fields.push_back({"evidence-5-format", "written"});
        }
      }
      auto posted = worker.Post(path, fields);
      ASSERT_EQ(posted.status, 303) << posted.body;
    }
    auto review = worker.Get(plan + "/review-date");
    ASSERT_EQ(review.status, 200);
    auto set = worker.Post(plan + "/review-date", {{"csrf_token", worker.csrf()},
                                                   {"revision", RevisionIn(review.body)},
                                                   {"review_on-day", "4"},
                                                   {"review_on-month", "6"},
                                                   {"review_on-year", "2024"}});
    ASSERT_EQ(set.status, 303) << set.body;
  }

  Fields Agreement(Browser& browser, const std::string& revision) {
    return {{"csrf_token", browser.csrf()},
            {"revision", revision},
            {"agreed_on-day", "4"},
            {"agreed_on-month", "3"},
            {"agreed_on-year", "2024"},
            {"mode", "in_person"},
            {"language", "sqi"},
            {"interpreter_used", "yes"}};
  }
};

TEST_F(PlanPagesTest, AWorkerDraftsAndAgreesAPlanAndAServiceManagerApprovesIt) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenCase(worker);
  std::string plan = "/cases/" + id + "/plan";

  auto overview = worker.Get("/cases/" + id);
  EXPECT_THAT(overview.body, HasSubstr("Support and safety plan"));
  EXPECT_THAT(overview.body, HasSubstr("Not started"));
  auto empty = worker.Get(plan);
  ASSERT_EQ(empty.status, 200);
  EXPECT_THAT(empty.body, HasSubstr("Start a plan"));

  DraftPlan(worker, plan);
  auto draft = worker.Get(plan);
  EXPECT_THAT(draft.body, HasSubstr("Safe housing"));
  EXPECT_THAT(draft.body, HasSubstr("Refer to the council's housing team"));
  EXPECT_THAT(draft.body, Not(HasSubstr("Not recorded")));

  auto check = worker.Get(plan + "/check");
  ASSERT_EQ(check.status, 200);
  EXPECT_THAT(check.body, HasSubstr("Check your answers before agreeing the plan"));
  EXPECT_THAT(check.body, Not(HasSubstr("cannot be agreed until")));
  EXPECT_THAT(check.body, HasSubstr("href=\"" + plan + "/evidence/2#evidence-5\""));
  auto agreed = worker.Post(plan + "/agree", Agreement(worker, RevisionIn(check.body)));
  ASSERT_EQ(agreed.status, 303) << agreed.body;
  auto after = worker.Get(plan + "?done=agreed");
  EXPECT_THAT(after.body, HasSubstr("Plan agreed with the person"));
  EXPECT_THAT(after.body, HasSubstr("Agreed, awaiting approval"));
  EXPECT_THAT(after.body, Not(HasSubstr("Approve the plan")));  // a support worker
  EXPECT_THAT(after.body, HasSubstr("Start a new version"));

  Browser manager = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(manager, kManager));
  auto to_approve = manager.Get(plan);
  ASSERT_EQ(to_approve.status, 200);
  EXPECT_THAT(to_approve.body, HasSubstr("Approve the plan"));
  auto approved = manager.Post(plan + "/approve", {{"csrf_token", manager.csrf()},
                                                   {"revision", RevisionIn(to_approve.body)}});
  ASSERT_EQ(approved.status, 303) << approved.body;
  auto done = manager.Get(plan);
  EXPECT_THAT(done.body, HasSubstr("Approved"));
  EXPECT_THAT(done.body, HasSubstr("Agreed by "));
  auto section = worker.Get("/cases/" + id);
  EXPECT_THAT(section.body, HasSubstr("Review by 4 June 2024"));
  auto versions = worker.Get(plan + "/versions");
  EXPECT_THAT(versions.body, HasSubstr("Version 1"));
  EXPECT_EQ(app().CountAudit("plan.agree"), 1);
  EXPECT_EQ(app().CountAudit("plan.approve"), 1);
}

TEST_F(PlanPagesTest, MistakesAndStaleFormsAreShownAgainAndChangeNothing) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenCase(worker);
  std::string plan = "/cases/" + id + "/plan";
  ASSERT_EQ(worker.Post(plan + "/start", {{"csrf_token", worker.csrf()}}).status, 303);

  // An incomplete plan: every gap is listed and linked, and it stays a draft.
  auto check = worker.Get(plan + "/check");
  ASSERT_EQ(check.status, 200);
  EXPECT_THAT(check.body, HasSubstr("The plan cannot be agreed until you:"));
  Fields bad = Agreement(worker, RevisionIn(check.body));
  bad[2].second = "";  // no day
  auto refused = worker.Post(plan + "/agree", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_THAT(refused.body, HasSubstr("govuk-error-summary"));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#evidence-1\""));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#review_on\""));
  EXPECT_THAT(refused.body, HasSubstr("Date the plan was agreed must be a real date"));
  EXPECT_THAT(refused.body, HasSubstr("id=\"evidence-1\""));  // the row the link lands on
  EXPECT_EQ(app().CountAudit("plan.agree"), 0);

  // A goal with mistakes comes back with what was typed.
  auto form = worker.Get(plan + "/goals/new");
  std::string revision = RevisionIn(form.body);
  Fields goal = GoalFields(worker, revision, "");
  goal[9].second = "31";  // 31 February
  goal[10].second = "2";
  auto invalid = worker.Post(plan + "/goals/new", goal);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_THAT(invalid.body, HasSubstr("Enter the goal"));
  EXPECT_THAT(invalid.body, HasSubstr("href=\"#actions-0-due_on\""));
  EXPECT_THAT(invalid.body, HasSubstr("Refer to the council&#39;s housing team"));

  // An error in the second row links to the second row, though the first row was blank.
  Fields second_row{{"csrf_token", worker.csrf()},
                    {"revision", revision},
                    {"rows", "2"},
                    {"text", "Register with a GP"},
                    {"domains", "physical_health"},
                    {"actions-0-status", "not_started"},
                    {"actions-1-text", "Book"},
                    {"actions-1-status", "not_started"}};
  auto misplaced = worker.Post(plan + "/goals/new", second_row);
  EXPECT_EQ(misplaced.status, 400);
  EXPECT_THAT(misplaced.body, HasSubstr("href=\"#actions-1-owner\""));
  EXPECT_THAT(misplaced.body, Not(HasSubstr("href=\"#actions-0-owner\"")));

  // Two forms from the same revision: the second is stale and refused.
  ASSERT_EQ(worker.Post(plan + "/goals/new", GoalFields(worker, revision, "First goal")).status,
            303);
  auto stale = worker.Post(plan + "/goals/new", GoalFields(worker, revision, "Second goal"));
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("Someone else changed this plan"));
  auto now = worker.Get(plan);
  EXPECT_THAT(now.body, HasSubstr("First goal"));
  EXPECT_THAT(now.body, Not(HasSubstr("Second goal")));
  EXPECT_THAT(now.body, HasSubstr("Not recorded"));

  // A colleague who is not assigned cannot read the plan.
  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  Browser colleague = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(colleague, kColleague));
  EXPECT_EQ(colleague.Get(plan).status, 403);
  EXPECT_EQ(colleague.Post(plan + "/goals/new", GoalFields(colleague, revision, "X")).status, 403);
}

TEST_F(PlanPagesTest, ABreakGlassReaderSeesThePlanWithoutAnyWayToChangeIt) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenCase(worker);
  std::string plan = "/cases/" + id + "/plan";
  DraftPlan(worker, plan);
  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  Browser colleague = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(colleague, kColleague));
  ASSERT_EQ(colleague.Get("/cases/" + id + "/break-glass").status, 200);
  app().clock().Advance(30s);  // a code's time-step is used once; sign-in used this one
  auto opened =
      colleague.Post("/cases/" + id + "/break-glass",
                     {{"csrf_token", colleague.csrf()},
                      {"reason", "Police called out of hours about a safeguarding concern"},
                      {"code", app().TotpCode(kColleague)}});
  ASSERT_EQ(opened.status, 303) << opened.body;

  auto reading = colleague.Get(plan);
  ASSERT_EQ(reading.status, 200);
  EXPECT_THAT(reading.body, HasSubstr("Safe housing"));
  EXPECT_THAT(reading.body, Not(HasSubstr(plan + "/goals")));
  EXPECT_THAT(reading.body, Not(HasSubstr(plan + "/check")));
  EXPECT_THAT(reading.body, Not(HasSubstr("name=\"revision\"")));
  EXPECT_EQ(colleague.Get(plan + "/goals/1").status, 403);
  std::string revision = RevisionIn(worker.Get(plan + "/review-date").body);
  auto refused = colleague.Post(plan + "/goals/new", GoalFields(colleague, revision, "Theirs"));
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(worker.Get(plan).body, Not(HasSubstr("Theirs")));
}

TEST_F(PlanPagesTest, AManagerWhoAgreedAPlanIsToldAnotherManagerMustApproveIt) {
  Browser manager = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(manager, kManager));
  std::string id = OpenCase(manager);
  std::string plan = "/cases/" + id + "/plan";
  DraftPlan(manager, plan);
  auto check = manager.Get(plan + "/check");
  ASSERT_EQ(manager.Post(plan + "/agree", Agreement(manager, RevisionIn(check.body))).status, 303);
  auto page = manager.Get(plan);
  EXPECT_THAT(page.body, HasSubstr("another service manager must approve it"));
  EXPECT_THAT(page.body, Not(HasSubstr("Approve the plan")));
  // Posting the approval anyway is refused with the reason, on the plan page.
  auto refused = manager.Post(
      plan + "/approve", {{"csrf_token", manager.csrf()}, {"revision", RevisionIn(page.body)}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, HasSubstr("govuk-error-summary"));
  EXPECT_THAT(refused.body, HasSubstr("a different service manager must approve it"));
  EXPECT_THAT(refused.body, HasSubstr("Agreed, awaiting approval"));
  EXPECT_EQ(app().CountAudit("plan.approve"), 1);  // the refusal, kept with outcome "denied"
}

}  // namespace
}  // namespace waymark::app::testing
