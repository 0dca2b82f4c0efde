#include "assessments/pages.hpp"

#include <charconv>
#include <utility>

#include "assessments/form_rules.hpp"
#include "assessments/pages_shared.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/util/time.hpp"

namespace waymark::assessments {

void AddAssessmentPages(identity::WebRoutes& routes, AssessmentService& assessments) {
  pages::AddViewPages(routes, assessments);
  pages::AddNeedsFormPages(routes, assessments);
  pages::AddRiskFormPages(routes, assessments);
}

namespace pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;

std::string WithVersion(std::string path, int version) {
  if (version > 0) path += "?version=" + std::to_string(version);
  return path;
}

// A value cell: the text, then a quieter line under it.
Node TextWithNote(std::string_view text, std::string_view note) {
  Node out = El("div");
  out.Add(
      El("p").Class("govuk-body govuk-!-margin-bottom-1").Add(cases::pages::MultilineText(text)));
  if (!note.empty()) out.Add(El("p").Class("govuk-body-s govuk-!-margin-bottom-0").AddText(note));
  return out;
}

Node LevelTag(RiskLevel level) {
  switch (level) {
    case RiskLevel::kHigh:
      return identity::pages::ColouredTag("High", "govuk-tag--red");
    case RiskLevel::kMedium:
      return identity::pages::ColouredTag("Medium", "govuk-tag--orange");
    case RiskLevel::kLow:
      return identity::pages::ColouredTag("Low", "govuk-tag--green");
    case RiskLevel::kNone:
      break;
  }
  return identity::pages::ColouredTag("None", "govuk-tag--grey");
}

// A whole, non-negative decimal number.
std::optional<int> NumberFrom(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

std::string AssessmentsPath(std::string_view case_id) {
  return cases::pages::CasePath(case_id) + "/assessments";
}

std::string NeedsPath(std::string_view case_id, int version) {
  return WithVersion(AssessmentsPath(case_id) + "/needs", version);
}

std::string RiskPath(std::string_view case_id, int version) {
  return WithVersion(AssessmentsPath(case_id) + "/risk", version);
}

std::optional<int> VersionFrom(const http::Request& request) {
  auto text = request.query.Get("version");
  if (!text) return 0;
  std::optional<int> version = NumberFrom(*text);
  if (!version || *version < 1) return std::nullopt;
  return version;
}

std::optional<int> BasedOnFrom(const http::FormFields& form) {
  auto text = form.Get("based_on");
  return text ? NumberFrom(*text) : std::nullopt;
}

std::string RecordedText(const Recorded& recorded) {
  return "Version " + std::to_string(recorded.version) + ", recorded by " +
         recorded.recorded_by_name + " on " + FormatForPeople(recorded.recorded_at);
}

Node NeedsDetails(const StoredNeeds& saved) {
  const NeedsAssessment& a = saved.assessment;
  std::vector<govuk::SummaryRow> about{
      {.key = "Kind", .value = Text(Label(a.kind))},
      {.key = "How it was carried out", .value = Text(Label(a.mode))},
      {.key = "Date of the assessment", .value = Text(FormatDateForPeople(a.assessed_on))},
      {.key = "Recorded", .value = Text(RecordedText(saved.recorded))},
  };
  std::vector<govuk::SummaryRow> needs;
  for (const Need& need : a.needs) {
    std::string note = std::string(Label(need.time_frame)) + ". " + (need.met ? "Met" : "Not met");
    needs.push_back(
        {.key = std::string(Label(need.domain)), .value = TextWithNote(need.description, note)});
  }
  return html::Fragment({
      govuk::SummaryList({.rows = std::move(about)}),
      cases::pages::SubHeading("Needs"),
      govuk::SummaryList({.rows = std::move(needs)}),
      cases::pages::SubHeading("Strengths"),
      a.strengths.empty()
          ? identity::Paragraph("Not recorded")
          : El("p").Class("govuk-body").Add(cases::pages::MultilineText(a.strengths)),
  });
}

Node RiskDetails(const StoredRisk& saved, bool review_overdue) {
  const RiskAssessment& a = saved.assessment;
  std::string review = FormatDateForPeople(a.review_on);
  std::vector<govuk::SummaryRow> about{
      {.key = "Overall risk", .value = LevelTag(AsRiskLevel(a.overall))},
      {.key = "Review by", .value = Text(review_overdue ? review + " (overdue)" : review)},
      {.key = "Date of the assessment", .value = Text(FormatDateForPeople(a.assessed_on))},
      {.key = "Recorded", .value = Text(RecordedText(saved.recorded))},
  };
  std::vector<govuk::SummaryRow> risks;
  for (const RiskRating& rating : a.risks) {
    Node value = El("div").Add(LevelTag(rating.level));
    if (!rating.notes.empty()) {
      value.Add(El("p")
                    .Class("govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0")
                    .Add(cases::pages::MultilineText(rating.notes)));
    }
    risks.push_back({.key = std::string(Label(rating.kind)), .value = std::move(value)});
  }
  std::vector<Node> out;
  if (review_overdue) out.push_back(WarningText("The review was due by " + review + "."));
  out.push_back(govuk::SummaryList({.rows = std::move(about)}));
  out.push_back(cases::pages::SubHeading("Risks"));
  out.push_back(govuk::SummaryList({.rows = std::move(risks)}));
  return html::Fragment(std::move(out));
}

Node WarningText(std::string_view text) {
  return El("div")
      .Class("govuk-warning-text")
      .Add({
          El("span").Class("govuk-warning-text__icon").Attr("aria-hidden", "true").AddText("!"),
          El("strong")
              .Class("govuk-warning-text__text")
              .Add(El("span").Class("govuk-visually-hidden").AddText("Warning"))
              .AddText(" " + std::string(text)),
      });
}

cases::pages::DateParts PartsOf(Date date) {
  std::chrono::year_month_day ymd{date};
  return {std::to_string(static_cast<unsigned>(ymd.day())),
          std::to_string(static_cast<unsigned>(ymd.month())),
          std::to_string(static_cast<int>(ymd.year()))};
}

std::string IsoFromParts(std::string_view day, std::string_view month, std::string_view year) {
  std::string d = Trim(day), m = Trim(month), y = Trim(year);
  if (d.empty() && m.empty() && y.empty()) return "";
  if (auto date = DateFromParts(d, m, y)) return FormatIsoDate(*date);
  return d + "/" + m + "/" + y;
}

http::Response RenderNewVersionForm(const identity::PageContext& ctx, NewVersionForm form) {
  std::vector<Node> content;
  if (form.based_on > 0) {
    content.push_back(identity::Paragraph(
        "This starts from version " + std::to_string(form.based_on) +
        ". Change what has changed: saving records a new version and keeps the earlier one."));
  }
  if (form.problem && form.problem->kind == ProblemKind::kConflict) {
    content.push_back(El("p")
                          .Class("govuk-body")
                          .Add(identity::pages::Link(form.newer_link_text, form.newer_href)));
  }
  content.push_back(identity::PostForm(
      ctx, AssessmentsPath(form.case_id) + "/" + form.kind + "/new", std::move(form.fields)));
  return RenderAssessmentPage(ctx, {.title = std::move(form.title),
                                    .reference = std::move(form.reference),
                                    .back = AssessmentsPath(form.case_id),
                                    .content = std::move(content),
                                    .problem = std::move(form.problem),
                                    .status = form.status});
}

http::Response RenderAssessmentPage(const identity::PageContext& ctx, AssessmentPage page) {
  std::vector<Node> content{identity::ErrorSummaryFor(page.problem),
                            cases::pages::Caption(page.reference), identity::Heading(page.title)};
  for (auto& node : page.content) content.push_back(std::move(node));
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(ctx, {.title = identity::pages::TitleFor(page.title, page.problem),
                                    .content = std::move(column),
                                    .before = govuk::BackLink({.href = page.back}),
                                    .active_nav = std::string(cases::pages::kNav),
                                    .status = page.status});
}

}  // namespace pages

}  // namespace waymark::assessments
