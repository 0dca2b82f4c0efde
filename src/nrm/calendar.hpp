// England and Wales bank holidays and working-day arithmetic, for deadlines counted in working
// days (the Reasonable Grounds target). Regular bank holidays are computed by rule, so any year
// works without a list to update; one-off changes (VE Day 2020, the 2022 Jubilee, a State
// Funeral, a Coronation) come from the policy data.
// The rules are those in force since 1978 (when the early May bank holiday began); earlier years
// get the same rules, which Waymark never needs.
// Thread safety: pure functions, safe from any thread.
#pragma once

#include <vector>

#include "nrm/policy.hpp"
#include "platform/util/date.hpp"

namespace waymark::nrm {

// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
Date EasterSunday(int year);

// The bank holidays of `year` by rule alone, sorted: New Year's Day, Good Friday, Easter Monday,
// early May (first Monday in May), spring (last Monday in May), summer (last Monday in August),
// Christmas Day and Boxing Day. A fixed-date holiday on a weekend moves to a substitute day:
// New Year's Day to the following Monday; Christmas on Saturday gives Monday 27 and Tuesday 28,
// Christmas on Sunday gives Boxing Day on Monday 26 and Christmas on Tuesday 27, Boxing Day on
// Saturday gives Monday 28.
std::vector<Date> RuleBankHolidays(int year);

// RuleBankHolidays with the policy's one-off changes for that year applied, sorted.
std::vector<Date> BankHolidays(const Policy& policy, int year);

bool IsBankHoliday(const Policy& policy, Date date);

// Monday to Friday and not a bank holiday.
bool IsWorkingDay(const Policy& policy, Date date);

// `from` is day 0 (whether or not it is a working day); the result is the nth working day after
// it. n = 0 gives `from`; a negative n counts back, giving the |n|th working day before it.
Date AddWorkingDays(const Policy& policy, Date from, int n);

}  // namespace waymark::nrm
