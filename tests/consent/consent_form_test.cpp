#include <gtest/gtest.h>

#include "consent/model.hpp"
#include "consent/text.hpp"
#include "test_support.hpp"

namespace waymark::consent {
namespace {

using testing::Day;
using testing::Errors;

const Date kToday = Day(2025, 3, 10);

ConsentInput SharingInput() {
  ConsentInput in;
  in.purpose = "sharing";
  in.recipient = "  Hope for Justice ";
  in.decision = "given";
  in.language = "sqi";
  in.interpreter = "yes";
  in.format = "translated_document";
  in.decided_on = "2025-03-03";
  in.expires_on = "2025-09-03";
  in.notes = " Agreed after the interpreter read the leaflet. ";
  return in;
}

std::string ErrorOn(const ConsentInput& in, std::string_view field) {
  auto errors = Errors(ValidateConsent(in, kToday));
  auto it = errors.find(std::string(field));
  return it == errors.end() ? "" : it->second;
}

TEST(ValidateConsent, BuildsTheTypedConsent) {
  auto consent = ValidateConsent(SharingInput(), kToday);
  ASSERT_TRUE(consent) << consent.error().fields.at(0).message;
  EXPECT_EQ(consent->purpose, Purpose::kSharing);
  EXPECT_EQ(consent->recipient, "Hope for Justice");
  EXPECT_EQ(consent->method, std::nullopt);
  EXPECT_EQ(consent->decision, Decision::kGiven);
  EXPECT_EQ(consent->language, "sqi");
  EXPECT_TRUE(consent->interpreter_used);
  EXPECT_EQ(consent->format, InformationFormat::kTranslatedDocument);
  EXPECT_EQ(consent->decided_on, Day(2025, 3, 3));
  EXPECT_EQ(consent->expires_on, Day(2025, 9, 3));
  EXPECT_EQ(consent->notes, "Agreed after the interpreter read the leaflet.");
  EXPECT_EQ(consent->withdrawal, std::nullopt);
}

TEST(ValidateConsent, BuildsContactAndRefusalsWithoutOptionalFields) {
  ConsentInput in;
  in.purpose = "contact";
  in.contact_method = "home_visit";
  in.decision = "refused";
  in.language = "vie";
  in.interpreter = "no";
  in.format = "verbal";
  in.decided_on = "2025-03-10";  // today is allowed
  auto consent = ValidateConsent(in, kToday);
  ASSERT_TRUE(consent);
  EXPECT_EQ(consent->method, ContactMethod::kHomeVisit);
  EXPECT_EQ(consent->decision, Decision::kRefused);
  EXPECT_FALSE(consent->interpreter_used);
  EXPECT_EQ(consent->expires_on, std::nullopt);
  EXPECT_EQ(consent->recipient, "");
  EXPECT_EQ(consent->notes, "");
}

TEST(ValidateConsent, ReportsEveryMissingFieldAtOnce) {
  auto result = ValidateConsent(ConsentInput{}, kToday);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kInvalid);
  auto errors = Errors(result);
  EXPECT_EQ(errors, (std::map<std::string, std::string>{
                        {"purpose", "Select what the consent is for"},
                        {"decision", "Select whether consent was given or refused"},
                        {"language", "Select the language the person was given information in"},
                        {"interpreter", "Select whether an interpreter was used"},
                        {"format", "Select the format the person was given information in"},
                        {"decided_on", "Enter the date consent was given or refused"},
                    }));
  // In form order, so the error summary reads top to bottom.
  EXPECT_EQ(result.error().fields.front().field, "purpose");
  EXPECT_EQ(result.error().fields.back().field, "decided_on");
}

TEST(ValidateConsent, RefusesUnknownCodes) {
  auto in = SharingInput();
  in.purpose = "everything";
  in.decision = "maybe";
  in.format = "telepathy";
  in.interpreter = "Yes please";
  EXPECT_EQ(ErrorOn(in, "purpose"), "Select what the consent is for");
  EXPECT_EQ(ErrorOn(in, "decision"), "Select whether consent was given or refused");
  EXPECT_EQ(ErrorOn(in, "format"), "Select the format the person was given information in");
  EXPECT_EQ(ErrorOn(in, "interpreter"), "Select whether an interpreter was used");
}

TEST(ValidateConsent, SharingNeedsAnOrganisationOfBoundedLength) {
  auto in = SharingInput();
  in.recipient = "   ";
  EXPECT_EQ(ErrorOn(in, "recipient"),
            "Enter the name of the organisation information may be shared with");
  in.recipient = std::string(kMaxNameCharacters, 'a');
  EXPECT_EQ(ErrorOn(in, "recipient"), "");
  in.recipient = std::string(kMaxNameCharacters + 1, 'a');
  EXPECT_EQ(ErrorOn(in, "recipient"),
            "The name of the organisation must be 200 characters or fewer");
}

TEST(ValidateConsent, OrganisationOnlyForSharing) {
  auto in = SharingInput();
  in.purpose = "nrm_referral";
  EXPECT_EQ(ErrorOn(in, "recipient"),
            "Only enter an organisation when the consent is for sharing information with it");
  in.recipient = "";
  EXPECT_TRUE(ValidateConsent(in, kToday));
}

TEST(ValidateConsent, ContactNeedsAKnownMethod) {
  auto in = SharingInput();
  in.purpose = "contact";
  in.recipient = "";
  EXPECT_EQ(ErrorOn(in, "contact_method"), "Select the contact method");
  in.contact_method = "carrier_pigeon";
  EXPECT_EQ(ErrorOn(in, "contact_method"), "Select the contact method");
  in.contact_method = "text_message";
  EXPECT_TRUE(ValidateConsent(in, kToday));
}

TEST(ValidateConsent, MethodOnlyForContact) {
  auto in = SharingInput();
  in.contact_method = "phone_call";
  EXPECT_EQ(ErrorOn(in, "contact_method"),
            "Only select a contact method when the consent is for contact");
}

TEST(ValidateConsent, LanguageMustLookLikeAnIso6393Code) {
  auto in = SharingInput();
  in.language = "";
  EXPECT_EQ(ErrorOn(in, "language"), "Select the language the person was given information in");
  for (const char* bad : {"en", "engl", "ENG", "en1", "é1"}) {
    in.language = bad;
    EXPECT_EQ(ErrorOn(in, "language"), "The language must be a 3-letter ISO 639-3 code, like eng")
        << bad;
  }
  EXPECT_TRUE(IsLanguageCode("eng"));
  EXPECT_TRUE(IsLanguageCode("bfi"));
  EXPECT_FALSE(IsLanguageCode("ab-"));
}

TEST(ValidateConsent, DateMessagesNameTheDecision) {
  auto in = SharingInput();
  in.decided_on = "";
  EXPECT_EQ(ErrorOn(in, "decided_on"), "Enter the date consent was given");
  in.decision = "refused";
  in.expires_on = "";
  EXPECT_EQ(ErrorOn(in, "decided_on"), "Enter the date consent was refused");
}

TEST(ValidateConsent, DateMustBeRealAndNotInTheFuture) {
  auto in = SharingInput();
  in.decided_on = "2025-02-30";
  EXPECT_EQ(ErrorOn(in, "decided_on"), "The date consent was given must be a real date");
  in.decided_on = "3 March 2025";
  EXPECT_EQ(ErrorOn(in, "decided_on"), "The date consent was given must be a real date");
  in.decided_on = "2025-03-11";
  EXPECT_EQ(ErrorOn(in, "decided_on"), "The date consent was given cannot be in the future");
  in.decision = "refused";
  in.expires_on = "";
  EXPECT_EQ(ErrorOn(in, "decided_on"), "The date consent was refused cannot be in the future");
}

TEST(ValidateConsent, ExpiryMustBeRealAndAfterTheDateGiven) {
  auto in = SharingInput();
  in.expires_on = "2025-13-01";
  EXPECT_EQ(ErrorOn(in, "expires_on"), "The expiry date must be a real date");
  in.expires_on = "2025-03-03";  // same day
  EXPECT_EQ(ErrorOn(in, "expires_on"), "The expiry date must be after the date consent was given");
  in.expires_on = "2025-03-01";
  EXPECT_EQ(ErrorOn(in, "expires_on"), "The expiry date must be after the date consent was given");
  in.expires_on = "2025-03-04";
  EXPECT_TRUE(ValidateConsent(in, kToday));
  in.expires_on = "2025-03-05";  // already past today: recording an old consent is allowed
  EXPECT_TRUE(ValidateConsent(in, Day(2025, 6, 1)));
}

TEST(ValidateConsent, NoExpiryForARefusal) {
  auto in = SharingInput();
  in.decision = "refused";
  EXPECT_EQ(ErrorOn(in, "expires_on"), "Leave the expiry date empty when consent was refused");
}

TEST(ValidateConsent, NotesHaveALengthLimitInCharacters) {
  auto in = SharingInput();
  std::string notes;
  for (size_t i = 0; i < kMaxTextCharacters; ++i) notes += "é";
  in.notes = notes;
  EXPECT_EQ(ErrorOn(in, "notes"), "");
  in.notes = notes + "e";
  EXPECT_EQ(ErrorOn(in, "notes"), "Notes must be 2,000 characters or fewer");
}

}  // namespace
}  // namespace waymark::consent
