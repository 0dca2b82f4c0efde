// Consent and disclosures through the JSON API: consent recorded and withdrawn (the record
// kept), a disclosure on the basis of consent in force, and refused once it is withdrawn; the
// consent rules' errors under the JSON property names; a stale withdrawal refused; an unassigned
// colleague refused.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/api/api_fixture.hpp"

namespace waymark::api::testing {
namespace {

using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// Today in the test application is 2024-03-04.
boost::json::object SharingConsent() {
  return boost::json::object{{"purpose", "sharing"},       {"recipient", "Lowtown Law Centre"},
                             {"decision", "given"},        {"language", "sqi"},
                             {"interpreter_used", true},   {"format", "verbal"},
                             {"decided_on", "2024-03-01"}, {"notes", "Explained with Hana"}};
}

boost::json::object ShareContactDetails(std::string_view consent_id, std::string_view on) {
  return boost::json::object{{"recipient", "Lowtown Law Centre"},
                             {"shared", "Her contact details, for the asylum appointment"},
                             {"disclosed_on", on},
                             {"basis", "consent"},
                             {"consent_id", consent_id}};
}

class ConsentsApiTest : public CaseApiTest {
 protected:
  void SetUp() override {
    CaseApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    consents_ = "/api/v1/cases/" + case_id_ + "/consents";
    disclosures_ = "/api/v1/cases/" + case_id_ + "/disclosures";
  }

  std::string RecordSharingConsent() {
    auto res = Call(app(), "POST", consents_, token_, boost::json::serialize(SharingConsent()));
    EXPECT_EQ(res.status, 201) << res.body;
    if (res.status != 201) return "";
    return std::string(JsonOf(res).at("id").as_string());
  }

  std::string consents_, disclosures_;
};

TEST_F(ConsentsApiTest, ConsentIsRecordedReliedOnAndWithdrawn) {
  auto recorded = Call(app(), "POST", consents_, token_, boost::json::serialize(SharingConsent()));
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(recorded.Header("ETag"), "\"1\"");
  auto consent = JsonOf(recorded);
  std::string id(consent.at("id").as_string());
  EXPECT_EQ(consent.at("status").as_string(), "given");
  EXPECT_EQ(consent.at("purpose").as_string(), "sharing");
  EXPECT_EQ(consent.at("decided_on").as_string(), "2024-03-01");
  EXPECT_TRUE(consent.at("contact_method").is_null());
  EXPECT_EQ(app().CountAudit("consent.record"), 1);

  auto shared = Call(app(), "POST", disclosures_, token_,
                     boost::json::serialize(ShareContactDetails(id, "2024-03-02")));
  ASSERT_EQ(shared.status, 201) << shared.body;
  EXPECT_EQ(JsonOf(shared).at("basis").as_string(), "consent");
  EXPECT_EQ(JsonOf(shared).at("consent_id").as_string(), id);
  auto disclosures = JsonOf(Call(app(), "GET", disclosures_, token_));
  ASSERT_EQ(disclosures.at("items").as_array().size(), 1u);
  EXPECT_EQ(disclosures.at("items").as_array()[0].at("disclosed_on").as_string(), "2024-03-02");

  auto withdrawn = Call(app(), "POST", consents_ + "/" + id + "/withdraw", token_,
                        R"({"withdrawn_on": "2024-03-04", "note": "She changed her mind"})",
                        {{"If-Match", "\"1\""}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(JsonOf(withdrawn).at("status").as_string(), "withdrawn");
  EXPECT_EQ(JsonOf(withdrawn).at("withdrawn_on").as_string(), "2024-03-04");
  EXPECT_EQ(withdrawn.Header("ETag"), "\"2\"");
  auto list = JsonOf(Call(app(), "GET", consents_, token_));
  ASSERT_EQ(list.at("items").as_array().size(), 1u);  // kept, not deleted
  EXPECT_EQ(list.at("items").as_array()[0].at("status").as_string(), "withdrawn");

  // Withdrawn consent is no basis for sharing today.
  auto refused = Call(app(), "POST", disclosures_, token_,
                      boost::json::serialize(ShareContactDetails(id, "2024-03-04")));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_THAT(ErrorFields(refused), Contains("consent_id"));
  EXPECT_EQ(app().CountAudit("disclosure.record"), 1);
}

TEST_F(ConsentsApiTest, InvalidConsentIs422WithThePropertyNamesAndRecordsNothing) {
  auto typed = Call(app(), "POST", consents_, token_,
                    R"({"purpose": "sharing", "interpreter_used": "yes", "colour": "red"})");
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_THAT(ErrorFields(typed), Contains("interpreter_used"));
  EXPECT_THAT(ErrorFields(typed), Contains("colour"));

  auto rules = Call(app(), "POST", consents_, token_,
                    R"({"purpose": "sharing", "decision": "given", "format": "verbal",
                        "decided_on": "2999-01-01"})");
  EXPECT_EQ(rules.status, 422) << rules.body;
  auto fields = ErrorFields(rules);
  EXPECT_THAT(fields, Contains("recipient"));
  EXPECT_THAT(fields, Contains("decided_on"));
  EXPECT_THAT(fields, Contains("language"));
  EXPECT_THAT(fields, Contains("interpreter_used"));
  EXPECT_THAT(fields, Not(Contains("interpreter")));

  auto statutory = Call(app(), "POST", disclosures_, token_,
                        R"({"recipient": "Police", "shared": "Address",
                            "disclosed_on": "2024-03-01", "basis": "safeguarding"})");
  EXPECT_EQ(statutory.status, 422);
  EXPECT_THAT(ErrorFields(statutory), Contains("reason"));

  EXPECT_EQ(app().CountAudit("consent.record"), 0);
  EXPECT_EQ(app().CountAudit("disclosure.record"), 0);
  EXPECT_TRUE(JsonOf(Call(app(), "GET", consents_, token_)).at("items").as_array().empty());
}

TEST_F(ConsentsApiTest, AWithdrawalFromAStaleVersionIsRefusedWith409) {
  std::string id = RecordSharingConsent();
  ASSERT_FALSE(id.empty());
  std::string withdraw = consents_ + "/" + id + "/withdraw";
  EXPECT_EQ(Call(app(), "POST", withdraw, token_, R"({"withdrawn_on": "2024-03-03"})").status, 428);
  ASSERT_EQ(Call(app(), "POST", withdraw, token_, R"({"withdrawn_on": "2024-03-03", "version": 1})")
                .status,
            200);
  auto stale = Call(app(), "POST", withdraw, token_, R"({"withdrawn_on": "2024-03-04"})",
                    {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  auto list = JsonOf(Call(app(), "GET", consents_, token_));
  EXPECT_EQ(list.at("items").as_array()[0].at("withdrawn_on").as_string(), "2024-03-03");
  EXPECT_EQ(app().CountAudit("consent.withdraw"), 1);
}

TEST_F(ConsentsApiTest, AnUnassignedColleagueIsRefused) {
  std::string id = RecordSharingConsent();
  ASSERT_FALSE(id.empty());
  std::string colleague = UnassignedColleagueToken();
  auto list = Call(app(), "GET", consents_, colleague);
  EXPECT_THAT(list.status, AnyOf(403, 404));
  EXPECT_THAT(list.body, Not(HasSubstr("Lowtown Law Centre")));
  EXPECT_THAT(Call(app(), "GET", disclosures_, colleague).status, AnyOf(403, 404));
  auto record = Call(app(), "POST", consents_, colleague, boost::json::serialize(SharingConsent()));
  EXPECT_THAT(record.status, AnyOf(403, 404));
  auto withdraw = Call(app(), "POST", consents_ + "/" + id + "/withdraw", colleague,
                       R"({"withdrawn_on": "2024-03-03", "version": 1})");
  EXPECT_THAT(withdraw.status, AnyOf(403, 404));
  EXPECT_EQ(Call(app(), "GET", consents_, IssueToken(app(), kOtherProvider)).status, 404);
  EXPECT_EQ(app().CountAudit("consent.record"), 1);
  EXPECT_EQ(app().CountAudit("consent.withdraw"), 0);
}

}  // namespace
}  // namespace waymark::api::testing
