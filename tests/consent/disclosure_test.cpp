#include "consent/disclosure.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "consent/text.hpp"
#include "test_support.hpp"

namespace waymark::consent {
namespace {

using testing::Day;
using testing::Errors;

const Date kToday = Day(2025, 3, 10);

Consent SharingWith(std::string recipient, Decision decision, Date on,
                    std::optional<Date> expires = std::nullopt) {
  Consent c;
  c.purpose = Purpose::kSharing;
  c.recipient = std::move(recipient);
  c.decision = decision;
  c.language = "sqi";
  c.decided_on = on;
  c.expires_on = expires;
  return c;
}

class ValidateDisclosureTest : public ::testing::Test {
 protected:
  std::vector<IdentifiedConsent> consents{
      {"c-hope", SharingWith("Hope for Justice", Decision::kGiven, Day(2025, 3, 1))},
      {"c-army",
       SharingWith("Salvation Army", Decision::kGiven, Day(2025, 1, 1), Day(2025, 2, 28))},
      {"c-gp", SharingWith("Riverside GP", Decision::kRefused, Day(2025, 3, 1))},
      {"c-nrm", {}},
  };

  void SetUp() override {
    consents[3].consent.purpose = Purpose::kNrmReferral;
    consents[3].consent.decided_on = Day(2025, 3, 1);
  }

  static DisclosureInput ByConsent(std::string recipient, std::string id,
                                   std::string date = "2025-03-05") {
    DisclosureInput in;
    in.recipient = std::move(recipient);
    in.shared = "Contact details and the support plan";
    in.disclosed_on = std::move(date);
    in.basis = "consent";
    in.consent_id = std::move(id);
    return in;
  }

  static DisclosureInput Statutory(std::string basis, std::string reason) {
    DisclosureInput in;
    in.recipient = "Metropolitan Police";
    in.shared = "Address of the place where she was held";
    in.disclosed_on = "2025-03-05";
    in.basis = std::move(basis);
    in.reason = std::move(reason);
    return in;
  }

  std::string ErrorOn(const DisclosureInput& in, std::string_view field) {
    auto errors = Errors(ValidateDisclosure(in, consents, kToday));
    auto it = errors.find(std::string(field));
    return it == errors.end() ? "" : it->second;
  }
};

TEST_F(ValidateDisclosureTest, ConsentForThatRecipientInForceOnTheDay) {
  auto result = ValidateDisclosure(ByConsent(" hope for JUSTICE ", " c-hope "), consents, kToday);
  ASSERT_TRUE(result) << result.error().fields.at(0).message;
  EXPECT_EQ(result->recipient, "hope for JUSTICE");
  EXPECT_EQ(result->shared, "Contact details and the support plan");
  EXPECT_EQ(result->disclosed_on, Day(2025, 3, 5));
  EXPECT_EQ(result->basis, DisclosureBasis::kConsent);
  EXPECT_EQ(result->consent_id, "c-hope");
  EXPECT_EQ(result->reason, "");
}

TEST_F(ValidateDisclosureTest, ConsentRecordMustBeChosenAndKnown) {
  EXPECT_EQ(ErrorOn(ByConsent("Hope for Justice", ""), "consent_id"),
            "Select the consent record that allows this sharing");
  EXPECT_EQ(ErrorOn(ByConsent("Hope for Justice", "c-other-person"), "consent_id"),
            "Select one of this person's consent records");
}

TEST_F(ValidateDisclosureTest, ConsentMustBeForSharing) {
  EXPECT_EQ(ErrorOn(ByConsent("Hope for Justice", "c-nrm"), "consent_id"),
            "The selected consent is for referral to the National Referral Mechanism, not for "
            "sharing information with an organisation");
  consents[3].consent.purpose = Purpose::kContact;
  consents[3].consent.method = ContactMethod::kPhoneCall;
  EXPECT_EQ(ErrorOn(ByConsent("Hope for Justice", "c-nrm"), "consent_id"),
            "The selected consent is for contact by phone call, not for sharing information with "
            "an organisation");
}

TEST_F(ValidateDisclosureTest, WrongRecipient) {
  EXPECT_EQ(ErrorOn(ByConsent("Salvation Army", "c-hope"), "consent_id"),
            "The selected consent is for sharing with Hope for Justice, not with Salvation Army");
}

TEST_F(ValidateDisclosureTest, ARefusalIsNotConsent) {
  EXPECT_EQ(ErrorOn(ByConsent("Riverside GP", "c-gp"), "consent_id"),
            "The selected record is a refusal: the person refused consent to sharing with "
            "Riverside GP on 1 March 2025");
}

TEST_F(ValidateDisclosureTest, ExpiredConsent) {
  EXPECT_EQ(ErrorOn(ByConsent("Salvation Army", "c-army", "2025-03-01"), "consent_id"),
            "The selected consent expired on 28 February 2025, before the information was "
            "shared");
  EXPECT_EQ(ErrorOn(ByConsent("Salvation Army", "c-army", "2025-02-28"), "consent_id"), "");
}

TEST_F(ValidateDisclosureTest, ConsentGivenAfterTheShare) {
  EXPECT_EQ(ErrorOn(ByConsent("Hope for Justice", "c-hope", "2025-02-28"), "consent_id"),
            "The selected consent was given on 1 March 2025, after the information was shared");
}

TEST_F(ValidateDisclosureTest, WithdrawnConsent) {
  consents[0].consent.withdrawal = Withdrawal{Day(2025, 3, 4), ""};
  EXPECT_EQ(ErrorOn(ByConsent("Hope for Justice", "c-hope", "2025-03-04"), "consent_id"),
            "The selected consent was withdrawn on 4 March 2025, before the information was "
            "shared");
  EXPECT_EQ(ErrorOn(ByConsent("Hope for Justice", "c-hope", "2025-03-03"), "consent_id"), "");
}

TEST_F(ValidateDisclosureTest, ConsentSupersededByALaterRefusal) {
  consents.push_back(
      {"c-hope-no", SharingWith("HOPE FOR JUSTICE", Decision::kRefused, Day(2025, 3, 4))});
  EXPECT_EQ(ErrorOn(ByConsent("Hope for Justice", "c-hope", "2025-03-05"), "consent_id"),
            "The person refused consent to sharing with Hope for Justice on 4 March 2025, after "
            "the selected consent");
  EXPECT_EQ(ErrorOn(ByConsent("Hope for Justice", "c-hope", "2025-03-03"), "consent_id"), "");
}

TEST_F(ValidateDisclosureTest, NoReasonWithTheConsentBasis) {
  auto in = ByConsent("Hope for Justice", "c-hope");
  in.reason = "Because she asked us to";
  EXPECT_EQ(ErrorOn(in, "reason"),
            "Only give a reason when the information was shared without consent");
}

TEST_F(ValidateDisclosureTest, StatutoryBasesNeedAWrittenReason) {
  for (const char* basis : {"safeguarding", "crime_prevention", "court_order"}) {
    EXPECT_EQ(ErrorOn(Statutory(basis, "  "), "reason"),
              "Explain why the information was shared without consent")
        << basis;
    EXPECT_EQ(ErrorOn(Statutory(basis, "Police asked"), "reason"),
              "Explain in 20 characters or more why the information was shared without consent")
        << basis;
  }
  // 19 characters (ü counts once) is short; 20 is enough.
  EXPECT_EQ(ErrorOn(Statutory("safeguarding", "ü123456789012345678"), "reason"),
            "Explain in 20 characters or more why the information was shared without consent");
  auto ok = ValidateDisclosure(Statutory("court_order", " Order of Southwark Crown Court "),
                               consents, kToday);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->basis, DisclosureBasis::kCourtOrder);
  EXPECT_EQ(ok->reason, "Order of Southwark Crown Court");
  EXPECT_EQ(ok->consent_id, "");
  EXPECT_TRUE(
      ValidateDisclosure(Statutory("safeguarding", "ü1234567890123456789"), consents, kToday));
}

TEST_F(ValidateDisclosureTest, ReasonHasALengthLimit) {
  EXPECT_EQ(ErrorOn(Statutory("safeguarding", std::string(kMaxTextCharacters, 'r')), "reason"), "");
  EXPECT_EQ(ErrorOn(Statutory("safeguarding", std::string(kMaxTextCharacters + 1, 'r')), "reason"),
            "The reason must be 2,000 characters or fewer");
}

TEST_F(ValidateDisclosureTest, NoConsentRecordWithAStatutoryBasis) {
  auto in = Statutory("safeguarding", "Immediate risk of harm from the exploiter");
  in.consent_id = "c-hope";
  EXPECT_EQ(ErrorOn(in, "consent_id"),
            "Only select a consent record when the legal basis is consent");
}

TEST_F(ValidateDisclosureTest, BasisMustBeKnown) {
  auto in = Statutory("", "Immediate risk of harm from the exploiter");
  EXPECT_EQ(ErrorOn(in, "basis"), "Select the legal basis for sharing the information");
  in.basis = "curiosity";
  EXPECT_EQ(ErrorOn(in, "basis"), "Select the legal basis for sharing the information");
}

TEST_F(ValidateDisclosureTest, RecipientAndWhatWasSharedAreRequiredAndBounded) {
  auto in = Statutory("safeguarding", "Immediate risk of harm from the exploiter");
  in.recipient = " ";
  in.shared = "";
  EXPECT_EQ(ErrorOn(in, "recipient"),
            "Enter the name of the organisation the information was shared with");
  EXPECT_EQ(ErrorOn(in, "shared"), "Enter what information was shared");
  in.recipient = std::string(kMaxNameCharacters + 1, 'n');
  in.shared = std::string(kMaxTextCharacters + 1, 's');
  EXPECT_EQ(ErrorOn(in, "recipient"),
            "The name of the organisation must be 200 characters or fewer");
  EXPECT_EQ(ErrorOn(in, "shared"), "What was shared must be 2,000 characters or fewer");
  in.recipient = std::string(kMaxNameCharacters, 'n');
  in.shared = std::string(kMaxTextCharacters, 's');
  EXPECT_TRUE(ValidateDisclosure(in, consents, kToday));
}

TEST_F(ValidateDisclosureTest, DateRequiredRealAndNotInTheFuture) {
  auto in = Statutory("safeguarding", "Immediate risk of harm from the exploiter");
  in.disclosed_on = "";
  EXPECT_EQ(ErrorOn(in, "disclosed_on"), "Enter the date the information was shared");
  in.disclosed_on = "2025-02-29";
  EXPECT_EQ(ErrorOn(in, "disclosed_on"), "The date the information was shared must be a real date");
  in.disclosed_on = "2025-03-11";
  EXPECT_EQ(ErrorOn(in, "disclosed_on"),
            "The date the information was shared cannot be in the future");
  in.disclosed_on = "2025-03-10";
  EXPECT_TRUE(ValidateDisclosure(in, consents, kToday));
}

TEST_F(ValidateDisclosureTest, ReportsEveryProblemAtOnce) {
  auto result = ValidateDisclosure(DisclosureInput{}, consents, kToday);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kInvalid);
  auto errors = Errors(result);
  EXPECT_EQ(errors.size(), 4u);
  for (const char* field : {"recipient", "shared", "disclosed_on", "basis"}) {
    EXPECT_EQ(errors.count(field), 1u) << field;
  }
}

}  // namespace
}  // namespace waymark::consent
