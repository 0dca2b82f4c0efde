// The case overview: who the person is, the sections of their record as a task list, the
// assigned workers (a service manager may remove one here; assigning is pages_workers.cpp), and
// closing the case. Removing and closing post here and come back with a banner, or show the
// overview again with the error.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/util/time.hpp"
#include "vocabulary/uk_extensions.hpp"

namespace waymark::cases::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;
using identity::pages::Link;

// What the overview shows besides the record: a problem from a refused action, the values the
// person chose, and a banner after a successful one.
struct OverviewState {
  std::optional<Problem> problem{};
  int status = 200;
  std::string banner{};
  std::string closure_reason{};
  std::optional<int64_t> version{};  // the version the close form carries, if not the current
};

std::string AgeBandText(std::string_view band) {
  if (band.empty() || band == "unknown") return "Not known";
  if (band == "65+") return "65 or over";
  std::string out(band);
  if (auto dash = out.find('-'); dash != std::string::npos) out.replace(dash, 1, " to ");
  return out;
}

Node DetailsList(const Case& record, bool can_change) {
  std::vector<govuk::SummaryRow> rows;
  for (auto& line : DescribeDetails(record.personal, record.clear)) {
    bool dob = line.label == "Date of birth";
    rows.push_back(
        {.key = line.label,
         .value = line.value.empty() ? Text("Not recorded") : MultilineText(line.value)});
    if (dob) rows.push_back({.key = "Age band", .value = Text(AgeBandText(record.clear.age_band))});
  }
  std::optional<govuk::SummaryCard> card = govuk::SummaryCard{.title = "Personal details"};
  if (can_change) {
    card->actions.push_back({
        .text = "Change",
        .href = CasePath(record.id) + "/details",
    });
  }
  return govuk::SummaryList({.rows = std::move(rows), .card = std::move(card)});
}

// Personal details, then each feature's section in the order the application added them.
Node Sections(const CaseView& view, bool can_change) {
  std::vector<Task> tasks{{"Personal details",
                           can_change ? CasePath(view.record.id) + "/details" : "", "Completed",
                           true}};
  for (const auto& section : view.sections) {
    tasks.push_back({section.title, section.href, section.status, section.done, section.hint});
  }
  return TaskList(tasks);
}

Node RemoveButton(std::string_view name) {
  return El("button")
      .Class("govuk-button govuk-button--secondary govuk-!-margin-bottom-0")
      .Attr("type", "submit")
      .Attr("data-module", "govuk-button")
      .AddText("Remove")
      .Add(El("span").Class("govuk-visually-hidden").AddText(" " + std::string(name)));
}

// The assigned workers; a manager may remove one here, and assigns on a page of its own (the
// list of staff to choose from can be long, and the overview is read far more often).
Node Workers(const PageContext& ctx, const CaseView& view) {
  std::vector<Node> out{SubHeading("Assigned workers")};
  const std::string path = CasePath(view.record.id);
  if (view.workers.empty()) {
    out.push_back(identity::Paragraph("No one is assigned to this case."));
  } else if (!view.access.can_allocate) {
    Node list = El("ul").Class("govuk-list govuk-list--bullet");
    for (const auto& worker : view.workers) list.Add(El("li").AddText(worker.display_name));
    out.push_back(std::move(list));
  } else {
    std::vector<govuk::SummaryRow> rows;
    for (const auto& worker : view.workers) {
      rows.push_back({.key = worker.display_name,
                      .value = identity::PostForm(ctx, path + "/workers/remove",
                                                  {El("input")
                                                       .Attr("type", "hidden")
                                                       .Attr("name", "user_id")
                                                       .Attr("value", worker.user_id),
                                                   RemoveButton(worker.display_name)})});
    }
    out.push_back(govuk::SummaryList({.rows = std::move(rows)}));
  }
  if (view.access.can_allocate) {
    out.push_back(El("p").Class("govuk-body").Add(Link("Assign a worker", path + "/workers")));
  }
  return html::Fragment(std::move(out));
}

Node CloseForm(const PageContext& ctx, const CaseView& view, const OverviewState& state) {
  std::vector<identity::RadioItem> reasons;
  for (const auto& term : vocabulary::Terms(vocabulary::UkVocabulary::kClosureReason)) {
    reasons.push_back({std::string(term.code), std::string(term.label)});
  }
  return html::Fragment({
      SubHeading("Close the case"),
      identity::Paragraph("Close the case when support ends. The record is kept and can still be "
                          "read, but it cannot be changed."),
      identity::PostForm(
          ctx, CasePath(view.record.id) + "/close",
          {identity::pages::VersionField(state.version.value_or(view.record.version)),
           identity::Radios("closure_reason", "Why is the case being closed?", reasons,
                            state.closure_reason,
                            identity::FieldError(state.problem, "closure_reason")),
           govuk::Button({.text = "Close case", .variant = govuk::ButtonVariant::kWarning})}),
  });
}

Node BreakGlassBanner(const CaseView& view) {
  const CaseAccess& access = view.access;
  if (access.assigned || access.manager || !access.break_glass_until) return Node();
  return govuk::NotificationBanner({.text = "You have temporary access until " +
                                            FormatForPeople(*access.break_glass_until) +
                                            ". What you read is recorded."});
}

http::Response RenderOverview(const PageContext& ctx, const CaseView& view,
                              const OverviewState& state) {
  const Case& record = view.record;
  const bool open = record.status == CaseStatus::kOpen;
  const std::string path = CasePath(record.id);
  std::string title = record.personal.FullName();
  Node status = El("p").Class("govuk-body").Add(StatusTag(record.status));
  if (!open && record.closed_on) {
    status.AddText(" Closed on " + FormatDateForPeople(*record.closed_on) + ": " +
                   ClosureReasonLabel(record.closure_reason.value_or("")) + ".");
  }
  Node links = El("ul").Class("govuk-list");
  if (view.access.can_edit && open) {
    links.Add(El("li").Add(Link("Change details", path + "/details")));
  }
  links.Add(El("li").Add(Link("History", path + "/history")));
  if (view.access.can_see_access_log)
    links.Add(El("li").Add(Link("Access log", path + "/access-log")));

  std::vector<Node> content{
      identity::ErrorSummaryFor(state.problem),
      Caption(record.reference),
      identity::Heading(title),
      std::move(status),
      SubHeading("Case record"),
      Sections(view, view.access.can_edit && open),
      DetailsList(record, view.access.can_edit && open),
      Workers(ctx, view),
      SubHeading("More about this case"),
      std::move(links),
  };
  if (view.access.can_edit && open) content.push_back(CloseForm(ctx, view, state));
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(
      ctx, {.title = identity::pages::TitleFor(title, state.problem),
            .content = std::move(column),
            .before = html::Fragment({govuk::BackLink({.href = std::string(kNav)}),
                                      identity::pages::SuccessBanner(state.banner),
                                      BreakGlassBanner(view)}),
            .active_nav = std::string(kNav),
            .status = state.status});
}

std::string BannerFor(const http::FormFields& query) {
  if (query.Has("created")) return "Case opened";
  if (query.Has("updated")) return "Changes saved";
  if (query.Has("assigned")) return "Worker assigned";
  if (query.Has("removed")) return "Worker removed";
  if (query.Has("closed")) return "Case closed";
  return {};
}

// A support worker refused a case of their own provider may ask for break-glass access.
http::Response NotAssignedPage(const PageContext& ctx, std::string_view id) {
  return identity::RenderPage(
      ctx, {.title = "This case is not assigned to you",
            .content = html::Fragment({
                identity::Heading("This case is not assigned to you"),
                identity::Paragraph("You do not have permission to see this case: you can read "
                                    "the cases assigned to you."),
                identity::Paragraph("If you need to read it now, for example to act on a "
                                    "safeguarding concern, you can ask for temporary access. "
                                    "Your manager is told."),
                El("p")
                    .Class("govuk-body")
                    .Add(Link("Ask for temporary access", CasePath(id) + "/break-glass")),
            }),
            .active_nav = std::string(kNav),
            .status = 403});
}

http::Response ShowOverview(PageContext& ctx, CaseService& cases) {
  std::string id(ctx.request.Capture("id"));
  auto view = cases.Open(ctx.actor(), id, ctx.origin());
  if (!view) {
    if (view.error().kind == ProblemKind::kForbidden &&
        identity::Decide(ctx.actor(), identity::Action::kCaseBreakGlass)) {
      return NotAssignedPage(ctx, id);
    }
    return ProblemResponse(ctx, view.error());
  }
  return RenderOverview(ctx, *view, {.banner = BannerFor(ctx.request.query)});
}

// One of the overview's actions: reads the form (noting the choices in `state`) and calls the
// service. Returns the banner flag for the redirect.
using ActFn = Result<void> (*)(PageContext& ctx, CaseService& cases, std::string_view id,
                               const http::FormFields& form, OverviewState& state);

Result<void> RemoveFromForm(PageContext& ctx, CaseService& cases, std::string_view id,
                            const http::FormFields& form, OverviewState&) {
  return cases.Unassign(ctx.actor(), id, form.GetOr("user_id"), ctx.origin());
}

Result<void> CloseFromForm(PageContext& ctx, CaseService& cases, std::string_view id,
                           const http::FormFields& form, OverviewState& state) {
  state.closure_reason = form.GetOr("closure_reason");
  auto version = identity::pages::ParseVersion(form.GetOr("version"));
  if (!version)
    return Fail(Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}});
  state.version = version;
  auto closed = cases.Close(ctx.actor(), id, state.closure_reason, *version, ctx.origin());
  if (!closed) return Fail(closed.error());
  return {};
}

http::Response Act(PageContext& ctx, CaseService& cases, ActFn act, std::string_view flag) {
  std::string id(ctx.request.Capture("id"));
  OverviewState state;
  auto form = identity::pages::ReadForm(ctx);
  Result<void> done;
  if (form) {
    done = act(ctx, cases, id, *form, state);
  } else {
    done = Fail(form.error());
  }
  if (done) return http::Response::Redirect(CasePath(id) + "?" + std::string(flag) + "=1");
  const Problem& problem = done.error();
  if (problem.kind != ProblemKind::kInvalid && problem.kind != ProblemKind::kConflict) {
    return ProblemResponse(ctx, problem);
  }
  auto view = cases.Open(ctx.actor(), id, ctx.origin());
  if (!view) return ProblemResponse(ctx, view.error());
  state.problem = problem;
  if (problem.kind == ProblemKind::kConflict) {
    // Decide again from the case as it is now.
    state.status = 409;
    state.version.reset();
  } else {
    state.status = 400;
  }
  return RenderOverview(ctx, *view, state);
}

}  // namespace

void AddOverviewPages(identity::WebRoutes& routes, CaseService& cases) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}", Action::kCaseList,
              [&cases](PageContext& ctx) { return ShowOverview(ctx, cases); });
  routes.Page("POST", "/cases/{id:id}/workers/remove", Action::kCaseList,
              [&cases](PageContext& ctx) { return Act(ctx, cases, RemoveFromForm, "removed"); });
  routes.Page("POST", "/cases/{id:id}/close", Action::kCaseList,
              [&cases](PageContext& ctx) { return Act(ctx, cases, CloseFromForm, "closed"); });
}

}  // namespace waymark::cases::pages
