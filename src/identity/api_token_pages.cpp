#include "identity/api_token_pages.hpp"

#include <string>
#include <vector>

#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/util/time.hpp"

namespace waymark::identity {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using pages::Link;
using pages::TitleFor;

constexpr std::string_view kNav = "/account";
constexpr std::string_view kList = "/account/tokens";
constexpr std::string_view kNew = "/account/tokens/new";

Node StatusTag(const ApiToken& token, TimePoint now) {
  if (token.revoked_at) return govuk::Tag({.text = "Revoked", .classes = "govuk-tag--grey"});
  if (!token.LiveAt(now)) return govuk::Tag({.text = "Expired", .classes = "govuk-tag--grey"});
  return govuk::Tag({.text = "Active", .classes = "govuk-tag--green"});
}

Node RevokeForm(const PageContext& ctx, const ApiToken& token) {
  std::string action = std::string(kList) + "/" + token.id + "/revoke";
  return PostForm(ctx, action,
                  {govuk::Button({.text = "Revoke",
                                  .variant = govuk::ButtonVariant::kWarning,
                                  .classes = "govuk-!-margin-bottom-0",
                                  .attributes = {{"aria-label", "Revoke " + token.name}}})});
}

Node TokenTable(const PageContext& ctx, const std::vector<ApiToken>& tokens, TimePoint now) {
  govuk::TableOptions table{.caption = "Your API tokens",
                            .caption_classes = "govuk-visually-hidden",
                            .head = {{.content = Text("Name")},
                                     {.content = Text("Created")},
                                     {.content = Text("Last used")},
                                     {.content = Text("Expires")},
                                     {.content = Text("Status")},
                                     {.content = Text("Action")}}};
  for (const auto& token : tokens) {
    bool live = token.LiveAt(now);
    table.rows.push_back({{.content = Text(token.name)},
                          {.content = Text(FormatForPeople(token.created_at))},
                          {.content = Text(token.last_used_at ? FormatForPeople(*token.last_used_at)
                                                              : "Not used yet")},
                          {.content = Text(FormatForPeople(token.expires_at))},
                          {.content = StatusTag(token, now)},
                          {.content = live ? RevokeForm(ctx, token) : Node()}});
  }
  return govuk::Table(std::move(table));
}

http::Response ShowTokens(PageContext& ctx, ApiTokenService& tokens) {
  auto list = tokens.List(ctx.actor());
  TimePoint now = ctx.auth->checked_at;
  Node content = html::Fragment({
      Heading("API tokens"),
      Paragraph("An API token lets a program use Waymark's API as you, with your permissions. "
                "Keep it as safe as your password and revoke it when it is no longer needed."),
      list.empty() ? Paragraph("You have no API tokens.") : TokenTable(ctx, list, now),
      govuk::Button({.text = "Issue a new API token", .href = std::string(kNew)}),
  });
  std::string banner = ctx.request.query.Has("revoked") ? "The API token has been revoked" : "";
  return RenderPage(ctx, {.title = "API tokens",
                          .content = std::move(content),
                          .before = html::Fragment({govuk::BackLink({.href = std::string(kNav)}),
                                                    pages::SuccessBanner(banner)}),
                          .active_nav = std::string(kNav)});
}

// The security code is never sent back into the page.
http::Response RenderNewToken(const PageContext& ctx, const ApiTokenInput& input,
                              const std::optional<Problem>& problem, int status) {
  Node content = html::Fragment({
      ErrorSummaryFor(problem),
      Heading("Issue a new API token"),
      PostForm(
          ctx, kNew,
          {govuk::Input({.name = "name",
                         .label = {.text = "Name"},
                         .hint = "What the token is for, so you recognise it later. For example, "
                                 "Monthly report script. Do not include anyone's personal details.",
                         .error_message = FieldError(problem, "name"),
                         .value = input.name,
                         .autocomplete = "off"}),
           govuk::Input({.name = "expires_in_days",
                         .label = {.text = "Expires after"},
                         .hint = "Between 1 and " + std::to_string(kMaxApiTokenDays) + " days",
                         .error_message = FieldError(problem, "expires_in_days"),
                         .value = input.expires_in_days,
                         .autocomplete = "off",
                         .spellcheck = false,
                         .inputmode = "numeric",
                         .suffix = "days",
                         .classes = "govuk-input--width-3"}),
           govuk::Input({.name = "code",
                         .label = {.text = "Security code"},
                         .hint = "The 6-digit code from your authenticator app",
                         .error_message = FieldError(problem, "code"),
                         .autocomplete = "one-time-code",
                         .spellcheck = false,
                         .inputmode = "numeric",
                         .classes = "govuk-input--width-5"}),
           govuk::Button({.text = "Issue token"})}),
  });
  return RenderPage(ctx, {.title = TitleFor("Issue a new API token", problem),
                          .content = std::move(content),
                          .before = govuk::BackLink({.href = std::string(kList)}),
                          .active_nav = std::string(kNav),
                          .status = status});
}

http::Response IssueToken(PageContext& ctx, ApiTokenService& tokens) {
  auto form = pages::ReadForm(ctx);
  if (!form) return RenderNewToken(ctx, {}, form.error(), 400);
  ApiTokenInput input{std::string(form->GetOr("name")), std::string(form->GetOr("expires_in_days")),
                      std::string(form->GetOr("code"))};
  auto issued = tokens.Issue(ctx.actor(), input, ctx.origin());
  if (!issued) {
    input.code.clear();
    if (issued.error().kind == ProblemKind::kInvalid ||
        issued.error().kind == ProblemKind::kTooManyRequests) {
      std::optional<Problem> problem = issued.error();
      if (problem->fields.empty()) problem->fields.push_back({"code", problem->message});
      return RenderNewToken(ctx, input, problem,
                            problem->kind == ProblemKind::kInvalid ? 400 : 429);
    }
    return pages::ProblemPage(ctx, issued.error());
  }
  Node content = html::Fragment({
      govuk::Panel({.title = "API token issued"}),
      Paragraph("Copy this token now. This is the only time it is shown: Waymark keeps only a "
                "fingerprint of it."),
      El("p").Class("govuk-body").Add(El("code").Attr("id", "api-token").AddText(issued->secret)),
      Paragraph("It expires on " + FormatForPeople(issued->token.expires_at) +
                ". Send it in the Authorization header: Authorization: Bearer followed by the "
                "token."),
      El("p")
          .Class("govuk-body")
          .Add(Link("I have copied the token: go to your API tokens", std::string(kList))),
  });
  return RenderPage(ctx, {.title = "API token issued",
                          .content = std::move(content),
                          .active_nav = std::string(kNav)});
}

http::Response RevokeToken(PageContext& ctx, ApiTokenService& tokens) {
  auto revoked = tokens.Revoke(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!revoked) return pages::ProblemPage(ctx, revoked.error());
  return http::Response::Redirect(std::string(kList) + "?revoked=1");
}

}  // namespace

void AddApiTokenPages(WebRoutes& routes, ApiTokenService& tokens) {
  routes.Page("GET", std::string(kList), Action::kAccountManage,
              [&tokens](PageContext& ctx) { return ShowTokens(ctx, tokens); });
  routes.Page("GET", std::string(kNew), Action::kAccountManage, [](PageContext& ctx) {
    return RenderNewToken(ctx, {.expires_in_days = std::to_string(kDefaultApiTokenDays)},
                          std::nullopt, 200);
  });
  routes.Page("POST", std::string(kNew), Action::kAccountManage,
              [&tokens](PageContext& ctx) { return IssueToken(ctx, tokens); });
  routes.Page("POST", std::string(kList) + "/{id:id}/revoke", Action::kAccountManage,
              [&tokens](PageContext& ctx) { return RevokeToken(ctx, tokens); });
}

}  // namespace waymark::identity
