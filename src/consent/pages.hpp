// The GOV.UK pages for consent records and disclosures inside a case.
//
// Routes (all WebRoutes Page routes with Action::kCaseList; ConsentService then asks the policy
// about the case itself, so break-glass readers see the lists but no forms, and another
// provider's case is "not found"):
//   GET  /cases/{id:id}/consent                    consent records with their status today
//   GET  /cases/{id:id}/consent/new, POST ...      record a consent given or refused
//   GET  /cases/{id:id}/consent/withdraw           choose a consent to withdraw (?consent=ID:
//                                                  confirm it with the date and a note)
//   POST /cases/{id:id}/consent/withdraw           record the withdrawal (consent, version)
//   GET  /cases/{id:id}/disclosures                disclosures with their legal basis
//   GET  /cases/{id:id}/disclosures/new, POST ...  record a disclosure
//
// No personal data goes into a URL: ids and flags only.
// Thread safety: registration happens on one thread; the handlers keep no state and are then
// called from many worker threads. `consent` must outlive the routes.
#pragma once

#include "consent/service.hpp"
#include "identity/web.hpp"

namespace waymark::consent {

void AddConsentPages(identity::WebRoutes& routes, ConsentService& consent);

}  // namespace waymark::consent
