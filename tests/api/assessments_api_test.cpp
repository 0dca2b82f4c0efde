// Needs and risk assessments through the JSON API: versions recorded (never overwritten) and
// read, the current pair with the review state, the rules' errors under the JSON names (items
// of a list by their place: "needs[0].domain", "risks[2].notes"), a stale based_on refused,
// one older version read by its number, an unassigned colleague refused.
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
std::string Needs(int based_on, std::string_view description = "A safe place to sleep tonight") {
  return boost::json::serialize(boost::json::object{
      {"kind", "initial"},
      {"mode", "phone"},
      {"assessed_on", "2024-03-01"},
      {"needs", boost::json::array{boost::json::object{{"domain", "accommodation"},
                                                       {"time_frame", "immediate"},
                                                       {"description", description},
                                                       {"met", false}}}},
      {"based_on", based_on}});
}

boost::json::object Risk(std::string_view self_harm_notes) {
  boost::json::array risks;
  for (std::string_view kind : {"re_trafficking", "exploiter_contact", "self_harm",
                                "harm_to_others", "location_exposure", "health"}) {
    bool medium = kind == "self_harm";
    risks.push_back(boost::json::object{{"kind", kind},
                                        {"level", medium ? "medium" : "low"},
                                        {"notes", medium ? self_harm_notes : ""}});
  }
  return boost::json::object{{"assessed_on", "2024-03-01"},
                             {"risks", std::move(risks)},
                             {"overall", "medium"},
                             {"review_on", "2024-06-01"},
                             {"based_on", 0}};
}

class AssessmentsApiTest : public CaseApiTest {
 protected:
  void SetUp() override {
    CaseApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    base_ = "/api/v1/cases/" + case_id_ + "/assessments";
  }

  std::string base_;
};

TEST_F(AssessmentsApiTest, VersionsAreRecordedAndTheCurrentOnesRead) {
  auto none = JsonOf(Call(app(), "GET", base_, token_));
  EXPECT_TRUE(none.at("needs").is_null());
  EXPECT_TRUE(none.at("risk").is_null());

  auto first = Call(app(), "POST", base_ + "/needs", token_, Needs(0));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(JsonOf(first).at("version").as_int64(), 1);
  EXPECT_EQ(first.Header("ETag"), "\"1\"");
  auto second =
      Call(app(), "POST", base_ + "/needs", token_, Needs(1, "Moved to a safehouse; keep it"));
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(JsonOf(second).at("based_on").as_int64(), 1);

  auto risk = Call(app(), "POST", base_ + "/risk", token_,
                   boost::json::serialize(Risk("Said she has thoughts of harming herself")));
  ASSERT_EQ(risk.status, 201) << risk.body;
  EXPECT_EQ(JsonOf(risk).at("overall").as_string(), "medium");
  EXPECT_EQ(app().CountAudit("assessment.risk.record"), 1);

  auto current = JsonOf(Call(app(), "GET", base_, token_));
  EXPECT_EQ(current.at("needs").at("version").as_int64(), 2);
  EXPECT_EQ(current.at("needs").at("needs").as_array()[0].at("description").as_string(),
            "Moved to a safehouse; keep it");
  EXPECT_EQ(current.at("risk").at("review_on").as_string(), "2024-06-01");
  EXPECT_FALSE(current.at("risk_review_overdue").as_bool());
  auto versions = JsonOf(Call(app(), "GET", base_ + "/needs", token_)).at("items").as_array();
  ASSERT_EQ(versions.size(), 2u);  // the first is kept
  EXPECT_EQ(versions[0].at("version").as_int64(), 2);
  EXPECT_EQ(versions[1].at("unmet").as_int64(), 1);
  auto risks = JsonOf(Call(app(), "GET", base_ + "/risk", token_)).at("items").as_array();
  ASSERT_EQ(risks.size(), 1u);
  EXPECT_EQ(
      JsonOf(Call(app(), "GET", "/api/v1/cases/" + case_id_, token_)).at("risk_level").as_string(),
      "medium");
}

TEST_F(AssessmentsApiTest, InvalidAssessmentsAre422WithTheJsonNamesAndRecordNothing) {
  auto typed = Call(app(), "POST", base_ + "/needs", token_,
                    R"({"needs": [{"domain": "safety", "met": "no", "colour": 1}],
                        "based_on": 0})");
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_THAT(ErrorFields(typed), Contains("needs[0].met"));
  EXPECT_THAT(ErrorFields(typed), Contains("needs[0].colour"));
  EXPECT_EQ(Call(app(), "POST", base_ + "/needs", token_, R"({"needs": "lots"})").status, 422);

  auto rules = Call(app(), "POST", base_ + "/needs", token_,
                    R"({"assessed_on": "2999-01-01", "based_on": 0,
                        "needs": [{"domain": "nowhere", "time_frame": "immediate",
                                   "description": "Somewhere", "met": false}]})");
  EXPECT_EQ(rules.status, 422) << rules.body;
  auto fields = ErrorFields(rules);
  EXPECT_THAT(fields, Contains("kind"));
  EXPECT_THAT(fields, Contains("mode"));
  EXPECT_THAT(fields, Contains("assessed_on"));
  EXPECT_THAT(fields, Contains("needs[0].domain"));
  EXPECT_THAT(fields, Not(Contains("needs-0-domain")));

  // A medium risk needs notes; the error names the risk by its place in the array.
  auto no_notes = Call(app(), "POST", base_ + "/risk", token_, boost::json::serialize(Risk("")));
  EXPECT_EQ(no_notes.status, 422) << no_notes.body;
  EXPECT_THAT(ErrorFields(no_notes), Contains("risks[2].notes"));
  auto five = Risk("Notes");
  five["risks"].as_array().pop_back();
  auto missing = Call(app(), "POST", base_ + "/risk", token_, boost::json::serialize(five));
  EXPECT_EQ(missing.status, 422);
  EXPECT_THAT(ErrorFields(missing), Contains("risks"));

  EXPECT_EQ(app().CountAudit("assessment.needs.record"), 0);
  EXPECT_EQ(app().CountAudit("assessment.risk.record"), 0);
  EXPECT_TRUE(JsonOf(Call(app(), "GET", base_, token_)).at("needs").is_null());
}

TEST_F(AssessmentsApiTest, AnAssessmentBasedOnAnOlderVersionIsRefusedWith409) {
  auto unversioned = boost::json::parse(Needs(0)).as_object();
  unversioned.erase("based_on");
  EXPECT_EQ(
      Call(app(), "POST", base_ + "/needs", token_, boost::json::serialize(unversioned)).status,
      428);
  ASSERT_EQ(Call(app(), "POST", base_ + "/needs", token_, Needs(0)).status, 201);
  auto stale = Call(app(), "POST", base_ + "/needs", token_, Needs(0, "Written meanwhile"));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.body, HasSubstr("Someone else recorded a needs assessment"));
  auto by_header = Call(app(), "POST", base_ + "/needs", token_,
                        boost::json::serialize(unversioned), {{"If-Match", "\"0\""}});
  EXPECT_EQ(by_header.status, 409);
  EXPECT_EQ(JsonOf(Call(app(), "GET", base_ + "/needs", token_)).at("items").as_array().size(), 1u);
}

TEST_F(AssessmentsApiTest, AnOlderVersionIsReadByItsNumber) {
  ASSERT_EQ(Call(app(), "POST", base_ + "/needs", token_, Needs(0)).status, 201);
  ASSERT_EQ(Call(app(), "POST", base_ + "/needs", token_, Needs(1, "Moved to a safehouse")).status,
            201);
  ASSERT_EQ(Call(app(), "POST", base_ + "/risk", token_,
                 boost::json::serialize(Risk("Said she has thoughts of harming herself")))
                .status,
            201);

  int64_t views_before = app().CountAudit("assessment.view");
  auto first = Call(app(), "GET", base_ + "/needs/1", token_);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(JsonOf(first).at("version").as_int64(), 1);
  EXPECT_EQ(JsonOf(first).at("needs").as_array()[0].at("description").as_string(),
            "A safe place to sleep tonight");
  EXPECT_EQ(app().CountAudit("assessment.view"), views_before + 1);
  auto second = JsonOf(Call(app(), "GET", base_ + "/needs/2", token_));
  EXPECT_EQ(second.at("based_on").as_int64(), 1);
  EXPECT_EQ(second.at("needs").as_array()[0].at("description").as_string(), "Moved to a safehouse");
  auto risk = Call(app(), "GET", base_ + "/risk/1", token_);
  ASSERT_EQ(risk.status, 200) << risk.body;
  EXPECT_EQ(JsonOf(risk).at("overall").as_string(), "medium");

  auto missing = Call(app(), "GET", base_ + "/needs/3", token_);
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_THAT(missing.body, HasSubstr("There is no needs assessment with that number"));
  EXPECT_EQ(Call(app(), "GET", base_ + "/risk/2", token_).status, 404);
  for (std::string_view bad : {"two", "0", "-1", "1.5", "99999999999"}) {
    auto res = Call(app(), "GET", base_ + "/needs/" + std::string(bad), token_);
    EXPECT_EQ(res.status, 422) << bad << ": " << res.body;
    EXPECT_THAT(ErrorFields(res), Contains("version")) << bad;
    EXPECT_THAT(res.body, HasSubstr("The needs assessment's version must be a whole number"));
  }

  std::string colleague = UnassignedColleagueToken();
  auto refused = Call(app(), "GET", base_ + "/needs/1", colleague);
  EXPECT_THAT(refused.status, AnyOf(403, 404));
  EXPECT_THAT(refused.body, Not(HasSubstr("A safe place to sleep")));
  EXPECT_THAT(Call(app(), "GET", base_ + "/risk/1", colleague).body,
              Not(HasSubstr("thoughts of harming")));
  EXPECT_EQ(Call(app(), "GET", base_ + "/needs/1", IssueToken(app(), kOtherProvider)).status, 404);
}

TEST_F(AssessmentsApiTest, AnUnassignedColleagueIsRefused) {
  ASSERT_EQ(Call(app(), "POST", base_ + "/needs", token_, Needs(0)).status, 201);
  std::string colleague = UnassignedColleagueToken();
  auto read = Call(app(), "GET", base_, colleague);
  EXPECT_THAT(read.status, AnyOf(403, 404));
  EXPECT_THAT(read.body, Not(HasSubstr("A safe place to sleep")));
  EXPECT_THAT(Call(app(), "GET", base_ + "/needs", colleague).status, AnyOf(403, 404));
  EXPECT_THAT(Call(app(), "POST", base_ + "/needs", colleague, Needs(1)).status, AnyOf(403, 404));
  EXPECT_EQ(Call(app(), "GET", base_, IssueToken(app(), kOtherProvider)).status, 404);
  EXPECT_EQ(app().CountAudit("assessment.needs.record"), 1);
}

}  // namespace
}  // namespace waymark::api::testing
