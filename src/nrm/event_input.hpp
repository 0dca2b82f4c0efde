// One NRM event as a person typed it on the pages' form or a client sent it to the JSON API
// (strings, as entered), and reading it into a typed NewEntry with every problem at once, each
// named after its field: event, date, identifying_details_included, first_responder, authority,
// outcome, grounds, extended, extended_to, note. Both doors read events here, so both apply the
// same checks; whether the event may happen next is NrmService's to decide.
// Thread safety: pure functions.
#pragma once

#include <string>

#include "nrm/service.hpp"

namespace waymark::nrm {

// The three fields of a date as entered ("3", "03", "2025").
struct EnteredDate {
  std::string day{};
  std::string month{};
  std::string year{};
};

struct EventInput {
  std::string event{};  // an EventKind code
  EnteredDate date{};
  std::string identifying_details_included{};  // "yes" / "no"
  std::string first_responder{};
  std::string authority{};  // CompetentAuthority code
  std::string outcome{};    // RgOutcome or CgOutcome code
  std::string grounds{};    // DisqualificationGrounds code
  std::string extended{};   // "yes" / "no": did the RNA decision extend support?
  EnteredDate extended_to{};
  std::string note{};
};

// What the date of an event of `kind` is, in words: "Date of the referral", ...
std::string EventDateLabel(EventKind kind);

// The typed entry, or Invalid naming each field at fault. `correction` makes the note (why the
// entry is corrected) required.
Result<NewEntry> ParseNewEntry(const EventInput& input, bool correction);

}  // namespace waymark::nrm
