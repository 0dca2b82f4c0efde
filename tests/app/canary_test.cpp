// The canary, end to end: distinctive words typed into every personal place of one case (the
// survivor's names, alias, address, email and safe contact times, their own account, contact
// notes, a dependant, a task, a support plan goal) must never reach anyone without access to
// the case (no page or API answer, no search, no list), the logs at the most detailed level, or
// the stored bytes: the SQLite file with its WAL and journal, or a real pg_dump of the test's
// PostgreSQL schema. The assigned worker reading the same routes sees every word, so the
// canaries are real and the checks can fail.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cases/service.hpp"
#include "contacts/service.hpp"
#include "dependants/service.hpp"
#include "identity/policy.hpp"
#include "plans/service.hpp"
#include "platform/http/logging.hpp"
#include "tasks/service.hpp"
#include "tests/app/app_fixture.hpp"
#include "tests/app/route_fill.hpp"

namespace waymark::app::testing {
namespace {

using ::testing::AnyOf;
using ::testing::Eq;
using ::testing::HasSubstr;

constexpr std::string_view kHarbour = "Harbour House Safehouse (demo)";
constexpr std::string_view kWorker = "support.worker@harbour.demo";
constexpr std::string_view kManager = "service.manager@harbour.demo";
constexpr std::string_view kBreakGlassPage = "/cases/{id:id}/break-glass";
// Every role, both people of the case's team, an unassigned worker of its provider and
// another provider's worker.
constexpr std::string_view kPeople[] = {"admin@northgate.demo",
                                        "contract.manager@northgate.demo",
                                        "admin@harbour.demo",
                                        "colleague.worker@harbour.demo",
                                        "outreach.worker@compass.demo",
                                        "referrals@streetlight.demo",
                                        "inspector@inspectorate.demo",
                                        "analyst@commissioning.demo",
                                        kManager,
                                        kWorker};

// Each word stands for one personal place, so a failure names where the leak came from.
struct Canary {
  std::string_view word;
  std::string_view place;
};
constexpr std::string_view kFamily = "Vantrobisk";
constexpr std::string_view kGiven = "Orlaquine";
constexpr std::string_view kAlias = "Brindlewhisk";
constexpr std::string_view kAddress = "41 Quarrendale Mews, Pexbury";
constexpr Canary kCanaries[] = {
    {kFamily, "family name"},
    {kGiven, "given names"},
    {kAlias, "other names"},
    {kAddress, "address"},
    {"Quarrendale", "a word of the address"},
    {"Pexbury", "the town of the address"},
    {"Thistlegrove", "safe contact times"},
    {"Murkenfeld", "the survivor's own account"},
    {"Saltmarrow", "a restricted contact note"},
    {"Hollowquince", "a contact note"},
    {"Pellimore", "a dependant's name"},
    {"Cobblethorn", "a dependant's school"},
    {"Fenwhistle", "a task's title"},
    {"Zindlecroft", "a support plan goal"},
};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Every canary in `text`, as typed or in lower case (a search index of folded names would be a
// leak too), with its place; empty when there is none.
std::vector<std::string> CanariesIn(std::string_view text) {
  std::vector<std::string> found;
  std::string lower = Lower(text);
  for (const auto& canary : kCanaries) {
    if (text.find(canary.word) != std::string_view::npos ||
        lower.find(Lower(canary.word)) != std::string::npos) {
      found.push_back(std::string(canary.word) + " (" + std::string(canary.place) + ")");
    }
  }
  return found;
}

// The records holding the canaries, whose ids fill the routes' captures.
struct CanaryCase {
  std::string id;
  std::string reference;
  std::string contact_id;  // the restricted note
  std::string dependant_id;
  std::string task_id;
};

struct Person {
  std::string email;
  identity::Actor actor;
  std::unique_ptr<Browser> browser;
  std::string api_token{};
};

// `pattern` with its captures filled: the first {id:id} with the case, a record's id capture
// with that record (by the path segment before it), numbers and versions with 1.
std::string Fill(std::string_view pattern, const CanaryCase& c) {
  std::string out = FillCaptures(pattern, [&c](const Capture& capture) -> std::string {
    if (capture.type != "id") return "1";
    std::string_view before = capture.before.substr(0, capture.before.size() - 1);
    std::string_view segment = before.substr(before.find_last_of('/') + 1);
    if (segment == "contacts") return c.contact_id;
    if (segment == "dependants") return c.dependant_id;
    if (segment == "tasks") return c.task_id;
    return c.id;
  });
  if (out.ends_with("/dependants/change") || out.ends_with("/dependants/remove")) {
    out += "?dependant=" + c.dependant_id;
  }
  return out;
}

class CanaryTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // Every log line from here on, at the most detailed level.
    http::InitJsonLogging(http::LogLevel::kDebug,
                          std::make_shared<spdlog::sinks::ostream_sink_mt>(log_));
    capturing_ = true;
    app().AddEnrolledUser(kHarbour, "admin@harbour.demo", identity::Role::kAdministrator);
    app().AddEnrolledUser(kHarbour, "colleague.worker@harbour.demo",
                          identity::Role::kSupportWorker);
    // new.worker@harbour.demo has no security code enrolled, so cannot sign in: the colleague
    // stands for an unassigned worker of the same provider.
    for (std::string_view email : kPeople) {
      Person person{std::string(email), *app().ActorFor(email),
                    std::make_unique<Browser>(app().NewBrowser())};
      ASSERT_TRUE(app().SignIn(*person.browser, email));
      people_.push_back(std::move(person));
    }
    // A security code works once per TOTP step, and signing in used this one.
    app().clock().Advance(std::chrono::seconds(30));
    for (auto& person : people_) {
      auto issued = app().web().api_tokens.Issue(
          person.actor, {"Canary", "", app().TotpCode(person.email)}, origin_);
      ASSERT_TRUE(issued) << person.email << ": " << issued.error().message;
      person.api_token = issued->secret;
    }
  }

  void TearDown() override {
    StopCapturingLogs();
    AppTest::TearDown();
  }

  void StopCapturingLogs() {
    if (!capturing_) return;
    http::InitJsonLogging(http::LogLevel::kWarn, std::make_shared<spdlog::sinks::stderr_sink_mt>());
    capturing_ = false;
  }

  // The case with a canary in every personal place, opened and filled by its assigned worker.
  CanaryCase CreateCanaryCase() {
    identity::Actor worker = *app().ActorFor(kWorker);
    auto& web = app().web();
    CanaryCase out;
    cases::CaseInput input;
    input.given_names = std::string(kGiven);
    input.family_name = std::string(kFamily);
    input.other_names = std::string(kAlias);  // an earlier family name
    input.dob_day = "14";
    input.dob_month = "7";
    input.dob_year = "1994";
    input.email = Lower(kGiven) + "@example.org";
    input.safe_contact_method = "text_message";
    input.safe_contact_times = "Weekday mornings";
    input.address = std::string(kAddress);
    input.nationalities = "AL";
    input.languages = "sqi";
    input.interpreter_needed = "yes";
    input.interpreter_gender = "female";
    auto created = web.cases.Create(worker, input, origin_);
    EXPECT_TRUE(created) << created.error().message;
    if (!created) return out;
    out.id = created->id;
    out.reference = created->reference;
    // A second version, so the history holds the first.
    input.safe_contact_times = "Only after Thistlegrove library closes";
    auto updated = web.cases.Update(worker, out.id, input, created->version, origin_);
    EXPECT_TRUE(updated) << updated.error().message;

    EXPECT_TRUE(web.contacts.SaveOwnAccount(
        worker, out.id, "I was brought to Murkenfeld farm and kept there.", 0, origin_));
    contacts::ContactInput note{.date_day = "4",
                                .date_month = "3",
                                .date_year = "2024",
                                .contact_time = "08:15",
                                .contact_type = "phone",
                                .contact_with = "survivor",
                                .interpreter_used = "no",
                                .duration = "20",
                                .notes = "Talked about the visit to Hollowquince",
                                .restricted = "no"};
    EXPECT_TRUE(web.contacts.Record(worker, out.id, note, origin_));
    note.notes = "She named Saltmarrow as the man who holds her passport";
    note.restricted = "yes";
    auto restricted = web.contacts.Record(worker, out.id, note, origin_);
    EXPECT_TRUE(restricted) << restricted.error().message;
    if (restricted) out.contact_id = restricted->id;

    dependants::DependantInput child;
    child.name = "Pellimore";
    child.relationship = "child";
    child.dob_day = "3";
    child.dob_month = "2";
    child.dob_year = "2019";
    child.whereabouts = "with_survivor";
    child.needs = "Speech therapy";
    child.school = "Cobblethorn Primary";
    child.children_services_know = "no";
    auto dependant = web.dependants.Add(worker, out.id, child, origin_);
    EXPECT_TRUE(dependant) << dependant.error().message;
    if (dependant) out.dependant_id = dependant->id;

    auto task = web.tasks.AddTask(
        worker, out.id, {"Call Fenwhistle about the tenancy", "20", "3", "2024", worker.user_id},
        origin_);
    EXPECT_TRUE(task) << task.error().message;
    if (task) out.task_id = task->row.task_id;

    auto plan = web.plans.Start(worker, out.id, origin_);
    EXPECT_TRUE(plan) << plan.error().message;
    if (plan) {
      plans::GoalInput goal{
          "Move to a flat near Zindlecroft",
          {"accommodation", "safety"},
          {{"Refer to the council's housing team", "Support worker", "2024-03-20", "not_started"}}};
      auto saved = web.plans.SaveGoal(worker, out.id, std::nullopt, goal, plan->revision, origin_);
      EXPECT_TRUE(saved) << saved.error().message;
    }
    return out;
  }

  Person& PersonFor(std::string_view email) {
    return *std::find_if(people_.begin(), people_.end(),
                         [&](const Person& p) { return p.email == email; });
  }

  RawResponse CallApi(std::string_view method, std::string_view path, const Person& person,
                      std::string_view body = "") {
    Browser client = app().NewBrowser();
    Fields headers = {{"Authorization", "Bearer " + person.api_token}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return client.Send(method, path, body, headers);
  }

  struct Answer {
    std::string pattern;
    std::string path;
    RawResponse response;
    std::string typed{};  // a search's query, which the search page shows back to the person
  };
  // Every GET route inside the case, pages then API, with its path and answer.
  std::vector<Answer> ReadCaseRoutes(Person& person, const CanaryCase& c) {
    std::vector<Answer> answers;
    for (const auto& route : app().web().router.Routes()) {
      if (route.method != "GET") continue;
      bool page =
          route.kind == http::RouteKind::kPage && route.pattern.starts_with("/cases/{id:id}");
      bool api =
          route.kind == http::RouteKind::kApi && route.pattern.starts_with("/api/v1/cases/{id:id}");
      if (!page && !api) continue;
      std::string path = Fill(route.pattern, c);
      answers.push_back(
          {route.pattern, path, page ? person.browser->Get(path) : CallApi("GET", path, person)});
    }
    return answers;
  }

  // Every GET page and API route with no capture (home, lists, tasks, admin), and `/cases` with
  // a name in its query string.
  std::vector<Answer> ReadUncapturedRoutes(Person& person) {
    std::vector<Answer> answers;
    for (const auto& route : app().web().router.Routes()) {
      if (route.method != "GET" || route.pattern.find('{') != std::string::npos) continue;
      if (route.kind == http::RouteKind::kPage) {
        answers.push_back({route.pattern, route.pattern, person.browser->Get(route.pattern)});
      } else if (route.kind == http::RouteKind::kApi) {
        answers.push_back({route.pattern, route.pattern, CallApi("GET", route.pattern, person)});
      }
    }
    std::string by_name = "/cases?q=" + std::string(kFamily);
    answers.push_back({"/cases", by_name, person.browser->Get(by_name)});
    return answers;
  }

  // The name, the alias and the reference searched for on the page and through the API.
  std::vector<Answer> Search(Person& person, const CanaryCase& c) {
    std::vector<Answer> answers;
    for (std::string query : {std::string(kFamily), std::string(kAlias), c.reference}) {
      EXPECT_EQ(person.browser->Get("/").status, 200);  // a fresh csrf token
      answers.push_back(
          {"/cases/search", "/cases/search " + query,
           person.browser->Post("/cases/search",
                                {{"csrf_token", person.browser->csrf()}, {"q", query}}),
           query});
      answers.push_back(
          {"/api/v1/cases/search", "/api/v1/cases/search " + query,
           CallApi("POST", "/api/v1/cases/search", person, "{\"query\":\"" + query + "\"}"),
           query});
    }
    return answers;
  }

  // Every byte the database keeps: the SQLite file with its WAL, journal and shared memory, or
  // pg_dump's whole dump of the test's own PostgreSQL schema.
  std::string StoredBytes() {
    if (!AppTestsOnPostgres()) {
      std::string all;
      const auto& db = app().database_path();
      for (const auto& entry : std::filesystem::directory_iterator(db.parent_path())) {
        if (!entry.path().filename().string().starts_with(db.filename().string())) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      EXPECT_GT(all.size(), 100000u) << "the database files were not read";
      return all;
    }
    return PgDump();
  }

  std::string PgDump() {
    std::string schema = app().runtime().db->Read(
        [](db::Tx& tx) { return tx.QueryOne("SELECT current_schema()")->text(0); });
    std::string url = *db::testing::PostgresTestUrl();
    // Both go into a shell command inside single quotes.
    if (!std::regex_match(schema, std::regex("[A-Za-z0-9_]+")) ||
        url.find('\'') != std::string::npos) {
      ADD_FAILURE() << "cannot quote the schema " << schema << " or the URL " << url;
      return "";
    }
    std::string binary = "/usr/lib/postgresql/15/bin/pg_dump";
    if (!std::filesystem::exists(binary)) binary = "pg_dump";
    std::string command =
        binary + " --dbname='" + url + "' --schema='" + schema + "' --no-password 2>&1";
    std::string dump;
    FILE* pipe = ::popen(command.c_str(), "r");
    EXPECT_NE(pipe, nullptr) << command;
    if (!pipe) return dump;
    char buffer[65536];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) dump.append(buffer, n);
    int status = ::pclose(pipe);
    EXPECT_EQ(status, 0) << command << "\n" << dump.substr(0, 2000);
    EXPECT_THAT(dump, HasSubstr("CREATE TABLE " + schema + ".cases ("));
    EXPECT_THAT(dump, HasSubstr("COPY " + schema + ".cases "));
    EXPECT_THAT(dump, HasSubstr("case.create")) << "the audit rows were not dumped";
    return dump;
  }

  identity::Origin origin_{"192.0.2.1", "canary"};
  std::vector<Person> people_;
  std::ostringstream log_;  // outlives the application, whose threads write to it
  bool capturing_ = false;
};

TEST_F(CanaryTest, ACanaryInACaseReachesOnlyItsTeamAndNeverTheLogsOrTheStoredBytes) {
  CanaryCase c = CreateCanaryCase();
  ASSERT_FALSE(c.id.empty());
  ASSERT_FALSE(c.contact_id.empty());
  ASSERT_FALSE(c.dependant_id.empty());
  ASSERT_FALSE(c.task_id.empty());
  std::string harbour = app().OrganisationId(kHarbour);

  // The control: the assigned worker, reading the same routes, meets every canary, so each is
  // real and a check below that finds none could have found one.
  Person& worker = PersonFor(kWorker);
  std::string seen;
  for (const auto& answer : ReadCaseRoutes(worker, c)) seen += answer.response.body;
  for (const auto& canary : kCanaries) {
    EXPECT_THAT(seen, HasSubstr(std::string(canary.word))) << canary.place;
  }
  // Their searches by name and by alias find the case (the reference is in no query).
  for (const auto& answer : Search(worker, c)) {
    if (answer.typed == c.reference) continue;
    SCOPED_TRACE(answer.path + " as the assigned worker");
    EXPECT_EQ(answer.response.status, 200);
    EXPECT_THAT(answer.response.body, HasSubstr(c.reference));
  }
  auto overview = worker.browser->Get("/cases/" + c.id);
  EXPECT_EQ(overview.status, 200);
  EXPECT_THAT(overview.body, HasSubstr(std::string(kFamily)));

  int case_answers = 0;
  int outsiders = 0;
  for (auto& person : people_) {
    bool team = person.email == kWorker || person.email == kManager;
    bool sees =
        static_cast<bool>(identity::Decide(person.actor, identity::Action::kCaseView,
                                           identity::Resource{harbour, person.email == kWorker}));
    EXPECT_EQ(sees, team) << person.email;
    if (team) continue;
    ++outsiders;
    // An unassigned worker of the provider may ask for break-glass access: that page names
    // nobody.
    bool may_ask = person.actor.organisation_id == harbour &&
                   person.actor.role == identity::Role::kSupportWorker;
    for (const auto& answer : ReadCaseRoutes(person, c)) {
      SCOPED_TRACE("GET " + answer.path + " as " + person.email);
      ++case_answers;
      if (may_ask && answer.pattern == kBreakGlassPage) {
        EXPECT_EQ(answer.response.status, 200);
      } else {
        EXPECT_THAT(answer.response.status, AnyOf(Eq(403), Eq(404))) << answer.response.body;
      }
      EXPECT_THAT(CanariesIn(answer.response.body), ::testing::IsEmpty());
    }
    for (const auto& answer : Search(person, c)) {
      SCOPED_TRACE("POST " + answer.path + " as " + person.email);
      EXPECT_THAT(answer.response.status, AnyOf(Eq(200), Eq(403)));
      std::string body = answer.response.body;
      if (answer.response.status == 200 && answer.pattern.starts_with("/api/")) {
        EXPECT_THAT(body, HasSubstr("\"items\":[]"));
      } else if (answer.response.status == 200) {
        // The search box keeps what the person typed: theirs, not the case's.
        std::string echo = "value=\"" + answer.typed + "\"";
        std::size_t at = body.find(echo);
        EXPECT_NE(at, std::string::npos);
        if (at != std::string::npos) body.erase(at, echo.size());
        if (answer.typed != c.reference) {
          EXPECT_THAT(body, HasSubstr("No cases match your search"));
        }
      }
      EXPECT_THAT(CanariesIn(body), ::testing::IsEmpty()) << body;
    }
    for (const auto& answer : ReadUncapturedRoutes(person)) {
      SCOPED_TRACE("GET " + answer.path + " as " + person.email);
      EXPECT_THAT(CanariesIn(answer.response.body), ::testing::IsEmpty());
    }
  }
  EXPECT_EQ(outsiders, 8);
  EXPECT_GE(case_answers, outsiders * 30) << "fewer case routes than expected were walked";

  StopCapturingLogs();
  std::string log = log_.str();
  EXPECT_THAT(log, HasSubstr("\"event\":\"http_request\""))
      << "the requests' log lines were not captured";
  EXPECT_THAT(CanariesIn(log), ::testing::IsEmpty());

  std::string bytes = StoredBytes();
  EXPECT_THAT(bytes, HasSubstr(c.reference)) << "the case is not in the stored bytes read";
  EXPECT_THAT(CanariesIn(bytes), ::testing::IsEmpty());
}

}  // namespace
}  // namespace waymark::app::testing
