#include "platform/util/time.hpp"

#include <chrono>
#include <cstdio>

namespace waymark {

namespace {
using std::chrono::microseconds;

std::chrono::sys_seconds ToLondonWallClock(std::chrono::sys_seconds t) {
  return InBritishSummerTime(t) ? t + std::chrono::hours(1) : t;
}
}  // namespace

// GCC 12's library has no time-zone database, so Europe/London is applied by its rule: British
// Summer Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October (the rule in force since 1996).
bool InBritishSummerTime(TimePoint t) {
  using namespace std::chrono;
  auto year = year_month_day{floor<days>(t)}.year();
  auto starts = sys_days{year_month_weekday_last{year, March, weekday_last{Sunday}}} + hours(1);
  auto ends = sys_days{year_month_weekday_last{year, October, weekday_last{Sunday}}} + hours(1);
  return t >= starts && t < ends;
}

std::string FormatUtc(TimePoint t) {
  auto us = std::chrono::floor<microseconds>(t);
  auto day = std::chrono::floor<std::chrono::days>(us);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{us - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%06ldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                int(hms.minutes().count()), int(hms.seconds().count()),
                long(hms.subseconds().count()));
  return buf;
}

std::optional<TimePoint> ParseUtc(std::string_view text) {
  if (text.size() != 27 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != '.' || text[26] != 'Z') {
    return std::nullopt;
  }
  // Read by position, digits only: every row read carries a time or two, and sscanf was a
  // visible share of reading a page of cases.
  bool digits = true;
  auto number = [&](size_t from, size_t count) {
    int64_t value = 0;
    for (size_t i = from; i < from + count; ++i) {
      char c = text[i];
      if (c < '0' || c > '9') digits = false;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  int64_t y = number(0, 4), mo = number(5, 2), d = number(8, 2), h = number(11, 2),
          mi = number(14, 2), s = number(17, 2), us = number(20, 6);
  if (!digits) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(y)),
                                  std::chrono::month(static_cast<unsigned>(mo)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
  auto tp = std::chrono::sys_days(ymd) + std::chrono::hours(h) + std::chrono::minutes(mi) +
            std::chrono::seconds(s) + microseconds(us);
  return std::chrono::time_point_cast<TimePoint::duration>(tp);
}

std::string FormatForPeople(TimePoint t) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  auto local = ToLondonWallClock(std::chrono::floor<std::chrono::seconds>(t));
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{local - day};
  int hour = int(hms.hours().count());
  int hour12 = hour % 12 == 0 ? 12 : hour % 12;
  char buf[80];
  std::snprintf(buf, sizeof buf, "%u %s %d at %d:%02d%s", unsigned(ymd.day()),
                kMonths[unsigned(ymd.month()) - 1], int(ymd.year()), hour12,
                int(hms.minutes().count()), hour < 12 ? "am" : "pm");
  return buf;
}

}  // namespace waymark
