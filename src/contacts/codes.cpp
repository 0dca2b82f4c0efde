#include "contacts/codes.hpp"

#include <array>

#include "platform/util/code_table.hpp"

namespace waymark::contacts {

namespace {

constexpr std::array<CodeEntry<ContactType>, 6> kContactTypes{{
    {ContactType::kVisit, "visit", "Visit in person"},
    {ContactType::kPhone, "phone", "Phone call"},
    {ContactType::kVideo, "video", "Video call"},
    {ContactType::kMessage, "message", "Message (text, email or app)"},
    {ContactType::kAttemptedNoAnswer, "attempted", "Attempted contact, no answer"},
    {ContactType::kOther, "other", "Other"},
}};

constexpr std::array<CodeEntry<ContactWith>, 2> kContactWith{{
    {ContactWith::kSurvivor, "survivor", "With the survivor"},
    {ContactWith::kAgency, "agency", "About the survivor, with another agency"},
}};

static_assert(InDeclarationOrder(kContactTypes));
static_assert(InDeclarationOrder(kContactWith));
constexpr auto kAllTypes = ValuesOf(kContactTypes);
constexpr auto kAllWith = ValuesOf(kContactWith);

}  // namespace

std::span<const ContactType> AllContactTypes() { return kAllTypes; }
std::span<const ContactWith> AllContactWith() { return kAllWith; }

std::string_view Code(ContactType value) { return EntryFor(kContactTypes, value).code; }
std::string_view Code(ContactWith value) { return EntryFor(kContactWith, value).code; }
std::optional<ContactType> ParseContactType(std::string_view code) {
  return ParseCode(kContactTypes, code);
}
std::optional<ContactWith> ParseContactWith(std::string_view code) {
  return ParseCode(kContactWith, code);
}
std::string_view Label(ContactType value) { return EntryFor(kContactTypes, value).label; }
std::string_view Label(ContactWith value) { return EntryFor(kContactWith, value).label; }

bool NeedsDuration(ContactType type) {
  return type == ContactType::kVisit || type == ContactType::kPhone || type == ContactType::kVideo;
}

}  // namespace waymark::contacts
