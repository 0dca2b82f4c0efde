// Reading assessments: both kinds for a case (the current one in full, earlier versions as a
// table with a link to each) and the page of one version.
#include <string>
#include <utility>
#include <vector>

#include "assessments/pages_shared.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/util/time.hpp"

namespace waymark::assessments::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;

// Earlier versions (all but the newest), newest first, each linking to its page.
template <class Summary, class Describe>
Node EarlierVersions(const std::vector<Summary>& versions, std::string_view caption,
                     Describe describe) {
  if (versions.size() < 2) return Node();
  govuk::TableOptions table{.caption = std::string(caption),
                            .caption_classes = "govuk-table__caption--s",
                            .head = {{.content = Text("Version")},
                                     {.content = Text("Assessed on")},
                                     {.content = Text("Recorded by")},
                                     {.content = Text("Summary")}}};
  for (size_t i = 1; i < versions.size(); ++i) {
    const Summary& v = versions[i];
    auto [summary, href] = describe(v);
    table.rows.push_back(
        {{.content = El("a")
                         .Class("govuk-link")
                         .Attr("href", href)
                         .AddText("Version " + std::to_string(v.recorded.version))},
         {.content = Text(FormatDateForPeople(v.assessed_on))},
         {.content =
              Text(v.recorded.recorded_by_name + ", " + FormatForPeople(v.recorded.recorded_at))},
         {.content = Text(summary)}});
  }
  return govuk::Table(std::move(table));
}

Node RecordButton(const AssessmentsOverview& o, std::string_view kind, bool exists) {
  if (!o.about.can_record) return Node();
  std::string text = exists ? "Review the " + std::string(kind) + " assessment"
                            : "Record a " + std::string(kind) + " assessment";
  return govuk::Button(
      {.text = std::move(text),
       .href = AssessmentsPath(o.about.id) + "/" + std::string(kind) + "/new",
       .variant = exists ? govuk::ButtonVariant::kSecondary : govuk::ButtonVariant::kPrimary});
}

std::vector<Node> NeedsPart(const AssessmentsOverview& o) {
  std::vector<Node> out{cases::pages::SubHeading("Needs assessment")};
  if (o.needs) {
    out.push_back(NeedsDetails(*o.needs));
  } else {
    out.push_back(identity::Paragraph("No needs assessment has been recorded for this case."));
  }
  out.push_back(RecordButton(o, "needs", o.needs.has_value()));
  out.push_back(EarlierVersions(
      o.needs_versions, "Earlier needs assessments", [&](const NeedsVersionSummary& v) {
        std::string summary = std::string(Label(v.kind)) + ", " + std::to_string(v.needs) +
                              (v.needs == 1 ? " need, " : " needs, ") + std::to_string(v.unmet) +
                              " not met";
        return std::pair{summary, NeedsPath(o.about.id, v.recorded.version)};
      }));
  return out;
}

std::vector<Node> RiskPart(const AssessmentsOverview& o) {
  std::vector<Node> out{cases::pages::SubHeading("Risk assessment")};
  if (o.risk) {
    out.push_back(RiskDetails(*o.risk, o.risk_review_overdue));
  } else {
    out.push_back(identity::Paragraph("No risk assessment has been recorded for this case."));
  }
  out.push_back(RecordButton(o, "risk", o.risk.has_value()));
  out.push_back(EarlierVersions(
      o.risk_versions, "Earlier risk assessments", [&](const RiskVersionSummary& v) {
        std::string summary = "Overall risk " + std::string(Code(v.overall)) + ", review by " +
                              FormatDateForPeople(v.review_on);
        return std::pair{summary, RiskPath(o.about.id, v.recorded.version)};
      }));
  return out;
}

std::string BannerFor(const http::FormFields& query) {
  if (query.Has("needs_recorded")) return "Needs assessment recorded";
  if (query.Has("risk_recorded")) return "Risk assessment recorded";
  return {};
}

http::Response ShowOverview(PageContext& ctx, AssessmentService& assessments) {
  std::string id(ctx.request.Capture("id"));
  auto o = assessments.Overview(ctx.actor(), id, ctx.origin());
  if (!o) return cases::pages::ProblemResponse(ctx, o.error());
  std::vector<Node> content;
  for (auto& node : NeedsPart(*o)) content.push_back(std::move(node));
  for (auto& node : RiskPart(*o)) content.push_back(std::move(node));
  AssessmentPage page{.title = "Needs and risk assessments",
                      .reference = o->about.reference,
                      .back = cases::pages::CasePath(id),
                      .content = std::move(content)};
  std::string banner = BannerFor(ctx.request.query);
  if (!banner.empty()) {
    page.content.insert(page.content.begin(), identity::pages::SuccessBanner(banner));
  }
  return RenderAssessmentPage(ctx, std::move(page));
}

// What an earlier version says about itself: it is not the current one.
Node EarlierNotice(std::string_view current_href) {
  return El("div")
      .Class("govuk-inset-text")
      .Add({
          Text("This is an earlier version. It is kept as it was recorded. "),
          El("a").Class("govuk-link").Attr("href", current_href).AddText("Read the current one"),
      });
}

http::Response ShowNeeds(PageContext& ctx, AssessmentService& assessments) {
  std::string id(ctx.request.Capture("id"));
  std::optional<int> version = VersionFrom(ctx.request);
  if (!version)
    return cases::pages::ProblemResponse(ctx, Problem::NotFound(std::string(kNoSuchNeeds)));
  auto view = assessments.Needs(ctx.actor(), id, *version, ctx.origin());
  if (!view && *version == 0 && view.error().message == kNoSuchNeeds) {
    return http::Response::Redirect(AssessmentsPath(id));  // none yet: the page that offers one
  }
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  std::vector<Node> content;
  if (!view->current) content.push_back(EarlierNotice(NeedsPath(id)));
  content.push_back(NeedsDetails(view->saved));
  return RenderAssessmentPage(
      ctx, {.title = "Needs assessment, version " + std::to_string(view->saved.recorded.version),
            .reference = view->about.reference,
            .back = AssessmentsPath(id),
            .content = std::move(content)});
}

http::Response ShowRisk(PageContext& ctx, AssessmentService& assessments) {
  std::string id(ctx.request.Capture("id"));
  std::optional<int> version = VersionFrom(ctx.request);
  if (!version)
    return cases::pages::ProblemResponse(ctx, Problem::NotFound(std::string(kNoSuchRisk)));
  auto view = assessments.Risk(ctx.actor(), id, *version, ctx.origin());
  if (!view && *version == 0 && view.error().message == kNoSuchRisk) {
    return http::Response::Redirect(AssessmentsPath(id));  // none yet: the page that offers one
  }
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  std::vector<Node> content;
  if (!view->current) content.push_back(EarlierNotice(RiskPath(id)));
  content.push_back(RiskDetails(view->saved, view->review_overdue));
  return RenderAssessmentPage(
      ctx, {.title = "Risk assessment, version " + std::to_string(view->saved.recorded.version),
            .reference = view->about.reference,
            .back = AssessmentsPath(id),
            .content = std::move(content)});
}

}  // namespace

void AddViewPages(identity::WebRoutes& routes, AssessmentService& assessments) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/assessments", Action::kCaseList,
              [&assessments](PageContext& ctx) { return ShowOverview(ctx, assessments); });
  routes.Page("GET", "/cases/{id:id}/assessments/needs", Action::kCaseList,
              [&assessments](PageContext& ctx) { return ShowNeeds(ctx, assessments); });
  routes.Page("GET", "/cases/{id:id}/assessments/risk", Action::kCaseList,
              [&assessments](PageContext& ctx) { return ShowRisk(ctx, assessments); });
}

}  // namespace waymark::assessments::pages
