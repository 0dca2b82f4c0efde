#include "identity/account_pages.hpp"

#include <string>
#include <vector>

#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"

namespace waymark::identity {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using pages::Link;
using pages::TitleFor;

constexpr std::string_view kNav = "/account";

Node SubHeading(std::string_view text) { return El("h2").Class("govuk-heading-m").AddText(text); }

std::string RecoveryCodesSentence(int64_t left) {
  if (left == 0) {
    return "You have no recovery codes left. Get new ones now, so you can still sign in if you "
           "lose your phone or authenticator app.";
  }
  std::string count = left == 1 ? "1 recovery code" : std::to_string(left) + " recovery codes";
  return "You have " + count +
         " left. Each code works once, if you cannot use your "
         "authenticator app.";
}

http::Response ShowAccount(PageContext& ctx, AccountService& account) {
  const User& user = ctx.auth->user;
  int64_t codes_left = account.RecoveryCodesLeft(ctx.actor());
  std::vector<govuk::SummaryRow> rows{
      {.key = "Full name", .value = Text(user.display_name)},
      {.key = "Email address", .value = Text(user.email)},
      {.key = "Role", .value = Text(Label(user.role))},
      {.key = "Organisation", .value = Text(ctx.auth->organisation.name)},
  };
  Node content = html::Fragment({
      Heading("Your account"),
      govuk::SummaryList({.rows = std::move(rows)}),
      Paragraph("If any of these details are wrong, ask your administrator to change them."),
      SubHeading("Password"),
      El("p").Class("govuk-body").Add(Link("Change your password", "/account/password")),
      SubHeading("Recovery codes"),
      Paragraph(RecoveryCodesSentence(codes_left)),
      El("p").Class("govuk-body").Add(Link("Get new recovery codes", "/account/recovery-codes")),
      SubHeading("API tokens"),
      Paragraph("A token lets a program use Waymark's API as you, for up to 90 days."),
      El("p").Class("govuk-body").Add(Link("Manage your API tokens", "/account/tokens")),
  });
  std::string banner =
      ctx.request.query.Has("password-changed") ? "Your password has been changed" : "";
  return RenderPage(ctx, {.title = "Your account",
                          .content = std::move(content),
                          .before = pages::SuccessBanner(banner),
                          .active_nav = std::string(kNav)});
}

govuk::InputOptions PasswordInput(std::string name, std::string label, std::string autocomplete,
                                  const std::optional<Problem>& problem) {
  govuk::InputOptions input{.name = name,
                            .type = "password",
                            .label = {.text = std::move(label)},
                            .error_message = FieldError(problem, name),
                            .autocomplete = std::move(autocomplete),
                            .spellcheck = false,
                            .autocapitalize = "none"};
  return input;
}

// Passwords are never sent back into the page, even when the form has errors.
http::Response RenderChangePassword(const PageContext& ctx, const std::optional<Problem>& problem,
                                    int status) {
  govuk::InputOptions replacement =
      PasswordInput("new_password", "New password", "new-password", problem);
  replacement.hint = "Use 12 characters or more. A good way is 3 unrelated words.";
  Node content = html::Fragment({
      ErrorSummaryFor(problem),
      Heading("Change your password"),
      Paragraph("When you change your password, you will be signed out everywhere else."),
      PostForm(ctx, "/account/password",
               {govuk::Input(PasswordInput("current_password", "Current password",
                                           "current-password", problem)),
                govuk::Input(replacement),
                govuk::Input(PasswordInput("new_password_confirmation", "Confirm new password",
                                           "new-password", problem)),
                govuk::Button({.text = "Change password"})}),
  });
  return RenderPage(ctx, {.title = TitleFor("Change your password", problem),
                          .content = std::move(content),
                          .before = govuk::BackLink({.href = std::string(kNav)}),
                          .active_nav = std::string(kNav),
                          .status = status});
}

http::Response ChangePassword(PageContext& ctx, AccountService& account) {
  auto form = pages::ReadForm(ctx);
  if (!form) return RenderChangePassword(ctx, form.error(), 400);
  auto token = account.ChangePassword(ctx.actor(), ctx.session_token,
                                      form->GetOr("current_password"), form->GetOr("new_password"),
                                      form->GetOr("new_password_confirmation"), ctx.origin());
  if (token) {
    ctx.SetSessionCookie(*token);
    return http::Response::Redirect("/account?password-changed=1");
  }
  if (token.error().kind == ProblemKind::kInvalid) {
    return RenderChangePassword(ctx, token.error(), 400);
  }
  if (token.error().kind == ProblemKind::kUnauthenticated) ctx.SetSessionCookie("");
  return pages::ProblemPage(ctx, token.error());
}

http::Response ShowRecoveryCodesStart(PageContext& ctx) {
  Node content = html::Fragment({
      Heading("Get new recovery codes"),
      Paragraph("Recovery codes let you sign in if you cannot use your authenticator app, for "
                "example if you lose your phone. Each code works once."),
      Paragraph("New codes replace your old ones: your old codes will stop working straight "
                "away."),
      PostForm(ctx, "/account/recovery-codes", {govuk::Button({.text = "Get new recovery codes"})}),
  });
  return RenderPage(ctx, {.title = "Get new recovery codes",
                          .content = std::move(content),
                          .before = govuk::BackLink({.href = std::string(kNav)}),
                          .active_nav = std::string(kNav)});
}

// The codes are stored only as hashes, so this is the one time they can be shown.
http::Response IssueRecoveryCodes(PageContext& ctx, AccountService& account) {
  auto codes = account.RegenerateRecoveryCodes(ctx.actor(), ctx.origin());
  if (!codes) return pages::ProblemPage(ctx, codes.error());
  std::vector<Node> items;
  for (const auto& code : *codes) {
    items.push_back(El("li").Add(El("code").AddText(code)));
  }
  Node content = html::Fragment({
      Heading("Your new recovery codes"),
      Paragraph("Store these codes somewhere safe, such as a password manager or a printed copy "
                "kept somewhere secure. Do not keep them with your phone."),
      Paragraph("Each code works once. This is the only time they are shown. Your old codes no "
                "longer work."),
      El("ul").Class("govuk-list").Add(std::move(items)),
      El("p")
          .Class("govuk-body")
          .Add(Link("I have stored my codes: go to your account", "/account")),
  });
  return RenderPage(ctx, {.title = "Your new recovery codes",
                          .content = std::move(content),
                          .active_nav = std::string(kNav)});
}

}  // namespace

void AddAccountPages(WebRoutes& routes, AccountService& account) {
  routes.Page("GET", "/account", Action::kAccountManage,
              [&account](PageContext& ctx) { return ShowAccount(ctx, account); });
  routes.Page("GET", "/account/password", Action::kAccountManage,
              [](PageContext& ctx) { return RenderChangePassword(ctx, std::nullopt, 200); });
  routes.Page("POST", "/account/password", Action::kAccountManage,
              [&account](PageContext& ctx) { return ChangePassword(ctx, account); });
  routes.Page("GET", "/account/recovery-codes", Action::kAccountManage,
              [](PageContext& ctx) { return ShowRecoveryCodesStart(ctx); });
  routes.Page("POST", "/account/recovery-codes", Action::kAccountManage,
              [&account](PageContext& ctx) { return IssueRecoveryCodes(ctx, account); });
}

}  // namespace waymark::identity
