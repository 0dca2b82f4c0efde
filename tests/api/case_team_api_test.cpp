// Who works on a case, and closing it, through the JSON API: a service manager assigns and
// unassigns a colleague (who then reads the case, then does not); a support worker may not
// allocate; an unknown or repeated choice is named under user_id; closing needs a known reason
// and the version it started from (stale: 409, absent: 428), and a closed case refuses changes.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/api/api_fixture.hpp"

namespace waymark::api::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class CaseTeamApiTest : public CaseApiTest {
 protected:
  std::string Path(std::string_view tail) {
    return "/api/v1/cases/" + case_id_ + std::string(tail);
  }

  // The assigned workers' user ids, as the API lists them.
  std::vector<std::string> WorkerIds(const RawResponse& res) {
    std::vector<std::string> out;
    auto body = JsonOf(res);
    if (!body.is_object()) return out;
    for (const auto& item : body.at("items").as_array()) {
      out.emplace_back(item.at("user_id").as_string());
    }
    return out;
  }
};

TEST_F(CaseTeamApiTest, AManagerAssignsAndUnassignsAColleague) {
  std::string colleague = UnassignedColleagueToken();
  std::string colleague_id = app().UserId(kColleague);
  std::string manager = IssueToken(app(), kManager);
  int64_t views = app().CountAudit("case.view");
  auto before = Call(app(), "GET", Path("/workers"), token_);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_THAT(WorkerIds(before), ElementsAre(app().UserId(kWorker)));
  EXPECT_EQ(app().CountAudit("case.view"), views + 1);  // reading the team reads the case
  EXPECT_EQ(Call(app(), "GET", Path("/workers"), colleague).status, 403);
  EXPECT_EQ(Call(app(), "GET", "/api/v1/cases/" + case_id_, colleague).status, 403);

  auto assigned =
      Call(app(), "POST", Path("/workers"), manager, R"({"user_id": ")" + colleague_id + R"("})");
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_THAT(WorkerIds(assigned), ElementsAre(app().UserId(kWorker), colleague_id));
  EXPECT_EQ(Call(app(), "GET", "/api/v1/cases/" + case_id_, colleague).status, 200);
  EXPECT_EQ(app().CountAudit("case.assign"), 1);

  // The same person again, someone unknown, or nobody: named under user_id, nothing changes.
  for (const std::string& body :
       {R"({"user_id": ")" + colleague_id + R"("})",
        R"({"user_id": ")" + std::string(32, 'a') + R"("})", std::string(R"({})")}) {
    auto refused = Call(app(), "POST", Path("/workers"), manager, body);
    EXPECT_EQ(refused.status, 422) << body << ": " << refused.body;
    EXPECT_THAT(ErrorFields(refused), Contains("user_id")) << body;
  }
  EXPECT_EQ(app().CountAudit("case.assign"), 1);

  auto removed = Call(app(), "DELETE", Path("/workers/" + colleague_id), manager);
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_EQ(Call(app(), "GET", "/api/v1/cases/" + case_id_, colleague).status, 403);
  auto again = Call(app(), "DELETE", Path("/workers/" + colleague_id), manager);
  EXPECT_EQ(again.status, 422);
  EXPECT_THAT(again.body, HasSubstr("not assigned"));
}

TEST_F(CaseTeamApiTest, ASupportWorkerMayNotAllocateAndAnotherProviderFindsNothing) {
  UnassignedColleagueToken();
  std::string colleague_id = app().UserId(kColleague);
  auto refused =
      Call(app(), "POST", Path("/workers"), token_, R"({"user_id": ")" + colleague_id + R"("})");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(app().CountAudit("permission.denied", refused.Header("X-Request-Id")), 1);
  EXPECT_EQ(Call(app(), "DELETE", Path("/workers/" + app().UserId(kWorker)), token_).status, 403);
  EXPECT_EQ(app().CountAudit("case.assign"), 0);
  EXPECT_EQ(app().CountAudit("case.unassign"), 0);

  std::string other = IssueToken(app(), kOtherProvider);
  auto workers = Call(app(), "GET", Path("/workers"), other);
  EXPECT_EQ(workers.status, 404);
  EXPECT_EQ(Call(app(), "POST", Path("/close"), other,
                 R"({"closure_reason": "support_completed", "version": 1})")
                .status,
            404);
}

TEST_F(CaseTeamApiTest, ClosingNeedsAKnownReasonAndTheCurrentVersion) {
  auto no_version =
      Call(app(), "POST", Path("/close"), token_, R"({"closure_reason": "support_completed"})");
  EXPECT_EQ(no_version.status, 428);
  auto unknown =
      Call(app(), "POST", Path("/close"), token_, R"({"closure_reason": "bored", "version": 1})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_THAT(ErrorFields(unknown), Contains("closure_reason"));
  auto stale = Call(app(), "POST", Path("/close"), token_,
                    R"({"closure_reason": "support_completed", "version": 7})");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(app().CountAudit("case.close"), 0);

  auto closed = Call(app(), "POST", Path("/close"), token_,
                     R"({"closure_reason": "support_completed"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  auto body = JsonOf(closed);
  EXPECT_EQ(body.at("status").as_string(), "closed");
  EXPECT_EQ(body.at("closure_reason").as_string(), "support_completed");
  EXPECT_EQ(closed.Header("ETag"), "\"2\"");
  EXPECT_EQ(app().CountAudit("case.close"), 1);

  auto twice = Call(app(), "POST", Path("/close"), token_,
                    R"({"closure_reason": "support_completed", "version": 2})");
  EXPECT_EQ(twice.status, 409);
  auto change =
      Call(app(), "PUT", "/api/v1/cases/" + case_id_, token_, AminaJson(), {{"If-Match", "\"2\""}});
  EXPECT_EQ(change.status, 409) << change.body;
}

}  // namespace
}  // namespace waymark::api::testing
