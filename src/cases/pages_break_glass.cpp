// Break-glass: a support worker opens a case of their provider that is not assigned to them,
// for kBreakGlassLifetime, with a written reason and a fresh security code; their service
// managers then review each opening. The words are calm on purpose: break-glass is for real
// needs (a safeguarding concern out of hours), and it is recorded, not punished.
#include <map>
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

namespace waymark::cases::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;
using identity::pages::Link;

constexpr std::string_view kReviews = "/cases/break-glass-reviews";

std::string Minutes() { return std::to_string(kBreakGlassLifetime.count()) + " minutes"; }

http::Response RenderBreakGlass(const PageContext& ctx, std::string_view id,
                                std::string_view reason, const std::optional<Problem>& problem,
                                int status) {
  const std::string title = "Ask for temporary access to this case";
  Node bullets = El("ul").Class("govuk-list govuk-list--bullet");
  for (const std::string& line :
       {"you can read the case for " + Minutes() + ", but not change it",
        std::string("your service manager is told, and reviews why you opened it"),
        std::string("everything you read is recorded in the case's access log")}) {
    bullets.Add(El("li").AddText(line));
  }
  Node form = identity::PostForm(
      ctx, CasePath(id) + "/break-glass",
      {Textarea({.name = "reason",
                 .label = "Why do you need to read this case?",
                 .hint = "Your service manager will read this. Write at least 20 characters.",
                 .value = std::string(reason),
                 .error = identity::FieldError(problem, "reason"),
                 .rows = 4}),
       govuk::Input({.name = "code",
                     .label = {.text = "Security code"},
                     .hint = "The 6-digit code from your authenticator app",
                     .error_message = identity::FieldError(problem, "code"),
                     .autocomplete = "one-time-code",
                     .spellcheck = false,
                     .inputmode = "numeric",
                     .classes = "govuk-input--width-5"}),
       govuk::Button({.text = "Open the case"})});
  Node content = html::Fragment({
      identity::ErrorSummaryFor(problem),
      identity::Heading(title),
      identity::Paragraph("This case is not assigned to you. If you need to read it now, for "
                          "example to respond to a safeguarding concern when the assigned "
                          "worker is not available, you can open it for a short time."),
      identity::Paragraph("If you open it:"),
      std::move(bullets),
      std::move(form),
  });
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(ctx, {.title = identity::pages::TitleFor(title, problem),
                                    .content = std::move(column),
                                    .before = govuk::BackLink({.href = std::string(kNav)}),
                                    .active_nav = std::string(kNav),
                                    .status = status});
}

http::Response ShowBreakGlass(PageContext& ctx, CaseService& cases) {
  std::string id(ctx.request.Capture("id"));
  // Only a support worker refused the case has anything to ask for: anyone who may read it
  // goes to it, and a case that is not theirs to ask about is "not found".
  auto view = cases.Open(ctx.actor(), id, ctx.origin());
  if (view) return http::Response::Redirect(CasePath(id));
  if (view.error().kind != ProblemKind::kForbidden ||
      !identity::Decide(ctx.actor(), identity::Action::kCaseBreakGlass)) {
    return ProblemResponse(ctx, view.error());
  }
  return RenderBreakGlass(ctx, id, "", std::nullopt, 200);
}

http::Response OpenWithBreakGlass(PageContext& ctx, CaseService& cases) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return RenderBreakGlass(ctx, id, "", form.error(), 400);
  std::string reason(form->GetOr("reason"));
  auto opened =
      cases.OpenWithBreakGlass(ctx.actor(), id, reason, form->GetOr("code"), ctx.origin());
  if (opened) return http::Response::Redirect(CasePath(id));
  // The code is never sent back: a used code cannot be used again anyway.
  if (opened.error().kind == ProblemKind::kInvalid) {
    return RenderBreakGlass(ctx, id, reason, opened.error(), 400);
  }
  return ProblemResponse(ctx, opened.error());
}

// The review list, with a problem (and what was typed) for the one grant a review failed for.
struct ReviewState {
  std::string grant_id{};
  std::string note{};
  std::optional<Problem> problem{};
  int status = 200;
  std::string banner{};
};

std::string NoteId(std::string_view grant_id) { return "note-" + std::string(grant_id); }

Node ReviewItem(const PageContext& ctx, const BreakGlass& grant, const std::string& who,
                const ReviewState& state) {
  bool failed = grant.id == state.grant_id;
  std::vector<govuk::SummaryRow> rows{
      {.key = "Who", .value = Text(who)},
      {.key = "Reason", .value = MultilineText(grant.reason)},
      {.key = "Opened", .value = Text(FormatForPeople(grant.opened_at))},
      {.key = "Access until", .value = Text(FormatForPeople(grant.expires_at))},
  };
  return html::Fragment({
      El("h2")
          .Class("govuk-heading-m")
          .Add(Link("Case " + grant.case_reference, CasePath(grant.case_id))),
      govuk::SummaryList({.rows = std::move(rows)}),
      identity::PostForm(
          ctx, std::string(kReviews) + "/" + grant.id,
          {identity::pages::VersionField(grant.version),
           Textarea({.name = "note",
                     .id = NoteId(grant.id),
                     .label = "What you found",
                     .hint = "For example, whether the access was needed and what you have done "
                             "about it",
                     .value = failed ? state.note : "",
                     .error = failed ? identity::FieldError(state.problem, "note") : "",
                     .rows = 3}),
           govuk::Button({.text = "Mark as reviewed",
                          .variant = govuk::ButtonVariant::kSecondary,
                          .id = "review-" + grant.id})}),
  });
}

http::Response RenderReviews(const PageContext& ctx, CaseService& cases, ReviewState state) {
  auto grants = cases.BreakGlassToReview(ctx.actor());
  if (!grants) return ProblemResponse(ctx, grants.error());
  // Names for the people who opened a case; a grant by someone no longer on the staff list
  // (deactivated, say) still shows.
  std::map<std::string, std::string> names;
  if (auto staff = cases.Staff(ctx.actor())) {
    for (const auto& person : *staff) names[person.user_id] = person.display_name;
  }
  // The service names the form field "note"; on this page each grant's note has its own id.
  if (state.problem) {
    for (auto& field : state.problem->fields) {
      if (field.field == "note") field.field = NoteId(state.grant_id);
    }
  }
  const std::string title = "Break-glass access to review";
  std::vector<Node> content{
      identity::ErrorSummaryFor(state.problem),
      identity::Heading(title),
      identity::Paragraph("Support workers opened these cases with break-glass access. Check "
                          "each reason, and the case's access log for what they read."),
  };
  if (grants->empty()) content.push_back(identity::Paragraph("There is nothing to review."));
  for (const auto& grant : *grants) {
    auto name = names.find(grant.user_id);
    std::string who = name == names.end() ? "A support worker" : name->second;
    content.push_back(ReviewItem(ctx, grant, who, state));
  }
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(
      ctx, {.title = identity::pages::TitleFor(title, state.problem),
            .content = std::move(column),
            .before = html::Fragment({govuk::BackLink({.href = std::string(kNav)}),
                                      identity::pages::SuccessBanner(state.banner)}),
            .active_nav = std::string(kNav),
            .status = state.status});
}

http::Response ReviewGrant(PageContext& ctx, CaseService& cases) {
  ReviewState state{.grant_id = std::string(ctx.request.Capture("id"))};
  auto form = identity::pages::ReadForm(ctx);
  std::optional<int64_t> version;
  if (form) {
    state.note = form->GetOr("note");
    version = identity::pages::ParseVersion(form->GetOr("version"));
  }
  if (!form || !version) {
    state.problem = Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
    state.status = 400;
    return RenderReviews(ctx, cases, std::move(state));
  }
  auto done =
      cases.ReviewBreakGlass(ctx.actor(), state.grant_id, state.note, *version, ctx.origin());
  if (done) return http::Response::Redirect(std::string(kReviews) + "?reviewed=1");
  const Problem& problem = done.error();
  if (problem.kind != ProblemKind::kInvalid && problem.kind != ProblemKind::kConflict) {
    return ProblemResponse(ctx, problem);
  }
  state.problem = problem;
  state.status = problem.kind == ProblemKind::kInvalid ? 400 : 409;
  return RenderReviews(ctx, cases, std::move(state));
}

}  // namespace

void AddBreakGlassPages(identity::WebRoutes& routes, CaseService& cases) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/break-glass", Action::kCaseList,
              [&cases](PageContext& ctx) { return ShowBreakGlass(ctx, cases); });
  routes.Page("POST", "/cases/{id:id}/break-glass", Action::kCaseList,
              [&cases](PageContext& ctx) { return OpenWithBreakGlass(ctx, cases); });
  // The review list is for service managers: the route asks for kCaseAccessLog, so anyone else
  // gets the 403 page and an audited denial before the service is asked.
  routes.Page("GET", std::string(kReviews), Action::kCaseAccessLog, [&cases](PageContext& ctx) {
    ReviewState state;
    if (ctx.request.query.Has("reviewed")) state.banner = "Review recorded";
    return RenderReviews(ctx, cases, std::move(state));
  });
  routes.Page("POST", std::string(kReviews) + "/{id:id}", Action::kCaseAccessLog,
              [&cases](PageContext& ctx) { return ReviewGrant(ctx, cases); });
}

}  // namespace waymark::cases::pages
