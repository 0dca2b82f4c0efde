// Times are stored as UTC text of fixed width, so they sort as text on both databases.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "platform/util/clock.hpp"

namespace waymark {

// "2026-11-23T19:08:57.123456Z": microsecond precision, always 27 characters.
std::string FormatUtc(TimePoint t);
std::optional<TimePoint> ParseUtc(std::string_view text);

// "23 November 2026 at 7:08pm" in Europe/London, as people read it (GOV.UK style).
std::string FormatForPeople(TimePoint t);
// Whether Europe/London is on British Summer Time (UTC+1) at `t`.
bool InBritishSummerTime(TimePoint t);

}  // namespace waymark
