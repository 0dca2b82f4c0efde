// The questions other features ask: may we refer, share, contact on this day?
#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "consent/model.hpp"
#include "test_support.hpp"

namespace waymark::consent {
namespace {

using testing::Day;

Consent Record(Purpose purpose, Decision decision, Date on,
               std::optional<Date> expires = std::nullopt) {
  Consent c;
  c.purpose = purpose;
  c.decision = decision;
  c.language = "eng";
  c.decided_on = on;
  c.expires_on = expires;
  return c;
}

Consent Sharing(std::string recipient, Decision decision, Date on,
                std::optional<Date> expires = std::nullopt) {
  Consent c = Record(Purpose::kSharing, decision, on, expires);
  c.recipient = std::move(recipient);
  return c;
}

Consent Contact(ContactMethod method, Decision decision, Date on) {
  Consent c = Record(Purpose::kContact, decision, on);
  c.method = method;
  return c;
}

const Date kMarch3 = Day(2025, 3, 3);
const Date kMarch10 = Day(2025, 3, 10);

TEST(PermitsNrmReferral, NotWithoutAConsentRecord) {
  EXPECT_FALSE(PermitsNrmReferral({}, kMarch10));
  std::vector<Consent> other{Record(Purpose::kSupport, Decision::kGiven, kMarch3)};
  EXPECT_FALSE(PermitsNrmReferral(other, kMarch10));
}

TEST(PermitsNrmReferral, NotWhenRefused) {
  std::vector<Consent> refused{Record(Purpose::kNrmReferral, Decision::kRefused, kMarch3)};
  EXPECT_FALSE(PermitsNrmReferral(refused, kMarch10));
}

TEST(PermitsNrmReferral, WhenGivenFromThatDay) {
  std::vector<Consent> given{Record(Purpose::kNrmReferral, Decision::kGiven, kMarch3)};
  EXPECT_TRUE(PermitsNrmReferral(given, kMarch3));
  EXPECT_TRUE(PermitsNrmReferral(given, kMarch10));
  EXPECT_FALSE(PermitsNrmReferral(given, Day(2025, 3, 2)));
}

TEST(PermitsNrmReferral, NotOnceWithdrawn) {
  std::vector<Consent> consents{Record(Purpose::kNrmReferral, Decision::kGiven, kMarch3)};
  consents[0].withdrawal = Withdrawal{Day(2025, 3, 5), ""};
  EXPECT_TRUE(PermitsNrmReferral(consents, Day(2025, 3, 4)));
  EXPECT_FALSE(PermitsNrmReferral(consents, Day(2025, 3, 5)));
}

TEST(PermitsNrmReferral, NotOnceExpired) {
  std::vector<Consent> consents{
      Record(Purpose::kNrmReferral, Decision::kGiven, kMarch3, Day(2025, 3, 31))};
  EXPECT_TRUE(PermitsNrmReferral(consents, Day(2025, 3, 31)));
  EXPECT_FALSE(PermitsNrmReferral(consents, Day(2025, 4, 1)));
}

TEST(PermitsNrmReferral, ALaterRefusalSupersedesAnEarlierConsent) {
  std::vector<Consent> consents{Record(Purpose::kNrmReferral, Decision::kGiven, kMarch3),
                                Record(Purpose::kNrmReferral, Decision::kRefused, kMarch10)};
  EXPECT_TRUE(PermitsNrmReferral(consents, Day(2025, 3, 9)));
  EXPECT_FALSE(PermitsNrmReferral(consents, kMarch10));
  // Consent given again after the refusal counts.
  consents.push_back(Record(Purpose::kNrmReferral, Decision::kGiven, Day(2025, 3, 12)));
  EXPECT_TRUE(PermitsNrmReferral(consents, Day(2025, 3, 12)));
  EXPECT_EQ(LaterRefusal(consents, consents[0], Day(2025, 3, 12)), 1u);
  EXPECT_EQ(LaterRefusal(consents, consents[2], Day(2025, 3, 12)), std::nullopt);
}

TEST(PermitsNrmReferral, ARefusalOnTheSameDayWins) {
  std::vector<Consent> consents{Record(Purpose::kNrmReferral, Decision::kRefused, kMarch3),
                                Record(Purpose::kNrmReferral, Decision::kGiven, kMarch3)};
  EXPECT_FALSE(PermitsNrmReferral(consents, kMarch10));
}

TEST(FindConsentFor, MatchesTheRecipientIgnoringCaseAndSpaces) {
  std::vector<Consent> consents{Sharing("Hope for Justice", Decision::kGiven, kMarch3),
                                Sharing("Salvation Army", Decision::kGiven, kMarch3)};
  EXPECT_EQ(FindConsentFor(consents, Purpose::kSharing, "  hope FOR  justice ", kMarch10), 0u);
  EXPECT_EQ(FindConsentFor(consents, Purpose::kSharing, "Salvation Army", kMarch10), 1u);
  EXPECT_EQ(FindConsentFor(consents, Purpose::kSharing, "Local Police", kMarch10), std::nullopt);
  EXPECT_EQ(FindConsentFor(consents, Purpose::kSharing, "", kMarch10), std::nullopt);
  EXPECT_TRUE(PermitsSharing(consents, "SALVATION ARMY", kMarch10));
  EXPECT_FALSE(PermitsSharing(consents, "Salvation Army Trust", kMarch10));
}

TEST(FindConsentFor, PrefersTheMostRecentConsentInForce) {
  std::vector<Consent> consents{
      Sharing("Hope for Justice", Decision::kGiven, Day(2025, 1, 1)),
      Sharing("Hope for Justice", Decision::kGiven, kMarch3, Day(2025, 12, 31)),
      Sharing("Hope for Justice", Decision::kGiven, Day(2025, 2, 1), Day(2025, 2, 28))};
  EXPECT_EQ(FindConsentFor(consents, Purpose::kSharing, "Hope for Justice", kMarch10), 1u);
  EXPECT_EQ(FindConsentFor(consents, Purpose::kSharing, "Hope for Justice", Day(2025, 2, 10)), 2u);
}

TEST(FindConsentFor, ARefusalToOneOrganisationLeavesAnotherAlone) {
  std::vector<Consent> consents{Sharing("Hope for Justice", Decision::kGiven, kMarch3),
                                Sharing("Salvation Army", Decision::kRefused, kMarch10)};
  EXPECT_TRUE(PermitsSharing(consents, "Hope for Justice", kMarch10));
  EXPECT_FALSE(PermitsSharing(consents, "Salvation Army", kMarch10));
}

TEST(FindConsentFor, SupportIsItsOwnPurpose) {
  std::vector<Consent> consents{Record(Purpose::kSupport, Decision::kGiven, kMarch3)};
  EXPECT_EQ(FindConsentFor(consents, Purpose::kSupport, "", kMarch10), 0u);
  EXPECT_EQ(FindConsentFor(consents, Purpose::kNrmReferral, "", kMarch10), std::nullopt);
}

TEST(FindConsentFor, ContactMustNameItsMethod) {
  std::vector<Consent> consents{Contact(ContactMethod::kPhoneCall, Decision::kGiven, kMarch3)};
  EXPECT_THROW(FindConsentFor(consents, Purpose::kContact, "", kMarch10), std::invalid_argument);
}

TEST(PermitsContact, ByTheAgreedMethodOnly) {
  std::vector<Consent> consents{Contact(ContactMethod::kPhoneCall, Decision::kGiven, kMarch3),
                                Contact(ContactMethod::kHomeVisit, Decision::kRefused, kMarch3)};
  EXPECT_TRUE(PermitsContact(consents, ContactMethod::kPhoneCall, kMarch10));
  EXPECT_FALSE(PermitsContact(consents, ContactMethod::kHomeVisit, kMarch10));
  EXPECT_FALSE(PermitsContact(consents, ContactMethod::kTextMessage, kMarch10));
  EXPECT_EQ(FindContactConsent(consents, ContactMethod::kPhoneCall, kMarch10), 0u);
  consents.push_back(Contact(ContactMethod::kPhoneCall, Decision::kRefused, Day(2025, 3, 8)));
  EXPECT_FALSE(PermitsContact(consents, ContactMethod::kPhoneCall, kMarch10));
  EXPECT_TRUE(PermitsContact(consents, ContactMethod::kPhoneCall, Day(2025, 3, 7)));
}

}  // namespace
}  // namespace waymark::consent
