// The organisation administration pages: list, add, view and change one organisation.
#include <string>
#include <vector>

#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"

namespace waymark::identity::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;

constexpr std::string_view kNav = "/admin/organisations";

std::string OrganisationPath(std::string_view id) {
  return "/admin/organisations/" + std::string(id);
}

Node StatusTag(bool active) {
  return active ? ColouredTag("Active", "govuk-tag--green")
                : ColouredTag("Deactivated", "govuk-tag--grey");
}

http::Response RenderList(const PageContext& ctx, const std::vector<Organisation>& organisations) {
  std::vector<Node> content{Heading("Organisations")};
  if (Decide(ctx.actor(), Action::kAdminOrganisationsManage)) {
    content.push_back(
        govuk::Button({.text = "Add an organisation", .href = "/admin/organisations/new"}));
  }
  if (organisations.empty()) {
    content.push_back(Paragraph("There are no organisations yet."));
  } else {
    govuk::TableOptions table{
        .caption = "All organisations",
        .caption_classes = "govuk-visually-hidden",
        .head = {
            {.content = Text("Name")}, {.content = Text("Kind")}, {.content = Text("Status")}}};
    for (const auto& org : organisations) {
      table.rows.push_back({{.content = Link(org.name, OrganisationPath(org.id))},
                            {.content = Text(Label(org.kind))},
                            {.content = StatusTag(org.active)}});
    }
    content.push_back(govuk::Table(std::move(table)));
  }
  return RenderPage(ctx, {.title = "Organisations",
                          .content = html::Fragment(std::move(content)),
                          .active_nav = std::string(kNav)});
}

struct NewOrganisationForm {
  std::string name{};
  std::string kind{};
};

http::Response RenderNew(const PageContext& ctx, const NewOrganisationForm& values,
                         const std::optional<Problem>& problem, int status) {
  std::vector<RadioItem> kinds;
  for (OrgKind kind : AllOrgKinds()) {
    kinds.push_back({std::string(Code(kind)), std::string(Label(kind))});
  }
  Node content = html::Fragment({
      ErrorSummaryFor(problem),
      Heading("Add an organisation"),
      PostForm(ctx, "/admin/organisations/new",
               {govuk::Input({.name = "name",
                              .label = {.text = "Organisation name"},
                              .error_message = FieldError(problem, "name"),
                              .value = values.name,
                              .autocomplete = "organization",
                              .spellcheck = false}),
                Radios("kind", "What kind of organisation is it?", kinds, values.kind,
                       FieldError(problem, "kind")),
                govuk::Button({.text = "Add organisation"})}),
  });
  return RenderPage(ctx, {.title = TitleFor("Add an organisation", problem),
                          .content = std::move(content),
                          .before = govuk::BackLink({.href = std::string(kNav)}),
                          .active_nav = std::string(kNav),
                          .status = status});
}

// What the organisation page shows besides the record: typed values and a problem to show
// after a refused change, and a banner after a successful one.
struct OrganisationPageState {
  std::string typed_name{};
  std::optional<Problem> problem{};
  std::string banner{};
  int status = 200;
};

Node ChangeForms(const PageContext& ctx, const Organisation& org,
                 const OrganisationPageState& state) {
  std::string action = OrganisationPath(org.id);
  std::vector<Node> forms{
      El("h2").Class("govuk-heading-m").AddText("Change the name"),
      PostForm(ctx, action,
               {VersionField(org.version),
                El("input")
                    .Attr("type", "hidden")
                    .Attr("name", "active")
                    .Attr("value", org.active ? "1" : "0"),
                govuk::Input({.name = "name",
                              .label = {.text = "Organisation name"},
                              .error_message = FieldError(state.problem, "name"),
                              .value = state.typed_name,
                              .autocomplete = "organization",
                              .spellcheck = false}),
                govuk::Button({.text = "Save name"})}),
  };
  // The organisation that runs this Waymark cannot be deactivated, so it gets no button.
  if (org.is_operator) return html::Fragment(std::move(forms));
  if (org.active) {
    forms.push_back(El("h2").Class("govuk-heading-m").AddText("Deactivate this organisation"));
    forms.push_back(Paragraph(
        "Its people will not be able to sign in until you reactivate it. Nothing is deleted."));
    forms.push_back(PostForm(
        ctx, action,
        {VersionField(org.version), govuk::Button({.text = "Deactivate organisation",
                                                   .variant = govuk::ButtonVariant::kWarning,
                                                   .name = "active",
                                                   .value = "0",
                                                   .id = "active"})}));
  } else {
    forms.push_back(El("h2").Class("govuk-heading-m").AddText("Reactivate this organisation"));
    forms.push_back(Paragraph("Its people will be able to sign in again."));
    forms.push_back(PostForm(
        ctx, action,
        {VersionField(org.version), govuk::Button({.text = "Reactivate organisation",
                                                   .variant = govuk::ButtonVariant::kSecondary,
                                                   .name = "active",
                                                   .value = "1",
                                                   .id = "active"})}));
  }
  return html::Fragment(std::move(forms));
}

http::Response RenderOrganisation(const PageContext& ctx, const Organisation& org,
                                  const OrganisationPageState& state) {
  std::vector<govuk::SummaryRow> rows{
      {.key = "Name", .value = Text(org.name)},
      {.key = "Kind", .value = Text(Label(org.kind))},
      {.key = "Status", .value = StatusTag(org.active)},
  };
  if (org.is_operator) {
    rows.push_back({.key = "Role in Waymark", .value = Text("Runs this Waymark")});
  }
  std::vector<Node> content{
      ErrorSummaryFor(state.problem),
      El("span").Class("govuk-caption-l").AddText("Organisation"),
      Heading(org.name),
      govuk::SummaryList({.rows = std::move(rows)}),
      El("p")
          .Class("govuk-body")
          .Add(Link("View the people in this organisation", "/admin/users?organisation=" + org.id)),
  };
  if (Decide(ctx.actor(), Action::kAdminOrganisationsManage, Resource{org.id, false})) {
    content.push_back(ChangeForms(ctx, org, state));
  }
  return RenderPage(ctx, {.title = TitleFor(org.name, state.problem),
                          .content = html::Fragment(std::move(content)),
                          .before = html::Fragment({govuk::BackLink({.href = std::string(kNav)}),
                                                    SuccessBanner(state.banner)}),
                          .active_nav = std::string(kNav),
                          .status = state.status});
}

std::string BannerFor(const http::FormFields& query) {
  if (query.Has("created")) return "Organisation added";
  if (query.Has("deactivated")) return "Organisation deactivated";
  if (query.Has("reactivated")) return "Organisation reactivated";
  if (query.Has("updated")) return "Changes saved";
  return {};
}

http::Response ShowList(PageContext& ctx, AdminService& admin) {
  auto organisations = admin.ListOrganisations(ctx.actor());
  if (!organisations) return ProblemPage(ctx, organisations.error());
  return RenderList(ctx, *organisations);
}

http::Response CreateOrganisation(PageContext& ctx, AdminService& admin) {
  auto form = ReadForm(ctx);
  if (!form) return RenderNew(ctx, {}, form.error(), 400);
  NewOrganisationForm values{std::string(form->GetOr("name")), std::string(form->GetOr("kind"))};
  auto created = admin.CreateOrganisation(ctx.actor(), {values.name, values.kind}, ctx.origin());
  if (created) return http::Response::Redirect(OrganisationPath(created->id) + "?created=1");
  switch (created.error().kind) {
    case ProblemKind::kInvalid:
      return RenderNew(ctx, values, created.error(), 400);
    case ProblemKind::kConflict:
      return RenderNew(ctx, values, created.error(), 409);
    default:
      return ProblemPage(ctx, created.error());
  }
}

http::Response ShowOrganisation(PageContext& ctx, AdminService& admin) {
  auto org = admin.GetOrganisation(ctx.actor(), ctx.request.Capture("id"));
  if (!org) return ProblemPage(ctx, org.error());
  return RenderOrganisation(ctx, *org,
                            {.typed_name = org->name, .banner = BannerFor(ctx.request.query)});
}

http::Response ChangeOrganisation(PageContext& ctx, AdminService& admin) {
  std::string id(ctx.request.Capture("id"));
  auto org = admin.GetOrganisation(ctx.actor(), id);
  if (!org) return ProblemPage(ctx, org.error());
  auto form = ReadForm(ctx);
  if (!form) return RenderOrganisation(ctx, *org, {org->name, form.error(), "", 400});
  auto version = ParseVersion(form->GetOr("version"));
  if (!version) {
    Problem incomplete{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
    return RenderOrganisation(ctx, *org, {org->name, incomplete, "", 400});
  }
  std::string name(form->GetOr("name", org->name));
  bool active = form->GetOr("active", org->active ? "1" : "0") == "1";
  auto saved = admin.UpdateOrganisation(ctx.actor(), id, name, active, *version, ctx.origin());
  if (saved) {
    std::string flag = active == org->active ? "updated" : (active ? "reactivated" : "deactivated");
    return http::Response::Redirect(OrganisationPath(id) + "?" + flag + "=1");
  }
  switch (saved.error().kind) {
    case ProblemKind::kInvalid: {
      // Keep the version the person started from, so a later save still detects a clash.
      Organisation shown = *org;
      shown.version = *version;
      return RenderOrganisation(ctx, shown, {name, saved.error(), "", 400});
    }
    case ProblemKind::kConflict:
      // Show what is saved now, so the person decides again from the current record.
      return RenderOrganisation(ctx, *org, {org->name, saved.error(), "", 409});
    default:
      return ProblemPage(ctx, saved.error());
  }
}

}  // namespace

void AddOrganisationPages(WebRoutes& routes, AdminService& admin) {
  routes.Page("GET", "/admin/organisations", Action::kAdminOrganisationsView,
              [&admin](PageContext& ctx) { return ShowList(ctx, admin); });
  routes.Page("GET", "/admin/organisations/new", Action::kAdminOrganisationsManage,
              [](PageContext& ctx) { return RenderNew(ctx, {}, std::nullopt, 200); });
  routes.Page("POST", "/admin/organisations/new", Action::kAdminOrganisationsManage,
              [&admin](PageContext& ctx) { return CreateOrganisation(ctx, admin); });
  routes.Page("GET", "/admin/organisations/{id:id}", Action::kAdminOrganisationsView,
              [&admin](PageContext& ctx) { return ShowOrganisation(ctx, admin); });
  routes.Page("POST", "/admin/organisations/{id:id}", Action::kAdminOrganisationsManage,
              [&admin](PageContext& ctx) { return ChangeOrganisation(ctx, admin); });
}

}  // namespace waymark::identity::pages
