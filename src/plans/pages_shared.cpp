#include "plans/pages_shared.hpp"

#include <array>
#include <cstdlib>

#include "assessments/form_rules.hpp"

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::plans::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;

constexpr std::array<EvidenceGroup, 5> kGroups{{
    {1, "Information and needs", 1, 4},
    {2, "Rights and the person's own account", 5, 8},
    {3, "Risks and safety", 9, 11},
    {4, "Services, culture and agreement", 12, 15},
    {5, "Confidentiality, partnership and records", 16, 20},
}};

std::string DomainList(const std::vector<NeedDomain>& domains) {
  std::string out;
  for (size_t i = 0; i < domains.size(); ++i) {
    if (i > 0) out += ", ";
    out += assessments::Label(domains[i]);
  }
  return out;
}

Node Lines(const std::vector<std::string>& lines) {
  Node out = html::Fragment({});
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out.Add(El("br"));
    out.Add(Text(lines[i]));
  }
  return out;
}

// "Albanian (sqi)", or the code alone when the vocabulary does not know it.
std::string LanguageText(std::string_view code) {
  std::string_view name = vocabulary::LanguageName(code);
  return name.empty() ? std::string(code) : std::string(name) + " (" + std::string(code) + ")";
}

Node ValueOrNotRecorded(const std::string& text) {
  return text.empty() ? Text("Not recorded") : cases::pages::MultilineText(text);
}

Node StatusCard(const PlanView& view, const Plan& plan) {
  std::vector<govuk::SummaryRow> rows{
      {.key = "Status", .value = Text(StatusText(plan.status))},
      {.key = "Version", .value = Text(std::to_string(plan.version))},
      {.key = "Review date",
       .value = Text(plan.review_on ? FormatDateForPeople(*plan.review_on) : "Not recorded")},
  };
  if (plan.agreement) {
    const Agreement& a = *plan.agreement;
    rows.push_back(
        {.key = "Agreed with the person",
         .value = Lines(
             {FormatDateForPeople(a.agreed_on) + ", " + std::string(assessments::Label(a.mode)),
              "Language: " + LanguageText(a.language) +
                  (a.interpreter_used ? ", with an interpreter" : ", without an interpreter"),
              "Agreed by " + view.NameOf(a.agreed_by)})});
  }
  if (plan.approval) {
    rows.push_back({.key = "Approved",
                    .value = Text(FormatDateForPeople(plan.approval->approved_on) + " by " +
                                  view.NameOf(plan.approval->approved_by))});
  }
  return govuk::SummaryList({.rows = std::move(rows), .card = govuk::SummaryCard{.title = "Plan"}});
}

Node GoalCard(std::string_view case_id, const Goal& goal, size_t index, bool editable) {
  std::string number = std::to_string(index + 1);
  std::vector<govuk::SummaryRow> rows{
      {.key = "Goal", .value = cases::pages::MultilineText(goal.text)},
      {.key = "Needs it addresses", .value = Text(DomainList(goal.domains))},
  };
  if (goal.actions.empty()) rows.push_back({.key = "Actions", .value = Text("None added")});
  for (size_t j = 0; j < goal.actions.size(); ++j) {
    const Action& a = goal.actions[j];
    rows.push_back(
        {.key = "Action " + std::to_string(j + 1),
         .value = Lines({a.text, "Owner: " + a.owner, "Due: " + FormatDateForPeople(a.due_on),
                         "Status: " + std::string(Label(a.status))})});
  }
  govuk::SummaryCard card{.title = "Goal " + number};
  if (editable) {
    card.actions.push_back({.text = "Change",
                            .href = PlanPath(case_id) + "/goals/" + number,
                            .visually_hidden_text = "goal " + number});
  }
  return govuk::SummaryList({.rows = std::move(rows), .card = std::move(card)});
}

Node GroupCard(std::string_view case_id, const Plan& plan, const EvidenceGroup& group,
               bool editable) {
  std::vector<govuk::SummaryRow> rows;
  for (int point = group.first_point; point <= group.last_point; ++point) {
    auto standard = Sfjbms05Point(point);
    const auto& evidence = plan.EvidenceFor(point);
    rows.push_back({.key = std::to_string(point) + ". " + std::string(standard->title),
                    .value = ValueOrNotRecorded(evidence ? evidence->text : "")});
    if (point == kRightsInformationPoint) {
      bool rights = evidence && evidence->rights;
      rows.push_back({.key = "Language and format of the rights information",
                      .value = Text(rights ? LanguageText(evidence->rights->language) + ", " +
                                                 std::string(Label(evidence->rights->format))
                                           : "Not recorded")});
    }
  }
  govuk::SummaryCard card{.title = std::string(group.title)};
  if (editable) {
    card.actions.push_back({.text = "Change",
                            .href = PlanPath(case_id) + "/evidence/" + std::to_string(group.number),
                            .visually_hidden_text = std::string(group.title)});
  }
  return govuk::SummaryList({.rows = std::move(rows), .card = std::move(card)});
}

}  // namespace

std::string PlanPath(std::string_view case_id) { return cases::pages::CasePath(case_id) + "/plan"; }

std::span<const EvidenceGroup> EvidenceGroups() { return kGroups; }

std::optional<EvidenceGroup> EvidenceGroupNumbered(int number) {
  if (number < 1 || number > static_cast<int>(kGroups.size())) return std::nullopt;
  return kGroups[static_cast<size_t>(number - 1)];
}

EvidenceGroup EvidenceGroupOf(int point) {
  for (const auto& group : kGroups) {
    if (point >= group.first_point && point <= group.last_point) return group;
  }
  return kGroups.front();
}

std::string ChangeHref(std::string_view case_id, std::string_view field) {
  std::string base = PlanPath(case_id);
  if (field == "review_on") return base + "/review-date";
  if (field == "goals") return base + "/goals/new";
  if (field.starts_with("goals-")) {
    size_t end = field.find('-', 6);
    int index = std::atoi(std::string(field.substr(6, end - 6)).c_str());
    return base + "/goals/" + std::to_string(index + 1);
  }
  if (field.starts_with("evidence-")) {
    int point = std::atoi(std::string(field.substr(9)).c_str());
    return base + "/evidence/" + std::to_string(EvidenceGroupOf(point).number) + "#" +
           std::string(field);
  }
  return base;
}

std::string StatusText(PlanStatus status) {
  switch (status) {
    case PlanStatus::kDraft:
      return "Draft";
    case PlanStatus::kAgreed:
      return "Agreed, awaiting approval";
    case PlanStatus::kApproved:
      return "Approved";
  }
  return "Draft";
}

Node PlanSummary(const PlanView& view, const Plan& plan, bool editable) {
  std::vector<Node> out{StatusCard(view, plan), cases::pages::SubHeading("Goals and actions")};
  if (plan.goals.empty()) out.push_back(identity::Paragraph("No goals have been added yet."));
  for (size_t i = 0; i < plan.goals.size(); ++i) {
    out.push_back(GoalCard(view.header.id, plan.goals[i], i, editable));
  }
  out.push_back(cases::pages::SubHeading("Evidence for the occupational standard (SFJBMS05)"));
  out.push_back(identity::Paragraph(std::string(kSfjbms05Code) + " \"" +
                                    std::string(kSfjbms05Title) + "\" (" +
                                    std::string(kSfjbms05Edition) + ")"));
  for (const auto& group : kGroups) {
    out.push_back(GroupCard(view.header.id, plan, group, editable));
  }
  return html::Fragment(std::move(out));
}

http::Response RenderPlanPage(const identity::PageContext& ctx, std::string_view reference,
                              PlanPage page) {
  std::vector<Node> content{identity::ErrorSummaryFor(page.problem),
                            cases::pages::Caption(reference), identity::Heading(page.title)};
  for (auto& node : page.content) content.push_back(std::move(node));
  Node column =
      El("div")
          .Class("govuk-grid-row")
          .Add(El("div")
                   .Class(page.wide ? "govuk-grid-column-full" : "govuk-grid-column-two-thirds")
                   .Add(std::move(content)));
  return identity::RenderPage(ctx, {.title = identity::pages::TitleFor(page.title, page.problem),
                                    .content = std::move(column),
                                    .before = govuk::BackLink({.href = page.back}),
                                    .active_nav = std::string(cases::pages::kNav),
                                    .status = page.status});
}

std::string IsoFromDateParts(const http::FormFields& form, std::string_view name) {
  std::string prefix(name);
  std::string day(form.GetOr(prefix + "-day")), month(form.GetOr(prefix + "-month")),
      year(form.GetOr(prefix + "-year"));
  if (Trim(day + month + year).empty()) return "";
  if (auto date = DateFromParts(day, month, year)) return FormatIsoDate(*date);
  return "not a date";
}

Result<PlanView> EditableDraft(const identity::PageContext& ctx, PlanService& plans,
                               std::string_view case_id) {
  auto view = plans.Current(ctx.actor(), case_id, ctx.origin());
  if (!view) return view;
  if (!view->access.can_edit) return Fail(Problem::Forbidden());
  if (!view->CanEdit()) return Fail(Problem::Conflict(std::string(cases::kClosedCase)));
  if (!view->current) return Fail(Problem::Conflict(std::string(kNoPlan)));
  if (auto editable = CheckEditable(view->current->plan); !editable) return Fail(editable.error());
  return view;
}

http::Response EditPageRefused(const identity::PageContext& ctx, std::string_view case_id,
                               const Problem& problem) {
  if (problem.kind == ProblemKind::kConflict) return http::Response::Redirect(PlanPath(case_id));
  return cases::pages::ProblemResponse(ctx, problem);
}

cases::pages::DateParts DatePartsOf(Date date) {
  std::string iso = FormatIsoDate(date);  // YYYY-MM-DD
  return {std::to_string(std::stoi(iso.substr(8, 2))), std::to_string(std::stoi(iso.substr(5, 2))),
          iso.substr(0, 4)};
}

Node RevisionField(int64_t revision) {
  return El("input")
      .Attr("type", "hidden")
      .Attr("name", "revision")
      .Attr("value", std::to_string(revision));
}

std::optional<int64_t> ReadRevision(const http::FormFields& form) {
  return identity::pages::ParseVersion(form.GetOr("revision"));
}

}  // namespace waymark::plans::pages
