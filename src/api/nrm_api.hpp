// The NRM part of the JSON API (/api/v1), documented in docs/openapi.yaml:
//   GET  /api/v1/cases/{id}/nrm                     the timeline (every entry, corrected ones
//                                                  kept and marked), the stage, the deadlines
//                                                  and the events the rules allow next; ETag:
//                                                  the number of entries
//   POST /api/v1/cases/{id}/nrm/events              record what happened next; 201
//   POST /api/v1/cases/{id}/nrm/events/{entry_id}/correction
//                                                  correct an entry (a new entry; the old kept)
// A change carries the number of entries it was made from, as If-Match or "expected_count";
// any other number is refused as stale (409). The event is read as the NRM pages read theirs
// (nrm::ParseNewEntry) and checked by nrm::NrmService, so both apply the same rules.
// Thread safety: as WebRoutes. `nrm` must outlive the routes.
#pragma once

#include "identity/web.hpp"
#include "nrm/service.hpp"

namespace waymark::api {

void AddNrmApi(identity::WebRoutes& routes, nrm::NrmService& nrm);

}  // namespace waymark::api
