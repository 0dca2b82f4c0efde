#include "platform/util/date.hpp"

#include <charconv>
#include <cstdio>

#include "platform/util/time.hpp"

namespace waymark {

namespace {

std::optional<int> ParseNumber(std::string_view text, size_t max_digits) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Date> MakeDate(int y, int m, int d) {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(unsigned(m)),
                                  std::chrono::day(unsigned(d))};
  if (!ymd.ok()) return std::nullopt;
  return Date(ymd);
}

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  auto y = ParseNumber(text.substr(0, 4), 4);
  auto m = ParseNumber(text.substr(5, 2), 2);
  auto d = ParseNumber(text.substr(8, 2), 2);
  if (!y || !m || !d) return std::nullopt;
  return MakeDate(*y, *m, *d);
}

std::string FormatIsoDate(Date date) {
  std::chrono::year_month_day ymd{date};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

std::string FormatDateForPeople(Date date) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  std::chrono::year_month_day ymd{date};
  return std::to_string(unsigned(ymd.day())) + " " + kMonths[unsigned(ymd.month()) - 1] + " " +
         std::to_string(int(ymd.year()));
}

std::optional<Date> DateFromParts(std::string_view day, std::string_view month,
                                  std::string_view year) {
  auto d = ParseNumber(day, 2);
  auto m = ParseNumber(month, 2);
  auto y = ParseNumber(year, 4);
  if (!d || !m || !y) return std::nullopt;
  return MakeDate(*y, *m, *d);
}

Date LondonDate(TimePoint t) {
  auto local = InBritishSummerTime(t) ? t + std::chrono::hours(1) : t;
  return std::chrono::floor<std::chrono::days>(local);
}

}  // namespace waymark
