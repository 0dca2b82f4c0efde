// The dependants pages over real HTTP: a worker adds a child, sees the card and the overview's
// section, changes the record, records that the child is no longer a dependant; a form with
// errors is shown again and saves nothing; a stale change is refused; another provider finds
// nothing.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/app/case_pages_support.hpp"

namespace waymark::app::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Fields ElaFields(const std::string& csrf) {
  return {{"csrf_token", csrf},
          {"name", "Ela Brightwater"},
          {"relationship", "child"},
          {"dob-day", "3"},
          {"dob-month", "2"},
          {"dob-year", "2019"},
          {"whereabouts", "with_survivor"},
          {"needs", "Speech therapy"},
          {"risks", ""},
          {"school", "Lowtown Primary"},
          {"children_services_know", "no"},
          {"local_authority", ""}};
}

class DependantPagesTest : public AppTest {
 protected:
  std::string NewCase() { return CreateCaseThroughService(app()); }

  // The id of the first dependant on the list page (from its change link).
  static std::string DependantIdIn(std::string_view html) {
    std::string marker = "change?dependant=";
    auto at = html.find(marker);
    if (at == std::string_view::npos) return "";
    return std::string(html.substr(at + marker.size(), 32));
  }
};

TEST_F(DependantPagesTest, AWorkerAddsChangesAndRemovesADependant) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = NewCase();
  std::string base = "/cases/" + id + "/dependants";

  auto overview = worker.Get("/cases/" + id);
  ASSERT_EQ(overview.status, 200);
  EXPECT_THAT(overview.body, HasSubstr(base));
  EXPECT_THAT(overview.body, HasSubstr("None recorded"));

  auto empty = worker.Get(base);
  ASSERT_EQ(empty.status, 200);
  EXPECT_THAT(empty.body, HasSubstr("No dependants are recorded"));
  EXPECT_THAT(empty.body, HasSubstr("WM-"));  // the caption

  ASSERT_EQ(worker.Get(base + "/new").status, 200);
  auto added = worker.Post(base + "/new", ElaFields(worker.csrf()));
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(added.Header("Location"), base + "?added=1");

  auto list = worker.Get(base + "?added=1");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("Dependant added"));
  EXPECT_THAT(list.body, HasSubstr("Ela Brightwater"));
  EXPECT_THAT(list.body, HasSubstr("3 February 2019"));
  EXPECT_THAT(list.body, HasSubstr("govuk-summary-card"));
  std::string dependant = DependantIdIn(list.body);
  ASSERT_EQ(dependant.size(), 32u);

  overview = worker.Get("/cases/" + id);
  EXPECT_THAT(overview.body, HasSubstr("1 dependant"));
  EXPECT_THAT(overview.body, HasSubstr("1 child; children's services not told about 1"));

  auto form = worker.Get(base + "/change?dependant=" + dependant);
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(FieldValueIn(form.body, "version"), "1");
  EXPECT_THAT(form.body, HasSubstr("value=\"Lowtown Primary\""));
  Fields change = ElaFields(worker.csrf());
  change.push_back({"dependant", dependant});
  change.push_back({"version", "1"});
  change[9].second = "Hightown Academy";  // school
  auto changed = worker.Post(base + "/change", change);
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_THAT(worker.Get(base).body, HasSubstr("Hightown Academy"));

  // The same change again from version 1 is stale.
  change[9].second = "Midtown School";
  auto stale = worker.Post(base + "/change", change);
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("Someone else changed this dependant"));
  EXPECT_THAT(stale.body, HasSubstr("value=\"Midtown School\""));
  EXPECT_EQ(FieldValueIn(stale.body, "version"), "2");

  ASSERT_EQ(worker.Get(base + "/remove?dependant=" + dependant).status, 200);
  auto removed = worker.Post(base + "/remove", {{"csrf_token", worker.csrf()},
                                                {"dependant", dependant},
                                                {"version", "2"},
                                                {"removed_on-day", "1"},
                                                {"removed_on-month", "3"},
                                                {"removed_on-year", "2024"},
                                                {"reason", "Lives with her grandmother"}});
  ASSERT_EQ(removed.status, 303) << removed.body;
  list = worker.Get(base);
  EXPECT_THAT(list.body, HasSubstr("No longer dependants"));
  EXPECT_THAT(list.body, HasSubstr("Lives with her grandmother"));
  EXPECT_THAT(list.body, Not(HasSubstr("change?dependant=")));
  EXPECT_GE(app().CountAudit("dependant.view"), 4);
  EXPECT_EQ(app().CountAudit("dependant.add"), 1);
  EXPECT_EQ(app().CountAudit("dependant.change"), 1);
  EXPECT_EQ(app().CountAudit("dependant.remove"), 1);
}

TEST_F(DependantPagesTest, AFormWithErrorsIsShownAgainAndSavesNothing) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = NewCase();
  std::string base = "/cases/" + id + "/dependants";
  ASSERT_EQ(worker.Get(base + "/new").status, 200);
  Fields fields = ElaFields(worker.csrf());
  fields[1].second = "";   // name
  fields[10].second = "";  // children_services_know, for a child
  auto res = worker.Post(base + "/new", fields);
  EXPECT_EQ(res.status, 400);
  EXPECT_THAT(res.body, HasSubstr("<title>Error: Add a dependant"));
  EXPECT_THAT(res.body, HasSubstr("href=\"#name\""));
  EXPECT_THAT(res.body, HasSubstr("href=\"#children_services_know\""));
  EXPECT_THAT(res.body, HasSubstr("value=\"Lowtown Primary\""));  // what was typed is kept
  EXPECT_EQ(app().CountAudit("dependant.add"), 0);
  EXPECT_THAT(worker.Get(base).body, HasSubstr("No dependants are recorded"));

  // Another provider is not told the case exists.
  Browser outsider = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(outsider, kOtherProvider));
  EXPECT_EQ(outsider.Get(base).status, 404);
  EXPECT_EQ(outsider.Get(base + "/new").status, 404);
  auto post = outsider.Post(base + "/new", ElaFields(outsider.csrf()));
  EXPECT_EQ(post.status, 404);
  EXPECT_EQ(app().CountAudit("dependant.add"), 0);

  // A closed case says so, and takes nothing.
  ASSERT_TRUE(app().web().cases.Close(*app().ActorFor(kWorker), id, "support_completed", 1,
                                      identity::Origin{"192.0.2.1", "close"}));
  auto closed = worker.Get(base + "/new");
  EXPECT_EQ(closed.status, 409);
  EXPECT_THAT(closed.body, HasSubstr("This case is closed"));
  EXPECT_EQ(worker.Post(base + "/new", ElaFields(worker.csrf())).status, 409);
  EXPECT_EQ(app().CountAudit("dependant.add"), 0);
}

}  // namespace
}  // namespace waymark::app::testing
