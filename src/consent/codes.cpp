#include "consent/codes.hpp"

#include <array>

#include "platform/util/code_table.hpp"

namespace waymark::consent {

namespace {

template <class E>
using Entry = CodeEntry<E>;

// Each table lists its enum's values in declaration order, so a value indexes its own entry;
// the static_asserts below keep that true when someone adds a value.
constexpr std::array<Entry<Purpose>, 4> kPurposes{{
    {Purpose::kSupport, "support", "Support"},
    {Purpose::kNrmReferral, "nrm_referral", "Referral to the National Referral Mechanism"},
    {Purpose::kSharing, "sharing", "Sharing information with a named organisation"},
    {Purpose::kContact, "contact", "Contact"},
}};

constexpr std::array<Entry<ContactMethod>, 6> kContactMethods{{
    {ContactMethod::kPhoneCall, "phone_call", "Phone call"},
    {ContactMethod::kTextMessage, "text_message", "Text message"},
    {ContactMethod::kEmail, "email", "Email"},
    {ContactMethod::kLetter, "letter", "Letter"},
    {ContactMethod::kHomeVisit, "home_visit", "Home visit"},
    {ContactMethod::kVideoCall, "video_call", "Video call"},
}};

constexpr std::array<Entry<Decision>, 2> kDecisions{{
    {Decision::kGiven, "given", "Given"},
    {Decision::kRefused, "refused", "Refused"},
}};

constexpr std::array<Entry<InformationFormat>, 6> kFormats{{
    {InformationFormat::kVerbal, "verbal", "Spoken (verbal)"},
    {InformationFormat::kWritten, "written", "Written"},
    {InformationFormat::kEasyRead, "easy_read", "Easy read"},
    {InformationFormat::kTranslatedDocument, "translated_document", "Translated document"},
    {InformationFormat::kVideo, "video", "Video"},
    {InformationFormat::kAudio, "audio", "Audio recording"},
}};

constexpr std::array<Entry<ConsentStatus>, 5> kStatuses{{
    {ConsentStatus::kGiven, "given", "Given"},
    {ConsentStatus::kRefused, "refused", "Refused"},
    {ConsentStatus::kExpired, "expired", "Expired"},
    {ConsentStatus::kWithdrawn, "withdrawn", "Withdrawn"},
    {ConsentStatus::kNotYetGiven, "not_yet_given", "Not yet given"},
}};

constexpr std::array<Entry<DisclosureBasis>, 4> kBases{{
    {DisclosureBasis::kConsent, "consent", "Consent"},
    {DisclosureBasis::kSafeguarding, "safeguarding", "Safeguarding"},
    {DisclosureBasis::kCrimePrevention, "crime_prevention", "Prevention or detection of crime"},
    {DisclosureBasis::kCourtOrder, "court_order", "Court order"},
}};

static_assert(InDeclarationOrder(kPurposes));
static_assert(InDeclarationOrder(kContactMethods));
static_assert(InDeclarationOrder(kDecisions));
static_assert(InDeclarationOrder(kFormats));
static_assert(InDeclarationOrder(kStatuses));
static_assert(InDeclarationOrder(kBases));

template <class E, size_t N>
struct Values {
  std::array<E, N> values{};
  constexpr explicit Values(const std::array<Entry<E>, N>& table) {
    for (size_t i = 0; i < N; ++i) values[i] = table[i].value;
  }
};
constexpr Values kAllPurposes(kPurposes);
constexpr Values kAllContactMethods(kContactMethods);
constexpr Values kAllDecisions(kDecisions);
constexpr Values kAllFormats(kFormats);
constexpr Values kAllStatuses(kStatuses);
constexpr Values kAllBases(kBases);

}  // namespace

std::span<const Purpose> AllPurposes() { return kAllPurposes.values; }
std::span<const ContactMethod> AllContactMethods() { return kAllContactMethods.values; }
std::span<const Decision> AllDecisions() { return kAllDecisions.values; }
std::span<const InformationFormat> AllInformationFormats() { return kAllFormats.values; }
std::span<const ConsentStatus> AllConsentStatuses() { return kAllStatuses.values; }
std::span<const DisclosureBasis> AllDisclosureBases() { return kAllBases.values; }

std::string_view Code(Purpose purpose) { return EntryFor(kPurposes, purpose).code; }
std::string_view Code(ContactMethod method) { return EntryFor(kContactMethods, method).code; }
std::string_view Code(Decision decision) { return EntryFor(kDecisions, decision).code; }
std::string_view Code(InformationFormat format) { return EntryFor(kFormats, format).code; }
std::string_view Code(ConsentStatus status) { return EntryFor(kStatuses, status).code; }
std::string_view Code(DisclosureBasis basis) { return EntryFor(kBases, basis).code; }

std::optional<Purpose> ParsePurpose(std::string_view code) { return ParseCode(kPurposes, code); }
std::optional<ContactMethod> ParseContactMethod(std::string_view code) {
  return ParseCode(kContactMethods, code);
}
std::optional<Decision> ParseDecision(std::string_view code) { return ParseCode(kDecisions, code); }
std::optional<InformationFormat> ParseInformationFormat(std::string_view code) {
  return ParseCode(kFormats, code);
}
std::optional<ConsentStatus> ParseConsentStatus(std::string_view code) {
  return ParseCode(kStatuses, code);
}
std::optional<DisclosureBasis> ParseDisclosureBasis(std::string_view code) {
  return ParseCode(kBases, code);
}

std::string_view Label(Purpose purpose) { return EntryFor(kPurposes, purpose).label; }
std::string_view Label(ContactMethod method) { return EntryFor(kContactMethods, method).label; }
std::string_view Label(Decision decision) { return EntryFor(kDecisions, decision).label; }
std::string_view Label(InformationFormat format) { return EntryFor(kFormats, format).label; }
std::string_view Label(ConsentStatus status) { return EntryFor(kStatuses, status).label; }
std::string_view Label(DisclosureBasis basis) { return EntryFor(kBases, basis).label; }

bool IsStatutory(DisclosureBasis basis) { return basis != DisclosureBasis::kConsent; }

}  // namespace waymark::consent
