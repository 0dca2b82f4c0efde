#include "platform/util/date.hpp"

#include <gtest/gtest.h>

namespace waymark {
namespace {

using namespace std::chrono;

TEST(Date, ParsesAndFormatsIsoDates) {
  auto date = ParseIsoDate("2024-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(*date, sys_days(2024y / February / 29));
  EXPECT_EQ(FormatIsoDate(*date), "2024-02-29");
}

TEST(Date, RefusesWhatIsNotARealDate) {
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-13-01"));
  EXPECT_FALSE(ParseIsoDate("2023-1-01"));
  EXPECT_FALSE(ParseIsoDate("2023-01-01T00:00"));
  EXPECT_FALSE(ParseIsoDate("+023-01-01"));
  EXPECT_FALSE(ParseIsoDate("1899-12-31"));
  EXPECT_FALSE(ParseIsoDate(""));
}

TEST(Date, ShowsDatesAsPeopleWriteThem) {
  EXPECT_EQ(FormatDateForPeople(sys_days(2025y / March / 3)), "3 March 2025");
  EXPECT_EQ(FormatDateForPeople(sys_days(2023y / January / 30)), "30 January 2023");
}

TEST(Date, ReadsTheThreeFieldsOfADateInput) {
  EXPECT_EQ(DateFromParts("3", "03", "2025"), sys_days(2025y / March / 3));
  EXPECT_EQ(DateFromParts(" 9 ", "12", "1990"), sys_days(1990y / December / 9));
  EXPECT_FALSE(DateFromParts("31", "4", "2025"));
  EXPECT_FALSE(DateFromParts("", "4", "2025"));
  EXPECT_FALSE(DateFromParts("1", "4", "25"));
  EXPECT_FALSE(DateFromParts("1", "four", "2025"));
  EXPECT_FALSE(DateFromParts("-1", "4", "2025"));
}

TEST(Date, TodayIsTheLondonDate) {
  // 23:30 UTC in summer is already the next day in London; in winter it is not.
  EXPECT_EQ(LondonDate(sys_days(2025y / July / 1) + hours(23) + minutes(30)),
            sys_days(2025y / July / 2));
  EXPECT_EQ(LondonDate(sys_days(2025y / December / 1) + hours(23) + minutes(30)),
            sys_days(2025y / December / 1));
}

}  // namespace
}  // namespace waymark
