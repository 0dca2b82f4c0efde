#include "consent/codes.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "consent/text.hpp"

namespace waymark::consent {
namespace {

// Every value's code parses back to it, codes and labels are distinct and non-empty, and
// nothing else parses.
template <class E, class ParseFn>
void ExpectRoundTrips(std::span<const E> values, ParseFn parse, size_t expected_count) {
  EXPECT_EQ(values.size(), expected_count);
  std::set<std::string_view> codes, labels;
  for (E value : values) {
    EXPECT_EQ(parse(Code(value)), value) << Code(value);
    EXPECT_FALSE(Label(value).empty());
    EXPECT_TRUE(codes.insert(Code(value)).second) << Code(value);
    EXPECT_TRUE(labels.insert(Label(value)).second) << Label(value);
    EXPECT_FALSE(parse(std::string(Code(value)) + " "));
  }
  EXPECT_FALSE(parse(""));
  EXPECT_FALSE(parse("unknown"));
}

TEST(ConsentCodes, EveryListRoundTrips) {
  ExpectRoundTrips(AllPurposes(), ParsePurpose, 4);
  ExpectRoundTrips(AllContactMethods(), ParseContactMethod, 6);
  ExpectRoundTrips(AllDecisions(), ParseDecision, 2);
  ExpectRoundTrips(AllInformationFormats(), ParseInformationFormat, 6);
  ExpectRoundTrips(AllConsentStatuses(), ParseConsentStatus, 5);
  ExpectRoundTrips(AllDisclosureBases(), ParseDisclosureBasis, 4);
}

// The stored codes are a contract with the database: changing one breaks existing rows.
TEST(ConsentCodes, StoredCodesAreStable) {
  EXPECT_EQ(Code(Purpose::kNrmReferral), "nrm_referral");
  EXPECT_EQ(Code(Purpose::kSharing), "sharing");
  EXPECT_EQ(Code(ContactMethod::kTextMessage), "text_message");
  EXPECT_EQ(Code(ContactMethod::kHomeVisit), "home_visit");
  EXPECT_EQ(Code(InformationFormat::kEasyRead), "easy_read");
  EXPECT_EQ(Code(InformationFormat::kTranslatedDocument), "translated_document");
  EXPECT_EQ(Code(ConsentStatus::kNotYetGiven), "not_yet_given");
  EXPECT_EQ(Code(DisclosureBasis::kCrimePrevention), "crime_prevention");
  EXPECT_EQ(Code(DisclosureBasis::kCourtOrder), "court_order");
  EXPECT_EQ(ParsePurpose("NRM_REFERRAL"), std::nullopt);
}

TEST(ConsentCodes, LabelsAreForPeople) {
  EXPECT_EQ(Label(Purpose::kNrmReferral), "Referral to the National Referral Mechanism");
  EXPECT_EQ(Label(ContactMethod::kVideoCall), "Video call");
  EXPECT_EQ(Label(DisclosureBasis::kCrimePrevention), "Prevention or detection of crime");
  EXPECT_EQ(Label(ConsentStatus::kWithdrawn), "Withdrawn");
}

TEST(ConsentCodes, OnlyConsentIsNotStatutory) {
  EXPECT_FALSE(IsStatutory(DisclosureBasis::kConsent));
  EXPECT_TRUE(IsStatutory(DisclosureBasis::kSafeguarding));
  EXPECT_TRUE(IsStatutory(DisclosureBasis::kCrimePrevention));
  EXPECT_TRUE(IsStatutory(DisclosureBasis::kCourtOrder));
}

TEST(ConsentText, TrimsAndCountsCharacters) {
  EXPECT_EQ(Trim(" \t\r\n Red Cross \n"), "Red Cross");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(CountCharacters("abc"), 3u);
  EXPECT_EQ(CountCharacters("Shqipëri"), 8u);  // ë is two bytes
  EXPECT_EQ(CountCharacters("Việt"), 4u);      // ệ is three bytes
}

TEST(ConsentText, OrganisationNamesCompareIgnoringCaseAndSpacing) {
  EXPECT_EQ(OrganisationKey("  British \t Red  CROSS \n"), "british red cross");
  EXPECT_TRUE(SameOrganisation("Hope for Justice", " hope FOR justice "));
  EXPECT_FALSE(SameOrganisation("Hope for Justice", "Hope for Justice Ltd"));
  EXPECT_FALSE(SameOrganisation("Hope for Justice", "HopeforJustice"));
  EXPECT_FALSE(SameOrganisation("Hope", ""));
}

TEST(ConsentText, WritesCountsWithThousandsSeparators) {
  EXPECT_EQ(WithThousands(0), "0");
  EXPECT_EQ(WithThousands(200), "200");
  EXPECT_EQ(WithThousands(2000), "2,000");
  EXPECT_EQ(WithThousands(1234567), "1,234,567");
}

}  // namespace
}  // namespace waymark::consent
