// Pieces the case page files share: paths, labels for codes, the record's details as lines of
// text (for the overview and for the history's comparison), and the page for a problem that
// ends the journey. Used by src/cases/pages*.cpp and by the pages of the features that keep
// records inside a case (consent, nrm, assessments, plans, contacts, ...).
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cases/list_filters.hpp"
#include "cases/model.hpp"
#include "cases/service.hpp"
#include "identity/web.hpp"
#include "platform/html/node.hpp"
#include "platform/http/response.hpp"
#include "platform/util/problem.hpp"

namespace waymark::cases::pages {

inline constexpr std::string_view kNav = "/cases";

// "/cases/<id>": ids only, never a name.
std::string CasePath(std::string_view id);

// Each page file registers its own routes; AddCasePages calls them all.
void AddListPages(identity::WebRoutes& routes, CaseService& cases, ListFilterChoices choices);
void AddDetailsPages(identity::WebRoutes& routes, CaseService& cases);
void AddOverviewPages(identity::WebRoutes& routes, CaseService& cases);
void AddWorkerPages(identity::WebRoutes& routes, CaseService& cases);
void AddHistoryPages(identity::WebRoutes& routes, CaseService& cases);
void AddBreakGlassPages(identity::WebRoutes& routes, CaseService& cases);

// The page for any problem a handler does not show in its own form: 404, 403, sign in again
// and 429 as the identity pages show them; a conflict (409) or a refused request (400) with
// the service's message; 503 when the database is unreachable.
http::Response ProblemResponse(const identity::PageContext& ctx, const Problem& problem);

// Labels for stored codes. Unknown codes are shown as words rather than dropped.
html::Node StatusTag(CaseStatus status);
std::string NrmStageLabel(std::string_view code);  // "not_referred" -> "Not referred"
std::string RiskLabel(std::string_view code);      // "" -> "Not assessed"
std::string ClosureReasonLabel(std::string_view code);
// "14 July 1994", "Estimated age 30" or "Not known".
std::string DateOfBirthText(const PersonalDetails& personal);

// One line of a case's details as people read it; `value` may hold new lines.
struct DetailLine {
  std::string label;
  std::string value;  // "" when nothing is recorded
};
// The details in the order the overview shows them. The history compares two versions line by
// line, so a label is the name of one thing a person can change.
std::vector<DetailLine> DescribeDetails(const PersonalDetails& personal, const ClearDetails& clear);

// Text whose new lines become <br>, for addresses and lists of names.
html::Node MultilineText(std::string_view text);
// <span class="govuk-caption-l">.
html::Node Caption(std::string_view text);

}  // namespace waymark::cases::pages
