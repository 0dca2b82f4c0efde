// The dependants of a case as GOV.UK summary cards: those who are dependants now (with change
// and remove links for someone who may change the case), then those who no longer are, with
// the date and reason.
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "dependants/pages.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::dependants::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::Caption;
using cases::pages::CasePath;
using cases::pages::MultilineText;
using cases::pages::SubHeading;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;

std::string AgeText(const DependantDetails& d, Date today) {
  if (d.date_of_birth) {
    return FormatDateForPeople(*d.date_of_birth) + " (age " +
           std::to_string(AgeOn(d, today).value_or(0)) + ")";
  }
  if (d.estimated_age) return "Estimated age " + std::to_string(*d.estimated_age);
  return "Not known";
}

Node OrNotRecorded(const std::string& text) {
  return text.empty() ? Text("Not recorded") : MultilineText(text);
}

std::string ServicesText(const DependantDetails& d) {
  std::string_view answer = LabelFor(ServicesKnowAnswers(), d.children_services_know);
  std::string text = answer.empty() ? "Not recorded" : std::string(answer);
  if (d.children_services_know == "yes" && !d.local_authority.empty()) {
    text += ": " + d.local_authority;
  }
  return text;
}

Node Card(const Dependant& d, Date today, bool can_edit) {
  const DependantDetails& x = d.details;
  std::vector<govuk::SummaryRow> rows{
      {.key = "Relationship", .value = Text(LabelFor(Relationships(), x.relationship))},
      {.key = "Date of birth or age", .value = Text(AgeText(x, today))},
      {.key = "Where they are", .value = Text(LabelFor(Whereabouts(), x.whereabouts))},
      {.key = "Needs", .value = OrNotRecorded(x.needs)},
      {.key = "Risks", .value = OrNotRecorded(x.risks)},
      {.key = "School or nursery", .value = OrNotRecorded(x.school)},
      {.key = "Children's services know", .value = Text(ServicesText(x))},
  };
  govuk::SummaryCard card{.title = x.name};
  if (d.removal) {
    rows.push_back(
        {.key = "No longer a dependant since", .value = Text(FormatDateForPeople(d.removal->on))});
    rows.push_back({.key = "Why", .value = MultilineText(d.removal->reason)});
  } else if (can_edit) {
    std::string query = "?dependant=" + d.id;
    card.actions = {
        {.text = "Change",
         .href = DependantsPath(d.case_id) + "/change" + query,
         .visually_hidden_text = x.name},
        {.text = "No longer a dependant",
         .href = DependantsPath(d.case_id) + "/remove" + query,
         .visually_hidden_text = "(" + x.name + ")"},
    };
  }
  return govuk::SummaryList({.rows = std::move(rows), .card = std::move(card)});
}

}  // namespace

http::Response ShowList(PageContext& ctx, DependantService& service) {
  auto view = service.List(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  std::string banner;
  if (ctx.request.query.Has("added")) banner = "Dependant added";
  if (ctx.request.query.Has("changed")) banner = "Dependant changed";
  if (ctx.request.query.Has("removed")) banner = "Recorded as no longer a dependant";
  std::vector<Node> content{Caption(view->header.reference), identity::Heading("Dependants")};
  if (view->current.empty()) {
    content.push_back(identity::Paragraph("No dependants are recorded for this case."));
  }
  for (const auto& d : view->current) content.push_back(Card(d, view->today, view->can_edit));
  if (view->can_edit) {
    content.push_back(govuk::Button({.text = "Add a dependant",
                                     .href = DependantsPath(view->header.id) + "/new",
                                     .variant = govuk::ButtonVariant::kSecondary}));
  }
  if (!view->former.empty()) {
    content.push_back(SubHeading("No longer dependants"));
    for (const auto& d : view->former) content.push_back(Card(d, view->today, false));
  }
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(
      ctx, {.title = "Dependants",
            .content = std::move(column),
            .before = html::Fragment({govuk::BackLink({.href = CasePath(view->header.id)}),
                                      identity::pages::SuccessBanner(banner)}),
            .active_nav = std::string(cases::pages::kNav)});
}

void AddListPage(identity::WebRoutes& routes, DependantService& service) {
  routes.Page("GET", "/cases/{id:id}/dependants", identity::Action::kCaseList,
              [&service](PageContext& ctx) { return ShowList(ctx, service); });
}

}  // namespace waymark::dependants::pages
