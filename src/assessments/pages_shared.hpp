// Pieces the assessment page files share: paths, an assessment as summary lists (for the
// overview of both kinds and the page of one version), dates as the GOV.UK date input's parts,
// and the page frame with the case's reference and a back link.
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessments/service.hpp"
#include "cases/pages_form.hpp"
#include "identity/web.hpp"
#include "platform/html/node.hpp"
#include "platform/http/response.hpp"

namespace waymark::assessments::pages {

std::string AssessmentsPath(std::string_view case_id);  // /cases/<id>/assessments
// The page of one version; version 0 is the current one.
std::string NeedsPath(std::string_view case_id, int version = 0);
std::string RiskPath(std::string_view case_id, int version = 0);

// "?version=3" as a version number; nullopt for anything but a positive number. Absent is 0.
std::optional<int> VersionFrom(const http::Request& request);
// The form's hidden `based_on`: the version a new assessment starts from, 0 for a first one.
std::optional<int> BasedOnFrom(const http::FormFields& form);

// The body of a version: what kind, when and how, by whom, then the needs and strengths, or the
// levels with notes and the review date.
html::Node NeedsDetails(const StoredNeeds& saved);
html::Node RiskDetails(const StoredRisk& saved, bool review_overdue);
// "Version 2, recorded by Jo Support on 4 March 2024 at 9:00am"
std::string RecordedText(const Recorded& recorded);

// A GOV.UK warning text ("!" icon) with `text`.
html::Node WarningText(std::string_view text);

// A date as the date input shows it ("4", "3", "2024"), and the three parts back as ISO text for
// the model: "" when all are blank, text that is not a date when they do not make one, so the
// model's own message ("... must be a real date") is the one shown.
cases::pages::DateParts PartsOf(Date date);
std::string IsoFromParts(std::string_view day, std::string_view month, std::string_view year);

// The frame every assessment page shares: a back link, the case reference as a caption, the
// title as <h1>, then `content` in two thirds of the width.
struct AssessmentPage {
  std::string title;
  std::string reference;
  std::string back;
  std::vector<html::Node> content;
  std::optional<Problem> problem{};
  int status = 200;
};
http::Response RenderAssessmentPage(const identity::PageContext& ctx, AssessmentPage page);

// The form for a new version of an assessment of one `kind` ("needs" or "risk"): what it
// starts from, a link to the newer one after a stale save, and `fields` posted to
// .../assessments/<kind>/new, in the assessment page frame.
struct NewVersionForm {
  std::string title;
  std::string kind;
  std::string case_id;
  std::string reference;
  int based_on = 0;
  std::string newer_link_text;
  std::string newer_href;
  std::vector<html::Node> fields;
  std::optional<Problem> problem{};
  int status = 200;
};
http::Response RenderNewVersionForm(const identity::PageContext& ctx, NewVersionForm form);

// Each page file registers its own routes; AddAssessmentPages calls them all.
void AddViewPages(identity::WebRoutes& routes, AssessmentService& assessments);
void AddNeedsFormPages(identity::WebRoutes& routes, AssessmentService& assessments);
void AddRiskFormPages(identity::WebRoutes& routes, AssessmentService& assessments);

}  // namespace waymark::assessments::pages
