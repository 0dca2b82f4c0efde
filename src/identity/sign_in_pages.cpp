#include "identity/sign_in_pages.hpp"

#include <functional>
#include <string>

#include "identity/layout.hpp"
#include "platform/html/qr_svg.hpp"

namespace waymark::identity {

namespace {
namespace govuk = html::govuk;
using html::El;
using html::Node;
using http::Response;

int StatusFor(const Problem& problem) {
  switch (problem.kind) {
    case ProblemKind::kTooManyRequests:
      return 429;
    case ProblemKind::kNotFound:
      return 404;
    case ProblemKind::kConflict:
      return 409;
    default:
      return 400;
  }
}

Node CodeInput(const std::optional<Problem>& problem, std::string_view label) {
  return govuk::Input({.id = "code",
                       .name = "code",
                       .type = "text",
                       .label = {.text = std::string(label), .classes = "govuk-label--s"},
                       .hint = "",
                       .error_message = FieldError(problem, "code"),
                       .autocomplete = "one-time-code",
                       .spellcheck = false,
                       .autocapitalize = "none",
                       .inputmode = "numeric",
                       .classes = "govuk-input--width-10"});
}

Node PasswordInput(std::string_view name, std::string_view label, std::string_view autocomplete,
                   const std::optional<Problem>& problem, std::string_view hint = {}) {
  return govuk::Input({.id = std::string(name),
                       .name = std::string(name),
                       .type = "password",
                       .label = {.text = std::string(label), .classes = "govuk-label--s"},
                       .hint = std::string(hint),
                       .error_message = FieldError(problem, name),
                       .autocomplete = std::string(autocomplete),
                       .spellcheck = false});
}

Node EmailInput(std::string_view value, const std::optional<Problem>& problem,
                std::string_view label = "Email address") {
  return govuk::Input({.id = "email",
                       .name = "email",
                       .type = "email",
                       .label = {.text = std::string(label), .classes = "govuk-label--s"},
                       .error_message = FieldError(problem, "email"),
                       .value = std::string(value),
                       .autocomplete = "username",
                       .spellcheck = false,
                       .autocapitalize = "none"});
}

Node Submit(std::string_view text) {
  return govuk::Button({.text = std::string(text), .prevent_double_click = true});
}

// "Error: " first, so a screen reader user hears at once that the form came back with a problem.
std::string Title(std::string_view title, const std::optional<Problem>& problem) {
  return (problem ? "Error: " : "") + std::string(title);
}

// A page of the sign-in journeys: `column` in a two-thirds column of the grid.
Response ColumnPage(const PageContext& ctx, std::string title, std::vector<Node> column,
                    int status = 200) {
  Node content = El("div")
                     .Class("govuk-grid-row")
                     .Add(El("div")
                              .Class("govuk-grid-column-two-thirds")
                              .Add(html::Fragment(std::move(column))));
  return RenderPage(ctx, {std::move(title), std::move(content), {}, "", status});
}

// A form of the sign-in journeys under its error summary (after `banner`, if any), titled
// "Error: ..." and answered with the problem's status when it came back with one.
Response FormPage(const PageContext& ctx, std::string_view title,
                  const std::optional<Problem>& problem, std::vector<Node> column,
                  Node banner = {}) {
  column.insert(column.begin(), ErrorSummaryFor(problem));
  column.insert(column.begin(), std::move(banner));
  return ColumnPage(ctx, Title(title, problem), std::move(column),
                    problem ? StatusFor(*problem) : 200);
}

// --- sign in --------------------------------------------------------------------------------

Response SignInPage(const PageContext& ctx, std::string_view email,
                    const std::optional<Problem>& problem) {
  // Inside main, just before the heading, as GOV.UK places notification banners: before the
  // main wrapper it would sit against the header with no space above it.
  Node banner;
  if (ctx.request.query.Has("expired")) {
    banner = govuk::NotificationBanner(
        {.text = "You were signed out to keep records safe. Sign in again to continue."});
  } else if (ctx.request.query.Has("signed-out")) {
    banner = govuk::NotificationBanner({.text = "You have signed out.", .success = true});
  } else if (ctx.request.query.Has("password-set")) {
    banner = govuk::NotificationBanner(
        {.text = "Your password is set. Sign in to continue.", .success = true});
  }
  return FormPage(ctx, "Sign in", problem,
                  {Heading("Sign in to Waymark"),
                   PostForm(ctx, "/sign-in",
                            {EmailInput(email, problem),
                             PasswordInput("password", "Password", "current-password", problem),
                             Submit("Continue")}),
                   Paragraph("If you have forgotten your password or lost your phone, ask your "
                             "organisation's Waymark administrator to reset your account.")},
                  std::move(banner));
}

std::string NextStepFor(SessionStage stage) {
  return stage == SessionStage::kEnrol ? "/sign-in/enrol" : "/sign-in/security-code";
}

// --- second factor ----------------------------------------------------------------------------

Response SecurityCodePage(const PageContext& ctx, const std::optional<Problem>& problem) {
  return FormPage(
      ctx, "Enter your security code", problem,
      {Heading("Enter your security code"),
       Paragraph("Open the authenticator app on your phone and enter the 6-digit code it "
                 "shows for Waymark."),
       PostForm(ctx, "/sign-in/security-code",
                {CodeInput(problem, "Security code"), Submit("Continue")}),
       El("p")
           .Class("govuk-body")
           .Add(El("a")
                    .Class("govuk-link")
                    .Attr("href", "/sign-in/recovery-code")
                    .AddText("Use a recovery code instead"))});
}

Response RecoveryCodePage(const PageContext& ctx, const std::optional<Problem>& problem) {
  return FormPage(
      ctx, "Enter a recovery code", problem,
      {Heading("Enter a recovery code"),
       Paragraph("Use one of the recovery codes you saved when you set up your "
                 "authenticator app. Each code works once."),
       PostForm(ctx, "/sign-in/recovery-code",
                {govuk::Input({.id = "code",
                               .name = "code",
                               .label = {.text = "Recovery code", .classes = "govuk-label--s"},
                               .error_message = FieldError(problem, "code"),
                               .autocomplete = "off",
                               .spellcheck = false,
                               .autocapitalize = "characters",
                               .classes = "govuk-input--width-20"}),
                 Submit("Continue")})});
}

Response EnrolPage(const PageContext& ctx, const Enrolment& enrolment,
                   const std::optional<Problem>& problem) {
  return FormPage(ctx, "Set up your authenticator app", problem,
                  {Heading("Set up your authenticator app"),
                   Paragraph("Waymark asks for a code from an app on your phone each time you "
                             "sign in, "
                             "so nobody can use your password alone."),
                   El("ol")
                       .Class("govuk-list govuk-list--number")
                       .Add({El("li").AddText("Open an authenticator app on your phone."),
                             El("li").AddText("Scan this QR code with it."),
                             El("li").AddText("Enter the 6-digit code the app shows.")}),
                   El("div")
                       .Class("waymark-qr")
                       .Add(html::QrSvg(enrolment.qr.size, enrolment.qr.dark,
                                        "QR code to add Waymark to your authenticator app")),
                   El("details")
                       .Class("govuk-details")
                       .Add({El("summary")
                                 .Class("govuk-details__summary")
                                 .Add(El("span")
                                          .Class("govuk-details__summary-text")
                                          .AddText("I cannot scan the QR code")),
                             El("div")
                                 .Class("govuk-details__text")
                                 .Add({Paragraph("Type this key into your app instead:"),
                                       El("p")
                                           .Class("govuk-body govuk-!-font-weight-bold")
                                           .Attr("id", "secret")
                                           .AddText(enrolment.secret_base32)})}),
                   PostForm(ctx, "/sign-in/enrol",
                            {CodeInput(problem, "Code from your app"), Submit("Continue")})});
}

Response RecoveryCodesShown(const PageContext& ctx, const std::vector<std::string>& codes) {
  Node list = El("ul").Class("govuk-list").Attr("id", "recovery-codes");
  for (const auto& code : codes) list.Add(El("li").Add(El("code").AddText(code)));
  return ColumnPage(
      ctx, "Save your recovery codes",
      {govuk::Panel({.title = "Your authenticator app is set up"}),
       El("h2").Class("govuk-heading-m").AddText("Save your recovery codes"),
       Paragraph("If you lose your phone, you can sign in with one of these codes. Each "
                 "works once. Keep them somewhere safe and private, such as a password "
                 "manager. You will not see them again."),
       std::move(list), govuk::Button({.text = "Continue to Waymark", .href = "/"})});
}

// A form page of the sign-in journeys, shown again with the problem when there is one.
using FormPageFn = Response (*)(const PageContext&, const std::optional<Problem>&);

// After a security code or recovery code: the new, fully signed-in session; or the same form
// again with the problem; or back to sign in when the half-signed-in session has gone.
Response AfterSecondFactor(PageContext& ctx, const Result<IssuedSession>& issued,
                           Response (*form_page)(const PageContext&,
                                                 const std::optional<Problem>&)) {
  if (!issued) {
    if (issued.error().kind == ProblemKind::kUnauthenticated) {
      return Response::Redirect("/sign-in?expired=1");
    }
    return form_page(ctx, issued.error());
  }
  ctx.SetSessionCookie(issued->token);
  return Response::Redirect("/");
}

bool NeedsStage(const PageContext& ctx, SessionStage stage) {
  return ctx.auth && !ctx.auth->actor && ctx.auth->session.stage == stage;
}

// --- links --------------------------------------------------------------------------------------

Response SetPasswordPage(const PageContext& ctx, std::string_view email,
                         const std::optional<Problem>& problem) {
  std::string action = "/set-password/" + std::string(ctx.request.Capture("token"));
  return FormPage(
      ctx, "Create your password", problem,
      {Heading("Create your password"), Paragraph("For the account " + std::string(email) + "."),
       PostForm(
           ctx, action,
           {PasswordInput("password", "Password", "new-password", problem,
                          "Use 12 characters or more. A good way is 3 unrelated words."),
            PasswordInput("password_confirmation", "Confirm password", "new-password", problem),
            Submit("Create password")})});
}

Response LinkExpiredPage(const PageContext& ctx, std::string_view message) {
  return ColumnPage(ctx, "This link cannot be used",
                    {Heading("This link cannot be used"), Paragraph(message)}, 404);
}

Response SetupPage(const PageContext& ctx, const SetupInput& input,
                   const std::optional<Problem>& problem) {
  std::string action = "/setup/" + std::string(ctx.request.Capture("token"));
  std::vector<RadioItem> kinds;
  for (OrgKind kind : AllOrgKinds()) {
    kinds.push_back({std::string(Code(kind)), std::string(Label(kind))});
  }
  return FormPage(
      ctx, "Set up Waymark", problem,
      {Heading("Set up Waymark"),
       Paragraph("Create the organisation that runs this Waymark and your administrator "
                 "account. Administrators manage accounts and cannot read case records."),
       PostForm(ctx, action,
                {govuk::Input({.id = "organisation_name",
                               .name = "organisation_name",
                               .label = {.text = "Organisation name", .classes = "govuk-label--s"},
                               .error_message = FieldError(problem, "organisation_name"),
                               .value = input.organisation_name,
                               .autocomplete = "organization"}),
                 Radios("organisation_kind", "Kind of organisation", kinds, input.organisation_kind,
                        FieldError(problem, "organisation_kind")),
                 govuk::Input({.id = "display_name",
                               .name = "display_name",
                               .label = {.text = "Your full name", .classes = "govuk-label--s"},
                               .error_message = FieldError(problem, "display_name"),
                               .value = input.display_name,
                               .autocomplete = "name",
                               .spellcheck = false}),
                 EmailInput(input.email, problem, "Your email address"),
                 PasswordInput("password", "Password", "new-password", problem,
                               "Use 12 characters or more. A good way is 3 unrelated words."),
                 Submit("Set up Waymark")})});
}

// --- session timeout ------------------------------------------------------------------------

Response TimeoutWarningPage(const PageContext& ctx) {
  if (!ctx.auth || !ctx.auth->actor) return Response::Redirect("/sign-in?expired=1");
  return ColumnPage(
      ctx, "You will be signed out soon",
      {Heading("You will be signed out soon"),
       Paragraph("To keep records safe, Waymark signs you out after " +
                 std::to_string(ctx.settings.limits.idle.count()) +
                 " minutes without activity. Anything you have not saved will be lost."),
       PostForm(ctx, "/session/extend", {Submit("Stay signed in")}),
       PostForm(
           ctx, "/sign-out",
           {govuk::Button({.text = "Sign out", .variant = govuk::ButtonVariant::kSecondary})})});
}

// A second-factor step of signing in, for a session that has passed the password: its form, and
// the code checked by `verify`.
using VerifyFn =
    std::function<Result<IssuedSession>(std::string_view, std::string_view, const Origin&)>;
void AddSecondFactorStep(WebRoutes& routes, const std::string& path, FormPageFn form_page,
                         VerifyFn verify) {
  routes.Public("GET", path, [form_page](PageContext& ctx) {
    if (!NeedsStage(ctx, SessionStage::kPassword)) return Response::Redirect("/sign-in");
    return form_page(ctx, std::nullopt);
  });
  routes.Public("POST", path, [form_page, verify = std::move(verify)](PageContext& ctx) {
    if (!NeedsStage(ctx, SessionStage::kPassword)) return Response::Redirect("/sign-in");
    auto form = ctx.request.Form();
    if (!form) return form_page(ctx, form.error());
    return AfterSecondFactor(ctx, verify(ctx.session_token, form->GetOr("code"), ctx.origin()),
                             form_page);
  });
}

}  // namespace

void AddSignInPages(WebRoutes& routes, SignInService& sign_in, AdminService& admin) {
  routes.Public("GET", "/sign-in", [](PageContext& ctx) {
    if (ctx.auth && ctx.auth->actor) return Response::Redirect("/");
    return SignInPage(ctx, "", std::nullopt);
  });
  routes.Public("POST", "/sign-in", [&sign_in](PageContext& ctx) {
    auto form = ctx.request.Form();
    if (!form) return SignInPage(ctx, "", form.error());
    std::string email(form->GetOr("email"));
    auto issued = sign_in.SignInWithPassword(email, form->GetOr("password"), ctx.origin());
    if (!issued) return SignInPage(ctx, email, issued.error());
    ctx.SetSessionCookie(issued->token);
    return Response::Redirect(NextStepFor(issued->stage));
  });

  AddSecondFactorStep(
      routes, "/sign-in/security-code", SecurityCodePage,
      [&sign_in](std::string_view token, std::string_view code, const Origin& origin) {
        return sign_in.VerifyTotp(token, code, origin);
      });
  AddSecondFactorStep(
      routes, "/sign-in/recovery-code", RecoveryCodePage,
      [&sign_in](std::string_view token, std::string_view code, const Origin& origin) {
        return sign_in.UseRecoveryCode(token, code, origin);
      });

  routes.Public("GET", "/sign-in/enrol", [&sign_in](PageContext& ctx) {
    if (!NeedsStage(ctx, SessionStage::kEnrol)) return Response::Redirect("/sign-in");
    auto enrolment = sign_in.BeginEnrolment(ctx.session_token);
    if (!enrolment) return Response::Redirect("/sign-in?expired=1");
    return EnrolPage(ctx, *enrolment, std::nullopt);
  });
  routes.Public("POST", "/sign-in/enrol", [&sign_in](PageContext& ctx) {
    if (!NeedsStage(ctx, SessionStage::kEnrol)) return Response::Redirect("/sign-in");
    auto form = ctx.request.Form();
    std::string code = form ? std::string(form->GetOr("code")) : std::string();
    auto done = sign_in.CompleteEnrolment(ctx.session_token, code, ctx.origin());
    if (!done) {
      auto enrolment = sign_in.BeginEnrolment(ctx.session_token);
      if (!enrolment) return Response::Redirect("/sign-in?expired=1");
      return EnrolPage(ctx, *enrolment, done.error());
    }
    ctx.SetSessionCookie(done->session.token);
    return RecoveryCodesShown(ctx, done->recovery_codes);
  });

  routes.Public("POST", "/sign-out", [&sign_in](PageContext& ctx) {
    if (!ctx.session_token.empty()) sign_in.SignOut(ctx.session_token, ctx.origin());
    ctx.SetSessionCookie("");
    return Response::Redirect("/sign-in?signed-out=1");
  });

  routes.Public(
      "GET", "/session/timeout-warning", [](PageContext& ctx) { return TimeoutWarningPage(ctx); },
      /*touch_session=*/false);
  routes.Page("POST", "/session/extend", Action::kSignedIn,
              [](PageContext&) { return Response::Redirect("/"); });

  routes.Public("GET", "/set-password/{token}", [&admin](PageContext& ctx) {
    auto email = admin.EmailForSetPasswordLink(ctx.request.Capture("token"));
    if (!email) return LinkExpiredPage(ctx, email.error().message);
    return SetPasswordPage(ctx, *email, std::nullopt);
  });
  routes.Public("POST", "/set-password/{token}", [&admin](PageContext& ctx) {
    std::string token(ctx.request.Capture("token"));
    auto email = admin.EmailForSetPasswordLink(token);
    if (!email) return LinkExpiredPage(ctx, email.error().message);
    auto form = ctx.request.Form();
    if (!form) return SetPasswordPage(ctx, *email, form.error());
    auto done = admin.SetPasswordWithLink(token, form->GetOr("password"),
                                          form->GetOr("password_confirmation"), ctx.origin());
    if (!done) return SetPasswordPage(ctx, *email, done.error());
    return Response::Redirect("/sign-in?password-set=1");
  });

  routes.Public("GET", "/setup/{token}", [&admin](PageContext& ctx) {
    if (!admin.SetupLinkValid(ctx.request.Capture("token"))) {
      return LinkExpiredPage(ctx,
                             "This set-up link has expired or has been used. Restart "
                             "`waymark serve` for a new one.");
    }
    return SetupPage(ctx, {}, std::nullopt);
  });
  routes.Public("POST", "/setup/{token}", [&admin](PageContext& ctx) {
    auto form = ctx.request.Form();
    if (!form) return SetupPage(ctx, {}, form.error());
    SetupInput input{std::string(form->GetOr("organisation_name")),
                     std::string(form->GetOr("organisation_kind")),
                     std::string(form->GetOr("display_name")), std::string(form->GetOr("email")),
                     std::string(form->GetOr("password"))};
    auto done = admin.CompleteSetup(ctx.request.Capture("token"), input, ctx.origin());
    if (!done) {
      if (done.error().kind == ProblemKind::kNotFound) {
        return LinkExpiredPage(ctx, done.error().message);
      }
      input.password.clear();
      return SetupPage(ctx, input, done.error());
    }
    return Response::Redirect("/sign-in?password-set=1");
  });
}

}  // namespace waymark::identity
