// Contacts and notes inside a case, and the survivor's own account: typed values and the
// validation that turns form strings into them, with GOV.UK messages. Pure rules with no
// storage: the store encrypts the free text and keeps every version.
// Pure functions and value types; safe from any thread.
//
// Field names in errors (and so in forms): contact_date (day, month and year inputs
// contact_date-day, -month, -year), contact_time, contact_type, contact_with,
// interpreter_used, interpreter_language, duration, notes, restricted; reason (entered in
// error); account (the own account).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "contacts/codes.hpp"
#include "platform/util/clock.hpp"
#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::contacts {

// Limits on what people type, in characters.
inline constexpr size_t kMaxNotes = 20000;
inline constexpr size_t kMaxErrorReason = 500;
inline constexpr size_t kMaxOwnAccount = 100000;
inline constexpr int kMaxDurationMinutes = 1440;

// What a person records about one contact. `notes` is the only free text and is encrypted.
struct ContactDetails {
  Date contact_date{};
  std::string contact_time{};  // "14:30" (24-hour, London time) or "" when not recorded
  ContactType type = ContactType::kVisit;
  ContactWith with = ContactWith::kSurvivor;
  bool interpreter_used = false;
  std::string interpreter_language{};  // ISO 639-3 when an interpreter was used, else ""
  std::optional<int> duration_minutes{};
  std::string notes{};
  bool restricted = false;  // the text only for the assigned workers and their manager

  bool operator==(const ContactDetails&) const = default;
};

// A stored contact. When the reader may not see restricted notes, `text_hidden` is set and
// `notes` (and the error reason) are empty: the service never decrypts them for that reader.
struct Contact {
  std::string id;
  std::string case_id;
  std::string organisation_id;
  ContactDetails details;
  bool entered_in_error = false;
  std::string error_reason{};
  int64_t version = 1;
  TimePoint recorded_at{};
  std::string recorded_by;  // user id
  TimePoint updated_at{};
  std::string updated_by;
  bool text_hidden = false;
};

// What the form sends, every value as typed.
struct ContactInput {
  std::string date_day{}, date_month{}, date_year{};
  std::string contact_time{};
  std::string contact_type{};          // Code(ContactType)
  std::string contact_with{};          // Code(ContactWith)
  std::string interpreter_used{};      // "yes" or "no"
  std::string interpreter_language{};  // ISO 639-3
  std::string duration{};              // whole minutes
  std::string notes{};
  std::string restricted{};  // "yes" or "no"
};

// The form's values for a stored contact (to change it).
ContactInput InputFor(const ContactDetails& details);

// Whether `code` is a known ISO 639-3 language; the service passes vocabulary::FindLanguage so
// this library needs no vocabulary tables.
using LanguageCheck = std::function<bool(std::string_view code)>;

// Rules: the date is a real date and not after `today` (a date before the case was opened is
// allowed: first contacts often come before a case is opened); the time, if given, is a real
// 24-hour time; type and with whom chosen; whether an interpreter was used, and if so a known
// language; a duration of 1 to 1440 whole minutes, required for visits and calls, optional
// otherwise; notes required except for an attempt with no answer; whether the note is
// restricted. Every problem is reported at once as Problem::Invalid.
Result<ContactDetails> ValidateContact(const ContactInput& input, Date today,
                                       const LanguageCheck& known_language);

// Why a contact was entered in error: required, up to kMaxErrorReason characters.
Result<std::string> ValidateErrorReason(std::string_view reason);

// The survivor's own account, in their words: required, up to kMaxOwnAccount characters.
Result<std::string> ValidateOwnAccount(std::string_view text);

// "14:30" from "14:30", "9:05" or "0930"; nullopt unless a real 24-hour time.
std::optional<std::string> ParseTimeOfDay(std::string_view text);

}  // namespace waymark::contacts
