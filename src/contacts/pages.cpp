#include "contacts/pages.hpp"

#include "cases/pages_shared.hpp"
#include "platform/html/govuk/components.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::contacts {

namespace pages {

std::string ContactsPath(std::string_view case_id) {
  return cases::pages::CasePath(case_id) + "/contacts";
}

std::string ContactPath(std::string_view case_id, std::string_view contact_id) {
  return ContactsPath(case_id) + "/" + std::string(contact_id);
}

std::string WhenText(const ContactDetails& details) {
  std::string text = FormatDateForPeople(details.contact_date);
  if (!details.contact_time.empty()) text += " at " + details.contact_time;
  return text;
}

html::Node NotesText(const Contact& contact) {
  if (contact.text_hidden) {
    return html::govuk::Tag({.text = "Restricted note", .classes = "govuk-tag--grey"});
  }
  if (contact.details.notes.empty()) return html::Text("No notes");
  return cases::pages::MultilineText(contact.details.notes);
}

namespace {

std::string InterpreterText(const ContactDetails& d) {
  if (!d.interpreter_used) return "No";
  std::string_view name = vocabulary::LanguageName(d.interpreter_language);
  return "Yes, " + (name.empty() ? d.interpreter_language : std::string(name));
}

std::string DurationText(const ContactDetails& d) {
  if (!d.duration_minutes) return "Not recorded";
  return std::to_string(*d.duration_minutes) + (*d.duration_minutes == 1 ? " minute" : " minutes");
}

}  // namespace

std::vector<html::govuk::SummaryRow> DetailRows(const Contact& c) {
  const ContactDetails& d = c.details;
  std::vector<html::govuk::SummaryRow> rows{
      {.key = "Date", .value = html::Text(WhenText(d))},
      {.key = "Type", .value = html::Text(std::string(Label(d.type)))},
      {.key = "With", .value = html::Text(std::string(Label(d.with)))},
      {.key = "Interpreter", .value = html::Text(InterpreterText(d))},
      {.key = "Duration", .value = html::Text(DurationText(d))},
      {.key = "Notes", .value = NotesText(c)},
      {.key = "Restricted",
       .value = html::Text(
           d.restricted ? "Yes, only the assigned workers and their manager can read it" : "No")},
  };
  return rows;
}

}  // namespace pages

void AddContactPages(identity::WebRoutes& routes, ContactService& contacts) {
  pages::AddListPages(routes, contacts);
  pages::AddContactFormPages(routes, contacts);
  pages::AddContactViewPages(routes, contacts);
  pages::AddOwnAccountPages(routes, contacts);
}

}  // namespace waymark::contacts
