// The case list (a support worker's own cases, or the provider's for a service manager, with
// status, NRM stage, risk and worker filters and pages of 50) and the search by reference or name.
// A reference that names a case the worker is not assigned to leads to break-glass, not to the
// record. The search is a POST to /cases/search so a name never reaches a URL (browser history,
// proxies, server logs); the filters, which hold no personal data, stay in the query string.
#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/list_filters.hpp"
#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/util/ids.hpp"

namespace waymark::cases::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;

constexpr int kPageSize = 50;

bool IsManager(const PageContext& ctx) {
  return static_cast<bool>(identity::Decide(ctx.actor(), identity::Action::kCaseAllocate));
}

// The list's filters as the query string gave them; `problem` names any that made no sense.
struct ListQuery {
  std::string status = "open";  // "open", "closed" or "all"
  std::string nrm_stage{};      // a choice's code; "" is any
  std::string risk_level{};     // a choice's code; "" is any
  std::string worker{};         // a user id, managers only
  int page = 1;
  std::optional<Problem> problem{};
};

// The code the query gives for `name`, kept if it is one of `choices`; "" (any) otherwise, with
// an error that says what to do.
std::string ReadChoice(const http::FormFields& query, std::string_view name,
                       const std::vector<FilterChoice>& choices, std::string_view error,
                       std::vector<FieldError>& errors) {
  std::string code(query.GetOr(name));
  if (code.empty() || StoredValueOf(choices, code)) return code;
  errors.push_back({std::string(name), std::string(error)});
  return "";
}

ListQuery ParseListQuery(const http::FormFields& query, const std::vector<Person>& staff,
                         const ListFilterChoices& choices) {
  ListQuery out;
  std::vector<FieldError> errors;
  std::string status(query.GetOr("status", "open"));
  if (status == "open" || status == "closed" || status == "all") {
    out.status = status;
  } else {
    errors.push_back({"status", "Select open, closed or all cases"});
  }
  out.nrm_stage = ReadChoice(query, "nrm_stage", choices.nrm_stages,
                             "Select an NRM stage from the list", errors);
  out.risk_level = ReadChoice(query, "risk_level", choices.risk_levels,
                              "Select a level of risk from the list", errors);
  out.worker = query.GetOr("worker");
  if (!out.worker.empty()) {
    bool known = IsId(out.worker) && std::any_of(staff.begin(), staff.end(), [&](const Person& p) {
                   return p.user_id == out.worker;
                 });
    if (!known) {
      errors.push_back({"worker", "Select a worker from the list"});
      out.worker.clear();
    }
  }
  std::string_view page = query.GetOr("page", "1");
  auto [end, error] = std::from_chars(page.data(), page.data() + page.size(), out.page);
  if (error != std::errc() || end != page.data() + page.size() || out.page < 1 ||
      out.page > 100000) {
    out.page = 1;
    if (errors.empty()) {
      out.problem =
          Problem{ProblemKind::kInvalid, "The page number must be a whole number, like 2", {}};
    }
  }
  if (!errors.empty()) out.problem = Problem::Invalid(std::move(errors));
  return out;
}

std::string ListHref(const ListQuery& q, int page) {
  std::string href = "/cases?status=" + q.status;
  if (!q.nrm_stage.empty()) href += "&nrm_stage=" + q.nrm_stage;
  if (!q.risk_level.empty()) href += "&risk_level=" + q.risk_level;
  if (!q.worker.empty()) href += "&worker=" + q.worker;
  return href + "&page=" + std::to_string(page);
}

// The stage and risk in the words of the filters' choices (the stored code's words if a choice is
// missing, which the app's choices should never allow).
std::string ChoiceLabel(const std::vector<FilterChoice>& choices, std::string_view stored,
                        std::string (*fallback)(std::string_view)) {
  std::string_view label = LabelOf(choices, stored);
  return label.empty() ? fallback(stored) : std::string(label);
}

Node CaseTable(const std::vector<Case>& cases, std::string_view caption,
               const ListFilterChoices& choices) {
  govuk::TableOptions table{.caption = std::string(caption),
                            .caption_classes = "govuk-visually-hidden",
                            .head = {{.content = Text("Reference")},
                                     {.content = Text("Name")},
                                     {.content = Text("Date of birth or age")},
                                     {.content = Text("NRM stage")},
                                     {.content = Text("Risk")},
                                     {.content = Text("Status")}}};
  for (const auto& c : cases) {
    table.rows.push_back(
        {{.content = identity::pages::Link(c.reference, CasePath(c.id))},
         {.content = Text(c.personal.FullName())},
         {.content = Text(DateOfBirthText(c.personal))},
         {.content = Text(ChoiceLabel(choices.nrm_stages, c.nrm_stage, NrmStageLabel))},
         {.content = Text(ChoiceLabel(choices.risk_levels, c.risk_level, RiskLabel))},
         {.content = StatusTag(c.status)}});
  }
  return govuk::Table(std::move(table));
}

Node SearchForm(const PageContext& ctx, const SearchQuery& query,
                const std::optional<Problem>& problem) {
  return identity::PostForm(
      ctx, std::string(kNav) + "/search",
      {govuk::Input(
           {.name = "q",
            .type = "search",
            .label = {.text = "Search by case reference or name", .classes = "govuk-label--s"},
            .hint = "For example, WM-7K3Q-9D2F, a family name or a full name",
            .error_message = identity::FieldError(problem, "q"),
            .value = query.text,
            .autocomplete = "off",
            .spellcheck = false}),
       DateInput({.name = "dob",
                  .legend = "Date of birth (optional)",
                  .hint = "Narrows a name search. For example, 27 3 1990",
                  .value = {query.dob_day, query.dob_month, query.dob_year},
                  .error = identity::FieldError(problem, "dob")}),
       govuk::Button({.text = "Search", .variant = govuk::ButtonVariant::kSecondary})});
}

// A select of `choices` with "Any" first.
Node ChoiceSelect(const ListQuery& q, std::string name, std::string label,
                  const std::vector<FilterChoice>& choices, const std::string& selected) {
  std::vector<SelectItem> items{{"", "Any"}};
  for (const auto& choice : choices) items.push_back({choice.code, choice.label});
  std::string error = identity::FieldError(q.problem, name);
  return Select({.name = std::move(name),
                 .label = std::move(label),
                 .items = std::move(items),
                 .selected = selected,
                 .error = std::move(error)});
}

Node FilterForm(const ListQuery& q, const std::vector<Person>& staff, bool manager,
                const ListFilterChoices& choices) {
  std::vector<Node> fields{
      Select({.name = "status",
              .label = "Status",
              .items = {{"open", "Open"}, {"closed", "Closed"}, {"all", "All"}},
              .selected = q.status,
              .error = identity::FieldError(q.problem, "status")}),
      ChoiceSelect(q, "nrm_stage", "NRM stage", choices.nrm_stages, q.nrm_stage),
      ChoiceSelect(q, "risk_level", "Risk", choices.risk_levels, q.risk_level)};
  if (manager) {
    std::vector<SelectItem> workers{{"", "Everyone"}};
    for (const auto& person : staff) workers.push_back({person.user_id, person.display_name});
    fields.push_back(Select({.name = "worker",
                             .label = "Worker",
                             .items = std::move(workers),
                             .selected = q.worker,
                             .error = identity::FieldError(q.problem, "worker")}));
  }
  fields.push_back(
      govuk::Button({.text = "Apply filters", .variant = govuk::ButtonVariant::kSecondary}));
  return GetForm(kNav, std::move(fields));
}

Node SearchResults(const SearchResult& result, const ListFilterChoices& choices) {
  std::vector<Node> out{SubHeading("Search results")};
  if (result.not_assigned) {
    const CaseHeader& header = *result.not_assigned;
    out.push_back(
        El("div")
            .Class("govuk-inset-text")
            .Add({
                El("p")
                    .Class("govuk-body govuk-!-font-weight-bold")
                    .AddText("This case is not assigned to you"),
                identity::Paragraph(
                    "Case " + header.reference +
                    " belongs to your organisation but is "
                    "not assigned to you. If you need to read it, for example to act on "
                    "a safeguarding concern, you can ask for temporary access."),
                El("p")
                    .Class("govuk-body")
                    .Add(identity::pages::Link("Ask for temporary access to " + header.reference,
                                               CasePath(header.id) + "/break-glass")),
            }));
  }
  if (result.cases.empty() && !result.not_assigned) {
    out.push_back(
        identity::Paragraph("No cases match your search. Check the spelling, or search "
                            "by the case reference."));
  } else if (!result.cases.empty()) {
    out.push_back(CaseTable(result.cases, "Search results", choices));
  }
  out.push_back(El("p").Class("govuk-body").Add(identity::pages::Link("Clear search", kNav)));
  return html::Fragment(std::move(out));
}

Node ListSection(const ListQuery& q, const CaseListing& listing, const ListFilterChoices& choices) {
  if (listing.cases.empty()) {
    std::string text =
        q.page > 1 ? "There are no more cases to show." : "There are no cases to show.";
    return identity::Paragraph(text);
  }
  int64_t first = int64_t{q.page - 1} * kPageSize + 1;
  int64_t last = first + static_cast<int64_t>(listing.cases.size()) - 1;
  std::string count = "Showing " + std::to_string(first) + " to " + std::to_string(last) + " of " +
                      std::to_string(listing.total) + (listing.total == 1 ? " case" : " cases");
  std::string previous = q.page > 1 ? ListHref(q, q.page - 1) : "";
  std::string next = last < listing.total ? ListHref(q, q.page + 1) : "";
  return html::Fragment({identity::Paragraph(count), CaseTable(listing.cases, "Cases", choices),
                         Pagination(previous, next)});
}

// The page around either a list or search results.
struct CasesPage {
  std::vector<Node> body{};
  SearchQuery search{};
  std::optional<Problem> problem{};
  int status = 200;
};

http::Response RenderCases(PageContext& ctx, bool manager, CasesPage page) {
  std::string title = manager ? "Cases" : "Your cases";
  std::vector<Node> content{
      identity::ErrorSummaryFor(page.problem),
      identity::Heading(title),
      govuk::Button({.text = "Open a new case", .href = "/cases/new"}),
      SearchForm(ctx, page.search, page.problem),
  };
  if (manager) {
    content.push_back(El("p")
                          .Class("govuk-body")
                          .Add(identity::pages::Link("Break-glass access to review",
                                                     "/cases/break-glass-reviews")));
  }
  for (auto& node : page.body) content.push_back(std::move(node));
  return identity::RenderPage(ctx, {.title = identity::pages::TitleFor(title, page.problem),
                                    .content = html::Fragment(std::move(content)),
                                    .active_nav = std::string(kNav),
                                    .status = page.status});
}

http::Response ShowCases(PageContext& ctx, CaseService& cases, const ListFilterChoices& choices) {
  bool manager = IsManager(ctx);
  std::vector<Person> staff;
  if (manager) {
    auto people = cases.Staff(ctx.actor());
    if (!people) return ProblemResponse(ctx, people.error());
    staff = std::move(*people);
  }
  CasesPage page;
  ListQuery q = ParseListQuery(ctx.request.query, staff, choices);
  if (q.problem) {
    page.problem = q.problem;
    page.status = 400;
  }
  CaseFilter filter;
  if (q.status != "all") filter.status = ParseCaseStatus(q.status);
  if (!q.nrm_stage.empty()) filter.nrm_stage = StoredValueOf(choices.nrm_stages, q.nrm_stage);
  if (!q.risk_level.empty()) filter.risk_level = StoredValueOf(choices.risk_levels, q.risk_level);
  if (!q.worker.empty()) filter.worker_id = q.worker;
  filter.limit = kPageSize;
  filter.offset = (q.page - 1) * kPageSize;
  auto listing = cases.List(ctx.actor(), filter, ctx.origin());
  if (!listing) return ProblemResponse(ctx, listing.error());
  page.body.push_back(FilterForm(q, staff, manager, choices));
  page.body.push_back(ListSection(q, *listing, choices));
  return RenderCases(ctx, manager, std::move(page));
}

http::Response SearchCases(PageContext& ctx, CaseService& cases, const ListFilterChoices& choices) {
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return ProblemResponse(ctx, form.error());
  CasesPage page;
  page.search = {std::string(form->GetOr("q")), std::string(form->GetOr("dob-day")),
                 std::string(form->GetOr("dob-month")), std::string(form->GetOr("dob-year"))};
  auto found = cases.Search(ctx.actor(), page.search, ctx.origin());
  if (found) {
    page.body.push_back(SearchResults(*found, choices));
  } else if (found.error().kind == ProblemKind::kInvalid) {
    page.problem = found.error();
    page.status = 400;
  } else {
    return ProblemResponse(ctx, found.error());
  }
  return RenderCases(ctx, IsManager(ctx), std::move(page));
}

}  // namespace

void AddListPages(identity::WebRoutes& routes, CaseService& cases, ListFilterChoices choices) {
  routes.Page("GET", "/cases", identity::Action::kCaseList,
              [&cases, choices](PageContext& ctx) { return ShowCases(ctx, cases, choices); });
  routes.Page("POST", "/cases/search", identity::Action::kCaseList,
              [&cases, choices = std::move(choices)](PageContext& ctx) {
                return SearchCases(ctx, cases, choices);
              });
}

}  // namespace waymark::cases::pages
