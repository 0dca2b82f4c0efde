// The running application for API tests (tests/app's TestApp), with bearer tokens issued
// through the real ApiTokenService and requests sent without cookies.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "tests/app/app_fixture.hpp"

namespace waymark::api::testing {

using app::testing::Browser;
using app::testing::Fields;
using app::testing::RawResponse;
using app::testing::TestApp;

inline constexpr std::string_view kWorker = "support.worker@harbour.demo";
inline constexpr std::string_view kManager = "service.manager@harbour.demo";
inline constexpr std::string_view kOtherProvider = "outreach.worker@compass.demo";
inline constexpr std::string_view kAnalyst = "analyst@commissioning.demo";
inline constexpr std::string_view kHarbour = "Harbour House Safehouse (demo)";
inline constexpr std::string_view kColleague = "colleague.worker@harbour.demo";

// A token for `email`, issued with their current security code (the clock then moves on a
// TOTP step, since a code works once).
inline std::string IssueToken(TestApp& app, std::string_view email) {
  auto actor = app.ActorFor(email);
  if (!actor) throw std::runtime_error("no such user: " + std::string(email));
  auto issued = app.web().api_tokens.Issue(*actor, {"Test token", "", app.TotpCode(email)},
                                           identity::Origin{"192.0.2.1", "api-test"});
  if (!issued) throw std::runtime_error("issue: " + issued.error().message);
  app.clock().Advance(std::chrono::seconds(30));
  return issued->secret;
}

// A request as an API client sends it: the bearer token (if any), JSON, no cookies.
inline RawResponse Call(TestApp& app, std::string_view method, std::string_view target,
                        std::string_view token, std::string_view body = "", Fields headers = {}) {
  Browser client = app.NewBrowser();
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + std::string(token));
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  return client.Send(method, target, body, headers);
}

inline boost::json::value JsonOf(const RawResponse& res) {
  boost::system::error_code error;
  auto value = boost::json::parse(res.body, error);
  if (error) return nullptr;
  return value;
}

// Amina's details as an API client sends them.
inline std::string AminaJson() {
  return boost::json::serialize(boost::json::object{{"given_names", "Amina"},
                                                    {"family_name", "Zorbalova"},
                                                    {"other_names", boost::json::array{"Mina Zee"}},
                                                    {"date_of_birth", "1994-07-14"},
                                                    {"phone", "07700 900123"},
                                                    {"safe_contact_method", "text_message"},
                                                    {"safe_contact_times", "Weekday mornings"},
                                                    {"address", "12 Quince Lane, Lowtown"},
                                                    {"gender", "Feminine"},
                                                    {"nationalities", boost::json::array{"AL"}},
                                                    {"languages", boost::json::array{"sqi", "eng"}},
                                                    {"interpreter_needed", true},
                                                    {"interpreter_gender", "female"}});
}

// Opens Amina's case through the API as the holder of `token`; returns its id ("" on failure).
// A complete risk assessment, overall "low", as its JSON body.
inline std::string LowRiskJson() {
  return R"({"assessed_on": "2024-03-01", "overall": "low",
      "review_on": "2024-12-01", "based_on": 0, "risks": [
        {"kind": "re_trafficking", "level": "low", "notes": ""},
        {"kind": "exploiter_contact", "level": "none", "notes": ""},
        {"kind": "self_harm", "level": "none", "notes": ""},
        {"kind": "harm_to_others", "level": "none", "notes": ""},
        {"kind": "location_exposure", "level": "low", "notes": ""},
        {"kind": "health", "level": "none", "notes": ""}]})";
}

inline std::string CreateAminaCase(TestApp& app, std::string_view token) {
  auto res = Call(app, "POST", "/api/v1/cases", token, AminaJson());
  EXPECT_EQ(res.status, 201) << res.body;
  auto body = JsonOf(res);
  if (res.status != 201 || !body.is_object()) return "";
  return std::string(body.at("id").as_string());
}

// The colleague (unassigned) reads the case through break-glass for the next hour.
inline void BreakGlassAsColleague(TestApp& app, std::string_view case_id) {
  auto actor = app.ActorFor(kColleague);
  ASSERT_TRUE(actor);
  auto until = app.web().cases.OpenWithBreakGlass(
      *actor, case_id, "Called at 2am from a police station, needs her contact details",
      app.TotpCode(kColleague), identity::Origin{"192.0.2.1", "api-test"});
  ASSERT_TRUE(until) << until.error().message;
  app.clock().Advance(std::chrono::seconds(30));
}

// The endpoints inside a case: a token of the demo support worker and a case of theirs.
class CaseApiTest : public app::testing::AppTest {
 protected:
  void SetUp() override {
    app::testing::AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    token_ = IssueToken(app(), kWorker);
    case_id_ = CreateAminaCase(app(), token_);
    ASSERT_FALSE(case_id_.empty());
  }

  // A token for a support worker of the same provider who is not assigned to the case.
  std::string UnassignedColleagueToken() {
    app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
    return IssueToken(app(), kColleague);
  }

  std::string token_, case_id_;
};

// The set of field names in a problem+json body's "errors".
inline std::vector<std::string> ErrorFields(const RawResponse& res) {
  std::vector<std::string> out;
  auto body = JsonOf(res);
  if (!body.is_object() || !body.as_object().contains("errors")) return out;
  for (const auto& error : body.at("errors").as_array()) {
    out.emplace_back(error.at("field").as_string());
  }
  return out;
}

}  // namespace waymark::api::testing
