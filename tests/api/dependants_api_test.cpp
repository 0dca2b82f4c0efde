// Dependants through the JSON API: added, read with versions, changed (the old version kept)
// and recorded as no longer a dependant; the rules' errors under the JSON names; a stale change
// refused; an unassigned colleague refused.
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
boost::json::object Daughter() {
  return boost::json::object{{"name", "Lira"},
                             {"relationship", "child"},
                             {"date_of_birth", "2019-05-02"},
                             {"whereabouts", "with_survivor"},
                             {"needs", "A nursery place"},
                             {"risks", ""},
                             {"school", "Lowtown Nursery"},
                             {"children_services_know", "yes"},
                             {"local_authority", "Lowtown Council"}};
}

class DependantsApiTest : public CaseApiTest {
 protected:
  void SetUp() override {
    CaseApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    list_ = "/api/v1/cases/" + case_id_ + "/dependants";
  }

  std::string Add() {
    auto res = Call(app(), "POST", list_, token_, boost::json::serialize(Daughter()));
    EXPECT_EQ(res.status, 201) << res.body;
    if (res.status != 201) return "";
    return std::string(JsonOf(res).at("id").as_string());
  }

  std::string list_;
};

TEST_F(DependantsApiTest, ADependantIsAddedChangedAndRecordedAsNoLongerADependant) {
  auto added = Call(app(), "POST", list_, token_, boost::json::serialize(Daughter()));
  ASSERT_EQ(added.status, 201) << added.body;
  std::string id(JsonOf(added).at("id").as_string());
  EXPECT_EQ(added.Header("Location"), list_ + "/" + id);
  EXPECT_EQ(JsonOf(added).at("date_of_birth").as_string(), "2019-05-02");
  EXPECT_EQ(app().CountAudit("dependant.add"), 1);

  auto changed = Daughter();
  changed["school"] = "Lowtown Primary";
  auto saved = Call(app(), "PUT", list_ + "/" + id, token_, boost::json::serialize(changed),
                    {{"If-Match", "\"1\""}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Header("ETag"), "\"2\"");
  auto one = Call(app(), "GET", list_ + "/" + id, token_);
  ASSERT_EQ(one.status, 200) << one.body;
  auto versions = JsonOf(one).at("versions").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1].at("school").as_string(), "Lowtown Nursery");

  auto removed = Call(app(), "POST", list_ + "/" + id + "/removal", token_,
                      R"({"removed_on": "2024-03-01", "reason": "Lives with her father now",
                          "version": 2})");
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(JsonOf(removed).at("removed_on").as_string(), "2024-03-01");
  auto list = JsonOf(Call(app(), "GET", list_, token_));
  EXPECT_TRUE(list.at("current").as_array().empty());
  ASSERT_EQ(list.at("former").as_array().size(), 1u);
}

TEST_F(DependantsApiTest, InvalidDependantsAre422WithTheJsonNamesAndAddNothing) {
  auto typed = Call(app(), "POST", list_, token_,
                    R"({"name": "Lira", "estimated_age": "five", "date_of_birth": "2/5/2019",
                        "colour": "green"})");
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_THAT(ErrorFields(typed), Contains("estimated_age"));
  EXPECT_THAT(ErrorFields(typed), Contains("date_of_birth"));
  EXPECT_THAT(ErrorFields(typed), Contains("colour"));

  // A child: whether children's services know is required; a date of birth in the future.
  auto child = Daughter();
  child["date_of_birth"] = "2030-01-01";
  child.erase("children_services_know");
  child["relationship"] = "cousin";
  auto rules = Call(app(), "POST", list_, token_, boost::json::serialize(child));
  EXPECT_EQ(rules.status, 422) << rules.body;
  EXPECT_THAT(ErrorFields(rules), Contains("date_of_birth"));
  EXPECT_THAT(ErrorFields(rules), Contains("relationship"));
  EXPECT_THAT(ErrorFields(rules), Not(Contains("dob")));
  EXPECT_THAT(rules.body, HasSubstr("Date of birth must be today or in the past"));

  EXPECT_EQ(app().CountAudit("dependant.add"), 0);
  EXPECT_TRUE(JsonOf(Call(app(), "GET", list_, token_)).at("current").as_array().empty());
}

TEST_F(DependantsApiTest, AChangeFromAStaleVersionIsRefusedWith409) {
  std::string id = Add();
  ASSERT_FALSE(id.empty());
  std::string one = list_ + "/" + id;
  auto changed = Daughter();
  changed["needs"] = "A nursery place and a GP";
  EXPECT_EQ(Call(app(), "PUT", one, token_, boost::json::serialize(changed)).status, 428);
  changed["version"] = 1;
  ASSERT_EQ(Call(app(), "PUT", one, token_, boost::json::serialize(changed)).status, 200);
  changed["needs"] = "Overwritten?";
  auto stale = Call(app(), "PUT", one, token_, boost::json::serialize(changed));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.body, HasSubstr("Someone else changed this dependant"));
  EXPECT_EQ(JsonOf(Call(app(), "GET", one, token_)).at("dependant").at("needs").as_string(),
            "A nursery place and a GP");
}

TEST_F(DependantsApiTest, AnUnassignedColleagueIsRefused) {
  std::string id = Add();
  ASSERT_FALSE(id.empty());
  std::string colleague = UnassignedColleagueToken();
  auto list = Call(app(), "GET", list_, colleague);
  EXPECT_THAT(list.status, AnyOf(403, 404));
  EXPECT_THAT(list.body, Not(HasSubstr("Lira")));
  auto one = Call(app(), "GET", list_ + "/" + id, colleague);
  EXPECT_THAT(one.status, AnyOf(403, 404));
  EXPECT_THAT(one.body, Not(HasSubstr("Lira")));
  auto change = Daughter();
  change["version"] = 1;
  EXPECT_THAT(
      Call(app(), "PUT", list_ + "/" + id, colleague, boost::json::serialize(change)).status,
      AnyOf(403, 404));
  EXPECT_EQ(Call(app(), "GET", list_, IssueToken(app(), kOtherProvider)).status, 404);
  EXPECT_EQ(app().CountAudit("dependant.change"), 0);
}

}  // namespace
}  // namespace waymark::api::testing
