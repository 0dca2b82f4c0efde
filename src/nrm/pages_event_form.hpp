// The form for one NRM event, shared by recording what happened next and correcting an entry:
// what a person typed (EventForm, strings as sent), reading it into a typed NewEntry with every
// problem at once, the form's fields for each kind of event, and an event described in words for
// the timeline. Field names: event, date (GOV.UK date input), identifying_details_included,
// first_responder, authority, outcome, grounds, extended, extended_to, note.
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "nrm/service.hpp"
#include "platform/html/node.hpp"
#include "platform/http/forms.hpp"

namespace waymark::nrm::pages {

struct EventForm {
  std::string event{};  // an EventKind code
  cases::pages::DateParts date{};
  std::string identifying_details_included{};  // "yes" / "no"
  std::string first_responder{};
  std::string authority{};  // CompetentAuthority code
  std::string outcome{};    // RgOutcome or CgOutcome code
  std::string grounds{};    // DisqualificationGrounds code
  std::string extended{};   // "yes" / "no": did the RNA decision extend support?
  cases::pages::DateParts extended_to{};
  std::string note{};
};

EventForm ReadEventForm(const http::FormFields& form);
// The form filled in with a recorded entry's values (for a correction).
EventForm FormFor(const Event& event, std::string note = "");

// The typed entry, or Invalid naming each field at fault. `correction` makes the note (why the
// entry is corrected) required; the rules of the pathway are the service's to apply.
Result<NewEntry> ParseEventForm(const EventForm& form, bool correction);

// The inputs for `kind` (not the event or count fields, nor the button).
std::vector<html::Node> EventFields(EventKind kind, const EventForm& form,
                                    const std::optional<Problem>& problem, bool correction);

// The event's values as rows for a summary list: ("Decision date", "3 March 2025"), ...
std::vector<std::pair<std::string, std::string>> DescribeEvent(const Event& event);

}  // namespace waymark::nrm::pages
