#include "identity/layout.hpp"

namespace waymark::identity {

namespace {
namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;

std::vector<govuk::NavigationItem> Navigation(const PageContext& ctx, std::string_view active) {
  std::vector<govuk::NavigationItem> items;
  if (!ctx.auth || !ctx.auth->actor) return items;
  const Actor& actor = *ctx.auth->actor;
  items.push_back({"Home", "/", false});
  if (Decide(actor, Action::kCaseList, {actor.organisation_id})) {
    items.push_back({"Cases", "/cases", false});
    items.push_back({"Tasks", "/tasks", false});
  }
  if (Decide(actor, Action::kAdminUsersView)) {
    items.push_back({"Users", "/admin/users", false});
    items.push_back({"Organisations", "/admin/organisations", false});
  }
  items.push_back({"Your account", "/account", false});
  for (auto& item : items) item.active = item.href == active;
  return items;
}

}  // namespace

http::Response RenderPage(const PageContext& ctx, PageParts parts) {
  govuk::PageOptions page;
  page.title = parts.title + " - Waymark";
  page.header.service_name = "Waymark";
  page.header.service_url = "/";
  page.header.navigation = Navigation(ctx, parts.active_nav);
  page.header.navigation_label = "Menu";
  if (ctx.auth) {
    page.header.sign_out =
        govuk::SignOutForm{"/sign-out", std::string(kCsrfField), ctx.csrf_token, "Sign out"};
  }
  page.footer.meta_text = "Waymark: secure records for survivor support";
  Node warning;
  if (ctx.auth && ctx.auth->actor) {
    // Read by session-timeout.js: seconds until the warning, two minutes before the idle limit.
    auto left =
        std::chrono::duration_cast<std::chrono::seconds>(ctx.auth->ends_at - ctx.auth->checked_at);
    auto warn_after = std::max<int64_t>(0, left.count() - 120);
    warning = El("div").Flag("hidden").Attr("data-waymark-session-warning-after",
                                            std::to_string(warn_after));
  }
  page.before_content = html::Fragment({std::move(warning), std::move(parts.before)});
  page.content = std::move(parts.content);
  return http::Response::Html(govuk::RenderPage(std::move(page)), parts.status);
}

http::Response RenderAnonymousPage(PageParts parts) {
  govuk::PageOptions page;
  page.title = parts.title + " - Waymark";
  page.header.service_name = "Waymark";
  page.header.service_url = "/";
  page.footer.meta_text = "Waymark: secure records for survivor support";
  page.before_content = std::move(parts.before);
  page.content = std::move(parts.content);
  return http::Response::Html(govuk::RenderPage(std::move(page)), parts.status);
}

Node CsrfField(const PageContext& ctx) {
  return El("input")
      .Attr("type", "hidden")
      .Attr("name", "csrf_token")
      .Attr("value", ctx.csrf_token);
}

Node ErrorSummaryFor(const std::optional<Problem>& problem) {
  if (!problem) return Node();
  govuk::ErrorSummaryOptions options;
  for (const auto& field : problem->fields) {
    options.errors.push_back({field.message, "#" + field.field});
  }
  if (options.errors.empty()) options.errors.push_back({problem->message, ""});
  return govuk::ErrorSummary(options);
}

std::string FieldError(const std::optional<Problem>& problem, std::string_view field) {
  if (!problem) return {};
  for (const auto& error : problem->fields) {
    if (error.field == field) return error.message;
  }
  return {};
}

Node Heading(std::string_view text) { return El("h1").Class("govuk-heading-l").AddText(text); }
Node Paragraph(std::string_view text) { return El("p").Class("govuk-body").AddText(text); }

Node PostForm(const PageContext& ctx, std::string_view action, std::vector<Node> body) {
  Node form = El("form").Attr("method", "post").Attr("action", action).Flag("novalidate");
  form.Add(CsrfField(ctx));
  form.Add(std::move(body));
  return form;
}

Node Radios(std::string_view name, std::string_view legend, const std::vector<RadioItem>& items,
            std::string_view selected, std::string_view error) {
  Node group = El("div").Class("govuk-form-group");
  if (!error.empty()) group.Class("govuk-form-group--error");
  Node fieldset = El("fieldset").Class("govuk-fieldset");
  std::string error_id = std::string(name) + "-error";
  if (!error.empty()) fieldset.Attr("aria-describedby", error_id);
  fieldset.Add(
      El("legend").Class("govuk-fieldset__legend govuk-fieldset__legend--s").AddText(legend));
  if (!error.empty()) {
    fieldset.Add(govuk::ErrorMessage({std::string(error), error_id, "", "Error"}));
  }
  Node radios = El("div").Class("govuk-radios").Attr("data-module", "govuk-radios");
  for (size_t i = 0; i < items.size(); ++i) {
    // The first radio carries the field's own id, so the error summary can link to it.
    std::string id = i == 0 ? std::string(name) : std::string(name) + "-" + std::to_string(i + 1);
    Node input = El("input")
                     .Class("govuk-radios__input")
                     .Attr("id", id)
                     .Attr("name", name)
                     .Attr("type", "radio")
                     .Attr("value", items[i].value)
                     .Flag("checked", items[i].value == selected);
    radios.Add(El("div")
                   .Class("govuk-radios__item")
                   .Add({std::move(input), El("label")
                                               .Class("govuk-label govuk-radios__label")
                                               .Attr("for", id)
                                               .AddText(items[i].label)}));
  }
  fieldset.Add(std::move(radios));
  group.Add(std::move(fieldset));
  return group;
}

}  // namespace waymark::identity
