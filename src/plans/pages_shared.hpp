// Pieces the plan's page files share: paths, the standard's points grouped into pages, the plan
// drawn as summary cards (for the plan page and an old version alike), and the page frame with
// the case reference as caption and a back link.
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cases/pages_form.hpp"
#include "identity/web.hpp"
#include "plans/service.hpp"
#include "platform/html/node.hpp"
#include "platform/http/forms.hpp"
#include "platform/http/response.hpp"

namespace waymark::plans::pages {

// "/cases/<id>/plan": ids only.
std::string PlanPath(std::string_view case_id);

// The twenty points split into pages of a few related points each, so no page is huge.
struct EvidenceGroup {
  int number;  // 1-based, as in /plan/evidence/<number>
  std::string_view title;
  int first_point;
  int last_point;
};
std::span<const EvidenceGroup> EvidenceGroups();
std::optional<EvidenceGroup> EvidenceGroupNumbered(int number);
EvidenceGroup EvidenceGroupOf(int point);  // point 1..20

// Where to change the answer a check-your-answers row (or an agreement error) names.
std::string ChangeHref(std::string_view case_id, std::string_view change_field);

// The plan as summary cards: its status, then the goals with their actions, then the twenty
// points by group with "Not recorded" where evidence is missing. With `editable`, cards carry
// "Change" links to the draft's edit pages.
html::Node PlanSummary(const PlanView& view, const Plan& plan, bool editable);
std::string StatusText(PlanStatus status);

// A page inside the case: caption with the case reference, heading, back link, and the error
// summary for `problem`.
struct PlanPage {
  std::string title;
  std::string back;
  std::vector<html::Node> content;
  std::optional<Problem> problem{};
  int status = 200;
  bool wide = false;  // full width rather than two thirds
};
http::Response RenderPlanPage(const identity::PageContext& ctx, std::string_view reference,
                              PlanPage page);

// The ISO date three GOV.UK date boxes (`name`-day, -month, -year) spell: "" when all are
// blank, and text that is not a date when they do not make one, so the rules can say which.
std::string IsoFromDateParts(const http::FormFields& form, std::string_view name);

// The draft as it is now for an edit page, or why it cannot be edited: Forbidden for a reader
// who may not change the case (break-glass), Conflict for a closed case or when there is no
// draft.
Result<PlanView> EditableDraft(const identity::PageContext& ctx, PlanService& plans,
                               std::string_view case_id);

// Why an edit page cannot be shown: the plan page itself when there is no draft to edit (not
// started, or agreed), which says why and offers the next step; otherwise the problem's page.
http::Response EditPageRefused(const identity::PageContext& ctx, std::string_view case_id,
                               const Problem& problem);

// A date as the three GOV.UK date boxes show it ("3", "3", "2027").
cases::pages::DateParts DatePartsOf(Date date);

// The hidden `revision` field every change carries, and reading it back.
html::Node RevisionField(int64_t revision);
std::optional<int64_t> ReadRevision(const http::FormFields& form);

}  // namespace waymark::plans::pages
