// The closed lists a consent or disclosure record is made of, each with a stable code for storage
// and forms ("nrm_referral") and a label for people ("Referral to the National Referral
// Mechanism"). Codes never change once stored; labels may be reworded. Pure and thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace waymark::consent {

// What the person agreed (or refused) to. Sharing names one organisation; contact names one
// method: consent to a phone call is not consent to a home visit.
enum class Purpose { kSupport, kNrmReferral, kSharing, kContact };

enum class ContactMethod { kPhoneCall, kTextMessage, kEmail, kLetter, kHomeVisit, kVideoCall };

enum class Decision { kGiven, kRefused };

// How the information behind the decision was given to the person (SFJBMS05 point 5: in a
// language and format the person accepts).
enum class InformationFormat { kVerbal, kWritten, kEasyRead, kTranslatedDocument, kVideo, kAudio };

// Where a consent record stands on a given day; see StatusOn in model.hpp.
enum class ConsentStatus { kGiven, kRefused, kExpired, kWithdrawn, kNotYetGiven };

// The legal basis recorded for every disclosure outside the case team (SFJBMS05 point 18).
enum class DisclosureBasis { kConsent, kSafeguarding, kCrimePrevention, kCourtOrder };

std::span<const Purpose> AllPurposes();
std::span<const ContactMethod> AllContactMethods();
std::span<const Decision> AllDecisions();
std::span<const InformationFormat> AllInformationFormats();
std::span<const ConsentStatus> AllConsentStatuses();
std::span<const DisclosureBasis> AllDisclosureBases();

std::string_view Code(Purpose purpose);
std::string_view Code(ContactMethod method);
std::string_view Code(Decision decision);
std::string_view Code(InformationFormat format);
std::string_view Code(ConsentStatus status);
std::string_view Code(DisclosureBasis basis);

// Exact, case-sensitive match on the code; anything else is nullopt.
std::optional<Purpose> ParsePurpose(std::string_view code);
std::optional<ContactMethod> ParseContactMethod(std::string_view code);
std::optional<Decision> ParseDecision(std::string_view code);
std::optional<InformationFormat> ParseInformationFormat(std::string_view code);
std::optional<ConsentStatus> ParseConsentStatus(std::string_view code);
std::optional<DisclosureBasis> ParseDisclosureBasis(std::string_view code);

std::string_view Label(Purpose purpose);
std::string_view Label(ContactMethod method);
std::string_view Label(Decision decision);
std::string_view Label(InformationFormat format);
std::string_view Label(ConsentStatus status);
std::string_view Label(DisclosureBasis basis);

// Safeguarding, crime prevention or detection, and court orders: bases that need no consent but
// a written reason.
bool IsStatutory(DisclosureBasis basis);

}  // namespace waymark::consent
