// Assigning a worker to a case: a page of its own, reached from the overview's "Assign a
// worker" link, because the list of staff to choose from can be long and the overview is read
// far more often than a case is allocated. A refused choice shows this page again with the
// error; success goes back to the overview with a banner.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::cases::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using identity::PageContext;

http::Response RenderAssign(const PageContext& ctx, CaseService& cases, const CaseView& view,
                            const std::string& selected, const std::optional<Problem>& problem,
                            int status) {
  const std::string path = CasePath(view.record.id);
  std::vector<SelectItem> items{{"", "Select a worker"}};
  if (auto staff = cases.Staff(ctx.actor())) {
    for (const auto& person : *staff) {
      bool assigned = std::any_of(view.workers.begin(), view.workers.end(),
                                  [&](const Person& w) { return w.user_id == person.user_id; });
      if (!assigned) items.push_back({person.user_id, person.display_name});
    }
  }
  std::string assigned_now = "No one is assigned to this case.";
  if (!view.workers.empty()) {
    assigned_now = "Assigned now: ";
    for (size_t i = 0; i < view.workers.size(); ++i) {
      assigned_now += (i ? ", " : "") + view.workers[i].display_name;
    }
    assigned_now += ".";
  }
  std::string title = "Assign a worker";
  return identity::RenderPage(
      ctx, {.title = identity::pages::TitleFor(title, problem),
            .content = html::Fragment({
                identity::ErrorSummaryFor(problem),
                Caption(view.record.reference),
                identity::Heading(title),
                identity::Paragraph(assigned_now),
                identity::PostForm(ctx, path + "/workers",
                                   {Select({.name = "user_id",
                                            .label = "Worker",
                                            .items = std::move(items),
                                            .selected = selected,
                                            .error = identity::FieldError(problem, "user_id")}),
                                    govuk::Button({.text = "Assign"})}),
            }),
            .before = govuk::BackLink({.href = path}),
            .active_nav = std::string(kNav),
            .status = status});
}

http::Response ShowAssign(PageContext& ctx, CaseService& cases) {
  std::string id(ctx.request.Capture("id"));
  auto view = cases.Open(ctx.actor(), id, ctx.origin());
  if (!view) return ProblemResponse(ctx, view.error());
  if (!view->access.can_allocate) return ProblemResponse(ctx, Problem::Forbidden());
  return RenderAssign(ctx, cases, *view, "", std::nullopt, 200);
}

http::Response Assign(PageContext& ctx, CaseService& cases) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  std::string user_id = form ? std::string(form->GetOr("user_id")) : "";
  Result<void> done = form ? cases.Assign(ctx.actor(), id, user_id, ctx.origin())
                           : Result<void>(Fail(form.error()));
  if (done) return http::Response::Redirect(CasePath(id) + "?assigned=1");
  const Problem& problem = done.error();
  if (problem.kind != ProblemKind::kInvalid) return ProblemResponse(ctx, problem);
  auto view = cases.Open(ctx.actor(), id, ctx.origin());
  if (!view) return ProblemResponse(ctx, view.error());
  return RenderAssign(ctx, cases, *view, user_id, problem, 400);
}

}  // namespace

void AddWorkerPages(identity::WebRoutes& routes, CaseService& cases) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/workers", Action::kCaseList,
              [&cases](PageContext& ctx) { return ShowAssign(ctx, cases); });
  routes.Page("POST", "/cases/{id:id}/workers", Action::kCaseList,
              [&cases](PageContext& ctx) { return Assign(ctx, cases); });
}

}  // namespace waymark::cases::pages
