// What the page tests of case records share: the demo people, Amina's form, opening her case
// through the real form, and reading bits of HTML.
#pragma once

#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cases/model.hpp"
#include "platform/util/ids.hpp"
#include "tests/app/app_fixture.hpp"

namespace waymark::app::testing {

constexpr std::string_view kWorker = "support.worker@harbour.demo";
constexpr std::string_view kManager = "service.manager@harbour.demo";
constexpr std::string_view kOtherProvider = "outreach.worker@compass.demo";
constexpr std::string_view kHarbour = "Harbour House Safehouse (demo)";
constexpr std::string_view kColleague = "colleague.worker@harbour.demo";

inline Fields AminaFields(const std::string& csrf) {
  return {{"csrf_token", csrf},
          {"given_names", "Amina"},
          {"family_name", "Zorbalova"},
          {"other_names", "Mina Zee\nAmina Kastrati"},
          {"dob-day", "14"},
          {"dob-month", "7"},
          {"dob-year", "1994"},
          {"phone", "07700 900123"},
          {"safe_contact_method", "text_message"},
          {"safe_contact_times", "Weekday mornings"},
          {"address", "12 Quince Lane, Lowtown"},
          {"gender", "Feminine"},
          {"nationalities", "AL"},
          {"languages", "sqi, eng"},
          {"interpreter_needed", "yes"},
          {"interpreter_gender", "female"}};
}

// "/cases/<id>?created=1" -> "<id>", or "" when the redirect is not to a case.
inline std::string CaseIdFrom(const RawResponse& res) {
  std::string location = res.Header("Location");
  std::string prefix = "/cases/";
  if (!location.starts_with(prefix)) return "";
  std::string id = location.substr(prefix.size(), 32);
  return IsId(id) ? id : "";
}

// The text of the first <h1> and of <title>.
inline std::string Between(std::string_view html, std::string_view open, std::string_view close) {
  auto start = html.find(open);
  if (start == std::string_view::npos) return "";
  start = html.find('>', start) + 1;
  auto end = html.find(close, start);
  std::string text(html.substr(start, end - start));
  auto first = text.find_first_not_of(" \n");
  auto last = text.find_last_not_of(" \n");
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

inline std::size_t Count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Opens Amina's case as `browser`'s person through the form; returns the case id.
inline std::string OpenAmina(Browser& browser) {
  auto form = browser.Get("/cases/new");
  EXPECT_EQ(form.status, 200);
  auto created = browser.Post("/cases/new", AminaFields(browser.csrf()));
  EXPECT_EQ(created.status, 303) << created.body;
  std::string id = CaseIdFrom(created);
  EXPECT_FALSE(id.empty()) << created.Header("Location");
  // No personal data in the redirect.
  EXPECT_THAT(created.Header("Location"), ::testing::Not(::testing::HasSubstr("Amina")));
  return id;
}

// Amina's case opened through the case service by `email`'s person (a support worker is then
// assigned to it), for tests about the pages inside a case rather than about opening one.
inline std::string CreateCaseThroughService(TestApp& app, std::string_view email = kWorker,
                                            std::string_view languages = "") {
  cases::CaseInput input;
  input.given_names = "Amina";
  input.family_name = "Zorbalova";
  input.languages = std::string(languages);
  auto created =
      app.web().cases.Create(*app.ActorFor(email), input, identity::Origin{"192.0.2.1", "test"});
  EXPECT_TRUE(created) << created.error().message;
  return created ? created->id : "";
}

}  // namespace waymark::app::testing
