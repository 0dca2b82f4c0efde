// The NRM pathway through the JSON API: a referral with the person's consent (recorded through
// the consent endpoint), the RG decision, deadlines and next events; a correction kept beside
// the entry it corrects; the pathway rules' errors as 422; a change from a stale count refused;
// an unassigned colleague refused.
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

// Today in the test application is Monday 2024-03-04.
constexpr std::string_view kReferral = R"({"event": "referred", "date": "2024-03-01",
    "first_responder": "Lowtown Police", "authority": "sca", "expected_count": 0})";
constexpr std::string_view kDutyToNotify = R"({"event": "duty_to_notify_sent",
    "date": "2024-03-01", "identifying_details_included": false, "expected_count": 0})";

class NrmApiTest : public CaseApiTest {
 protected:
  void SetUp() override {
    CaseApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    nrm_ = "/api/v1/cases/" + case_id_ + "/nrm";
  }

  void RecordReferralConsent() {
    auto res = Call(app(), "POST", "/api/v1/cases/" + case_id_ + "/consents", token_,
                    R"({"purpose": "nrm_referral", "decision": "given", "language": "sqi",
                        "interpreter_used": true, "format": "verbal",
                        "decided_on": "2024-03-01"})");
    ASSERT_EQ(res.status, 201) << res.body;
  }

  std::string nrm_;
};

TEST_F(NrmApiTest, AReferralWithConsentThenTheRgDecisionMoveThePathwayOn) {
  RecordReferralConsent();
  auto empty = Call(app(), "GET", nrm_, token_);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(JsonOf(empty).at("stage").as_string(), "not_referred");
  EXPECT_EQ(empty.Header("ETag"), "\"0\"");

  auto referred = Call(app(), "POST", nrm_ + "/events", token_, kReferral);
  ASSERT_EQ(referred.status, 201) << referred.body;
  EXPECT_EQ(referred.Header("ETag"), "\"1\"");
  auto entry = JsonOf(referred);
  EXPECT_EQ(entry.at("event").at("kind").as_string(), "referred");
  EXPECT_EQ(entry.at("event").at("first_responder").as_string(), "Lowtown Police");
  EXPECT_EQ(app().CountAudit("nrm.record"), 1);

  auto pathway = JsonOf(Call(app(), "GET", nrm_, token_));
  EXPECT_EQ(pathway.at("stage").as_string(), "rg_pending");
  EXPECT_EQ(pathway.at("count").as_int64(), 1);
  auto deadline = pathway.at("deadlines").as_array().at(0);
  EXPECT_EQ(deadline.at("kind").as_string(), "rg_target");
  EXPECT_EQ(deadline.at("date").as_string(), "2024-03-08");  // five working days
  EXPECT_THAT(pathway.at("next_events").as_array(), Contains(boost::json::value("rg_decided")));

  auto decided = Call(app(), "POST", nrm_ + "/events", token_,
                      R"({"event": "rg_decided", "date": "2024-03-04", "outcome": "positive"})",
                      {{"If-Match", "\"1\""}});
  ASSERT_EQ(decided.status, 201) << decided.body;
  pathway = JsonOf(Call(app(), "GET", nrm_, token_));
  EXPECT_EQ(pathway.at("stage").as_string(), "cg_pending");
  EXPECT_EQ(pathway.at("deadlines").as_array().at(0).at("kind").as_string(),
            "recovery_period_ends");
  // The case list's copy of the stage follows.
  auto c = JsonOf(Call(app(), "GET", "/api/v1/cases/" + case_id_, token_));
  EXPECT_EQ(c.at("nrm_stage").as_string(), "cg_pending");
}

TEST_F(NrmApiTest, ACorrectionIsANewEntryAndTheOldOneIsKept) {
  auto first = Call(app(), "POST", nrm_ + "/events", token_, kDutyToNotify);
  ASSERT_EQ(first.status, 201) << first.body;
  std::string id(JsonOf(first).at("id").as_string());
  std::string correction = nrm_ + "/events/" + id + "/correction";

  auto no_reason = Call(app(), "POST", correction, token_,
                        R"({"event": "duty_to_notify_sent", "date": "2024-02-28",
                            "identifying_details_included": false, "expected_count": 1})");
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_THAT(ErrorFields(no_reason), Contains("note"));

  auto corrected = Call(app(), "POST", correction, token_,
                        R"({"event": "duty_to_notify_sent", "date": "2024-02-28",
                            "identifying_details_included": false,
                            "note": "The MS1 went on the Wednesday", "expected_count": 1})");
  ASSERT_EQ(corrected.status, 201) << corrected.body;
  EXPECT_EQ(JsonOf(corrected).at("corrects").as_string(), id);
  auto entries = JsonOf(Call(app(), "GET", nrm_, token_)).at("entries").as_array();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].at("id").as_string(), id);
  EXPECT_EQ(entries[0].at("corrected_by").as_string(), JsonOf(corrected).at("id").as_string());
  EXPECT_EQ(entries[1].at("event").at("date").as_string(), "2024-02-28");
  EXPECT_EQ(app().CountAudit("nrm.correct"), 1);
}

TEST_F(NrmApiTest, WhatTheRulesRefuseIs422AndRecordsNothing) {
  // An adult's referral needs their recorded consent.
  auto no_consent = Call(app(), "POST", nrm_ + "/events", token_, kReferral);
  EXPECT_EQ(no_consent.status, 422) << no_consent.body;
  EXPECT_THAT(ErrorFields(no_consent), Contains("consent"));
  auto unknown =
      Call(app(), "POST", nrm_ + "/events", token_, R"({"event": "teleported", "colour": 1})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_THAT(ErrorFields(unknown), Contains("colour"));
  auto kind = Call(app(), "POST", nrm_ + "/events", token_,
                   R"({"event": "teleported", "date": "2024-03-01", "expected_count": 0})");
  EXPECT_THAT(ErrorFields(kind), Contains("event"));
  auto date = Call(app(), "POST", nrm_ + "/events", token_,
                   R"({"event": "duty_to_notify_sent", "date": "01/03/2024",
                       "identifying_details_included": "no", "expected_count": 0})");
  EXPECT_EQ(date.status, 422);
  EXPECT_THAT(ErrorFields(date), Contains("date"));
  EXPECT_THAT(ErrorFields(date), Contains("identifying_details_included"));
  auto future = Call(app(), "POST", nrm_ + "/events", token_,
                     R"({"event": "duty_to_notify_sent", "date": "2024-04-01",
                         "identifying_details_included": false, "expected_count": 0})");
  EXPECT_EQ(future.status, 422);
  EXPECT_THAT(ErrorFields(future), Contains("date"));
  // An RG decision before any referral is out of place.
  auto early = Call(app(), "POST", nrm_ + "/events", token_,
                    R"({"event": "rg_decided", "date": "2024-03-01", "outcome": "positive",
                        "expected_count": 0})");
  EXPECT_EQ(early.status, 422);
  EXPECT_THAT(ErrorFields(early), Contains("event"));
  EXPECT_EQ(app().CountAudit("nrm.record"), 0);
  EXPECT_EQ(JsonOf(Call(app(), "GET", nrm_, token_)).at("count").as_int64(), 0);
}

TEST_F(NrmApiTest, AChangeFromAStaleCountIsRefusedWith409) {
  std::string body(kDutyToNotify);
  auto missing = Call(app(), "POST", nrm_ + "/events", token_,
                      R"({"event": "duty_to_notify_sent", "date": "2024-03-01",
                          "identifying_details_included": false})");
  EXPECT_EQ(missing.status, 428);
  ASSERT_EQ(Call(app(), "POST", nrm_ + "/events", token_, body).status, 201);
  auto stale = Call(app(), "POST", nrm_ + "/events", token_,
                    R"({"event": "referred", "date": "2024-03-02", "first_responder": "Police",
                        "authority": "sca"})",
                    {{"If-Match", "\"0\""}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.body, HasSubstr("Someone else recorded something in this NRM pathway"));
  EXPECT_EQ(JsonOf(Call(app(), "GET", nrm_, token_)).at("count").as_int64(), 1);
}

TEST_F(NrmApiTest, AnUnassignedColleagueIsRefused) {
  ASSERT_EQ(Call(app(), "POST", nrm_ + "/events", token_, kDutyToNotify).status, 201);
  std::string colleague = UnassignedColleagueToken();
  auto read = Call(app(), "GET", nrm_, colleague);
  EXPECT_THAT(read.status, AnyOf(403, 404));
  EXPECT_THAT(read.body, Not(HasSubstr("duty_to_notify_sent")));
  auto record = Call(app(), "POST", nrm_ + "/events", colleague,
                     R"({"event": "referred", "date": "2024-03-02", "first_responder": "Police",
                         "authority": "sca", "expected_count": 1})");
  EXPECT_THAT(record.status, AnyOf(403, 404));
  EXPECT_EQ(Call(app(), "GET", nrm_, IssueToken(app(), kOtherProvider)).status, 404);
  EXPECT_EQ(app().CountAudit("nrm.record"), 1);
}

}  // namespace
}  // namespace waymark::api::testing
