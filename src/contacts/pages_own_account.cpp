// The survivor's own account, in their words: recorded once so they are never asked to repeat
// it (SFJBMS05 point 7). Always restricted: only the assigned workers and their manager reach
// this page. Each save is a new version; a save from a page that is out of date is refused.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "contacts/pages.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/util/time.hpp"

namespace waymark::contacts::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::Caption;
using cases::pages::SubHeading;
using html::El;
using html::Node;
using identity::PageContext;

constexpr std::string_view kTitle = "The survivor's own account";

// The version the page showed: 0 when there was no account yet (so ParseVersion, which wants
// 1 or more, does not fit).
std::optional<int64_t> ParseShownVersion(std::string_view text) {
  if (text == "0") return 0;
  return identity::pages::ParseVersion(text);
}

http::Response Render(const PageContext& ctx, const OwnAccountView& view, std::string_view typed,
                      int64_t version, const std::optional<Problem>& problem, int status) {
  std::string path = cases::pages::CasePath(view.case_info.id) + "/own-account";
  std::vector<Node> content{identity::ErrorSummaryFor(problem)};
  if (ctx.request.query.GetOr("saved") == "1" && !problem) {
    content.push_back(identity::pages::SuccessBanner("Their account has been saved"));
  }
  content.push_back(Caption(view.case_info.reference));
  content.push_back(identity::Heading(kTitle));
  content.push_back(identity::Paragraph(
      "Their account of what happened, in their own words. Record it once so they do not have "
      "to tell it again. Only the assigned workers and their manager can read it."));
  if (view.account.version > 0) {
    content.push_back(SubHeading("Version " + std::to_string(view.account.version) + ", saved " +
                                 FormatForPeople(view.account.saved_at)));
    content.push_back(
        El("div").Class("govuk-inset-text").Add(cases::pages::MultilineText(view.account.text)));
  }
  bool can_save = view.case_info.access.can_edit && view.case_info.open;
  if (can_save) {
    content.push_back(identity::PostForm(
        ctx, path,
        {identity::pages::VersionField(version),
         cases::pages::Textarea(
             {.name = "account",
              .label = view.account.version > 0 ? "Change their account" : "Their account",
              .hint = "Saving keeps the earlier version.",
              .value = std::string(typed),
              .error = identity::FieldError(problem, "account"),
              .rows = 15}),
         govuk::Button({.text = "Save their account"})}));
  }
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div")
                             .Class("govuk-grid-column-two-thirds")
                             .Add(html::Fragment(std::move(content))));
  return identity::RenderPage(
      ctx, {.title = identity::pages::TitleFor(kTitle, problem),
            .content = std::move(column),
            .before = govuk::BackLink({.href = cases::pages::CasePath(view.case_info.id)}),
            .active_nav = std::string(cases::pages::kNav),
            .status = status});
}

http::Response Show(PageContext& ctx, ContactService& contacts) {
  auto view = contacts.GetOwnAccount(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  return Render(ctx, *view, view->account.text, view->account.version, std::nullopt, 200);
}

http::Response Save(PageContext& ctx, ContactService& contacts) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  std::optional<int64_t> version;
  if (form) version = ParseShownVersion(form->GetOr("version"));
  if (!form || !version) {
    return cases::pages::ProblemResponse(
        ctx, Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}});
  }
  std::string typed(form->GetOr("account"));
  auto saved = contacts.SaveOwnAccount(ctx.actor(), id, typed, *version, ctx.origin());
  if (saved) return http::Response::Redirect(cases::pages::CasePath(id) + "/own-account?saved=1");
  bool stale =
      saved.error().kind == ProblemKind::kConflict && saved.error().message == kStaleOwnAccount;
  if (saved.error().kind != ProblemKind::kInvalid && !stale) {
    return cases::pages::ProblemResponse(ctx, saved.error());
  }
  auto view = contacts.GetOwnAccount(ctx.actor(), id, ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  // After a stale save the page shows the account as it is now above what they typed, and
  // carries the current version: saving again replaces it deliberately.
  int64_t carried = stale ? view->account.version : *version;
  return Render(ctx, *view, typed, carried, saved.error(), stale ? 409 : 400);
}

}  // namespace

void AddOwnAccountPages(identity::WebRoutes& routes, ContactService& contacts) {
  routes.Page("GET", "/cases/{id:id}/own-account", identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return Show(ctx, contacts); });
  routes.Page("POST", "/cases/{id:id}/own-account", identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return Save(ctx, contacts); });
}

}  // namespace waymark::contacts::pages
