// Contacts and notes over real HTTP: recording a contact through the form (errors first, then
// success), the list and the case overview's section, a correction, a restricted note and the
// survivor's own account, and who is refused.
#include <chrono>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/roles.hpp"
#include "tests/app/case_pages_support.hpp"

namespace waymark::app::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

// A phone call on the manual clock's day (4 March 2024).
Fields CallFields(const std::string& csrf, std::string notes) {
  return {{"csrf_token", csrf},
          {"contact_date-day", "4"},
          {"contact_date-month", "3"},
          {"contact_date-year", "2024"},
          {"contact_time", "08:15"},
          {"contact_type", "phone"},
          {"contact_with", "survivor"},
          {"interpreter_used", "yes"},
          {"interpreter_language", "sqi"},
          {"duration", "25"},
          {"notes", std::move(notes)},
          {"restricted", "no"}};
}

class ContactPagesTest : public AppTest {
 protected:
  // A case opened by the demo support worker (and so assigned to them).
  std::string OpenCase() { return CreateCaseThroughService(app()); }
};

TEST_F(ContactPagesTest, AWorkerRecordsAContactAfterFixingTheFormsErrors) {
  std::string id = OpenCase();
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string contacts = "/cases/" + id + "/contacts";

  auto overview = worker.Get("/cases/" + id);
  ASSERT_EQ(overview.status, 200);
  EXPECT_THAT(overview.body, HasSubstr("Contacts and notes"));
  EXPECT_THAT(overview.body, HasSubstr("href=\"" + contacts + "\""));

  auto empty = worker.Get(contacts);
  ASSERT_EQ(empty.status, 200);
  EXPECT_THAT(empty.body, HasSubstr("No contacts have been recorded yet."));
  ASSERT_EQ(worker.Get(contacts + "/new").status, 200);

  // Errors: a date in the future, no type, a duration out of range, HTML in the notes.
  Fields bad = CallFields(worker.csrf(), "She said <b>hello</b>");
  bad[3].second = "2030";  // contact_date-year
  bad[5].second = "";      // contact_type
  bad[9].second = "2000";  // duration
  auto refused = worker.Post(contacts + "/new", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_THAT(refused.body, HasSubstr("govuk-error-summary"));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#contact_date\""));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#contact_type\""));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#duration\""));
  EXPECT_THAT(refused.body, HasSubstr("Date of the contact must be today or in the past"));
  EXPECT_THAT(refused.body, HasSubstr("She said &lt;b&gt;hello&lt;/b&gt;"));  // kept, escaped
  EXPECT_THAT(refused.body, HasSubstr("value=\"2030\""));
  EXPECT_EQ(app().CountAudit("contact.record"), 0);

  auto recorded = worker.Post(contacts + "/new", CallFields(worker.csrf(), "Talked about the GP"));
  ASSERT_EQ(recorded.status, 303);
  EXPECT_EQ(recorded.Header("Location"), contacts + "?recorded=1");
  EXPECT_EQ(app().CountAudit("contact.record"), 1);

  auto list = worker.Get(contacts + "?recorded=1");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("Contact recorded"));
  EXPECT_THAT(list.body, HasSubstr("Talked about the GP"));
  EXPECT_THAT(list.body, HasSubstr("4 March 2024 at 08:15"));
  EXPECT_THAT(list.body, HasSubstr("Phone call"));

  auto after = worker.Get("/cases/" + id);
  EXPECT_THAT(after.body, HasSubstr("1 contact"));
  EXPECT_THAT(after.body, HasSubstr("Last contact 4 March 2024"));

  // The contact's own page, then a correction that keeps the first version.
  std::string marker = "href=\"" + contacts + "/";
  auto at = list.body.find(marker, list.body.find("govuk-table"));
  ASSERT_NE(at, std::string::npos);
  std::string contact = contacts + "/" + list.body.substr(at + marker.size(), 32);
  auto view = worker.Get(contact);
  ASSERT_EQ(view.status, 200) << contact;
  EXPECT_THAT(view.body, HasSubstr("Yes, Albanian"));
  EXPECT_THAT(view.body, HasSubstr("25 minutes"));
  auto change = worker.Get(contact + "/change");
  ASSERT_EQ(change.status, 200);
  ASSERT_EQ(FieldValueIn(change.body, "version"), "1");
  Fields corrected = CallFields(worker.csrf(), "Talked about the GP and the dentist");
  corrected.push_back({"version", "1"});
  auto saved = worker.Post(contact + "/change", corrected);
  ASSERT_EQ(saved.status, 303) << saved.body;
  // The same form again from the old page: stale, refused, nothing overwritten.
  Fields stale = CallFields(worker.csrf(), "From an old page");
  stale.push_back({"version", "1"});
  auto conflict = worker.Post(contact + "/change", stale);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_THAT(conflict.body, HasSubstr("Someone else changed this contact"));
  EXPECT_THAT(conflict.body, HasSubstr("The contact as it is now"));
  EXPECT_EQ(FieldValueIn(conflict.body, "version"), "2");
  auto changed = worker.Get(contact);
  EXPECT_THAT(changed.body, HasSubstr("Talked about the GP and the dentist"));
  EXPECT_THAT(changed.body, HasSubstr("Earlier versions"));
  EXPECT_THAT(changed.body, Not(HasSubstr("From an old page")));
}

TEST_F(ContactPagesTest, RestrictedTextAndTheOwnAccountStayWithTheCaseTeam) {
  std::string id = OpenCase();
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string contacts = "/cases/" + id + "/contacts";
  ASSERT_EQ(worker.Get(contacts + "/new").status, 200);
  Fields restricted = CallFields(worker.csrf(), "Named the man holding her passport");
  restricted.back().second = "yes";
  ASSERT_EQ(worker.Post(contacts + "/new", restricted).status, 303);
  auto blank = worker.Post("/cases/" + id + "/own-account",
                           {{"csrf_token", worker.csrf()}, {"version", "0"}, {"account", " "}});
  EXPECT_EQ(blank.status, 400);
  EXPECT_THAT(blank.body, HasSubstr("href=\"#account\""));
  auto saved =
      worker.Post("/cases/" + id + "/own-account", {{"csrf_token", worker.csrf()},
                                                    {"version", "0"},
                                                    {"account", "I came to work in a restaurant"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto account = worker.Get("/cases/" + id + "/own-account");
  ASSERT_EQ(account.status, 200);
  EXPECT_THAT(account.body, HasSubstr("I came to work in a restaurant"));
  EXPECT_THAT(worker.Get(contacts).body, HasSubstr("Named the man holding her passport"));

  // An unassigned colleague of the same provider is refused, and sees none of it.
  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  Browser colleague = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(colleague, kColleague));
  int64_t denied = app().CountAudit("permission.denied");
  for (const std::string& path : {contacts, "/cases/" + id + "/own-account", contacts + "/new"}) {
    auto res = colleague.Get(path);
    EXPECT_EQ(res.status, 403) << path;
    EXPECT_THAT(res.body, Not(HasSubstr("passport")));
    EXPECT_THAT(res.body, Not(HasSubstr("restaurant")));
  }
  EXPECT_EQ(app().CountAudit("permission.denied"), denied + 3);

  // Through break-glass the colleague reads the list: the restricted note is there, its text
  // is not, and the own account stays closed.
  app().clock().Advance(30s);  // a code's time-step is used once; sign-in used this one
  ASSERT_EQ(colleague.Get("/cases/" + id + "/break-glass").status, 200);
  auto opened =
      colleague.Post("/cases/" + id + "/break-glass",
                     {{"csrf_token", colleague.csrf()},
                      {"reason", "Police called out of hours about a safeguarding concern"},
                      {"code", app().TotpCode(kColleague)}});
  ASSERT_EQ(opened.status, 303) << opened.body;
  auto reading = colleague.Get(contacts);
  ASSERT_EQ(reading.status, 200);
  EXPECT_THAT(reading.body, HasSubstr("Restricted note"));
  EXPECT_THAT(reading.body, Not(HasSubstr("passport")));
  EXPECT_THAT(reading.body, Not(HasSubstr("/own-account")));
  EXPECT_THAT(reading.body, Not(HasSubstr(contacts + "/new")));
  EXPECT_EQ(colleague.Get("/cases/" + id + "/own-account").status, 403);
}

}  // namespace
}  // namespace waymark::app::testing
