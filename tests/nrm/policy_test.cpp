#include "nrm/policy.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace waymark::nrm {
namespace {

using ::testing::HasSubstr;

Date D(const char* iso) { return *ParseIsoDate(iso); }

constexpr const char* kPeriods = R"(
rg_target_working_days = 5
recovery_period_min_days = 45
reconsideration_window_days = 30
move_on_positive_min_days = 45
move_on_negative_max_days = 14
reach_in_max_months = 6
)";

std::string Version(const std::string& starts, const std::string& extra = "") {
  return "[[version]]\nstarts = " + starts + "\n" + kPeriods + extra + "\n";
}

std::string ErrorOf(const std::string& toml) {
  auto policy = LoadPolicy(toml);
  if (policy) return "(loaded)";
  EXPECT_EQ(policy.error().kind, ProblemKind::kInvalid);
  return policy.error().message;
}

TEST(Policy, DefaultPolicyHasTheRecoveryPeriodChange) {
  const Policy& policy = DefaultPolicy();
  ASSERT_EQ(policy.versions.size(), 2u);
  EXPECT_EQ(policy.versions[1].starts, D("2023-01-30"));
  const PolicyVersion& now = policy.InForceOn(D("2025-06-01"));
  EXPECT_EQ(now.rg_target_working_days, 5);
  EXPECT_EQ(now.recovery_period_min_days, 30);
  EXPECT_EQ(now.reconsideration_window_days, 30);
  EXPECT_EQ(now.move_on_positive_min_days, 45);
  EXPECT_EQ(now.move_on_negative_max_days, 14);
  EXPECT_EQ(now.reach_in_max_months, 6);
  EXPECT_FALSE(now.source.empty());
  EXPECT_EQ(policy.bank_holiday_changes.size(), 5u);
}

TEST(Policy, TheVersionInForceChangesOnItsStartDate) {
  const Policy& policy = DefaultPolicy();
  EXPECT_EQ(policy.InForceOn(D("2023-01-29")).recovery_period_min_days, 45);
  EXPECT_EQ(policy.InForceOn(D("2023-01-30")).recovery_period_min_days, 30);
  EXPECT_EQ(policy.InForceOn(D("2023-01-31")).recovery_period_min_days, 30);
  EXPECT_EQ(&policy.InForceOn(D("2009-04-01")), &policy.versions[0]);
}

TEST(Policy, ADateBeforeTheFirstVersionUsesTheFirst) {
  const Policy& policy = DefaultPolicy();
  EXPECT_EQ(&policy.InForceOn(D("1999-12-31")), &policy.versions[0]);
  EXPECT_EQ(policy.InForceOn(D("1999-12-31")).recovery_period_min_days, 45);
}

TEST(Policy, LoadsVersionsFromText) {
  auto policy = LoadPolicy(Version("2020-01-01") + Version("\"2021-06-01\"") +
                           "[[version]]\nstarts = 2024-01-01\n" +
                           "rg_target_working_days = 3\nrecovery_period_min_days = 60\n"
                           "reconsideration_window_days = 28\nmove_on_positive_min_days = 90\n"
                           "move_on_negative_max_days = 9\nreach_in_max_months = 12\n");
  ASSERT_TRUE(policy) << policy.error().message;
  ASSERT_EQ(policy->versions.size(), 3u);
  EXPECT_EQ(policy->versions[1].starts, D("2021-06-01"));  // a quoted ISO date works too
  EXPECT_EQ(policy->InForceOn(D("2023-12-31")).recovery_period_min_days, 45);
  const PolicyVersion& latest = policy->InForceOn(D("2024-01-01"));
  EXPECT_EQ(latest.rg_target_working_days, 3);
  EXPECT_EQ(latest.recovery_period_min_days, 60);
  EXPECT_EQ(latest.reconsideration_window_days, 28);
  EXPECT_EQ(latest.move_on_positive_min_days, 90);
  EXPECT_EQ(latest.move_on_negative_max_days, 9);
  EXPECT_EQ(latest.reach_in_max_months, 12);
  EXPECT_TRUE(policy->bank_holiday_changes.empty());
}

TEST(Policy, TheBuiltInTextIsWhatDefaultPolicyHolds) {
  auto reloaded = LoadPolicy(DefaultPolicyToml());
  ASSERT_TRUE(reloaded) << reloaded.error().message;
  EXPECT_EQ(reloaded->versions.size(), DefaultPolicy().versions.size());
  EXPECT_EQ(reloaded->bank_holiday_changes[0].date, D("2020-05-08"));
  EXPECT_EQ(reloaded->bank_holiday_changes[0].replaces, D("2020-05-04"));
}

TEST(Policy, RefusesTomlThatDoesNotParse) {
  EXPECT_THAT(ErrorOf("[[version]]\nstarts = = 2020-01-01\n"), HasSubstr("line 2"));
}

TEST(Policy, RefusesMissingAndUnknownKeys) {
  EXPECT_THAT(ErrorOf(""), HasSubstr("version is missing"));
  EXPECT_THAT(ErrorOf("[version]\nstarts = 2020-01-01\n"),
              HasSubstr("version must be written as [[version]] tables"));
  EXPECT_THAT(ErrorOf(Version("2020-01-01", "recovery_days = 3")),
              HasSubstr("version[1].recovery_days is not a known key"));
  EXPECT_THAT(ErrorOf(Version("2020-01-01") + "periods = 3\n"),
              HasSubstr("periods is not a known key"));
  std::string no_reach_in =
      "[[version]]\nstarts = 2020-01-01\nrg_target_working_days = 5\n"
      "recovery_period_min_days = 45\nreconsideration_window_days = 30\n"
      "move_on_positive_min_days = 45\nmove_on_negative_max_days = 14\n";
  EXPECT_THAT(ErrorOf(no_reach_in), HasSubstr("version[1].reach_in_max_months is missing"));
  EXPECT_THAT(ErrorOf("[[version]]\n" + std::string(kPeriods)),
              HasSubstr("version[1].starts is missing"));
}

TEST(Policy, RefusesPeriodsThatAreNotPositiveWholeNumbers) {
  auto with = [](const std::string& key, const std::string& value) {
    std::string text = Version("2020-01-01");
    size_t at = text.find(key + " = ");
    size_t end = text.find('\n', at);
    return text.replace(at, end - at, key + " = " + value);
  };
  EXPECT_THAT(ErrorOf(with("recovery_period_min_days", "0")),
              HasSubstr("version[1].recovery_period_min_days must be a whole number of days from "
                        "1 to 3650"));
  EXPECT_THAT(ErrorOf(with("reconsideration_window_days", "-30")),
              HasSubstr("version[1].reconsideration_window_days must be"));
  EXPECT_THAT(ErrorOf(with("move_on_positive_min_days", "\"45\"")),
              HasSubstr("version[1].move_on_positive_min_days must be"));
  EXPECT_THAT(ErrorOf(with("move_on_negative_max_days", "14.5")),
              HasSubstr("version[1].move_on_negative_max_days must be"));
  EXPECT_THAT(ErrorOf(with("rg_target_working_days", "400")),
              HasSubstr("version[1].rg_target_working_days must be a whole number of working "
                        "days from 1 to 365"));
  EXPECT_THAT(ErrorOf(with("reach_in_max_months", "0")),
              HasSubstr("version[1].reach_in_max_months must be a whole number of months"));
}

TEST(Policy, RefusesStartDatesThatDoNotIncrease) {
  EXPECT_THAT(ErrorOf(Version("2023-01-30") + Version("2023-01-30")),
              HasSubstr("version[2].starts (2023-01-30) must be after version[1].starts "
                        "(2023-01-30)"));
  EXPECT_THAT(ErrorOf(Version("2023-01-30") + Version("2020-01-01")),
              HasSubstr("version[2].starts (2020-01-01) must be after"));
  EXPECT_THAT(ErrorOf(Version("\"30 January 2023\"")),
              HasSubstr("version[1].starts must be a date like 2023-01-30"));
  EXPECT_THAT(ErrorOf(Version("2023-02-30")), HasSubstr("line"));  // TOML itself refuses it
}

TEST(Policy, RefusesBankHolidayChangesThatDoNotFit) {
  std::string base = Version("2020-01-01");
  EXPECT_THAT(ErrorOf(base + "[[bank_holiday_change]]\ndate = 2020-05-09\nname = \"X\"\n"),
              HasSubstr("bank_holiday_change[1].date (2020-05-09) falls on a weekend"));
  EXPECT_THAT(ErrorOf(base + "[[bank_holiday_change]]\ndate = 2020-05-08\nreplaces = "
                             "2020-05-05\nname = \"X\"\n"),
              HasSubstr("bank_holiday_change[1].replaces (2020-05-05) must be a bank holiday "
                        "by rule"));
  EXPECT_THAT(ErrorOf(base + "[[bank_holiday_change]]\ndate = 2021-01-04\nreplaces = "
                             "2020-05-04\nname = \"X\"\n"),
              HasSubstr("must be a bank holiday by rule in the same year"));
  EXPECT_THAT(ErrorOf(base + "[[bank_holiday_change]]\ndate = 2020-05-25\nname = \"X\"\n"),
              HasSubstr("bank_holiday_change[1].date (2020-05-25) is already a bank holiday"));
  EXPECT_THAT(ErrorOf(base + "[[bank_holiday_change]]\ndate = 2020-05-07\n"),
              HasSubstr("bank_holiday_change[1].name is missing"));
  EXPECT_THAT(ErrorOf(base + "[[bank_holiday_change]]\ndate = 2020-05-07\nname = \"A\"\n" +
                      "[[bank_holiday_change]]\ndate = 2020-05-07\nname = \"B\"\n"),
              HasSubstr("lists 2020-05-07 more than once"));
  EXPECT_THAT(ErrorOf(base + "[[bank_holiday_change]]\ndate = 2020-05-07\nname = \"A\"\n" +
                      "moved = true\n"),
              HasSubstr("bank_holiday_change[1].moved is not a known key"));
}

TEST(Policy, NamesTheFieldAtFault) {
  auto policy = LoadPolicy(Version("2020-01-01", "extra = 1"));
  ASSERT_FALSE(policy);
  ASSERT_EQ(policy.error().fields.size(), 1u);
  EXPECT_EQ(policy.error().fields[0].field, "version[1].extra");
}

}  // namespace
}  // namespace waymark::nrm
