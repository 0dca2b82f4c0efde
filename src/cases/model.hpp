// A survivor's case record: its types and the pure rules for what a person may type into it.
//
// Personal fields (names, date of birth, contact details, address) are only ever held in a
// PersonalDetails value in memory; the store encrypts them as one document. Non-identifying
// fields (ClearDetails) are stored in the clear for filters and anonymised statistics.
// Thread safety: pure functions and plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/choices.hpp"
#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::cases {

struct PersonalDetails {
  std::string given_names;
  std::string family_name;
  std::vector<std::string> other_names;  // aliases and earlier names, searchable like the name
  std::optional<Date> date_of_birth;
  std::optional<int> estimated_age;  // when the date of birth is not known
  std::string phone;
  std::string email;
  std::string safe_contact_method;  // a SafeContactMethod code
  std::string safe_contact_times;   // "weekday mornings; never after 6pm"
  std::string address;

  std::string FullName() const;  // "Given Family", for people to read
  bool operator==(const PersonalDetails&) const = default;
};

struct ClearDetails {
  std::string gender;                      // HTCDS prs_Gender code, or empty
  std::string age_band;                    // AgeBand(...), derived
  std::vector<std::string> nationalities;  // ISO 3166-1 alpha-2
  std::vector<std::string> languages;      // ISO 639-3
  std::string dialect;
  bool interpreter_needed = false;
  std::string interpreter_gender;  // "female", "male", "no_preference" or empty
  bool operator==(const ClearDetails&) const = default;
};

enum class CaseStatus { kOpen, kClosed };
std::string_view Code(CaseStatus status);
std::optional<CaseStatus> ParseCaseStatus(std::string_view code);

struct Case {
  std::string id;
  std::string organisation_id;
  std::string reference;  // WM-XXXX-XXXX
  CaseStatus status = CaseStatus::kOpen;
  std::optional<std::string> closure_reason;
  std::optional<Date> closed_on;
  ClearDetails clear;
  PersonalDetails personal;
  std::string nrm_stage;   // kept by the NRM feature; "not_referred" at first
  std::string risk_level;  // kept by the assessments feature; empty until assessed
  int64_t version = 1;
  TimePoint created_at{};
  TimePoint updated_at{};
};

// What a person typed into the case details form, before validation.
struct CaseInput {
  std::string given_names;
  std::string family_name;
  std::string other_names;  // one a line
  std::string dob_day, dob_month, dob_year;
  std::string estimated_age;
  std::string phone;
  std::string email;
  std::string safe_contact_method;
  std::string safe_contact_times;
  std::string address;
  std::string gender;
  std::string nationalities;  // codes separated by commas or spaces ("AL, VN")
  std::string languages;      // ISO 639-3 codes, likewise
  std::string dialect;
  std::string interpreter_needed;  // "yes" or "no"
  std::string interpreter_gender;
};

struct ValidCase {
  PersonalDetails personal;
  ClearDetails clear;
};

// Every problem at once, as field errors named after the form fields ("family_name", "dob",
// "nationalities", ...). `today` is the London date: a date of birth cannot be after it, and
// survivors in this service are adults (18 or over).
Result<ValidCase> ValidateCase(const CaseInput& input, Date today);

// The form's values for an existing case (for the edit page).
CaseInput InputFor(const Case& c);

// Age band for statistics: "18-24", "25-34", "35-44", "45-54", "55-64", "65+", or "unknown".
std::string AgeBand(const PersonalDetails& personal, Date today);

// The safe contact methods and interpreter genders a person can choose.
const std::vector<Choice>& SafeContactMethods();
const std::vector<Choice>& InterpreterGenders();

}  // namespace waymark::cases
