#include "nrm/pages_event_form.hpp"

#include "cases/pages_form.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::nrm::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::DateInput;
using cases::pages::DateParts;
using html::El;
using html::Node;
using identity::FieldError;
using identity::RadioItem;

const std::vector<RadioItem> kYesNo = {{"yes", "Yes"}, {"no", "No"}};

template <class E, size_t N>
std::vector<RadioItem> Items(const E (&values)[N]) {
  std::vector<RadioItem> items;
  for (E value : values) items.push_back({std::string(Code(value)), std::string(Label(value))});
  return items;
}

bool IsDecision(EventKind kind) {
  return kind == EventKind::kRgDecided || kind == EventKind::kCgDecided ||
         kind == EventKind::kRnaDecided;
}

EnteredDate PartsOf(Date date) {
  std::chrono::year_month_day ymd{date};
  return {std::to_string(unsigned(ymd.day())), std::to_string(unsigned(ymd.month())),
          std::to_string(int(ymd.year()))};
}

EnteredDate ReadDate(const http::FormFields& form, const std::string& name) {
  return {std::string(form.GetOr(name + "-day")), std::string(form.GetOr(name + "-month")),
          std::string(form.GetOr(name + "-year"))};
}

// What the date input shows: the date as it was entered.
DateParts Shown(const EnteredDate& entered) { return {entered.day, entered.month, entered.year}; }

}  // namespace

EventForm ReadEventForm(const http::FormFields& form) {
  auto get = [&form](std::string_view name) { return std::string(form.GetOr(name)); };
  EventForm f;
  f.event = get("event");
  f.date = ReadDate(form, "date");
  f.identifying_details_included = get("identifying_details_included");
  f.first_responder = get("first_responder");
  f.authority = get("authority");
  f.outcome = get("outcome");
  f.grounds = get("grounds");
  f.extended = get("extended");
  f.extended_to = ReadDate(form, "extended_to");
  f.note = get("note");
  return f;
}

EventForm FormFor(const Event& event, std::string note) {
  EventForm f;
  f.event = std::string(Code(KindOf(event)));
  f.date = PartsOf(nrm::DateOf(event));
  f.note = std::move(note);
  if (auto* e = std::get_if<DutyToNotifySent>(&event)) {
    f.identifying_details_included = e->identifying_details_included ? "yes" : "no";
  } else if (auto* e = std::get_if<Referred>(&event)) {
    f.first_responder = e->first_responder;
    f.authority = std::string(Code(e->authority));
  } else if (auto* e = std::get_if<RgDecided>(&event)) {
    f.outcome = std::string(Code(e->outcome));
  } else if (auto* e = std::get_if<CgDecided>(&event)) {
    f.outcome = std::string(Code(e->outcome));
  } else if (auto* e = std::get_if<Disqualified>(&event)) {
    f.grounds = std::string(Code(e->grounds));
  } else if (auto* e = std::get_if<RnaDecided>(&event)) {
    f.extended = e->extended_to ? "yes" : "no";
    if (e->extended_to) f.extended_to = PartsOf(*e->extended_to);
  }
  return f;
}

std::vector<Node> EventFields(EventKind kind, const EventForm& f,
                              const std::optional<Problem>& problem, bool correction) {
  std::vector<Node> out;
  out.push_back(DateInput({.name = "date",
                           .legend = EventDateLabel(kind),
                           .hint = "For example, 27 3 2024",
                           .value = Shown(f.date),
                           .error = FieldError(problem, "date")}));
  switch (kind) {
    case EventKind::kDutyToNotifySent:
      out.push_back(identity::Paragraph(
          "A Duty to Notify is anonymous. It can include identifying details only if the person "
          "has consented to that, and the consent is recorded."));
      out.push_back(identity::Radios("identifying_details_included",
                                     "Did the notification include identifying details?", kYesNo,
                                     f.identifying_details_included,
                                     FieldError(problem, "identifying_details_included")));
      break;
    case EventKind::kReferred:
      out.push_back(El("div")
                        .Class("govuk-inset-text")
                        .Attr("id", "consent")
                        // The error summary links here when consent is missing: focusable, so
                        // the link moves focus and a screen reader reads it.
                        .Attr("tabindex", "-1")
                        .AddText("An adult can be referred to the NRM only with their consent, "
                                 "recorded in their case."));
      out.push_back(govuk::Input({.name = "first_responder",
                                  .label = {.text = "First Responder Organisation"},
                                  .hint = "The organisation that made the referral",
                                  .error_message = FieldError(problem, "first_responder"),
                                  .value = f.first_responder,
                                  .autocomplete = "off"}));
      out.push_back(identity::Radios("authority", "Competent authority",
                                     Items({CompetentAuthority::kSca, CompetentAuthority::kIeca}),
                                     f.authority, FieldError(problem, "authority")));
      break;
    case EventKind::kRgDecided:
      out.push_back(identity::Radios("outcome", "Reasonable Grounds decision",
                                     Items({RgOutcome::kPositive, RgOutcome::kNegative}), f.outcome,
                                     FieldError(problem, "outcome")));
      break;
    case EventKind::kCgDecided:
      out.push_back(
          identity::Radios("outcome", "Conclusive Grounds decision",
                           Items({CgOutcome::kHumanTrafficking,
                                  CgOutcome::kSlaveryServitudeForcedLabour, CgOutcome::kNegative}),
                           f.outcome, FieldError(problem, "outcome")));
      break;
    case EventKind::kDisqualified:
      out.push_back(identity::Radios(
          "grounds", "Grounds",
          Items({DisqualificationGrounds::kPublicOrder, DisqualificationGrounds::kBadFaith}),
          f.grounds, FieldError(problem, "grounds")));
      break;
    case EventKind::kRnaDecided:
      out.push_back(identity::Radios("extended", "Did the decision extend support?", kYesNo,
                                     f.extended, FieldError(problem, "extended")));
      out.push_back(DateInput({.name = "extended_to",
                               .legend = "If it did, the date support is extended to",
                               .hint = "For example, 27 3 2025",
                               .value = Shown(f.extended_to),
                               .error = FieldError(problem, "extended_to")}));
      break;
    default:
      break;
  }
  out.push_back(cases::pages::Textarea(
      {.name = "note",
       .label = correction ? "Why are you correcting this entry?" : "Note (optional)",
       .hint = correction ? "For example, the date was typed wrongly" : "",
       .value = f.note,
       .error = FieldError(problem, "note"),
       .rows = 3}));
  return out;
}

std::vector<std::pair<std::string, std::string>> DescribeEvent(const Event& event) {
  EventKind kind = KindOf(event);
  std::vector<std::pair<std::string, std::string>> rows{
      {IsDecision(kind) ? "Decision date" : "Date", FormatDateForPeople(nrm::DateOf(event))}};
  if (auto* e = std::get_if<DutyToNotifySent>(&event)) {
    rows.push_back({"Identifying details", e->identifying_details_included
                                               ? "Included, with consent"
                                               : "Not included (anonymous)"});
  } else if (auto* e = std::get_if<Referred>(&event)) {
    rows.push_back({"First Responder Organisation", e->first_responder});
    rows.push_back({"Competent authority", std::string(Label(e->authority))});
  } else if (auto* e = std::get_if<RgDecided>(&event)) {
    rows.push_back({"Decision", std::string(Label(e->outcome))});
  } else if (auto* e = std::get_if<CgDecided>(&event)) {
    rows.push_back({"Decision", std::string(Label(e->outcome))});
  } else if (auto* e = std::get_if<Disqualified>(&event)) {
    rows.push_back({"Grounds", std::string(Label(e->grounds))});
  } else if (auto* e = std::get_if<RnaDecided>(&event)) {
    rows.push_back({"Support extended to",
                    e->extended_to ? FormatDateForPeople(*e->extended_to) : "Not extended"});
  }
  return rows;
}

}  // namespace waymark::nrm::pages
