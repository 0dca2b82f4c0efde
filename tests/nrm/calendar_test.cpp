#include "nrm/calendar.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace waymark::nrm {
namespace {

using namespace std::chrono;

Date D(const char* iso) { return *ParseIsoDate(iso); }

std::vector<std::string> Iso(const std::vector<Date>& dates) {
  std::vector<std::string> result;
  for (Date date : dates) result.push_back(FormatIsoDate(date));
  return result;
}

std::vector<std::string> Official(int year, std::vector<std::string> month_days) {
  for (std::string& md : month_days) md = std::to_string(year) + "-" + md;
  return month_days;
}

// The official England and Wales lists from gov.uk/bank-holidays.
TEST(Calendar, MatchesTheOfficialBankHolidays2020To2027) {
  const Policy& policy = DefaultPolicy();
  EXPECT_EQ(Iso(BankHolidays(policy, 2020)), Official(2020, {"01-01", "04-10", "04-13", "05-08",
                                                             "05-25", "08-31", "12-25", "12-28"}));
  EXPECT_EQ(Iso(BankHolidays(policy, 2021)), Official(2021, {"01-01", "04-02", "04-05", "05-03",
                                                             "05-31", "08-30", "12-27", "12-28"}));
  EXPECT_EQ(Iso(BankHolidays(policy, 2022)),
            Official(2022, {"01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19",
                            "12-26", "12-27"}));
  EXPECT_EQ(Iso(BankHolidays(policy, 2023)),
            Official(2023, {"01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25",
                            "12-26"}));
  EXPECT_EQ(Iso(BankHolidays(policy, 2024)), Official(2024, {"01-01", "03-29", "04-01", "05-06",
                                                             "05-27", "08-26", "12-25", "12-26"}));
  EXPECT_EQ(Iso(BankHolidays(policy, 2025)), Official(2025, {"01-01", "04-18", "04-21", "05-05",
                                                             "05-26", "08-25", "12-25", "12-26"}));
  EXPECT_EQ(Iso(BankHolidays(policy, 2026)), Official(2026, {"01-01", "04-03", "04-06", "05-04",
                                                             "05-25", "08-31", "12-25", "12-28"}));
  EXPECT_EQ(Iso(BankHolidays(policy, 2027)), Official(2027, {"01-01", "03-26", "03-29", "05-03",
                                                             "05-31", "08-30", "12-27", "12-28"}));
}

TEST(Calendar, ComputesEasterByTheGregorianAlgorithm) {
  EXPECT_EQ(EasterSunday(2024), D("2024-03-31"));
  EXPECT_EQ(EasterSunday(2025), D("2025-04-20"));
  EXPECT_EQ(EasterSunday(2019), D("2019-04-21"));  // the latest date in recent years
  EXPECT_EQ(EasterSunday(2008), D("2008-03-23"));  // an early one
  EXPECT_EQ(EasterSunday(2038), D("2038-04-25"));  // the latest possible date
  EXPECT_EQ(EasterSunday(2285), D("2285-03-22"));  // the earliest possible date
}

TEST(Calendar, RulesAloneGiveTheUsualDaysWithoutOneOffChanges) {
  // 2020's early May holiday is 4 May by rule; the policy moved it to VE Day, 8 May.
  auto rule_2020 = Iso(RuleBankHolidays(2020));
  EXPECT_NE(std::find(rule_2020.begin(), rule_2020.end(), "2020-05-04"), rule_2020.end());
  EXPECT_EQ(std::find(rule_2020.begin(), rule_2020.end(), "2020-05-08"), rule_2020.end());
  auto rule_2022 = Iso(RuleBankHolidays(2022));
  EXPECT_NE(std::find(rule_2022.begin(), rule_2022.end(), "2022-05-30"), rule_2022.end());
  EXPECT_EQ(rule_2022.size(), 8u);
}

TEST(Calendar, SubstitutesWeekendChristmasAndNewYear) {
  // Christmas on Saturday (2032): Monday 27 and Tuesday 28. New Year's Day 2033 is a Saturday.
  auto y2032 = Iso(RuleBankHolidays(2032));
  EXPECT_EQ(y2032.back(), "2032-12-28");
  EXPECT_EQ(y2032[y2032.size() - 2], "2032-12-27");
  EXPECT_EQ(Iso(RuleBankHolidays(2033)).front(), "2033-01-03");
  // Christmas on Sunday (2033): Boxing Day Monday 26 and Christmas Tuesday 27.
  auto y2033 = Iso(RuleBankHolidays(2033));
  EXPECT_EQ(y2033.back(), "2033-12-27");
  EXPECT_EQ(y2033[y2033.size() - 2], "2033-12-26");
  // Christmas on Friday (2026): Boxing Day on Saturday moves to Monday 28.
  auto y2026 = Iso(RuleBankHolidays(2026));
  EXPECT_EQ(y2026.back(), "2026-12-28");
  EXPECT_EQ(y2026[y2026.size() - 2], "2026-12-25");
}

TEST(Calendar, KnowsWorkingDays) {
  const Policy& policy = DefaultPolicy();
  EXPECT_TRUE(IsWorkingDay(policy, D("2025-03-03")));   // Monday
  EXPECT_FALSE(IsWorkingDay(policy, D("2025-03-01")));  // Saturday
  EXPECT_FALSE(IsWorkingDay(policy, D("2025-03-02")));  // Sunday
  EXPECT_FALSE(IsWorkingDay(policy, D("2025-04-18")));  // Good Friday
  EXPECT_FALSE(IsWorkingDay(policy, D("2022-09-19")));  // State Funeral (policy data)
  EXPECT_TRUE(IsWorkingDay(policy, D("2022-05-30")));   // spring holiday moved away
  EXPECT_TRUE(IsWorkingDay(policy, D("2020-05-04")));   // early May moved to VE Day
  EXPECT_TRUE(IsBankHoliday(policy, D("2023-05-08")));  // Coronation
}

TEST(Calendar, AddsWorkingDaysAcrossWeekends) {
  const Policy& policy = DefaultPolicy();
  EXPECT_EQ(AddWorkingDays(policy, D("2025-03-03"), 0), D("2025-03-03"));
  EXPECT_EQ(AddWorkingDays(policy, D("2025-03-03"), 4), D("2025-03-07"));  // Mon -> Fri
  EXPECT_EQ(AddWorkingDays(policy, D("2025-03-07"), 1), D("2025-03-10"));  // Fri -> Mon
  EXPECT_EQ(AddWorkingDays(policy, D("2025-03-05"), 5), D("2025-03-12"));  // Wed -> Wed
  // From a Saturday, day 1 is the Monday.
  EXPECT_EQ(AddWorkingDays(policy, D("2025-03-08"), 1), D("2025-03-10"));
  EXPECT_EQ(AddWorkingDays(policy, D("2025-03-10"), -1), D("2025-03-07"));
}

TEST(Calendar, AddsWorkingDaysAcrossEasterAndChristmas) {
  const Policy& policy = DefaultPolicy();
  // Easter 2025: Good Friday 18 April and Easter Monday 21 April are skipped.
  EXPECT_EQ(AddWorkingDays(policy, D("2025-04-16"), 5), D("2025-04-25"));
  EXPECT_EQ(AddWorkingDays(policy, D("2025-04-17"), 1), D("2025-04-22"));
  // Christmas 2025 to the new year: 25, 26 December and 1 January are skipped.
  EXPECT_EQ(AddWorkingDays(policy, D("2025-12-23"), 5), D("2026-01-02"));
  // 2022's moved spring holiday and the Jubilee: Wed 1 June + 1 is Mon 6 June.
  EXPECT_EQ(AddWorkingDays(policy, D("2022-06-01"), 1), D("2022-06-06"));
  // Counting back over Christmas 2021 (27 and 28 December substitutes).
  EXPECT_EQ(AddWorkingDays(policy, D("2021-12-29"), -1), D("2021-12-24"));
}

TEST(Calendar, AnotherPolicysChangesApply) {
  auto policy = LoadPolicy(R"(
[[version]]
starts = 2020-01-01
rg_target_working_days = 5
recovery_period_min_days = 30
reconsideration_window_days = 30
move_on_positive_min_days = 45
move_on_negative_max_days = 14
reach_in_max_months = 6
)");
  ASSERT_TRUE(policy) << policy.error().message;
  // Without the one-off changes, 2020's early May holiday stays on 4 May.
  EXPECT_FALSE(IsWorkingDay(*policy, D("2020-05-04")));
  EXPECT_TRUE(IsWorkingDay(*policy, D("2020-05-08")));
  EXPECT_TRUE(IsWorkingDay(*policy, D("2022-09-19")));
}

}  // namespace
}  // namespace waymark::nrm
