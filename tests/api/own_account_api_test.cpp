// The survivor's own account through the JSON API: read (version 0 before the first save) and
// saved as new versions with the version each was based on; a save based on an older version
// refused (409) and changing nothing; bad bodies refused; and the text never sent to anyone the
// service does not show restricted text to (a break-glass reader, an unassigned colleague,
// another provider), who get the service's own refusal.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contacts/service.hpp"
#include "tests/api/api_fixture.hpp"

namespace waymark::api::testing {
namespace {

using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

std::string AccountJson(std::string_view text, int64_t based_on) {
  return boost::json::serialize(boost::json::object{{"text", text}, {"based_on", based_on}});
}

class OwnAccountApiTest : public CaseApiTest {
 protected:
  void SetUp() override {
    CaseApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    account_ = "/api/v1/cases/" + case_id_ + "/own-account";
  }

  std::string account_;
};

TEST_F(OwnAccountApiTest, AWorkerSavesTheAccountAsNewVersionsAndTheManagerReadsIt) {
  auto none = Call(app(), "GET", account_, token_);
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(none.Header("ETag"), "\"0\"");
  EXPECT_EQ(JsonOf(none).at("version").as_int64(), 0);
  EXPECT_TRUE(JsonOf(none).at("text").is_null());
  EXPECT_TRUE(JsonOf(none).at("saved_at").is_null());

  auto first =
      Call(app(), "PUT", account_, token_, AccountJson("I was promised work in a cafe", 0));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Header("ETag"), "\"1\"");
  EXPECT_EQ(JsonOf(first).at("version").as_int64(), 1);
  EXPECT_EQ(JsonOf(first).at("case_id").as_string(), case_id_);
  EXPECT_EQ(JsonOf(first).at("saved_by").as_string(), app().UserId(kWorker));

  auto second =
      Call(app(), "PUT", account_, token_,
           R"({"text": "I was promised work in a cafe in Lowtown"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(JsonOf(second).at("version").as_int64(), 2);
  EXPECT_EQ(app().CountAudit("own_account.save"), 2);

  auto read = Call(app(), "GET", account_, token_);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Header("ETag"), "\"2\"");
  EXPECT_EQ(JsonOf(read).at("text").as_string(), "I was promised work in a cafe in Lowtown");
  auto manager = Call(app(), "GET", account_, IssueToken(app(), kManager));
  ASSERT_EQ(manager.status, 200) << manager.body;
  EXPECT_EQ(JsonOf(manager).at("text").as_string(), "I was promised work in a cafe in Lowtown");
  EXPECT_EQ(app().CountAudit("own_account.view"), 2);
}

TEST_F(OwnAccountApiTest, ASaveBasedOnAnOlderVersionIsRefusedWith409) {
  ASSERT_EQ(Call(app(), "PUT", account_, token_, AccountJson("First telling", 0)).status, 200);
  auto stale = Call(app(), "PUT", account_, token_, AccountJson("Overwritten?", 0));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.Header("Content-Type"), HasSubstr("application/problem+json"));
  EXPECT_EQ(JsonOf(stale).at("detail").as_string(), contacts::kStaleOwnAccount);
  auto ahead = Call(app(), "PUT", account_, token_, R"({"text": "Ahead?"})", {{"If-Match", "7"}});
  EXPECT_EQ(ahead.status, 409) << ahead.body;
  auto unversioned = Call(app(), "PUT", account_, token_, R"({"text": "Which version?"})");
  EXPECT_EQ(unversioned.status, 428) << unversioned.body;
  EXPECT_THAT(unversioned.body, HasSubstr("based_on"));

  auto now = JsonOf(Call(app(), "GET", account_, token_));
  EXPECT_EQ(now.at("version").as_int64(), 1);
  EXPECT_EQ(now.at("text").as_string(), "First telling");
  EXPECT_EQ(app().CountAudit("own_account.save"), 1);
}

TEST_F(OwnAccountApiTest, BadBodiesAreRefusedAndSaveNothing) {
  EXPECT_EQ(Call(app(), "PUT", account_, token_, "{").status, 400);
  EXPECT_EQ(Call(app(), "PUT", account_, token_, R"(["text"])").status, 400);
  Browser client = app().NewBrowser();
  auto form = client.Send("PUT", account_, "text=hello&based_on=0",
                          {{"Authorization", "Bearer " + token_},
                           {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 415) << form.body;

  auto typed = Call(app(), "PUT", account_, token_, R"({"text": 5, "based_on": "0", "mood": 1})");
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_THAT(ErrorFields(typed), Contains("text"));
  EXPECT_THAT(ErrorFields(typed), Contains("based_on"));
  EXPECT_THAT(ErrorFields(typed), Contains("mood"));
  auto tag = Call(app(), "PUT", account_, token_, R"({"text": "Hello"})", {{"If-Match", "first"}});
  EXPECT_EQ(tag.status, 422) << tag.body;
  EXPECT_THAT(ErrorFields(tag), Contains("based_on"));

  // The service's rule, under the JSON property's name.
  auto blank = Call(app(), "PUT", account_, token_, AccountJson("   ", 0));
  EXPECT_EQ(blank.status, 422) << blank.body;
  EXPECT_THAT(ErrorFields(blank), Contains("text"));
  EXPECT_THAT(ErrorFields(blank), Not(Contains("account")));
  EXPECT_THAT(blank.body, HasSubstr("Enter their account in their own words"));
  auto too_long = Call(app(), "PUT", account_, token_, AccountJson(std::string(100001, 'a'), 0));
  EXPECT_EQ(too_long.status, 422);
  EXPECT_THAT(ErrorFields(too_long), Contains("text"));

  EXPECT_EQ(app().CountAudit("own_account.save"), 0);
  EXPECT_EQ(JsonOf(Call(app(), "GET", account_, token_)).at("version").as_int64(), 0);
}

TEST_F(OwnAccountApiTest, ReadersWhoMayNotSeeRestrictedTextGetTheServicesRefusal) {
  ASSERT_EQ(Call(app(), "PUT", account_, token_,
                 AccountJson("OWN-ACCOUNT-CANARY named the man who drove the van", 0))
                .status,
            200);
  std::string colleague = UnassignedColleagueToken();

  // Unassigned, then through break-glass: break-glass reads the case, never restricted text.
  EXPECT_THAT(Call(app(), "GET", account_, colleague).status, AnyOf(403, 404));
  BreakGlassAsColleague(app(), case_id_);
  int64_t denied = app().CountAudit("permission.denied");
  auto read = Call(app(), "GET", account_, colleague);
  EXPECT_EQ(read.status, 403) << read.body;
  EXPECT_THAT(read.Header("Content-Type"), HasSubstr("application/problem+json"));
  EXPECT_THAT(read.body, Not(HasSubstr("OWN-ACCOUNT-CANARY")));
  EXPECT_EQ(app().CountAudit("permission.denied"), denied + 1);
  auto actor = app().ActorFor(kColleague);
  ASSERT_TRUE(actor);
  auto service = app().web().contacts.GetOwnAccount(*actor, case_id_,
                                                    identity::Origin{"192.0.2.1", "api-test"});
  ASSERT_FALSE(service);
  EXPECT_EQ(JsonOf(read).at("detail").as_string(), service.error().message);

  auto save = Call(app(), "PUT", account_, colleague, AccountJson("Changed", 1));
  EXPECT_EQ(save.status, 403) << save.body;
  EXPECT_EQ(Call(app(), "GET", account_, IssueToken(app(), kOtherProvider)).status, 404);
  EXPECT_EQ(app().CountAudit("own_account.save"), 1);
  auto own = Call(app(), "GET", account_, token_);
  EXPECT_THAT(own.body, HasSubstr("OWN-ACCOUNT-CANARY"));
  EXPECT_EQ(JsonOf(own).at("version").as_int64(), 1);
}

}  // namespace
}  // namespace waymark::api::testing
