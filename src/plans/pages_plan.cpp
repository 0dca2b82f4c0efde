// The plan page (summary cards, with the actions the actor may take: start, add a goal, check
// and agree, approve, start a new version), its version history and an old version read-only.
// Approval and revision post here and come back with a banner, or show the plan with the error.
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "plans/pages.hpp"
#include "plans/pages_shared.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::plans::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;

std::string BannerFor(std::string_view done) {
  if (done == "started") return "Plan started";
  if (done == "saved") return "Plan saved";
  if (done == "agreed") return "Plan agreed with the person";
  if (done == "approved") return "Plan approved";
  if (done == "revised") return "New version started";
  return "";
}

// What the actor can do next with the plan, as buttons.
std::vector<Node> NextSteps(const PageContext& ctx, const PlanView& view) {
  std::vector<Node> out;
  const std::string path = PlanPath(view.header.id);
  if (!view.current) {
    if (view.CanEdit()) {
      out.push_back(identity::Paragraph(
          "Start a plan with the person: their goals, the actions that will meet their needs, "
          "and evidence for each point of the occupational standard."));
      out.push_back(
          identity::PostForm(ctx, path + "/start", {govuk::Button({.text = "Start a plan"})}));
    }
    return out;
  }
  const StoredPlan& current = *view.current;
  switch (current.plan.status) {
    case PlanStatus::kDraft:
      if (view.CanEdit()) {
        out.push_back(govuk::ButtonGroup({
            govuk::Button({.text = "Add a goal",
                           .href = path + "/goals/new",
                           .variant = govuk::ButtonVariant::kSecondary}),
            govuk::Button({.text = "Set the review date",
                           .href = path + "/review-date",
                           .variant = govuk::ButtonVariant::kSecondary}),
        }));
        out.push_back(govuk::Button(
            {.text = "Check your answers and agree the plan", .href = path + "/check"}));
      }
      break;
    case PlanStatus::kAgreed:
      if (view.access.can_approve_plan && current.plan.agreement &&
          current.plan.agreement->agreed_by == ctx.actor().user_id) {
        out.push_back(identity::Paragraph(
            "You agreed this plan with the person, so another service manager must approve it."));
      } else if (view.access.can_approve_plan && view.header.status == cases::CaseStatus::kOpen) {
        out.push_back(identity::PostForm(
            ctx, path + "/approve",
            {RevisionField(current.revision),
             identity::Paragraph("Approve the plan once you have checked it. You cannot approve "
                                 "a plan you agreed with the person yourself."),
             govuk::Button({.text = "Approve the plan"})}));
      }
      [[fallthrough]];
    case PlanStatus::kApproved:
      if (view.CanEdit()) {
        out.push_back(identity::PostForm(
            ctx, path + "/revise",
            {RevisionField(current.revision),
             identity::Paragraph("An agreed plan cannot be changed. To change it, start a new "
                                 "version; this one is kept as it was agreed."),
             govuk::Button(
                 {.text = "Start a new version", .variant = govuk::ButtonVariant::kSecondary})}));
      }
      break;
  }
  return out;
}

http::Response ShowPlan(const PageContext& ctx, const PlanView& view,
                        std::optional<Problem> problem, int status) {
  std::vector<Node> content{
      identity::pages::SuccessBanner(BannerFor(ctx.request.query.GetOr("done")))};
  if (view.current) {
    bool editable = view.CanEdit() && view.current->plan.status == PlanStatus::kDraft;
    content.push_back(PlanSummary(view, view.current->plan, editable));
  } else {
    content.push_back(identity::Paragraph("No support and safety plan has been started."));
  }
  for (auto& step : NextSteps(ctx, view)) content.push_back(std::move(step));
  if (view.current) {
    content.push_back(
        identity::pages::Link("Version history", PlanPath(view.header.id) + "/versions"));
  }
  return RenderPlanPage(ctx, view.header.reference,
                        {.title = "Support and safety plan",
                         .back = cases::pages::CasePath(view.header.id),
                         .content = std::move(content),
                         .problem = std::move(problem),
                         .status = status});
}

using Transition = Result<StoredPlan> (PlanService::*)(const identity::Actor&, std::string_view,
                                                       int64_t, const identity::Origin&);

// Approve or revise: the form carries the revision; a refusal the person can act on (stale,
// already done, the four-eyes rule) is shown on the plan page.
http::Response PostTransition(PageContext& ctx, PlanService& plans, Transition transition,
                              std::string_view done) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  std::optional<int64_t> revision;
  if (form) revision = ReadRevision(*form);
  std::optional<Problem> problem;
  if (!revision) {
    problem = Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
  } else {
    auto changed = (plans.*transition)(ctx.actor(), id, *revision, ctx.origin());
    if (changed) return http::Response::Redirect(PlanPath(id) + "?done=" + std::string(done));
    problem = changed.error();
  }
  auto view = plans.Current(ctx.actor(), id, ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  bool shown = problem->kind == ProblemKind::kConflict || problem->kind == ProblemKind::kInvalid ||
               (problem->kind == ProblemKind::kForbidden && view->access.can_approve_plan &&
                transition == &PlanService::Approve);
  if (!shown) return cases::pages::ProblemResponse(ctx, *problem);
  int status = problem->kind == ProblemKind::kConflict    ? 409
               : problem->kind == ProblemKind::kForbidden ? 403
                                                          : 400;
  return ShowPlan(ctx, *view, problem, status);
}

http::Response ShowVersions(PageContext& ctx, PlanService& plans) {
  auto found = plans.Versions(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!found) return cases::pages::ProblemResponse(ctx, found.error());
  const auto& [view, versions] = *found;
  std::vector<std::vector<govuk::TableCell>> rows;
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    const Plan& plan = it->plan;
    std::string agreed = plan.agreement ? FormatDateForPeople(plan.agreement->agreed_on) + " by " +
                                              view.NameOf(plan.agreement->agreed_by)
                                        : "Not agreed";
    std::string approved = plan.approval ? FormatDateForPeople(plan.approval->approved_on) +
                                               " by " + view.NameOf(plan.approval->approved_by)
                                         : "Not approved";
    std::string number = std::to_string(plan.version);
    rows.push_back({
        {.content = identity::pages::Link("Version " + number,
                                          PlanPath(view.header.id) + "/versions/" + number)},
        {.content = Text(StatusText(plan.status))},
        {.content = Text(agreed)},
        {.content = Text(approved)},
    });
  }
  std::vector<Node> content;
  if (rows.empty()) {
    content.push_back(identity::Paragraph("No support and safety plan has been started."));
  } else {
    content.push_back(govuk::Table({.caption = "Versions of the plan, newest first",
                                    .caption_classes = "govuk-visually-hidden",
                                    .head = {{.content = Text("Version")},
                                             {.content = Text("Status")},
                                             {.content = Text("Agreed")},
                                             {.content = Text("Approved")}},
                                    .rows = std::move(rows)}));
  }
  return RenderPlanPage(ctx, view.header.reference,
                        {.title = "Plan version history",
                         .back = PlanPath(view.header.id),
                         .content = std::move(content),
                         .wide = true});
}

http::Response ShowVersion(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  int64_t number = ctx.request.CaptureInt("version");
  if (number < 1 || number > 1000000) number = 0;  // no such version
  auto view = plans.Version(ctx.actor(), id, static_cast<int>(number), ctx.origin());
  if (!view && view.error().kind == ProblemKind::kNotFound &&
      view.error().message != cases::kNoSuchCase) {
    // A version the plan does not have: the history lists the ones it has.
    return http::Response::Redirect(PlanPath(id) + "/versions");
  }
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  std::vector<Node> content;
  if (view->in_force_version && *view->in_force_version != number) {
    content.push_back(identity::Paragraph("This is an earlier version, kept as it was. Version " +
                                          std::to_string(*view->in_force_version) +
                                          " is the plan in force."));
  }
  content.push_back(PlanSummary(*view, view->current->plan, false));
  return RenderPlanPage(ctx, view->header.reference,
                        {.title = "Support and safety plan, version " + std::to_string(number),
                         .back = PlanPath(id) + "/versions",
                         .content = std::move(content)});
}

}  // namespace

void AddPlanViewPages(identity::WebRoutes& routes, PlanService& plans) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/plan", Action::kCaseList, [&plans](PageContext& ctx) {
    auto view = plans.Current(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
    if (!view) return cases::pages::ProblemResponse(ctx, view.error());
    return ShowPlan(ctx, *view, std::nullopt, 200);
  });
  routes.Page("POST", "/cases/{id:id}/plan/start", Action::kCaseList, [&plans](PageContext& ctx) {
    std::string id(ctx.request.Capture("id"));
    auto started = plans.Start(ctx.actor(), id, ctx.origin());
    if (started) return http::Response::Redirect(PlanPath(id) + "?done=started");
    return cases::pages::ProblemResponse(ctx, started.error());
  });
  routes.Page("POST", "/cases/{id:id}/plan/approve", Action::kCaseList, [&plans](PageContext& ctx) {
    return PostTransition(ctx, plans, &PlanService::Approve, "approved");
  });
  routes.Page("POST", "/cases/{id:id}/plan/revise", Action::kCaseList, [&plans](PageContext& ctx) {
    return PostTransition(ctx, plans, &PlanService::Revise, "revised");
  });
  routes.Page("GET", "/cases/{id:id}/plan/versions", Action::kCaseList,
              [&plans](PageContext& ctx) { return ShowVersions(ctx, plans); });
  routes.Page("GET", "/cases/{id:id}/plan/versions/{version:int}", Action::kCaseList,
              [&plans](PageContext& ctx) { return ShowVersion(ctx, plans); });
}

}  // namespace waymark::plans::pages
