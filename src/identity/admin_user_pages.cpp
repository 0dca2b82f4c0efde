// The user administration pages: list, add (showing the one-time set-password link), view,
// change name and role, deactivate or reactivate, reset the second factor.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/util/ids.hpp"

namespace waymark::identity::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;

constexpr std::string_view kNav = "/admin/users";

std::string UserPath(std::string_view id) { return "/admin/users/" + std::string(id); }

Node SubHeading(std::string_view text) { return El("h2").Class("govuk-heading-m").AddText(text); }

std::vector<RadioItem> RoleItems() {
  std::vector<RadioItem> items;
  for (Role role : AllRoles()) items.push_back({std::string(Code(role)), std::string(Label(role))});
  return items;
}

// Names of the organisations the actor may see, by id.
std::map<std::string, std::string> OrganisationNames(const std::vector<Organisation>& orgs) {
  std::map<std::string, std::string> names;
  for (const auto& org : orgs) names[org.id] = org.name;
  return names;
}

Node StatusTags(const User& user) {
  std::vector<Node> tags{user.active ? ColouredTag("Active", "govuk-tag--green")
                                     : ColouredTag("Deactivated", "govuk-tag--grey"),
                         user.has_mfa() ? ColouredTag("MFA set up", "govuk-tag--blue")
                                        : ColouredTag("MFA not set up", "govuk-tag--yellow")};
  if (!user.password_hash) tags.push_back(ColouredTag("Password not set", "govuk-tag--orange"));
  // Stacked, one tag a line, so a narrow table column stays readable.
  std::vector<Node> items;
  for (auto& tag : tags) items.push_back(El("li").Add(std::move(tag)));
  return El("ul").Class("govuk-list").Add(std::move(items));
}

http::Response RenderList(const PageContext& ctx, const std::vector<User>& users,
                          const std::map<std::string, std::string>& org_names,
                          std::string_view filter_name) {
  std::vector<Node> content;
  if (!filter_name.empty()) {
    content.push_back(El("span").Class("govuk-caption-l").AddText(filter_name));
  }
  content.push_back(Heading("Users"));
  if (Decide(ctx.actor(), Action::kAdminUsersManage)) {
    content.push_back(govuk::Button({.text = "Add a user", .href = "/admin/users/new"}));
  }
  // Only the operator's administrators see more than one organisation.
  if (!filter_name.empty() && ctx.actor().operator_organisation) {
    content.push_back(El("p").Class("govuk-body").Add(Link("Show everyone", std::string(kNav))));
  }
  if (users.empty()) {
    content.push_back(Paragraph("There are no users to show."));
  } else {
    govuk::TableOptions table{.caption = "Users",
                              .caption_classes = "govuk-visually-hidden",
                              .head = {{.content = Text("Name")},
                                       {.content = Text("Email address")},
                                       {.content = Text("Role")},
                                       {.content = Text("Organisation")},
                                       {.content = Text("Status")}}};
    for (const auto& user : users) {
      auto org = org_names.find(user.organisation_id);
      table.rows.push_back({{.content = Link(user.display_name, UserPath(user.id))},
                            {.content = Text(user.email)},
                            {.content = Text(Label(user.role))},
                            {.content = Text(org == org_names.end() ? std::string() : org->second)},
                            {.content = StatusTags(user)}});
    }
    content.push_back(govuk::Table(std::move(table)));
  }
  return RenderPage(ctx, {.title = "Users",
                          .content = html::Fragment(std::move(content)),
                          .active_nav = std::string(kNav)});
}

struct NewUserForm {
  std::string display_name{};
  std::string email{};
  std::string organisation_id{};
  std::string role{};
};

http::Response RenderNew(const PageContext& ctx, const std::vector<Organisation>& orgs,
                         NewUserForm values, const std::optional<Problem>& problem, int status) {
  std::vector<RadioItem> org_items;
  for (const auto& org : orgs) {
    if (org.active) org_items.push_back({org.id, org.name});
  }
  if (org_items.size() == 1 && values.organisation_id.empty()) {
    values.organisation_id = org_items[0].value;
  }
  Node content = html::Fragment({
      ErrorSummaryFor(problem),
      Heading("Add a user"),
      PostForm(ctx, "/admin/users/new",
               {govuk::Input({.name = "display_name",
                              .label = {.text = "Full name"},
                              .error_message = FieldError(problem, "display_name"),
                              .value = values.display_name,
                              .autocomplete = "off",
                              .spellcheck = false}),
                govuk::Input({.name = "email",
                              .type = "email",
                              .label = {.text = "Email address"},
                              .hint = "The set-password link will be for this address.",
                              .error_message = FieldError(problem, "email"),
                              .value = values.email,
                              .autocomplete = "off",
                              .spellcheck = false,
                              .autocapitalize = "none"}),
                Radios("organisation_id", "Organisation", org_items, values.organisation_id,
                       FieldError(problem, "organisation_id")),
                Radios("role", "Role", RoleItems(), values.role, FieldError(problem, "role")),
                govuk::Button({.text = "Create account"})}),
  });
  return RenderPage(ctx, {.title = TitleFor("Add a user", problem),
                          .content = std::move(content),
                          .before = govuk::BackLink({.href = std::string(kNav)}),
                          .active_nav = std::string(kNav),
                          .status = status});
}

// Shown once: the set-password token is not stored in the clear, so it cannot be shown again.
http::Response RenderCreated(const PageContext& ctx, const CreatedUser& created) {
  const User& user = created.user;
  std::string link = ctx.settings.public_origin + "/set-password/" + created.set_password_token;
  Node content = html::Fragment({
      govuk::Panel({.title = "Account created", .text = "For " + user.display_name}),
      SubHeading("Send them this link to set their password"),
      Paragraph("Send the link to " + user.display_name + " in a secure way, for example by " +
                "email to " + user.email + ". Anyone who has the link can set the password, so " +
                "do not share it with anyone else."),
      El("div")
          .Class("govuk-inset-text")
          .Add(El("code").Class("govuk-!-text-break-word").AddText(link)),
      Paragraph("The link works once and expires in 72 hours. This is the only time it is "
                "shown: copy it now."),
      Paragraph("When they first sign in, they will set up an authenticator app for "
                "two-factor authentication."),
      El("p").Class("govuk-body").Add(Link("View the account", UserPath(user.id))),
      El("p").Class("govuk-body").Add(Link("Add another user", "/admin/users/new")),
  });
  return RenderPage(
      ctx,
      {.title = "Account created", .content = std::move(content), .active_nav = std::string(kNav)});
}

// What the user page shows besides the record: the values in the change form, a problem from
// a refused change, and a banner after a successful one.
struct UserPageState {
  std::string display_name{};
  std::string role{};
  std::optional<Problem> problem{};
  std::string banner{};
  int status = 200;
};

UserPageState StateFor(const User& user) {
  return {.display_name = user.display_name, .role = std::string(Code(user.role))};
}

Node ChangeForms(const PageContext& ctx, const User& user, const UserPageState& state) {
  std::string path = UserPath(user.id);
  std::vector<Node> forms{
      SubHeading("Change name or role"),
      PostForm(ctx, path,
               {VersionField(user.version),
                govuk::Input({.name = "display_name",
                              .label = {.text = "Full name"},
                              .error_message = FieldError(state.problem, "display_name"),
                              .value = state.display_name,
                              .autocomplete = "off",
                              .spellcheck = false}),
                Radios("role", "Role", RoleItems(), state.role, FieldError(state.problem, "role")),
                govuk::Button({.text = "Save changes"})}),
  };
  // The service refuses self-deactivation; not offering it is clearer than an error.
  if (user.id != ctx.actor().user_id) {
    forms.push_back(SubHeading(user.active ? "Deactivate account" : "Reactivate account"));
    forms.push_back(Paragraph(user.active ? "They will be signed out and will not be able to sign "
                                            "in until the account is reactivated. Nothing is "
                                            "deleted."
                                          : "They will be able to sign in again."));
    forms.push_back(
        PostForm(ctx, path + "/active",
                 {VersionField(user.version),
                  govuk::Button({.text = user.active ? "Deactivate account" : "Reactivate account",
                                 .variant = user.active ? govuk::ButtonVariant::kWarning
                                                        : govuk::ButtonVariant::kSecondary,
                                 .name = "active",
                                 .value = user.active ? "0" : "1",
                                 .id = "active"})}));
  }
  forms.push_back(SubHeading("Reset two-factor authentication"));
  if (!user.has_mfa()) {
    forms.push_back(
        Paragraph("They have not set up two-factor authentication yet. They will be "
                  "asked to the next time they sign in."));
    return html::Fragment(std::move(forms));
  }
  forms.push_back(Paragraph(
      "Do this if they have lost the phone or app they use for security codes and their "
      "recovery codes. Their recovery codes will stop working, they will be signed out, and "
      "they will set up an authenticator app again the next time they sign in."));
  forms.push_back(PostForm(
      ctx, path + "/reset-mfa",
      {VersionField(user.version), govuk::Button({.text = "Reset two-factor authentication",
                                                  .variant = govuk::ButtonVariant::kWarning,
                                                  .id = "reset-mfa"})}));
  return html::Fragment(std::move(forms));
}

http::Response RenderUser(const PageContext& ctx, AdminService& admin, const User& user,
                          const UserPageState& state) {
  auto org = admin.GetOrganisation(ctx.actor(), user.organisation_id);
  Node org_value = org ? Link(org->name, "/admin/organisations/" + org->id) : Node();
  std::vector<govuk::SummaryRow> rows{
      {.key = "Full name", .value = Text(user.display_name)},
      {.key = "Email address", .value = Text(user.email)},
      {.key = "Role", .value = Text(Label(user.role))},
      {.key = "Organisation", .value = std::move(org_value)},
      {.key = "Status", .value = StatusTags(user)},
  };
  std::vector<Node> content{
      ErrorSummaryFor(state.problem),
      El("span").Class("govuk-caption-l").AddText("User account"),
      Heading(user.display_name),
      govuk::SummaryList({.rows = std::move(rows)}),
  };
  if (Decide(ctx.actor(), Action::kAdminUsersManage, Resource{user.organisation_id, false})) {
    content.push_back(ChangeForms(ctx, user, state));
  }
  return RenderPage(ctx, {.title = TitleFor(user.display_name, state.problem),
                          .content = html::Fragment(std::move(content)),
                          .before = html::Fragment({govuk::BackLink({.href = std::string(kNav)}),
                                                    SuccessBanner(state.banner)}),
                          .active_nav = std::string(kNav),
                          .status = state.status});
}

std::string BannerFor(const http::FormFields& query) {
  if (query.Has("deactivated")) return "Account deactivated";
  if (query.Has("reactivated")) return "Account reactivated";
  if (query.Has("mfa-reset")) {
    return "Two-factor authentication reset. They will set it up again when they next sign in.";
  }
  if (query.Has("updated")) return "Changes saved";
  return {};
}

http::Response ShowList(PageContext& ctx, AdminService& admin) {
  std::string filter(ctx.request.query.GetOr("organisation"));
  if (!filter.empty() && !IsId(filter)) return ProblemPage(ctx, Problem::NotFound());
  auto users = admin.ListUsers(ctx.actor(), filter);
  if (!users) return ProblemPage(ctx, users.error());
  auto orgs = admin.ListOrganisations(ctx.actor());
  auto names = OrganisationNames(orgs ? *orgs : std::vector<Organisation>{});
  std::string filter_name;
  if (!filter.empty() && names.contains(filter)) filter_name = names[filter];
  return RenderList(ctx, *users, names, filter_name);
}

std::vector<Organisation> OrganisationsFor(const PageContext& ctx, AdminService& admin) {
  auto orgs = admin.ListOrganisations(ctx.actor());
  return orgs ? *orgs : std::vector<Organisation>{};
}

http::Response CreateUser(PageContext& ctx, AdminService& admin) {
  auto orgs = OrganisationsFor(ctx, admin);
  auto form = ReadForm(ctx);
  if (!form) return RenderNew(ctx, orgs, {}, form.error(), 400);
  NewUserForm values{std::string(form->GetOr("display_name")), std::string(form->GetOr("email")),
                     std::string(form->GetOr("organisation_id")), std::string(form->GetOr("role"))};
  auto created = admin.CreateUser(
      ctx.actor(), {values.organisation_id, values.email, values.display_name, values.role},
      ctx.origin());
  if (created) return RenderCreated(ctx, *created);
  switch (created.error().kind) {
    case ProblemKind::kInvalid:
      return RenderNew(ctx, orgs, values, created.error(), 400);
    case ProblemKind::kConflict:
      return RenderNew(ctx, orgs, values, created.error(), 409);
    default:
      return ProblemPage(ctx, created.error());
  }
}

http::Response ShowUser(PageContext& ctx, AdminService& admin) {
  auto user = admin.GetUser(ctx.actor(), ctx.request.Capture("id"));
  if (!user) return ProblemPage(ctx, user.error());
  UserPageState state = StateFor(*user);
  state.banner = BannerFor(ctx.request.query);
  return RenderUser(ctx, admin, *user, state);
}

// One of the three changes a user page offers: reads its fields (noting typed values in
// `state`), calls the service, and names the flag for the success banner.
using ChangeOutcome = std::pair<Result<User>, std::string>;
using ChangeFn = ChangeOutcome (*)(PageContext& ctx, AdminService& admin, const User& user,
                                   const http::FormFields& form, int64_t version,
                                   UserPageState& state);

ChangeOutcome ChangeDetails(PageContext& ctx, AdminService& admin, const User& user,
                            const http::FormFields& form, int64_t version, UserPageState& state) {
  state.display_name = form.GetOr("display_name");
  state.role = form.GetOr("role");
  return {admin.UpdateUser(ctx.actor(), user.id, state.display_name, state.role, user.active,
                           version, ctx.origin()),
          "updated"};
}

ChangeOutcome ChangeActive(PageContext& ctx, AdminService& admin, const User& user,
                           const http::FormFields& form, int64_t version, UserPageState&) {
  bool active = form.GetOr("active", user.active ? "1" : "0") == "1";
  return {admin.UpdateUser(ctx.actor(), user.id, user.display_name, std::string(Code(user.role)),
                           active, version, ctx.origin()),
          active ? "reactivated" : "deactivated"};
}

ChangeOutcome ResetMfa(PageContext& ctx, AdminService& admin, const User& user,
                       const http::FormFields&, int64_t version, UserPageState&) {
  return {admin.ResetMfa(ctx.actor(), user.id, version, ctx.origin()), "mfa-reset"};
}

// Loads the user and the form, runs `change`, and turns its outcome into a redirect with the
// banner flag or the page again with the problem.
http::Response ChangeUser(PageContext& ctx, AdminService& admin, ChangeFn change) {
  std::string id(ctx.request.Capture("id"));
  auto user = admin.GetUser(ctx.actor(), id);
  if (!user) return ProblemPage(ctx, user.error());
  UserPageState state = StateFor(*user);
  auto form = ReadForm(ctx);
  std::optional<int64_t> version;
  if (form) version = ParseVersion(form->GetOr("version"));
  if (!form || !version) {
    state.problem = Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
    state.status = 400;
    return RenderUser(ctx, admin, *user, state);
  }
  auto [saved, flag] = change(ctx, admin, *user, *form, *version, state);
  if (saved) return http::Response::Redirect(UserPath(id) + "?" + flag + "=1");
  const Problem& problem = saved.error();
  if (problem.kind == ProblemKind::kInvalid) {
    // Keep the version the person started from, so a later save still detects a clash.
    User shown = *user;
    shown.version = *version;
    state.problem = problem;
    state.status = 400;
    return RenderUser(ctx, admin, shown, state);
  }
  if (problem.kind == ProblemKind::kConflict) {
    // Show what is saved now, so the person decides again from the current record.
    state = StateFor(*user);
    state.problem = problem;
    state.status = 409;
    return RenderUser(ctx, admin, *user, state);
  }
  return ProblemPage(ctx, problem);
}

}  // namespace

void AddUserPages(WebRoutes& routes, AdminService& admin) {
  routes.Page("GET", "/admin/users", Action::kAdminUsersView,
              [&admin](PageContext& ctx) { return ShowList(ctx, admin); });
  routes.Page("GET", "/admin/users/new", Action::kAdminUsersManage, [&admin](PageContext& ctx) {
    return RenderNew(ctx, OrganisationsFor(ctx, admin), {}, std::nullopt, 200);
  });
  routes.Page("POST", "/admin/users/new", Action::kAdminUsersManage,
              [&admin](PageContext& ctx) { return CreateUser(ctx, admin); });
  routes.Page("GET", "/admin/users/{id:id}", Action::kAdminUsersView,
              [&admin](PageContext& ctx) { return ShowUser(ctx, admin); });
  routes.Page("POST", "/admin/users/{id:id}", Action::kAdminUsersManage,
              [&admin](PageContext& ctx) { return ChangeUser(ctx, admin, ChangeDetails); });
  routes.Page("POST", "/admin/users/{id:id}/active", Action::kAdminUsersManage,
              [&admin](PageContext& ctx) { return ChangeUser(ctx, admin, ChangeActive); });
  routes.Page("POST", "/admin/users/{id:id}/reset-mfa", Action::kAdminUsersManage,
              [&admin](PageContext& ctx) { return ChangeUser(ctx, admin, ResetMfa); });
}

}  // namespace waymark::identity::pages
