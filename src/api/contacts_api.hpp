// The contacts part of the JSON API (/api/v1), documented in docs/openapi.yaml:
//   GET  /api/v1/cases/{id}/contacts?page=N              a page of the case's contacts, newest
//                                                       first (contacts::kContactsPerPage)
//   POST /api/v1/cases/{id}/contacts                     record a contact; 201 with Location
//   GET  /api/v1/cases/{id}/contacts/{contact_id}        one contact and its versions; ETag
//   PUT  /api/v1/cases/{id}/contacts/{contact_id}        correct it; the version it started from
//                                                       as If-Match or "version"; stale: 409
//   POST .../contacts/{contact_id}/entered-in-error      mark it entered in error, with why (it
//                                                       is kept; contacts are never deleted)
//   GET  /api/v1/cases/{id}/own-account                  the survivor's own account (version 0
//                                                       and null text before the first); ETag
//   PUT  /api/v1/cases/{id}/own-account                  save a new version; the version it was
//                                                       based on as If-Match or "based_on" (0
//                                                       for the first); a newer one saved: 409
// Every endpoint calls contacts::ContactService only: a restricted note's text is null (and
// "text_hidden" true) for a reader the service does not decrypt it for, and the own account,
// always restricted, is refused (403) to such a reader.
// Thread safety: as WebRoutes. `contacts` must outlive the routes.
#pragma once

#include "contacts/service.hpp"
#include "identity/web.hpp"

namespace waymark::api {

void AddContactsApi(identity::WebRoutes& routes, contacts::ContactService& contacts);

}  // namespace waymark::api
