#include "contacts/pages.hpp"

#include "cases/pages_shared.hpp"
#include "platform/html/govuk/components.hpp"

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

}  // namespace pages

void AddContactPages(identity::WebRoutes& routes, ContactService& contacts) {
  pages::AddListPages(routes, contacts);
  pages::AddContactFormPages(routes, contacts);
  pages::AddContactViewPages(routes, contacts);
  pages::AddOwnAccountPages(routes, contacts);
}

}  // namespace waymark::contacts
