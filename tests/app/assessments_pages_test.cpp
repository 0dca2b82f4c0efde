// The assessment pages over real HTTP: recording a needs and a risk assessment through the forms
// (errors first, then success), the overview's sections, a review that keeps the earlier version,
// a stale save, and who may read or record (another worker: 403; another provider: 404;
// break-glass: read only).
#include <chrono>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/app/case_pages_support.hpp"

namespace waymark::app::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

Fields NeedsFields(const std::string& csrf, std::string based_on) {
  return {{"csrf_token", csrf},
          {"based_on", std::move(based_on)},
          {"kind", "full"},
          {"mode", "phone"},
          {"assessed_on-day", "4"},
          {"assessed_on-month", "3"},
          {"assessed_on-year", "2024"},
          {"needs-0-domain", "accommodation"},
          {"needs-0-time_frame", "immediate"},
          {"needs-0-description", "A bed tonight away from Wrexlow"},
          {"needs-0-met", "no"},
          {"needs-1-domain", ""},
          {"needs-1-time_frame", ""},
          {"needs-1-description", ""},
          {"strengths", "Keeps a careful diary"}};
}

// Reviewed on `review_day` May 2024 unless another month is given.
Fields RiskFields(const std::string& csrf, std::string based_on, std::string review_day,
                  std::string review_month = "5") {
  Fields fields{{"csrf_token", csrf},
                {"based_on", std::move(based_on)},
                {"assessed_on-day", "4"},
                {"assessed_on-month", "3"},
                {"assessed_on-year", "2024"},
                {"risks-re_trafficking-level", "high"},
                {"risks-re_trafficking-notes", "Recruiter phoned her twice"},
                {"overall", "high"},
                {"review_on-day", std::move(review_day)},
                {"review_on-month", review_month},
                {"review_on-year", "2024"}};
  for (std::string kind :
       {"exploiter_contact", "self_harm", "harm_to_others", "location_exposure", "health"}) {
    fields.push_back({"risks-" + kind + "-level", "low"});
    fields.push_back({"risks-" + kind + "-notes", ""});
  }
  return fields;
}

class AssessmentPagesTest : public AppTest {
 protected:
  std::string NewCase() { return CreateCaseThroughService(app()); }
};

TEST_F(AssessmentPagesTest, AWorkerRecordsAndReviewsBothAssessments) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = NewCase();
  ASSERT_FALSE(id.empty());
  const std::string base = "/cases/" + id + "/assessments";

  auto overview = worker.Get("/cases/" + id);
  ASSERT_EQ(overview.status, 200);
  EXPECT_THAT(overview.body, HasSubstr("Needs assessment"));
  EXPECT_THAT(overview.body, HasSubstr("Risk assessment"));
  EXPECT_THAT(overview.body, HasSubstr("href=\"" + base + "\""));
  auto empty = worker.Get(base);
  ASSERT_EQ(empty.status, 200);
  EXPECT_THAT(empty.body, HasSubstr("No needs assessment has been recorded"));
  EXPECT_THAT(empty.body, HasSubstr(base + "/needs/new"));
  EXPECT_EQ(worker.Get(base + "/needs").status, 303);  // none yet: back to the list

  auto form = worker.Get(base + "/needs/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(FieldValueIn(form.body, "based_on"), "0");
  EXPECT_THAT(form.body, HasSubstr("Need 3"));
  EXPECT_THAT(form.body, HasSubstr("<legend"));

  // Errors: every one in the summary, linked to its field; what was typed is kept.
  Fields wrong = NeedsFields(worker.csrf(), "0");
  wrong[2].second = "";         // kind
  wrong[9].second = "   ";      // needs-0-description
  wrong[11].second = "safety";  // needs-1-domain, nothing else
  auto invalid = worker.Post(base + "/needs/new", wrong);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_THAT(invalid.body, HasSubstr("govuk-error-summary"));
  EXPECT_THAT(invalid.body, HasSubstr("href=\"#kind\""));
  EXPECT_THAT(invalid.body, HasSubstr("href=\"#needs-0-description\""));
  EXPECT_THAT(invalid.body, HasSubstr("href=\"#needs-1-time_frame\""));
  EXPECT_THAT(invalid.body, HasSubstr("Keeps a careful diary"));
  EXPECT_THAT(invalid.body, HasSubstr("<title>Error: "));
  EXPECT_EQ(app().CountAudit("assessment.needs.record"), 0);

  // "Add another need" shows one more row and saves nothing.
  Fields add = NeedsFields(worker.csrf(), "0");
  add.push_back({"add", "yes"});
  auto more = worker.Post(base + "/needs/new", add);
  EXPECT_EQ(more.status, 200);
  EXPECT_THAT(more.body, HasSubstr("Need 2"));
  EXPECT_THAT(more.body, HasSubstr("A bed tonight away from Wrexlow"));
  EXPECT_EQ(app().CountAudit("assessment.needs.record"), 0);

  auto saved = worker.Post(base + "/needs/new", NeedsFields(worker.csrf(), "0"));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.Header("Location"), base + "?needs_recorded=1");
  EXPECT_EQ(app().CountAudit("assessment.needs.record"), 1);

  auto risk_form = worker.Get(base + "/risk/new");
  ASSERT_EQ(risk_form.status, 200);
  EXPECT_THAT(risk_form.body, HasSubstr("Review a high risk within 3 months"));
  auto late = worker.Post(base + "/risk/new", RiskFields(worker.csrf(), "0", "5", "6"));
  EXPECT_EQ(late.status, 400);
  EXPECT_THAT(late.body, HasSubstr("href=\"#review_on\""));
  EXPECT_THAT(late.body, HasSubstr("Review date must be on or before 4 June 2024"));
  EXPECT_EQ(FieldValueIn(late.body, "review_on-month"), "6");
  EXPECT_THAT(late.body, HasSubstr("Recruiter phoned her twice"));
  Fields no_notes = RiskFields(worker.csrf(), "0", "31");
  no_notes[6].second = "";
  auto unexplained = worker.Post(base + "/risk/new", no_notes);
  EXPECT_EQ(unexplained.status, 400);
  EXPECT_THAT(unexplained.body, HasSubstr("href=\"#risks-re_trafficking-notes\""));
  auto risk = worker.Post(base + "/risk/new", RiskFields(worker.csrf(), "0", "31"));
  ASSERT_EQ(risk.status, 303) << risk.body;
  EXPECT_EQ(app().CountAudit("assessment.risk.record"), 1);

  auto both = worker.Get(base + "?needs_recorded=1");
  ASSERT_EQ(both.status, 200);
  EXPECT_THAT(both.body, HasSubstr("Needs assessment recorded"));
  EXPECT_THAT(both.body, HasSubstr("A bed tonight away from Wrexlow"));
  EXPECT_THAT(both.body, HasSubstr("Recruiter phoned her twice"));
  EXPECT_THAT(both.body, HasSubstr("31 May 2024"));
  auto sections = worker.Get("/cases/" + id);
  EXPECT_THAT(sections.body, HasSubstr("Risk: high. Review by 31 May 2024"));
  EXPECT_THAT(sections.body, HasSubstr("Full assessment on 4 March 2024. 1 need not yet met"));

  // A review starts from the current one; someone else's save first makes it stale.
  auto review = worker.Get(base + "/needs/new");
  ASSERT_EQ(review.status, 200);
  EXPECT_EQ(FieldValueIn(review.body, "based_on"), "1");
  EXPECT_THAT(review.body, HasSubstr("A bed tonight away from Wrexlow"));
  Fields reviewed = NeedsFields(worker.csrf(), "1");
  reviewed[9].second = "Moved to the safehouse";  // needs-0-description
  reviewed[10].second = "yes";                    // needs-0-met
  ASSERT_EQ(worker.Post(base + "/needs/new", reviewed).status, 303);
  auto stale = worker.Post(base + "/needs/new", NeedsFields(worker.csrf(), "1"));
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("Someone else recorded a needs assessment"));
  EXPECT_EQ(FieldValueIn(stale.body, "based_on"), "2");
  EXPECT_EQ(app().CountAudit("assessment.needs.record"), 2);

  auto versions = worker.Get(base);
  EXPECT_THAT(versions.body, HasSubstr("Moved to the safehouse"));
  EXPECT_THAT(versions.body, HasSubstr("Earlier needs assessments"));
  EXPECT_THAT(versions.body, HasSubstr(base + "/needs?version=1"));
  auto first = worker.Get(base + "/needs?version=1");
  ASSERT_EQ(first.status, 200);
  EXPECT_THAT(first.body, HasSubstr("This is an earlier version"));
  EXPECT_THAT(first.body, HasSubstr("A bed tonight away from Wrexlow"));
  EXPECT_THAT(first.body, Not(HasSubstr("Moved to the safehouse")));
  EXPECT_EQ(worker.Get(base + "/needs?version=9").status, 404);
  EXPECT_EQ(worker.Get(base + "/risk?version=x").status, 404);
  EXPECT_EQ(worker.Get(base + "/risk?version=1").status, 200);
  EXPECT_GE(app().CountAudit("assessment.view"), 4);
}

TEST_F(AssessmentPagesTest, OnlyTheTeamRecordsAndABreakGlassReaderOnlyReads) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = NewCase();
  ASSERT_FALSE(id.empty());
  const std::string base = "/cases/" + id + "/assessments";
  ASSERT_EQ(worker.Get(base + "/needs/new").status, 200);  // the form's csrf token
  ASSERT_EQ(worker.Post(base + "/needs/new", NeedsFields(worker.csrf(), "0")).status, 303);

  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  Browser colleague = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(colleague, kColleague));
  for (std::string path :
       {base, base + "/needs?version=1", base + "/needs/new", base + "/risk/new"}) {
    auto res = colleague.Get(path);
    EXPECT_EQ(res.status, 403) << path;
    EXPECT_THAT(res.body, Not(HasSubstr("Wrexlow"))) << path;
  }
  ASSERT_EQ(colleague.Get("/cases").status, 200);
  EXPECT_EQ(colleague.Post(base + "/needs/new", NeedsFields(colleague.csrf(), "1")).status, 403);

  Browser outsider = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(outsider, kOtherProvider));
  EXPECT_EQ(outsider.Get(base).status, 404);
  ASSERT_EQ(outsider.Get("/cases").status, 200);
  EXPECT_EQ(outsider.Post(base + "/risk/new", RiskFields(outsider.csrf(), "0", "31")).status, 404);

  app().clock().Advance(30s);  // a code's time-step is used once; sign-in used this one
  ASSERT_EQ(colleague.Get("/cases/" + id + "/break-glass").status, 200);
  auto opened =
      colleague.Post("/cases/" + id + "/break-glass",
                     {{"csrf_token", colleague.csrf()},
                      {"reason", "Police called out of hours about a safeguarding concern"},
                      {"code", app().TotpCode(kColleague)}});
  ASSERT_EQ(opened.status, 303) << opened.body;
  auto read = colleague.Get(base);
  ASSERT_EQ(read.status, 200);
  EXPECT_THAT(read.body, HasSubstr("Wrexlow"));
  EXPECT_THAT(read.body, Not(HasSubstr(base + "/needs/new")));
  EXPECT_EQ(colleague.Get(base + "/needs/new").status, 403);
  ASSERT_EQ(colleague.Get("/cases").status, 200);
  EXPECT_EQ(colleague.Post(base + "/needs/new", NeedsFields(colleague.csrf(), "1")).status, 403);
  EXPECT_EQ(app().CountAudit("assessment.needs.record"), 1);
  EXPECT_EQ(app().CountAudit("assessment.risk.record"), 0);
}

}  // namespace
}  // namespace waymark::app::testing
