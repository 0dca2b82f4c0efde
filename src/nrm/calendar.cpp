#include "nrm/calendar.hpp"

#include <algorithm>
#include <chrono>

namespace waymark::nrm {

namespace {

using namespace std::chrono;

bool IsWeekend(Date date) {
  weekday day{date};
  return day == Saturday || day == Sunday;
}

Date MakeDate(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

Date FirstMonday(int y, unsigned m) { return sys_days{year{y} / month{m} / Monday[1]}; }

Date LastMonday(int y, unsigned m) { return sys_days{year{y} / month{m} / Monday[last]}; }

int YearOf(Date date) { return static_cast<int>(year_month_day{date}.year()); }

// Fixed-date holidays that fall on a weekday keep their day; those on a weekend take the next
// weekday nobody else has. Placing the unmoved ones first is what puts Boxing Day on Monday 26
// and Christmas on Tuesday 27 when Christmas is a Sunday.
void AddFixedWithSubstitutes(std::vector<Date>& taken, const std::vector<Date>& fixed) {
  for (Date date : fixed) {
    if (!IsWeekend(date)) taken.push_back(date);
  }
  for (Date date : fixed) {
    if (!IsWeekend(date)) continue;
    Date substitute = date;
    while (IsWeekend(substitute) ||
           std::find(taken.begin(), taken.end(), substitute) != taken.end()) {
      substitute += days{1};
    }
    taken.push_back(substitute);
  }
}

// Holidays are looked up a year at a time, so counting working days does not recompute the
// year's list for every day it steps over.
class HolidayLookup {
 public:
  explicit HolidayLookup(const Policy& policy) : policy_(policy) {}

  bool IsHoliday(Date date) {
    int y = YearOf(date);
    if (y != year_) {
      year_ = y;
      holidays_ = BankHolidays(policy_, y);
    }
    return std::binary_search(holidays_.begin(), holidays_.end(), date);
  }

 private:
  const Policy& policy_;
  int year_ = 0;
  std::vector<Date> holidays_;
};

}  // namespace

Date EasterSunday(int y) {
  int a = y % 19;
  int b = y / 100;
  int c = y % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month_number = (h + l - 7 * m + 114) / 31;
  int day_number = (h + l - 7 * m + 114) % 31 + 1;
  return MakeDate(y, static_cast<unsigned>(month_number), static_cast<unsigned>(day_number));
}

std::vector<Date> RuleBankHolidays(int y) {
  std::vector<Date> result;
  AddFixedWithSubstitutes(result, {MakeDate(y, 1, 1)});
  Date easter = EasterSunday(y);
  result.push_back(easter - days{2});
  result.push_back(easter + days{1});
  result.push_back(FirstMonday(y, 5));
  result.push_back(LastMonday(y, 5));
  result.push_back(LastMonday(y, 8));
  AddFixedWithSubstitutes(result, {MakeDate(y, 12, 25), MakeDate(y, 12, 26)});
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<Date> BankHolidays(const Policy& policy, int y) {
  std::vector<Date> result = RuleBankHolidays(y);
  for (const BankHolidayChange& change : policy.bank_holiday_changes) {
    if (YearOf(change.date) != y) continue;
    if (change.replaces) std::erase(result, *change.replaces);
    result.push_back(change.date);
  }
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

bool IsBankHoliday(const Policy& policy, Date date) {
  std::vector<Date> holidays = BankHolidays(policy, YearOf(date));
  return std::binary_search(holidays.begin(), holidays.end(), date);
}

bool IsWorkingDay(const Policy& policy, Date date) {
  return !IsWeekend(date) && !IsBankHoliday(policy, date);
}

Date AddWorkingDays(const Policy& policy, Date from, int n) {
  HolidayLookup holidays(policy);
  const days step{n >= 0 ? 1 : -1};
  int remaining = n >= 0 ? n : -n;
  Date date = from;
  while (remaining > 0) {
    date += step;
    if (!IsWeekend(date) && !holidays.IsHoliday(date)) --remaining;
  }
  return date;
}

}  // namespace waymark::nrm
