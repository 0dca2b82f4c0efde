// The form for one NRM event, shared by recording what happened next and correcting an entry:
// what a person typed (EventForm, read into a typed entry by nrm::ParseNewEntry), the form's
// fields for each kind of event, and an event described in words for the timeline. Field names:
// event, date (GOV.UK date input), identifying_details_included, first_responder, authority,
// outcome, grounds, extended, extended_to, note.
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nrm/event_input.hpp"
#include "nrm/service.hpp"
#include "platform/html/node.hpp"
#include "platform/http/forms.hpp"

namespace waymark::nrm::pages {

// What a person typed, strings as sent.
using EventForm = EventInput;

EventForm ReadEventForm(const http::FormFields& form);
// The form filled in with a recorded entry's values (for a correction).
EventForm FormFor(const Event& event, std::string note = "");

// The inputs for `kind` (not the event or count fields, nor the button).
std::vector<html::Node> EventFields(EventKind kind, const EventForm& form,
                                    const std::optional<Problem>& problem, bool correction);

// The event's values as rows for a summary list: ("Decision date", "3 March 2025"), ...
std::vector<std::pair<std::string, std::string>> DescribeEvent(const Event& event);

}  // namespace waymark::nrm::pages
