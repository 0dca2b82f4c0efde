// The route x role matrix: every route the application registers, walked for every role, against
// what the policy decision point says. One application and one signed-in browser per role serve
// the whole suite (signing in costs an Argon2 hash each).
#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cases/service.hpp"
#include "identity/policy.hpp"
#include "identity/roles.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/http/logging.hpp"
#include "platform/util/ids.hpp"
#include "tests/app/app_fixture.hpp"
#include "tests/app/route_fill.hpp"

namespace waymark::app::testing {
namespace {

using ::testing::AnyOf;
using ::testing::Eq;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kHarbour = "Harbour House Safehouse (demo)";
constexpr std::string_view kCompass = "Compass Outreach (demo)";
constexpr std::string_view kHarbourAdmin = "admin@harbour.demo";

// One signed-in person per role; the harbour administrator is not in the operator organisation.
const std::vector<std::string_view> kPeople = {
    "admin@northgate.demo",         "contract.manager@northgate.demo",
    "service.manager@harbour.demo", "support.worker@harbour.demo",
    "referrals@streetlight.demo",   "inspector@inspectorate.demo",
    "analyst@commissioning.demo",   kHarbourAdmin,
};

struct Person {
  std::string email;
  identity::Actor actor;
  std::unique_ptr<Browser> browser;
  std::string api_token{};  // a bearer token for the API routes
};

// The path for `pattern` with every capture filled: {x:id} with `id`, others with a valid value.
std::string Fill(std::string_view pattern, std::string_view id) {
  return FillCaptures(pattern, [id](const Capture& capture) -> std::string {
    if (capture.type == "id") return std::string(id);
    if (capture.type == "int") return "1";
    if (capture.type == "ref") return "WM-7K3Q-9D2F";
    return "matrix-test";
  });
}

bool HasCaptures(const http::Route& route) { return route.pattern.find('{') != std::string::npos; }

class RouteMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (MissingBackend()) return;  // each test skips in SetUp
    app_ = new TestApp();
    app_->AddEnrolledUser(kHarbour, kHarbourAdmin, identity::Role::kAdministrator);
    for (std::string_view email : kPeople) {
      Person person{std::string(email), *app_->ActorFor(email),
                    std::make_unique<Browser>(app_->NewBrowser())};
      auto signed_in = app_->SignIn(*person.browser, email);
      if (!signed_in) {
        ADD_FAILURE() << signed_in.message();
        continue;
      }
      people_.push_back(std::move(person));
    }
    // A security code works once per TOTP step, and signing in used this one.
    app_->clock().Advance(std::chrono::seconds(30));
    for (auto& person : people_) {
      auto issued = app_->web().api_tokens.Issue(person.actor,
                                                 {"Route matrix", "", app_->TotpCode(person.email)},
                                                 identity::Origin{"192.0.2.1", "matrix"});
      if (!issued) {
        ADD_FAILURE() << person.email << ": " << issued.error().message;
        continue;
      }
      person.api_token = issued->secret;
    }
  }
  void SetUp() override { WAYMARK_SKIP_WITHOUT_APP_BACKEND(); }
  static void TearDownTestSuite() {
    people_.clear();
    delete app_;
    app_ = nullptr;
  }

  TestApp& app() { return *app_; }
  std::vector<Person>& people() { return people_; }
  const std::vector<http::Route>& routes() { return app_->web().router.Routes(); }

  // A 403 from the route's permission check leaves a permission.denied audit event for the
  // request; remember the request id to check that.
  void NoteDenied(const RawResponse& res) {
    if (res.status == 403) denied_requests_.push_back(res.Header("X-Request-Id"));
  }
  void ExpectDenialsAudited() {
    for (const auto& id : denied_requests_) {
      ASSERT_FALSE(id.empty());
      EXPECT_EQ(app().CountAudit("permission.denied", id), 1) << "request " << id;
    }
    auto report = audit::Verify(*app().runtime().db, app().runtime().keyring.audit_mac_key());
    EXPECT_TRUE(report.intact()) << report.problem;
    EXPECT_GT(report.events, 0);
  }

  static TestApp* app_;
  static std::vector<Person> people_;
  std::vector<std::string> denied_requests_;
};

TestApp* RouteMatrixTest::app_ = nullptr;
std::vector<Person> RouteMatrixTest::people_;

Person& PersonFor(std::vector<Person>& people, std::string_view email) {
  auto it =
      std::find_if(people.begin(), people.end(), [&](const Person& p) { return p.email == email; });
  if (it == people.end()) throw std::runtime_error("not signed in: " + std::string(email));
  return *it;
}

TEST_F(RouteMatrixTest, EveryRouteDeclaresAKnownAction) {
  ASSERT_FALSE(routes().empty());
  for (const auto& route : routes()) {
    SCOPED_TRACE(route.method + " " + route.pattern);
    auto action = identity::ParseAction(route.action);
    ASSERT_TRUE(action) << "undeclared action " << route.action;
    // Only public routes may skip sign-in, and a public route asks for nothing else.
    EXPECT_EQ(route.kind == http::RouteKind::kPublic, *action == identity::Action::kPublic);
    EXPECT_EQ(route.kind == http::RouteKind::kApi, route.pattern.starts_with("/api/"));
  }
}

TEST_F(RouteMatrixTest, EveryRoleIsInTheMatrix) {
  ASSERT_EQ(people().size(), kPeople.size());
  std::set<identity::Role> roles;
  for (const auto& person : people()) roles.insert(person.actor.role);
  for (identity::Role role : identity::AllRoles()) {
    EXPECT_TRUE(roles.contains(role)) << "no demo user with role " << identity::Code(role);
  }
}

TEST_F(RouteMatrixTest, PublicRoutesAnswerWithoutASession) {
  for (const auto& route : routes()) {
    if (route.kind != http::RouteKind::kPublic || route.method != "GET") continue;
    SCOPED_TRACE(route.pattern);
    Browser browser = app().NewBrowser();
    auto res = browser.Get(Fill(route.pattern, NewId()));
    // An answer of its own: a page, a redirect to the step a visitor must take, or (for a
    // made-up token or file) "not found"; never a refusal or an error.
    EXPECT_THAT(res.status, AnyOf(Eq(200), Eq(303), Eq(404)));
    if (!HasCaptures(route)) {
      EXPECT_NE(res.status, 404);
    }
  }
  Browser browser = app().NewBrowser();
  for (std::string_view path : {"/healthz", "/readyz", "/metrics", "/sign-in"}) {
    EXPECT_EQ(browser.Get(path).status, 200) << path;
  }
}

TEST_F(RouteMatrixTest, PageRoutesSendVisitorsWithoutASessionToSignIn) {
  int64_t users = app().CountUsers();
  for (const auto& route : routes()) {
    if (route.kind != http::RouteKind::kPage) continue;
    SCOPED_TRACE(route.method + " " + route.pattern);
    Browser browser = app().NewBrowser();
    std::string path = Fill(route.pattern, app().UserId("support.worker@harbour.demo"));
    auto res = route.method == "GET" ? browser.Get(path) : browser.Send(route.method, path, "", {});
    EXPECT_EQ(res.status, 303);
    EXPECT_EQ(res.Header("Location"), "/sign-in");
    EXPECT_THAT(res.body, Not(HasSubstr("Jo Support")));
    // An unknown or made-up session token is no better.
    browser.SetCookie("waymark-session", "made-up-token");
    auto forged =
        route.method == "GET" ? browser.Get(path) : browser.Send(route.method, path, "", {});
    EXPECT_EQ(forged.status, 303);
    EXPECT_EQ(forged.Header("Location"), "/sign-in");
  }
  EXPECT_EQ(app().CountUsers(), users);
}

TEST_F(RouteMatrixTest, GetPagesFollowThePolicyForEveryRole) {
  int checked = 0;
  for (const auto& route : routes()) {
    if (route.kind != http::RouteKind::kPage || route.method != "GET" || HasCaptures(route)) {
      continue;
    }
    identity::Action action = *identity::ParseAction(route.action);
    for (auto& person : people()) {
      SCOPED_TRACE(route.pattern + " as " + person.email);
      auto res = person.browser->Get(route.pattern);
      bool allowed = static_cast<bool>(identity::Decide(person.actor, action));
      EXPECT_EQ(res.status, allowed ? 200 : 403);
      if (!allowed) {
        EXPECT_THAT(res.body, HasSubstr("You do not have permission"));
      }
      NoteDenied(res);
      ++checked;
    }
  }
  EXPECT_GE(checked, 5 * static_cast<int>(people().size()));
  EXPECT_FALSE(denied_requests_.empty());
  ExpectDenialsAudited();
}

// An API request as a client sends it: a bearer token (or none), a JSON body, no cookies.
RawResponse CallApi(TestApp& app, const http::Route& route, std::string_view path,
                    std::string_view token) {
  Browser client = app.NewBrowser();
  Fields headers;
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + std::string(token));
  if (route.method == "GET") return client.Send("GET", path, "", headers);
  headers.emplace_back("Content-Type", "application/json");
  return client.Send(route.method, path, "{}", headers);
}

TEST_F(RouteMatrixTest, ApiRoutesRefuseRequestsWithoutAValidToken) {
  int64_t failures = app().CountAudit("api_token.authenticate");
  int checked = 0;
  int forged_tries = 0;
  for (const auto& route : routes()) {
    if (route.kind != http::RouteKind::kApi) continue;
    SCOPED_TRACE(route.method + " " + route.pattern);
    std::string path = Fill(route.pattern, NewId());
    auto none = CallApi(app(), route, path, "");
    EXPECT_EQ(none.status, 401);
    EXPECT_THAT(none.Header("WWW-Authenticate"), HasSubstr("Bearer"));
    EXPECT_THAT(none.Header("Content-Type"), HasSubstr("application/problem+json"));
    // Each wrong token counts towards the address's throttle (20 free failures), so only the
    // first routes try one; the check is the same code for every route.
    if (forged_tries < 10) {
      auto forged = CallApi(app(), route, path, "wm_" + std::string(43, 'Q'));
      EXPECT_EQ(forged.status, 401);
      ++forged_tries;
    }
    // A signed-in browser's session cookie is no token: the API never reads cookies.
    Person& worker = PersonFor(people(), "support.worker@harbour.demo");
    auto cookie = route.method == "GET"
                      ? worker.browser->Get(path)
                      : worker.browser->Send(route.method, path, "{}",
                                             {{"Content-Type", "application/json"}});
    EXPECT_EQ(cookie.status, 401);
    ++checked;
  }
  EXPECT_GT(checked, 0);
  EXPECT_EQ(app().CountAudit("api_token.authenticate"), failures + forged_tries);
}

TEST_F(RouteMatrixTest, ApiRoutesFollowThePolicyForEveryRole) {
  int checked = 0;
  for (const auto& route : routes()) {
    if (route.kind != http::RouteKind::kApi) continue;
    identity::Action action = *identity::ParseAction(route.action);
    // A made-up id: nobody may see a record that does not exist.
    std::string path = Fill(route.pattern, NewId());
    for (auto& person : people()) {
      SCOPED_TRACE(route.method + " " + route.pattern + " as " + person.email);
      ASSERT_FALSE(person.api_token.empty());
      auto res = CallApi(app(), route, path, person.api_token);
      NoteDenied(res);
      ++checked;
      EXPECT_EQ(res.Header("Cache-Control"), "no-store");
      if (!identity::Decide(person.actor, action)) {
        EXPECT_EQ(res.status, 403);
        EXPECT_THAT(res.Header("Content-Type"), HasSubstr("application/problem+json"));
        continue;
      }
      // Past the route's check: the service answers (a list, "not found", or what is wrong
      // with the empty body), never an authentication failure.
      EXPECT_THAT(res.status, AnyOf(Eq(200), Eq(404), Eq(422), Eq(428))) << res.body;
    }
  }
  EXPECT_GT(checked, 0);
  EXPECT_FALSE(denied_requests_.empty());
  ExpectDenialsAudited();
}

// Ids to try in a route's {id:id}: real users and organisations in and out of the actor's own
// organisation, and an id that names nothing. `organisation` is the record's organisation.
struct Candidate {
  std::string id;
  std::optional<std::string> organisation;
  bool names_user;
  bool names_organisation;
};

TEST_F(RouteMatrixTest, PagesForOneRecordFollowThePolicyForEveryRole) {
  std::string harbour = app().OrganisationId(kHarbour);
  std::string compass = app().OrganisationId(kCompass);
  std::vector<Candidate> candidates = {
      {app().UserId("support.worker@harbour.demo"), harbour, true, false},
      {app().UserId("outreach.worker@compass.demo"), compass, true, false},
      {harbour, harbour, false, true},
      {compass, compass, false, true},
      {NewId(), std::nullopt, false, false},
  };
  int checked = 0;
  for (const auto& route : routes()) {
    if (route.kind != http::RouteKind::kPage || route.method != "GET" || !HasCaptures(route)) {
      continue;
    }
    ASSERT_THAT(route.pattern, HasSubstr("{id:id}")) << "teach this test the route's capture";
    bool user_route = route.pattern.find("/users/") != std::string::npos;
    // No candidate names a case: CasePagesShowACaseOnlyToItsTeam walks those with a real case.
    bool case_route = route.pattern.starts_with("/cases/");
    identity::Action action = *identity::ParseAction(route.action);
    for (auto& person : people()) {
      for (const auto& candidate : candidates) {
        SCOPED_TRACE(route.pattern + " as " + person.email + " with " + candidate.id);
        auto res = person.browser->Get(Fill(route.pattern, candidate.id));
        NoteDenied(res);
        ++checked;
        if (!identity::Decide(person.actor, action)) {
          EXPECT_EQ(res.status, 403);
          continue;
        }
        bool right_kind =
            !case_route && (user_route ? candidate.names_user : candidate.names_organisation);
        bool record_allowed =
            right_kind && identity::Decide(person.actor, action,
                                           identity::Resource{candidate.organisation, false});
        if (record_allowed) {
          EXPECT_EQ(res.status, 200);
        } else {
          // Another organisation's record, or none: never shown.
          EXPECT_THAT(res.status, AnyOf(Eq(403), Eq(404)));
        }
      }
    }
  }
  EXPECT_GT(checked, 0);
  ExpectDenialsAudited();
}

TEST_F(RouteMatrixTest, CasePagesShowACaseOnlyToItsTeam) {
  std::string harbour = app().OrganisationId(kHarbour);
  std::string worker_email = "support.worker@harbour.demo";
  cases::CaseInput input;
  input.given_names = "Matrixa";
  input.family_name = "Canarybell";
  auto created = app().web().cases.Create(*app().ActorFor(worker_email), input,
                                          identity::Origin{"192.0.2.1", "matrix"});
  ASSERT_TRUE(created) << created.error().message;
  // Every log line the walk writes, at the most detailed level, to look for the name in.
  std::ostringstream log;
  http::InitJsonLogging(http::LogLevel::kDebug,
                        std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  int checked = 0;
  for (const auto& route : routes()) {
    if (route.kind != http::RouteKind::kPage || route.method != "GET" ||
        !route.pattern.starts_with("/cases/{id:id}")) {
      continue;
    }
    for (auto& person : people()) {
      SCOPED_TRACE(route.pattern + " as " + person.email);
      auto res = person.browser->Get(Fill(route.pattern, created->id));
      NoteDenied(res);
      ++checked;
      bool team = person.email == worker_email || person.email == "service.manager@harbour.demo";
      bool sees = static_cast<bool>(
          identity::Decide(person.actor, identity::Action::kCaseView,
                           identity::Resource{harbour, person.email == worker_email}));
      EXPECT_EQ(sees, team);
      if (!sees) {
        EXPECT_THAT(res.status, AnyOf(Eq(403), Eq(404)));
        EXPECT_THAT(res.body, Not(HasSubstr("Canarybell")));
      } else if (route.pattern.find('{', std::string_view("/cases/{id:id}").size()) !=
                 std::string::npos) {
        // A record inside the case (a contact, ...): its capture got the case's id, which names
        // no such record, so the team is told it is not found.
        EXPECT_THAT(res.status, AnyOf(Eq(200), Eq(303), Eq(403), Eq(404)));
      } else {
        EXPECT_THAT(res.status, AnyOf(Eq(200), Eq(303), Eq(403)));
      }
    }
    auto overview = PersonFor(people(), worker_email).browser->Get("/cases/" + created->id);
    EXPECT_EQ(overview.status, 200);
    EXPECT_THAT(overview.body, HasSubstr("Canarybell"));
  }
  EXPECT_GT(checked, 0);
  http::InitJsonLogging(http::LogLevel::kWarn, std::make_shared<spdlog::sinks::stderr_sink_mt>());
  EXPECT_THAT(log.str(), HasSubstr("\"event\":\"http_request\""))
      << "the requests' log lines were not captured";
  EXPECT_THAT(log.str(), Not(HasSubstr("Canarybell")));
  EXPECT_THAT(log.str(), Not(HasSubstr("Matrixa")));
}

TEST_F(RouteMatrixTest, PostsByRolesWithoutThePermissionAreRefusedAndChangeNothing) {
  std::string target_user = app().UserId("support.worker@harbour.demo");
  int64_t users = app().CountUsers();
  int64_t before = app().CountAudit("user.update");
  int checked = 0;
  for (const auto& route : routes()) {
    if (route.kind != http::RouteKind::kPage || route.method == "GET") continue;
    identity::Action action = *identity::ParseAction(route.action);
    std::string path = Fill(route.pattern, target_user);
    for (auto& person : people()) {
      if (identity::Decide(person.actor, action)) continue;
      SCOPED_TRACE(route.method + " " + path + " as " + person.email);
      ASSERT_EQ(person.browser->Get("/").status, 200);  // a fresh csrf token
      auto res = person.browser->Post(path, {{"csrf_token", person.browser->csrf()},
                                             {"display_name", "Changed (matrix)"},
                                             {"name", "Changed (matrix)"},
                                             {"role", "administrator"},
                                             {"active", "0"},
                                             {"version", "1"}});
      EXPECT_EQ(res.status, 403);
      NoteDenied(res);
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
  EXPECT_EQ(app().CountUsers(), users);
  EXPECT_EQ(app().CountAudit("user.update"), before);
  EXPECT_EQ(app().CountAudit("user.deactivate"), 0);
  ExpectDenialsAudited();
}

TEST_F(RouteMatrixTest, AnAdministratorOutsideTheOperatorSeesOnlyTheirOwnOrganisation) {
  Person& admin = PersonFor(people(), kHarbourAdmin);
  ASSERT_FALSE(admin.actor.operator_organisation);
  std::string compass = app().OrganisationId(kCompass);
  std::string compass_worker = app().UserId("outreach.worker@compass.demo");

  auto list = admin.browser->Get("/admin/users");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("support.worker@harbour.demo"));
  EXPECT_THAT(list.body, Not(HasSubstr("outreach.worker@compass.demo")));
  EXPECT_THAT(list.body, Not(HasSubstr("admin@northgate.demo")));

  auto filtered = admin.browser->Get("/admin/users?organisation=" + compass);
  EXPECT_THAT(filtered.status, AnyOf(Eq(200), Eq(403), Eq(404)));
  EXPECT_THAT(filtered.body, Not(HasSubstr("outreach.worker@compass.demo")));
  EXPECT_THAT(filtered.body, Not(HasSubstr("Compass Outreach")));

  auto other_user = admin.browser->Get("/admin/users/" + compass_worker);
  EXPECT_EQ(other_user.status, 404);
  EXPECT_THAT(other_user.body, Not(HasSubstr("outreach.worker@compass.demo")));
  auto other_org = admin.browser->Get("/admin/organisations/" + compass);
  EXPECT_THAT(other_org.status, AnyOf(Eq(403), Eq(404)));
  EXPECT_THAT(other_org.body, Not(HasSubstr("Compass Outreach")));

  // Nor can they change another organisation's people or add people to it.
  int64_t users = app().CountUsers();
  ASSERT_EQ(admin.browser->Get("/admin/users/new").status, 200);
  auto created = admin.browser->Post(
      "/admin/users/new", {{"csrf_token", admin.browser->csrf()},
                           {"display_name", "Planted (matrix)"},
                           {"email", "planted@compass.test"},
                           {"organisation_id", compass},
                           {"role", std::string(identity::Code(identity::Role::kSupportWorker))}});
  EXPECT_EQ(created.status, 403);
  EXPECT_EQ(app().CountUsers(), users);
  auto changed = admin.browser->Post(
      "/admin/users/" + compass_worker + "/active",
      {{"csrf_token", admin.browser->csrf()}, {"active", "0"}, {"version", "1"}});
  EXPECT_THAT(changed.status, AnyOf(Eq(403), Eq(404)));
  EXPECT_EQ(app().CountAudit("user.deactivate"), 0);

  // Their own organisation is theirs to manage.
  auto own = admin.browser->Get("/admin/users/" + app().UserId("support.worker@harbour.demo"));
  EXPECT_EQ(own.status, 200);
  EXPECT_THAT(own.body, HasSubstr("Deactivate account"));
  auto report = audit::Verify(*app().runtime().db, app().runtime().keyring.audit_mac_key());
  EXPECT_TRUE(report.intact()) << report.problem;
}

}  // namespace
}  // namespace waymark::app::testing
