// ValidateContact, ValidateErrorReason, ValidateOwnAccount: see model.hpp for the rules. The
// form helpers (trimming, UTF-8 and length checks, one message per field) are the shared ones
// in assessments/form_rules.hpp.
#include "contacts/model.hpp"

#include <charconv>

#include "assessments/form_rules.hpp"

namespace waymark::contacts {

namespace {

using assessments::FieldErrors;
using assessments::ReadChoice;
using assessments::ReadText;
using assessments::ReadYesNo;

std::optional<int> ParseWholeNumber(std::string_view text) {
  int value = 0;
  if (text.empty() || text.size() > 6) return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Date> ReadContactDate(FieldErrors& errors, const ContactInput& in, Date today) {
  std::string day = Trim(in.date_day), month = Trim(in.date_month), year = Trim(in.date_year);
  if (day.empty() && month.empty() && year.empty()) {
    errors.Add("contact_date", "Enter the date of the contact");
    return std::nullopt;
  }
  if (day.empty() || month.empty() || year.empty()) {
    errors.Add("contact_date", "Date of the contact must include a day, month and year");
    return std::nullopt;
  }
  std::optional<Date> date = DateFromParts(day, month, year);
  if (!date) {
    errors.Add("contact_date", "Date of the contact must be a real date");
  } else if (*date > today) {
    errors.Add("contact_date", "Date of the contact must be today or in the past");
  }
  return date;
}

std::optional<int> ReadDuration(FieldErrors& errors, std::string_view value, ContactType type) {
  std::string text = Trim(value);
  if (text.empty()) {
    if (NeedsDuration(type))
      errors.Add("duration", "Enter how long the contact lasted, in minutes");
    return std::nullopt;
  }
  std::optional<int> minutes = ParseWholeNumber(text);
  if (!minutes) {
    errors.Add("duration", "Duration must be a whole number of minutes, like 45");
  } else if (*minutes < 1 || *minutes > kMaxDurationMinutes) {
    errors.Add("duration", "Duration must be between 1 and 1440 minutes");
  }
  return minutes;
}

}  // namespace

std::optional<std::string> ParseTimeOfDay(std::string_view text) {
  std::string hours, minutes;
  if (auto colon = text.find(':'); colon != std::string_view::npos) {
    hours = std::string(text.substr(0, colon));
    minutes = std::string(text.substr(colon + 1));
  } else if (text.size() == 4) {
    hours = std::string(text.substr(0, 2));
    minutes = std::string(text.substr(2));
  } else {
    return std::nullopt;
  }
  if (hours.empty() || hours.size() > 2 || minutes.size() != 2) return std::nullopt;
  auto h = ParseWholeNumber(hours), m = ParseWholeNumber(minutes);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  std::string out = (*h < 10 ? "0" : "") + std::to_string(*h) + ":" + minutes;
  return out;
}

ContactInput InputFor(const ContactDetails& d) {
  ContactInput in;
  auto ymd = std::chrono::year_month_day(d.contact_date);
  in.date_day = std::to_string(static_cast<unsigned>(ymd.day()));
  in.date_month = std::to_string(static_cast<unsigned>(ymd.month()));
  in.date_year = std::to_string(static_cast<int>(ymd.year()));
  in.contact_time = d.contact_time;
  in.contact_type = std::string(Code(d.type));
  in.contact_with = std::string(Code(d.with));
  in.interpreter_used = d.interpreter_used ? "yes" : "no";
  in.interpreter_language = d.interpreter_language;
  in.duration = d.duration_minutes ? std::to_string(*d.duration_minutes) : "";
  in.notes = d.notes;
  in.restricted = d.restricted ? "yes" : "no";
  return in;
}

Result<ContactDetails> ValidateContact(const ContactInput& in, Date today,
                                       const LanguageCheck& known_language) {
  FieldErrors errors;
  ContactDetails out;
  auto date = ReadContactDate(errors, in, today);
  std::string time = Trim(in.contact_time);
  if (!time.empty()) {
    auto parsed = ParseTimeOfDay(time);
    if (!parsed) {
      errors.Add("contact_time", "Time of the contact must be a real time, like 14:30");
    } else {
      out.contact_time = *parsed;
    }
  }
  auto type = ReadChoice<ContactType>(errors, "contact_type", in.contact_type, ParseContactType,
                                      "Select the type of contact");
  auto with = ReadChoice<ContactWith>(errors, "contact_with", in.contact_with, ParseContactWith,
                                      "Select who the contact was with");
  auto interpreter = ReadYesNo(errors, "interpreter_used", in.interpreter_used,
                               "Select whether an interpreter was used");
  std::string language = Trim(in.interpreter_language);
  if (interpreter && *interpreter) {
    if (language.empty()) {
      errors.Add("interpreter_language", "Enter the language the interpreter used");
    } else if (!known_language(language)) {
      errors.Add("interpreter_language",
                 "Enter the language as a three-letter ISO 639-3 code, like sqi or tir");
    }
  }
  ContactType duration_rule = type.value_or(ContactType::kOther);
  out.duration_minutes = ReadDuration(errors, in.duration, duration_rule);
  bool attempt = type == ContactType::kAttemptedNoAnswer;
  out.notes = ReadText(errors, "notes", in.notes, "Notes", kMaxNotes,
                       attempt ? "" : "Enter notes about the contact");
  auto restricted =
      ReadYesNo(errors, "restricted", in.restricted, "Select whether the note is restricted");
  if (!errors.empty()) return Fail(errors.ToProblem());
  out.contact_date = *date;
  out.type = *type;
  out.with = *with;
  out.interpreter_used = *interpreter;
  if (*interpreter) out.interpreter_language = language;
  out.restricted = *restricted;
  return out;
}

Result<std::string> ValidateErrorReason(std::string_view reason) {
  FieldErrors errors;
  std::string text = ReadText(errors, "reason", reason, "Reason", kMaxErrorReason,
                              "Enter why this contact was entered in error");
  if (!errors.empty()) return Fail(errors.ToProblem());
  return text;
}

Result<std::string> ValidateOwnAccount(std::string_view account) {
  FieldErrors errors;
  std::string text = ReadText(errors, "account", account, "Their account", kMaxOwnAccount,
                              "Enter their account in their own words");
  if (!errors.empty()) return Fail(errors.ToProblem());
  return text;
}

}  // namespace waymark::contacts
