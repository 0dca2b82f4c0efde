// The GOV.UK pages of a case's NRM pathway.
//
// Every route is a WebRoutes Page route asking only kCaseList (provider case staff); NrmService
// then asks about the case itself: case.view to read (so a break-glass reader reads, and is
// offered no forms), case.edit on an open case to change. Another provider's case is "not
// found". Ids and codes only in URLs, never a name.
//
// Routes:
//   GET  /cases/{id:id}/nrm                    the stage, the deadlines, the timeline, and the
//                                              choice of what happened next
//   GET  /cases/{id:id}/nrm/record?event=CODE  the form for that event (a GET form chose it;
//                                              without a choice, back to the pathway)
//   POST /cases/{id:id}/nrm/record             record it (event, count, the event's fields)
//   GET  /cases/{id:id}/nrm/correct?entry=ID   the form to correct an entry, filled in
//   POST /cases/{id:id}/nrm/correct            record the correction (entry, count, fields, note)
//
// Thread safety: registration happens on one thread; the handlers keep no state and are then
// called from many worker threads. `nrm` must outlive the routes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "identity/web.hpp"
#include "nrm/service.hpp"

namespace waymark::nrm {

void AddNrmPages(identity::WebRoutes& routes, NrmService& nrm);

namespace pages {
void AddTimelinePages(identity::WebRoutes& routes, NrmService& nrm);
void AddRecordPages(identity::WebRoutes& routes, NrmService& nrm);

// "/cases/<id>/nrm".
std::string NrmPath(std::string_view case_id);

// The pathway page, with a problem (a choice of what happened next that was refused) and a
// banner after a change.
http::Response RenderTimeline(const identity::PageContext& ctx, const NrmTimeline& timeline,
                              const std::optional<Problem>& problem, int status,
                              std::string_view banner);
}  // namespace pages

}  // namespace waymark::nrm
