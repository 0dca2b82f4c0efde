// The fixed lists a contact record is made of, each with a stable code (as stored and sent in
// forms) and a label for people. Codes never change once stored; labels may be reworded.
// Pure data; safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace waymark::contacts {

// How the contact happened. An attempt that got no answer is recorded too: the MSVCC expects
// contact attempts within 48 hours, and the attempts are the evidence.
enum class ContactType { kVisit, kPhone, kVideo, kMessage, kAttemptedNoAnswer, kOther };

// With whom: the survivor themselves, or another agency about the survivor.
enum class ContactWith { kSurvivor, kAgency };

std::span<const ContactType> AllContactTypes();
std::span<const ContactWith> AllContactWith();

std::string_view Code(ContactType value);
std::string_view Code(ContactWith value);
std::optional<ContactType> ParseContactType(std::string_view code);
std::optional<ContactWith> ParseContactWith(std::string_view code);
std::string_view Label(ContactType value);
std::string_view Label(ContactWith value);

// Whether a contact of this type took time with someone, and so must say how long: an attempt
// with no answer, a message or "other" may have no meaningful duration.
bool NeedsDuration(ContactType type);

}  // namespace waymark::contacts
