#include "platform/util/time.hpp"

#include <gtest/gtest.h>

namespace waymark {
namespace {

using namespace std::chrono;

TEST(Time, FormatsUtcWithFixedWidth) {
  TimePoint t =
      sys_days(2026y / November / 23) + hours(9) + minutes(5) + seconds(7) + microseconds(42);
  EXPECT_EQ(FormatUtc(t), "2026-11-23T09:05:07.000042Z");
}

TEST(Time, ParsesWhatItFormats) {
  TimePoint t = sys_days(2023y / January / 30) + hours(23) + microseconds(999999);
  auto parsed = ParseUtc(FormatUtc(t));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(*parsed, t);
}

TEST(Time, RefusesMalformedText) {
  EXPECT_FALSE(ParseUtc("2026-11-23 09:05:07Z"));
  EXPECT_FALSE(ParseUtc("2026-02-30T09:05:07.000000Z"));
  EXPECT_FALSE(ParseUtc("2026-11-23T24:05:07.000000Z"));
  EXPECT_FALSE(ParseUtc(""));
  // Right length and separators, but a sign, a space or a letter where a digit belongs.
  EXPECT_FALSE(ParseUtc("+026-11-23T09:05:07.000000Z"));
  EXPECT_FALSE(ParseUtc("2026-11-23T 9:05:07.000000Z"));
  EXPECT_FALSE(ParseUtc("2026-11-23T09:05:07.00000xZ"));
  EXPECT_FALSE(ParseUtc("2026-11-23T09:60:07.000000Z"));
}

TEST(Time, ShowsLondonTimeToPeople) {
  // 1 July is British Summer Time (UTC+1); 1 December is GMT.
  EXPECT_EQ(FormatForPeople(sys_days(2026y / July / 1) + hours(12)), "1 July 2026 at 1:00pm");
  EXPECT_EQ(FormatForPeople(sys_days(2026y / December / 1) + hours(0) + minutes(5)),
            "1 December 2026 at 12:05am");
}

}  // namespace
}  // namespace waymark

namespace waymark {
namespace {
using namespace std::chrono;

TEST(Time, SwitchesToSummerTimeAtOneUtcOnTheLastSundayOfMarch) {
  // 29 March 2026 is the last Sunday of March.
  EXPECT_EQ(FormatForPeople(sys_days(2026y / March / 29) + minutes(59)),
            "29 March 2026 at 12:59am");
  EXPECT_EQ(FormatForPeople(sys_days(2026y / March / 29) + hours(1)), "29 March 2026 at 2:00am");
  // 25 October 2026 is the last Sunday of October.
  EXPECT_EQ(FormatForPeople(sys_days(2026y / October / 25) + minutes(59)),
            "25 October 2026 at 1:59am");
  EXPECT_EQ(FormatForPeople(sys_days(2026y / October / 25) + hours(1)),
            "25 October 2026 at 1:00am");
}

}  // namespace
}  // namespace waymark
