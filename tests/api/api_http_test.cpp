// The JSON API over real HTTP: tokens issued and revoked on the account pages, bearer
// authentication (no token, a wrong one, a session cookie instead), a worker's case through the
// API and who else may read it, stale changes, validation errors as problem+json, and the
// search by POST (a name never goes in a URL).
#include <regex>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/api/api_fixture.hpp"

namespace waymark::api::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class ApiHttpTest : public app::testing::AppTest {
 protected:
  // Opens Amina's case as the support worker through the API; returns its id.
  std::string CreateAmina(const std::string& token) {
    auto res = Call(app(), "POST", "/api/v1/cases", token, AminaJson());
    EXPECT_EQ(res.status, 201) << res.body;
    auto body = JsonOf(res);
    if (!body.is_object()) return "";
    std::string id(body.at("id").as_string());
    EXPECT_EQ(res.Header("Location"), "/api/v1/cases/" + id);
    return id;
  }
};

std::string Match(const std::string& text, const std::string& pattern) {
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(pattern))) return "";
  return match[1];
}

TEST_F(ApiHttpTest, APersonIssuesAndRevokesATokenOnTheAccountPages) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  app().clock().Advance(std::chrono::seconds(30));  // sign-in used this step's code
  auto account = worker.Get("/account");
  ASSERT_EQ(account.status, 200);
  EXPECT_THAT(account.body, HasSubstr("/account/tokens"));
  ASSERT_EQ(worker.Get("/account/tokens/new").status, 200);

  // Without the security code nothing is issued, and the other answers are kept.
  auto no_code = worker.Post(
      "/account/tokens/new",
      {{"csrf_token", worker.csrf()}, {"name", "Monthly report"}, {"expires_in_days", "14"}});
  EXPECT_EQ(no_code.status, 400);
  EXPECT_THAT(no_code.body, HasSubstr("Enter the security code"));
  EXPECT_THAT(no_code.body, HasSubstr("Monthly report"));
  auto too_long = worker.Post("/account/tokens/new", {{"csrf_token", worker.csrf()},
                                                      {"name", "Monthly report"},
                                                      {"expires_in_days", "91"},
                                                      {"code", app().TotpCode(kWorker)}});
  EXPECT_EQ(too_long.status, 400);
  EXPECT_THAT(too_long.body, HasSubstr("between 1 and 90"));
  EXPECT_EQ(app().CountAudit("api_token.issue"), 0);

  auto issued = worker.Post("/account/tokens/new", {{"csrf_token", worker.csrf()},
                                                    {"name", "Monthly report"},
                                                    {"expires_in_days", "14"},
                                                    {"code", app().TotpCode(kWorker)}});
  ASSERT_EQ(issued.status, 200) << issued.body;
  std::string token = Match(issued.body, "id=\"api-token\">(wm_[A-Za-z0-9_-]{43})<");
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(app().CountAudit("api_token.issue"), 1);
  EXPECT_EQ(Call(app(), "GET", "/api/v1/cases", token).status, 200);

  auto list = worker.Get("/account/tokens");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("Monthly report"));
  EXPECT_THAT(list.body, Not(HasSubstr(token)));  // shown once only
  std::string revoke = Match(list.body, "action=\"(/account/tokens/[0-9a-f]{32}/revoke)\"");
  ASSERT_FALSE(revoke.empty());
  // Revoking is a form like any other: no CSRF token, no change.
  EXPECT_EQ(worker.Post(revoke, {}).status, 403);
  EXPECT_EQ(Call(app(), "GET", "/api/v1/cases", token).status, 200);
  auto revoked = worker.Post(revoke, {{"csrf_token", worker.csrf()}});
  ASSERT_EQ(revoked.status, 303);
  EXPECT_EQ(revoked.Header("Location"), "/account/tokens?revoked=1");
  EXPECT_EQ(app().CountAudit("api_token.revoke"), 1);
  auto refused = Call(app(), "GET", "/api/v1/cases", token);
  EXPECT_EQ(refused.status, 401);
  EXPECT_THAT(refused.body, HasSubstr("expired or been revoked"));
}

TEST_F(ApiHttpTest, WithoutAValidBearerTokenTheApiAnswers401) {
  auto none = Call(app(), "GET", "/api/v1/cases", "");
  EXPECT_EQ(none.status, 401);
  EXPECT_THAT(none.Header("WWW-Authenticate"), StartsWith("Bearer"));
  EXPECT_THAT(none.Header("Content-Type"), StartsWith("application/problem+json"));
  EXPECT_EQ(JsonOf(none).at("status").as_int64(), 401);

  auto wrong = Call(app(), "GET", "/api/v1/cases", "wm_" + std::string(43, 'x'));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_THAT(wrong.Header("WWW-Authenticate"), HasSubstr("invalid_token"));
  EXPECT_EQ(app().CountAudit("api_token.authenticate"), 1);

  // A signed-in browser's cookie is not a token: the API never reads cookies.
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  auto cookie_only = worker.Get("/api/v1/cases");
  EXPECT_EQ(cookie_only.status, 401);
}

TEST_F(ApiHttpTest, AWorkerReadsTheirCaseAndOthersDoNot) {
  std::string token = IssueToken(app(), kWorker);
  std::string id = CreateAmina(token);
  ASSERT_FALSE(id.empty());

  auto read = Call(app(), "GET", "/api/v1/cases/" + id, token);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Header("Cache-Control"), "no-store");
  EXPECT_THAT(read.Header("Content-Type"), StartsWith("application/json"));
  EXPECT_EQ(read.Header("ETag"), "\"1\"");
  auto body = JsonOf(read);
  EXPECT_EQ(body.at("family_name").as_string(), "Zorbalova");
  EXPECT_EQ(body.at("date_of_birth").as_string(), "1994-07-14");
  EXPECT_EQ(body.at("interpreter_needed").as_bool(), true);
  EXPECT_GE(app().CountAudit("case.view"), 1);

  auto list = JsonOf(Call(app(), "GET", "/api/v1/cases", token));
  EXPECT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").as_array().at(0).at("id").as_string(), id);

  // The manager of the same provider sees it too.
  EXPECT_EQ(Call(app(), "GET", "/api/v1/cases/" + id, IssueToken(app(), kManager)).status, 200);

  // An unassigned colleague is refused (as on the pages), another provider gets "not found".
  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  auto colleague = Call(app(), "GET", "/api/v1/cases/" + id, IssueToken(app(), kColleague));
  EXPECT_THAT(colleague.status, ::testing::AnyOf(403, 404));
  EXPECT_THAT(colleague.body, Not(HasSubstr("Zorbalova")));
  EXPECT_THAT(colleague.Header("Content-Type"), StartsWith("application/problem+json"));
  auto other = Call(app(), "GET", "/api/v1/cases/" + id, IssueToken(app(), kOtherProvider));
  EXPECT_EQ(other.status, 404);
  EXPECT_THAT(other.body, Not(HasSubstr("Zorbalova")));

  // A role without the case area at all is stopped by the route's action, and it is audited.
  auto analyst = Call(app(), "GET", "/api/v1/cases/" + id, IssueToken(app(), kAnalyst));
  EXPECT_EQ(analyst.status, 403);
  EXPECT_EQ(app().CountAudit("permission.denied", analyst.Header("X-Request-Id")), 1);
}

TEST_F(ApiHttpTest, TheListFiltersByNrmStageAndRiskLevel) {
  std::string token = IssueToken(app(), kWorker);
  std::string id = CreateAmina(token);
  ASSERT_FALSE(id.empty());
  auto total = [&](const std::string& query) {
    auto res = Call(app(), "GET", "/api/v1/cases?" + query, token);
    EXPECT_EQ(res.status, 200) << query << ": " << res.body;
    auto body = JsonOf(res);
    return body.is_object() ? body.at("total").as_int64() : -1;
  };
  EXPECT_EQ(total("nrm_stage=not_referred&risk_level=not_assessed"), 1);
  EXPECT_EQ(total("nrm_stage=rg_pending"), 0);
  EXPECT_EQ(total("risk_level=low"), 0);

  std::string risk = LowRiskJson();
  auto recorded = Call(app(), "POST", "/api/v1/cases/" + id + "/assessments/risk", token, risk);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(total("risk_level=low"), 1);
  EXPECT_EQ(total("risk_level=not_assessed"), 0);
  EXPECT_EQ(total("risk_level=high&nrm_stage=not_referred"), 0);

  // A stage or level that is not a code is named, with the codes to use, and lists nothing.
  auto wrong = Call(app(), "GET", "/api/v1/cases?nrm_stage=referred&risk_level=Low", token);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_THAT(ErrorFields(wrong), Contains("nrm_stage"));
  EXPECT_THAT(ErrorFields(wrong), Contains("risk_level"));
  EXPECT_THAT(wrong.body, HasSubstr("rg_pending"));
  EXPECT_THAT(wrong.body, HasSubstr("not_assessed"));
  EXPECT_THAT(wrong.body, Not(HasSubstr(id)));
}

TEST_F(ApiHttpTest, AChangeFromAStaleVersionIsRefusedWith409) {
  std::string token = IssueToken(app(), kWorker);
  std::string id = CreateAmina(token);
  ASSERT_FALSE(id.empty());
  std::string path = "/api/v1/cases/" + id;
  auto changed = boost::json::parse(AminaJson()).as_object();
  changed["phone"] = "07700 900456";
  std::string body = boost::json::serialize(changed);

  auto missing = Call(app(), "PUT", path, token, body);
  EXPECT_EQ(missing.status, 428);
  auto first = Call(app(), "PUT", path, token, body, {{"If-Match", "\"1\""}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(JsonOf(first).at("version").as_int64(), 2);
  EXPECT_EQ(first.Header("ETag"), "\"2\"");

  changed["phone"] = "07700 900789";
  auto stale =
      Call(app(), "PUT", path, token, boost::json::serialize(changed), {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.Header("Content-Type"), StartsWith("application/problem+json"));
  EXPECT_THAT(std::string(JsonOf(stale).at("detail").as_string()),
              HasSubstr("Someone else changed this case"));
  changed["version"] = 1;  // the same, as a property
  EXPECT_EQ(Call(app(), "PUT", path, token, boost::json::serialize(changed)).status, 409);
  auto now = JsonOf(Call(app(), "GET", path, token));
  EXPECT_EQ(now.at("phone").as_string(), "07700 900456");
  EXPECT_EQ(now.at("version").as_int64(), 2);
}

TEST_F(ApiHttpTest, InvalidInputIsProblemJsonWithFieldNamesAndChangesNothing) {
  std::string token = IssueToken(app(), kWorker);
  int64_t created = app().CountAudit("case.create");

  auto typed = Call(app(), "POST", "/api/v1/cases", token,
                    R"({"given_names": 5, "famly_name": "Zorbalova", "nationalities": "AL"})");
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_THAT(typed.Header("Content-Type"), StartsWith("application/problem+json"));
  auto fields = ErrorFields(typed);
  EXPECT_THAT(fields, Contains("given_names"));
  EXPECT_THAT(fields, Contains("famly_name"));
  EXPECT_THAT(fields, Contains("nationalities"));

  // The service's own rules, with the pages' messages, under the API's property names.
  auto rules = Call(app(), "POST", "/api/v1/cases", token,
                    R"({"date_of_birth": "2999-01-01",
                        "safe_contact_method": "carrier_pigeon"})");
  EXPECT_EQ(rules.status, 422) << rules.body;
  fields = ErrorFields(rules);
  EXPECT_THAT(fields, Contains("given_names"));
  EXPECT_THAT(fields, Contains("date_of_birth"));
  EXPECT_THAT(fields, Contains("safe_contact_method"));
  EXPECT_THAT(fields, Not(Contains("dob")));
  EXPECT_THAT(rules.body, HasSubstr("Date of birth must be in the past"));
  EXPECT_THAT(rules.body, HasSubstr("Enter a given name or a family name"));

  auto shape = Call(app(), "POST", "/api/v1/cases", token, R"({"date_of_birth": "14/07/1994"})");
  EXPECT_THAT(ErrorFields(shape), Contains("date_of_birth"));
  EXPECT_EQ(Call(app(), "POST", "/api/v1/cases", token, "{not json").status, 400);
  EXPECT_EQ(Call(app(), "POST", "/api/v1/cases", token, "[1, 2]").status, 400);
  Browser client = app().NewBrowser();
  auto form = client.Send("POST", "/api/v1/cases", "given_names=Amina",
                          {{"Authorization", "Bearer " + token},
                           {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 415);
  EXPECT_EQ(app().CountAudit("case.create"), created);
  EXPECT_EQ(JsonOf(Call(app(), "GET", "/api/v1/cases", token)).at("total").as_int64(), 0);
}

TEST_F(ApiHttpTest, SearchTakesTheNameInTheBodyNeverTheUrl) {
  std::string token = IssueToken(app(), kWorker);
  std::string id = CreateAmina(token);
  ASSERT_FALSE(id.empty());

  auto found = Call(app(), "POST", "/api/v1/cases/search", token,
                    R"({"query": "Zorbalova", "date_of_birth": "1994-07-14"})");
  ASSERT_EQ(found.status, 200) << found.body;
  auto items = JsonOf(found).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("id").as_string(), id);
  auto other_dob = Call(app(), "POST", "/api/v1/cases/search", token,
                        R"({"query": "Zorbalova", "date_of_birth": "1990-01-01"})");
  EXPECT_TRUE(JsonOf(other_dob).at("items").as_array().empty());
  auto empty = Call(app(), "POST", "/api/v1/cases/search", token, R"({"query": ""})");
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(ErrorFields(empty), Contains("query"));

  // There is no GET search, and the list refuses a name in its query string.
  auto get = Call(app(), "GET", "/api/v1/cases/search?query=Zorbalova", token);
  EXPECT_EQ(get.status, 405);
  EXPECT_EQ(get.Header("Allow"), "POST");
  EXPECT_THAT(get.Header("Content-Type"), StartsWith("application/problem+json"));
  EXPECT_THAT(get.body, Not(HasSubstr(id)));
  auto unknown = Call(app(), "GET", "/api/v1/nothing-here", token);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(unknown.Header("Content-Type"), StartsWith("application/problem+json"));
  auto named = Call(app(), "GET", "/api/v1/cases?name=Zorbalova", token);
  EXPECT_EQ(named.status, 422);
  EXPECT_THAT(named.body, HasSubstr("POST /api/v1/cases/search"));
  EXPECT_THAT(named.body, Not(HasSubstr(id)));
}

}  // namespace
}  // namespace waymark::api::testing
