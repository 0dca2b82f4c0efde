// Reading form strings into typed values while collecting every problem at once, with
// GOV.UK-style messages ("Enter ...", "Select ...", "... must be a real date").
// Shared by the assessment and plan rules. Pure functions; safe from any thread.
//
// Field names double as HTML ids so an error summary can link to them: repeated rows use
// 0-based indexes ("needs-0-description"), while messages count from 1 ("need 1") because
// people do.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"
#include "platform/util/text.hpp"

namespace waymark::assessments {

// Trim and CountCharacters are platform/util/text.hpp's.
// Valid UTF-8 with no control characters other than tab, line feed and carriage return.
bool IsAcceptableText(std::string_view text);

// Collects field errors in the order found; the first error for a field is the one kept,
// so a person sees one message per field, as GOV.UK's pattern asks.
class FieldErrors {
 public:
  void Add(std::string field, std::string message);
  bool Has(std::string_view field) const;
  bool empty() const { return errors_.empty(); }
  const std::vector<FieldError>& errors() const { return errors_; }
  Problem ToProblem() const { return Problem::Invalid(errors_); }

 private:
  std::vector<FieldError> errors_;
};

// Trims `value` and checks it. `subject` names the field in sentences ("Description of need 1
// must be 1000 characters or fewer"); `missing` is the message when it is empty, or empty
// when the field is optional. Returns the trimmed text (possibly empty), even on error.
std::string ReadText(FieldErrors& errors, std::string_view field, std::string_view value,
                     std::string_view subject, size_t max_characters, std::string_view missing);

// An ISO date ("2025-03-03"). `missing`: "Enter the date of the assessment"; `subject`:
// "Date of the assessment" for "... must be a real date".
std::optional<Date> ReadDate(FieldErrors& errors, std::string_view field, std::string_view value,
                             std::string_view subject, std::string_view missing);

// "yes" or "no", as radios send them; anything else gets `missing`.
std::optional<bool> ReadYesNo(FieldErrors& errors, std::string_view field, std::string_view value,
                              std::string_view missing);

// A code from a fixed list, parsed by `parse`; an unknown code gets the same "Select ..."
// message as a missing one, because a person can only have picked from the list.
template <class E, class Parse>
std::optional<E> ReadChoice(FieldErrors& errors, std::string_view field, std::string_view value,
                            Parse parse, std::string_view missing) {
  std::optional<E> parsed = parse(Trim(value));
  if (!parsed) errors.Add(std::string(field), std::string(missing));
  return parsed;
}

}  // namespace waymark::assessments
