// The features inside a case (contacts and the survivor's own account, consent and disclosures,
// the NRM, assessments, the plan, dependants, tasks) against docs/openapi.yaml: successes and
// problems from the running application with exactly the documented shape.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/roles.hpp"
#include "tests/api/openapi_fixture.hpp"

namespace waymark::api::testing {
namespace {

TEST_F(OpenApiTest, ContactResponsesHaveTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  std::string list = "/api/v1/cases/" + CreateAminaCase(app(), token) + "/contacts";
  std::string visit = R"({"contact_date": "2024-03-01", "contact_type": "visit",
                          "contact_with": "survivor", "interpreter_used": false,
                          "duration_minutes": 30, "notes": "Visit", "restricted": false})";
  auto created = Call(app(), "POST", list, token, visit);
  ASSERT_EQ(created.status, 201) << created.body;
  ExpectDocumented("POST", "/api/v1/cases/{id}/contacts", created);
  std::string one = list + "/" + std::string(JsonOf(created).at("id").as_string());
  const std::string_view kOne = "/api/v1/cases/{id}/contacts/{contact_id}";
  ExpectDocumented("GET", "/api/v1/cases/{id}/contacts", Call(app(), "GET", list, token));
  ExpectDocumented("PUT", kOne, Call(app(), "PUT", one, token, visit, {{"If-Match", "\"1\""}}));
  ExpectDocumented("GET", kOne, Call(app(), "GET", one, token));
  ExpectDocumented("PUT", kOne, Call(app(), "PUT", one, token, visit, {{"If-Match", "\"1\""}}));
  ExpectDocumented("PUT", kOne, Call(app(), "PUT", one, token, visit));
  ExpectDocumented("POST", "/api/v1/cases/{id}/contacts", Call(app(), "POST", list, token, "{}"));
  ExpectDocumented("GET", kOne, Call(app(), "GET", list + "/" + std::string(32, 'a'), token));
  const std::string_view kMark = "/api/v1/cases/{id}/contacts/{contact_id}/entered-in-error";
  ExpectDocumented("POST", kMark, Call(app(), "POST", one + "/entered-in-error", token, "{}"));
  ExpectDocumented("POST", kMark,
                   Call(app(), "POST", one + "/entered-in-error", token,
                        R"({"reason": "Wrong case", "version": 2})"));
  EXPECT_EQ(checked_, 10);
}

TEST_F(OpenApiTest, OwnAccountResponsesHaveTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  std::string case_id = CreateAminaCase(app(), token);
  std::string account = "/api/v1/cases/" + case_id + "/own-account";
  const std::string_view kAccount = "/api/v1/cases/{id}/own-account";
  ExpectDocumented("GET", kAccount, Call(app(), "GET", account, token));
  ExpectDocumented("PUT", kAccount,
                   Call(app(), "PUT", account, token, R"({"text": "In my words", "based_on": 0})"));
  ExpectDocumented("GET", kAccount, Call(app(), "GET", account, token));
  ExpectDocumented("PUT", kAccount,
                   Call(app(), "PUT", account, token, R"({"text": "Again", "based_on": 0})"));
  ExpectDocumented("PUT", kAccount, Call(app(), "PUT", account, token, R"({"text": "Again"})"));
  ExpectDocumented("PUT", kAccount,
                   Call(app(), "PUT", account, token, R"({"text": " ", "based_on": 1})"));
  ExpectDocumented("PUT", kAccount, Call(app(), "PUT", account, token, "{"));
  ExpectDocumented("GET", kAccount, Call(app(), "GET", account, IssueToken(app(), kOtherProvider)));
  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  std::string colleague = IssueToken(app(), kColleague);
  BreakGlassAsColleague(app(), case_id);
  ExpectDocumented("GET", kAccount, Call(app(), "GET", account, colleague));
  EXPECT_EQ(checked_, 9);
}

TEST_F(OpenApiTest, ConsentResponsesHaveTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  std::string base = "/api/v1/cases/" + CreateAminaCase(app(), token);
  const std::string_view kConsents = "/api/v1/cases/{id}/consents";
  const std::string_view kWithdraw = "/api/v1/cases/{id}/consents/{consent_id}/withdraw";
  const std::string_view kDisclosures = "/api/v1/cases/{id}/disclosures";
  auto created = Call(app(), "POST", base + "/consents", token,
                      R"({"purpose": "sharing", "recipient": "Lowtown Law Centre",
                          "decision": "given", "language": "eng", "interpreter_used": false,
                          "format": "written", "decided_on": "2024-03-01",
                          "expires_on": "2024-12-31"})");
  ASSERT_EQ(created.status, 201) << created.body;
  ExpectDocumented("POST", kConsents, created);
  std::string id(JsonOf(created).at("id").as_string());
  auto shared = Call(app(), "POST", base + "/disclosures", token,
                     R"({"recipient": "Lowtown Law Centre", "shared": "Her phone number",
                         "disclosed_on": "2024-03-02", "basis": "consent",
                         "consent_id": ")" +
                         id + R"("})");
  ExpectDocumented("POST", kDisclosures, shared);
  ExpectDocumented("GET", kDisclosures, Call(app(), "GET", base + "/disclosures", token));
  std::string withdraw = base + "/consents/" + id + "/withdraw";
  ExpectDocumented("POST", kWithdraw,
                   Call(app(), "POST", withdraw, token, R"({"withdrawn_on": "2024-03-04"})",
                        {{"If-Match", "\"1\""}}));
  ExpectDocumented("GET", kConsents, Call(app(), "GET", base + "/consents", token));
  ExpectDocumented("POST", kWithdraw,
                   Call(app(), "POST", withdraw, token, R"({"withdrawn_on": "2024-03-04"})",
                        {{"If-Match", "\"1\""}}));
  ExpectDocumented("POST", kWithdraw, Call(app(), "POST", withdraw, token, "{}"));
  ExpectDocumented("POST", kConsents, Call(app(), "POST", base + "/consents", token, "{}"));
  ExpectDocumented("POST", kDisclosures, Call(app(), "POST", base + "/disclosures", token, "{}"));
  ExpectDocumented(
      "GET", kConsents,
      Call(app(), "GET", "/api/v1/cases/" + std::string(32, 'a') + "/consents", token));
  EXPECT_EQ(checked_, 10);
}

TEST_F(OpenApiTest, NrmResponsesHaveTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  std::string base = "/api/v1/cases/" + CreateAminaCase(app(), token) + "/nrm";
  const std::string_view kEvents = "/api/v1/cases/{id}/nrm/events";
  const std::string_view kCorrection = "/api/v1/cases/{id}/nrm/events/{entry_id}/correction";
  auto sent = Call(app(), "POST", base + "/events", token,
                   R"({"event": "duty_to_notify_sent", "date": "2024-03-01",
                       "identifying_details_included": false, "expected_count": 0})");
  ASSERT_EQ(sent.status, 201) << sent.body;
  ExpectDocumented("POST", kEvents, sent);
  std::string correction =
      base + "/events/" + std::string(JsonOf(sent).at("id").as_string()) + "/correction";
  ExpectDocumented("POST", kCorrection,
                   Call(app(), "POST", correction, token,
                        R"({"event": "duty_to_notify_sent", "date": "2024-02-29",
                            "identifying_details_included": false, "note": "Leap day",
                            "expected_count": 1})"));
  ExpectDocumented("GET", "/api/v1/cases/{id}/nrm", Call(app(), "GET", base, token));
  ExpectDocumented("POST", kEvents,
                   Call(app(), "POST", base + "/events", token,
                        R"({"event": "referred", "date": "2024-03-02", "first_responder": "A",
                            "authority": "sca", "expected_count": 0})"));
  ExpectDocumented("POST", kEvents, Call(app(), "POST", base + "/events", token, "{}"));
  ExpectDocumented(
      "POST", kEvents,
      Call(app(), "POST", base + "/events", token, R"({"event": "exited", "date": "2024-03-02"})"));
  ExpectDocumented("POST", kCorrection, Call(app(), "POST", correction, token, "[]"));
  EXPECT_EQ(checked_, 7);
}

TEST_F(OpenApiTest, AssessmentResponsesHaveTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  std::string base = "/api/v1/cases/" + CreateAminaCase(app(), token) + "/assessments";
  const std::string_view kNeeds = "/api/v1/cases/{id}/assessments/needs";
  const std::string_view kRisk = "/api/v1/cases/{id}/assessments/risk";
  const std::string_view kCurrent = "/api/v1/cases/{id}/assessments";
  ExpectDocumented("GET", kCurrent, Call(app(), "GET", base, token));
  std::string needs = R"({"kind": "full", "mode": "in_person", "assessed_on": "2024-03-01",
      "needs": [{"domain": "safety", "time_frame": "short_term", "description": "Phone",
                 "met": true}], "strengths": "Speaks three languages", "based_on": 0})";
  ExpectDocumented("POST", kNeeds, Call(app(), "POST", base + "/needs", token, needs));
  std::string risk = LowRiskJson();
  ExpectDocumented("POST", kRisk, Call(app(), "POST", base + "/risk", token, risk));
  ExpectDocumented("GET", kCurrent, Call(app(), "GET", base, token));
  ExpectDocumented("GET", kNeeds, Call(app(), "GET", base + "/needs", token));
  ExpectDocumented("GET", kRisk, Call(app(), "GET", base + "/risk", token));
  ExpectDocumented("POST", kNeeds, Call(app(), "POST", base + "/needs", token, needs));
  ExpectDocumented("POST", kRisk, Call(app(), "POST", base + "/risk", token, R"({"risks": 1})"));
  ExpectDocumented("POST", kRisk, Call(app(), "POST", base + "/risk", token, "{}"));
  const std::string_view kNeedsVersion = "/api/v1/cases/{id}/assessments/needs/{version}";
  const std::string_view kRiskVersion = "/api/v1/cases/{id}/assessments/risk/{version}";
  ExpectDocumented("GET", kNeedsVersion, Call(app(), "GET", base + "/needs/1", token));
  ExpectDocumented("GET", kNeedsVersion, Call(app(), "GET", base + "/needs/9", token));
  ExpectDocumented("GET", kNeedsVersion, Call(app(), "GET", base + "/needs/first", token));
  ExpectDocumented("GET", kRiskVersion, Call(app(), "GET", base + "/risk/1", token));
  EXPECT_EQ(checked_, 13);
}

TEST_F(OpenApiTest, PlanResponsesHaveTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  std::string plan = "/api/v1/cases/" + CreateAminaCase(app(), token) + "/plan";
  const std::string_view kPlan = "/api/v1/cases/{id}/plan";
  ExpectDocumented("GET", kPlan, Call(app(), "GET", plan, token));
  ExpectDocumented("POST", kPlan, Call(app(), "POST", plan, token));
  ExpectDocumented("POST", kPlan, Call(app(), "POST", plan, token));
  std::string goal = R"({"text": "Health", "domains": ["physical_health"], "actions": [
      {"text": "Register with a GP", "owner": "Amina", "due_on": "2024-03-20",
       "status": "not_started"}]})";
  ExpectDocumented("POST", "/api/v1/cases/{id}/plan/goals",
                   Call(app(), "POST", plan + "/goals", token, goal, {{"If-Match", "\"1\""}}));
  ExpectDocumented("PUT", "/api/v1/cases/{id}/plan/goals/{goal}",
                   Call(app(), "PUT", plan + "/goals/0", token, goal, {{"If-Match", "\"1\""}}));
  ExpectDocumented("PUT", "/api/v1/cases/{id}/plan/evidence",
                   Call(app(), "PUT", plan + "/evidence", token,
                        R"({"points": [{"point": 5, "text": "Told", "language": "sqi",
                            "format": "easy_read"}], "revision": 2})"));
  ExpectDocumented("PUT", "/api/v1/cases/{id}/plan/review-date",
                   Call(app(), "PUT", plan + "/review-date", token,
                        R"({"review_on": "2024-06-01", "revision": 3})"));
  auto current = Call(app(), "GET", plan, token);
  ExpectDocumented("GET", kPlan, current);
  auto versions = Call(app(), "GET", plan + "/versions", token);
  ExpectDocumented("GET", "/api/v1/cases/{id}/plan/versions", versions);
  // The list carries the documented ETag: the plan's current revision.
  EXPECT_NE(versions.Header("ETag"), "");
  EXPECT_EQ(versions.Header("ETag"), current.Header("ETag"));
  ExpectDocumented("POST", "/api/v1/cases/{id}/plan/agree",
                   Call(app(), "POST", plan + "/agree", token, R"({"revision": 4})"));
  ExpectDocumented("POST", "/api/v1/cases/{id}/plan/approve",
                   Call(app(), "POST", plan + "/approve", token, R"({"revision": 4})"));
  ExpectDocumented("POST", "/api/v1/cases/{id}/plan/revise",
                   Call(app(), "POST", plan + "/revise", token, "{}"));
  EXPECT_EQ(checked_, 12);
}

TEST_F(OpenApiTest, PlanGoalRemovalAndVersionResponsesHaveTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  std::string plan = "/api/v1/cases/" + CreateAminaCase(app(), token) + "/plan";
  ASSERT_EQ(Call(app(), "POST", plan, token).status, 201);
  auto added = Call(app(), "POST", plan + "/goals", token,
                    R"({"text": "Health", "domains": ["physical_health"], "actions": [],
                        "revision": 1})");
  ASSERT_EQ(added.status, 200) << added.body;
  const std::string_view kGoal = "/api/v1/cases/{id}/plan/goals/{goal}";
  const std::string_view kVersion = "/api/v1/cases/{id}/plan/versions/{version}";
  std::string goal = plan + "/goals/0";
  ExpectDocumented("DELETE", kGoal, Call(app(), "DELETE", goal, token, "", {{"If-Match", "1"}}));
  ExpectDocumented("DELETE", kGoal, Call(app(), "DELETE", goal, token));
  ExpectDocumented("DELETE", kGoal, Call(app(), "DELETE", goal, token, "{"));
  ExpectDocumented("DELETE", kGoal, Call(app(), "DELETE", goal, token, R"({"revision": "2"})"));
  ExpectDocumented("DELETE", kGoal, Call(app(), "DELETE", goal, token, "", {{"If-Match", "2"}}));
  ExpectDocumented("DELETE", kGoal, Call(app(), "DELETE", goal, token, R"({"revision": 3})"));
  ExpectDocumented("GET", kVersion, Call(app(), "GET", plan + "/versions/1", token));
  ExpectDocumented("GET", kVersion, Call(app(), "GET", plan + "/versions/2", token));
  ExpectDocumented("GET", kVersion, Call(app(), "GET", plan + "/versions/first", token));
  EXPECT_EQ(checked_, 9);
}

TEST_F(OpenApiTest, DependantResponsesHaveTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  std::string list = "/api/v1/cases/" + CreateAminaCase(app(), token) + "/dependants";
  const std::string_view kList = "/api/v1/cases/{id}/dependants";
  const std::string_view kOne = "/api/v1/cases/{id}/dependants/{dependant_id}";
  std::string partner = R"({"name": "Besnik", "relationship": "partner", "estimated_age": 30,
                            "whereabouts": "overseas"})";
  auto added = Call(app(), "POST", list, token, partner);
  ASSERT_EQ(added.status, 201) << added.body;
  ExpectDocumented("POST", kList, added);
  std::string one = list + "/" + std::string(JsonOf(added).at("id").as_string());
  ExpectDocumented("PUT", kOne, Call(app(), "PUT", one, token, partner, {{"If-Match", "\"1\""}}));
  ExpectDocumented("GET", kOne, Call(app(), "GET", one, token));
  ExpectDocumented("PUT", kOne, Call(app(), "PUT", one, token, partner, {{"If-Match", "\"1\""}}));
  ExpectDocumented("POST", "/api/v1/cases/{id}/dependants/{dependant_id}/removal",
                   Call(app(), "POST", one + "/removal", token,
                        R"({"removed_on": "2024-03-02", "reason": "Separated", "version": 2})"));
  ExpectDocumented("GET", kList, Call(app(), "GET", list, token));
  ExpectDocumented("POST", kList, Call(app(), "POST", list, token, "{}"));
  ExpectDocumented("PUT", kOne, Call(app(), "PUT", one, token, partner));
  EXPECT_EQ(checked_, 8);
}

TEST_F(OpenApiTest, TaskResponsesHaveTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  std::string tasks = "/api/v1/cases/" + CreateAminaCase(app(), token) + "/tasks";
  const std::string_view kTasks = "/api/v1/cases/{id}/tasks";
  const std::string_view kDone = "/api/v1/cases/{id}/tasks/{task_id}/done";
  auto added = Call(app(), "POST", tasks, token,
                    R"({"title": "Ring the solicitor", "due_on": "2024-03-05",
                        "assigned_to": ")" +
                        app().UserId(kWorker) + R"("})");
  ASSERT_EQ(added.status, 201) << added.body;
  ExpectDocumented("POST", kTasks, added);
  ExpectDocumented("GET", kTasks, Call(app(), "GET", tasks, token));
  ExpectDocumented("GET", "/api/v1/tasks", Call(app(), "GET", "/api/v1/tasks", token));
  std::string done = tasks + "/" + std::string(JsonOf(added).at("task_id").as_string()) + "/done";
  ExpectDocumented("POST", kDone, Call(app(), "POST", done, token, R"({"version": 5})"));
  ExpectDocumented("POST", kDone, Call(app(), "POST", done, token, "{}"));
  ExpectDocumented("POST", kTasks, Call(app(), "POST", tasks, token, "{}"));
  ExpectDocumented("GET", "/api/v1/tasks", Call(app(), "GET", "/api/v1/tasks", ""));
  EXPECT_EQ(Call(app(), "POST", done, token, R"({"version": 1})").status, 204);
  EXPECT_EQ(checked_, 7);
}

TEST_F(OpenApiTest, TeamTaskResponsesHaveTheDocumentedShape) {
  std::string worker = IssueToken(app(), kWorker);
  std::string tasks = "/api/v1/cases/" + CreateAminaCase(app(), worker) + "/tasks";
  ASSERT_EQ(Call(app(), "POST", tasks, worker,
                 R"({"title": "Ring the solicitor", "due_on": "2024-03-05", "assigned_to": ")" +
                     app().UserId(kWorker) + R"("})")
                .status,
            201);
  std::string manager = IssueToken(app(), kManager);
  const std::string_view kTeam = "/api/v1/tasks/team";
  ExpectDocumented("GET", kTeam, Call(app(), "GET", "/api/v1/tasks/team", manager));
  ExpectDocumented(
      "GET", kTeam,
      Call(app(), "GET", "/api/v1/tasks/team?worker=" + app().UserId(kWorker), manager));
  ExpectDocumented("GET", kTeam, Call(app(), "GET", "/api/v1/tasks/team?worker=jo", manager));
  ExpectDocumented("GET", kTeam, Call(app(), "GET", "/api/v1/tasks/team", worker));
  ExpectDocumented("GET", kTeam, Call(app(), "GET", "/api/v1/tasks/team", ""));
  EXPECT_EQ(checked_, 5);
}

TEST_F(OpenApiTest, CaseTeamResponsesHaveTheDocumentedShape) {
  std::string worker = IssueToken(app(), kWorker);
  std::string manager = IssueToken(app(), kManager);
  std::string one = "/api/v1/cases/" + CreateAminaCase(app(), worker);
  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  std::string colleague = R"({"user_id": ")" + app().UserId(kColleague) + R"("})";
  const std::string_view kWorkers = "/api/v1/cases/{id}/workers";
  const std::string_view kWorkerOne = "/api/v1/cases/{id}/workers/{user_id}";
  const std::string_view kClose = "/api/v1/cases/{id}/close";
  ExpectDocumented("GET", kWorkers, Call(app(), "GET", one + "/workers", worker));
  ExpectDocumented("POST", kWorkers, Call(app(), "POST", one + "/workers", manager, colleague));
  ExpectDocumented("POST", kWorkers, Call(app(), "POST", one + "/workers", manager, colleague));
  ExpectDocumented("POST", kWorkers, Call(app(), "POST", one + "/workers", worker, colleague));
  ExpectDocumented("DELETE", kWorkerOne,
                   Call(app(), "DELETE", one + "/workers/" + app().UserId(kColleague), manager));
  ExpectDocumented("DELETE", kWorkerOne,
                   Call(app(), "DELETE", one + "/workers/" + app().UserId(kColleague), manager));
  ExpectDocumented("POST", kClose,
                   Call(app(), "POST", one + "/close", worker, R"({"closure_reason": "x"})"));
  ExpectDocumented("POST", kClose,
                   Call(app(), "POST", one + "/close", worker,
                        R"({"closure_reason": "support_completed", "version": 1})"));
  ExpectDocumented("POST", kClose,
                   Call(app(), "POST", one + "/close", worker,
                        R"({"closure_reason": "support_completed", "version": 1})"));
  EXPECT_EQ(checked_, 9);
}

}  // namespace
}  // namespace waymark::api::testing
