// StatusOn on boundary dates, and the withdrawal rules.
#include <gtest/gtest.h>

#include "consent/model.hpp"
#include "consent/text.hpp"
#include "test_support.hpp"

namespace waymark::consent {
namespace {

using testing::Day;
using testing::Errors;

Consent Given(Date on, std::optional<Date> expires = std::nullopt) {
  Consent c;
  c.purpose = Purpose::kNrmReferral;
  c.decision = Decision::kGiven;
  c.language = "eng";
  c.decided_on = on;
  c.expires_on = expires;
  return c;
}

TEST(StatusOn, InForceFromTheDayGivenUpToAndIncludingExpiry) {
  const Consent c = Given(Day(2025, 3, 3), Day(2025, 6, 30));
  EXPECT_EQ(StatusOn(c, Day(2025, 3, 2)), ConsentStatus::kNotYetGiven);
  EXPECT_EQ(StatusOn(c, Day(2025, 3, 3)), ConsentStatus::kGiven);
  EXPECT_EQ(StatusOn(c, Day(2025, 6, 30)), ConsentStatus::kGiven);
  EXPECT_TRUE(InForceOn(c, Day(2025, 6, 30)));
  EXPECT_EQ(StatusOn(c, Day(2025, 7, 1)), ConsentStatus::kExpired);
  EXPECT_FALSE(InForceOn(c, Day(2025, 7, 1)));
}

TEST(StatusOn, WithoutExpiryStaysInForce) {
  EXPECT_EQ(StatusOn(Given(Day(2025, 3, 3)), Day(2035, 1, 1)), ConsentStatus::kGiven);
}

TEST(StatusOn, ARefusalIsARefusalOnEveryDay) {
  Consent c = Given(Day(2025, 3, 3));
  c.decision = Decision::kRefused;
  EXPECT_EQ(StatusOn(c, Day(2025, 3, 1)), ConsentStatus::kRefused);
  EXPECT_EQ(StatusOn(c, Day(2025, 3, 3)), ConsentStatus::kRefused);
  EXPECT_EQ(StatusOn(c, Day(2026, 3, 3)), ConsentStatus::kRefused);
}

TEST(StatusOn, WithdrawalTakesEffectOnItsOwnDate) {
  Consent c = Given(Day(2025, 3, 3), Day(2025, 6, 30));
  c.withdrawal = Withdrawal{Day(2025, 4, 1), ""};
  EXPECT_EQ(StatusOn(c, Day(2025, 3, 31)), ConsentStatus::kGiven);
  EXPECT_EQ(StatusOn(c, Day(2025, 4, 1)), ConsentStatus::kWithdrawn);
  EXPECT_EQ(StatusOn(c, Day(2025, 8, 1)), ConsentStatus::kWithdrawn);  // not "expired"
  EXPECT_EQ(StatusOn(c, Day(2025, 3, 1)), ConsentStatus::kNotYetGiven);
}

TEST(Withdraw, RecordsTheDateAndTrimmedNote) {
  const Consent c = Given(Day(2025, 3, 3));
  auto withdrawn = Withdraw(c, Day(2025, 3, 3), "  Said so on the phone ", Day(2025, 3, 10));
  ASSERT_TRUE(withdrawn);
  ASSERT_TRUE(withdrawn->withdrawal);
  EXPECT_EQ(withdrawn->withdrawal->on, Day(2025, 3, 3));
  EXPECT_EQ(withdrawn->withdrawal->note, "Said so on the phone");
  EXPECT_EQ(StatusOn(*withdrawn, Day(2025, 3, 3)), ConsentStatus::kWithdrawn);
  Consent unchanged = *withdrawn;
  unchanged.withdrawal.reset();
  EXPECT_EQ(unchanged, c);
}

TEST(Withdraw, ARefusalCannotBeWithdrawn) {
  Consent c = Given(Day(2025, 3, 3));
  c.decision = Decision::kRefused;
  auto result = Withdraw(c, Day(2025, 3, 4), "", Day(2025, 3, 10));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(result.error().message,
            "Consent was refused, so there is nothing to withdraw. Record a new consent if the "
            "person now agrees");
}

TEST(Withdraw, OnlyOnce) {
  Consent c = Given(Day(2025, 3, 3));
  c.withdrawal = Withdrawal{Day(2025, 3, 5), ""};
  auto result = Withdraw(c, Day(2025, 3, 6), "", Day(2025, 3, 10));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(result.error().message, "This consent was already withdrawn on 5 March 2025");
}

TEST(Withdraw, DateBetweenGivenAndTodayAndNotAfterExpiry) {
  const Consent c = Given(Day(2025, 3, 3), Day(2025, 3, 20));
  const Date today = Day(2025, 4, 10);
  EXPECT_EQ(Errors(Withdraw(c, Day(2025, 3, 2), "", today)).at("withdrawn_on"),
            "The date consent was withdrawn cannot be before the date it was given, 3 March 2025");
  EXPECT_EQ(Errors(Withdraw(c, Day(2025, 4, 11), "", today)).at("withdrawn_on"),
            "The date consent was withdrawn cannot be in the future");
  EXPECT_EQ(Errors(Withdraw(c, Day(2025, 3, 21), "", today)).at("withdrawn_on"),
            "The date consent was withdrawn must be on or before the date it expired, 20 March "
            "2025");
  EXPECT_TRUE(Withdraw(c, Day(2025, 3, 20), "", today));
}

TEST(Withdraw, NoteHasALengthLimit) {
  const Consent c = Given(Day(2025, 3, 3));
  EXPECT_TRUE(Withdraw(c, Day(2025, 3, 4), std::string(kMaxTextCharacters, 'x'), Day(2025, 3, 4)));
  auto errors = Errors(
      Withdraw(c, Day(2025, 3, 4), std::string(kMaxTextCharacters + 1, 'x'), Day(2025, 3, 4)));
  EXPECT_EQ(
      errors,
      (std::map<std::string, std::string>{{"note", "The note must be 2,000 characters or fewer"}}));
}

TEST(ValidateWithdrawal, ParsesTheDate) {
  const Consent c = Given(Day(2025, 3, 3));
  const Date today = Day(2025, 3, 10);
  auto ok = ValidateWithdrawal(c, {" 2025-03-09 ", "moved away"}, today);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->withdrawal, (Withdrawal{Day(2025, 3, 9), "moved away"}));
  EXPECT_EQ(Errors(ValidateWithdrawal(c, {"", ""}, today)).at("withdrawn_on"),
            "Enter the date consent was withdrawn");
  EXPECT_EQ(Errors(ValidateWithdrawal(c, {"2025-02-29", ""}, today)).at("withdrawn_on"),
            "The date consent was withdrawn must be a real date");
  EXPECT_EQ(Errors(ValidateWithdrawal(c, {"2025-03-11", ""}, today)).at("withdrawn_on"),
            "The date consent was withdrawn cannot be in the future");
}

TEST(ValidateWithdrawal, ReportsDateAndNoteTogether) {
  const Consent c = Given(Day(2025, 3, 3));
  auto errors = Errors(
      ValidateWithdrawal(c, {"soon", std::string(kMaxTextCharacters + 1, 'x')}, Day(2025, 3, 10)));
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors.count("withdrawn_on"), 1u);
  EXPECT_EQ(errors.count("note"), 1u);
}

TEST(ValidateWithdrawal, RefusesARefusalBeforeLookingAtTheForm) {
  Consent c = Given(Day(2025, 3, 3));
  c.decision = Decision::kRefused;
  auto result = ValidateWithdrawal(c, {"", ""}, Day(2025, 3, 10));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kConflict);
}

}  // namespace
}  // namespace waymark::consent
