// The GOV.UK pages for contacts and notes and for the survivor's own account.
//
// Routes (all Page routes with Action::kCaseList; ContactService asks the case's policy):
//   GET  /cases/{id:id}/contacts[?page=N]                        the list, 25 a page
//   GET  /cases/{id:id}/contacts/new                             the form
//   POST /cases/{id:id}/contacts/new                             record a contact
//   GET  /cases/{id:id}/contacts/{cid:id}                        one contact and its versions
//   GET  /cases/{id:id}/contacts/{cid:id}/change                 the form with its values
//   POST /cases/{id:id}/contacts/{cid:id}/change                 save a correction (version)
//   GET  /cases/{id:id}/contacts/{cid:id}/entered-in-error       why it was a mistake
//   POST /cases/{id:id}/contacts/{cid:id}/entered-in-error       mark it (reason, version)
//   GET  /cases/{id:id}/own-account                              the account and its form
//   POST /cases/{id:id}/own-account                              save a new version (version)
//
// Thread safety: registration happens on one thread; handlers keep no state. `contacts` must
// outlive the routes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "contacts/service.hpp"
#include "identity/web.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/html/node.hpp"

namespace waymark::contacts {

void AddContactPages(identity::WebRoutes& routes, ContactService& contacts);

namespace pages {

// "/cases/<id>/contacts" and "/cases/<id>/contacts/<contact id>": ids only.
std::string ContactsPath(std::string_view case_id);
std::string ContactPath(std::string_view case_id, std::string_view contact_id);

// "3 March 2026 at 14:30", or the date alone when no time was recorded.
std::string WhenText(const ContactDetails& details);
// A contact's details as summary-list rows: date, type, with whom, interpreter, duration, notes
// and whether they are restricted.
std::vector<html::govuk::SummaryRow> DetailRows(const Contact& contact);
// The notes as people read them: the text, or a grey "Restricted note" tag when withheld.
html::Node NotesText(const Contact& contact);

void AddListPages(identity::WebRoutes& routes, ContactService& contacts);
void AddContactFormPages(identity::WebRoutes& routes, ContactService& contacts);
void AddContactViewPages(identity::WebRoutes& routes, ContactService& contacts);
void AddOwnAccountPages(identity::WebRoutes& routes, ContactService& contacts);

}  // namespace pages

}  // namespace waymark::contacts
