// Calendar dates (no time of day), stored as "YYYY-MM-DD" and shown as "3 March 2025".
// Deadlines, dates of birth and decision dates are dates, not instants: keep them in Date.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "platform/util/clock.hpp"

namespace waymark {

using Date = std::chrono::sys_days;

// Parses exactly "YYYY-MM-DD" with a real calendar date (1900..9999); anything else is nullopt.
std::optional<Date> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(Date date);  // "2025-03-03"
// "3 March 2025" (GOV.UK style).
std::string FormatDateForPeople(Date date);
// Parses the GOV.UK date input's three fields ("3", "03", "2025"); nullopt unless they make a
// real date in 1900..9999.
std::optional<Date> DateFromParts(std::string_view day, std::string_view month,
                                  std::string_view year);

// The date in Europe/London at instant `t` (a UK service's "today").
Date LondonDate(TimePoint t);

}  // namespace waymark
