#include "app/home_pages.hpp"

#include "identity/layout.hpp"

namespace waymark::app {

namespace {
namespace govuk = html::govuk;
using html::El;
using html::Node;

http::Response HomePage(identity::PageContext& ctx) {
  const auto& auth = *ctx.auth;
  std::vector<govuk::SummaryRow> rows;
  rows.push_back({.key = "Name", .value = html::Text(auth.user.display_name)});
  rows.push_back({.key = "Role", .value = html::Text(identity::Label(auth.user.role))});
  rows.push_back({.key = "Organisation", .value = html::Text(auth.organisation.name)});
  Node next;
  if (identity::Decide(ctx.actor(), identity::Action::kAdminUsersView)) {
    next = El("ul")
               .Class("govuk-list")
               .Add({El("li").Add(El("a")
                                      .Class("govuk-link")
                                      .Attr("href", "/admin/users")
                                      .AddText("Manage user accounts")),
                     El("li").Add(El("a")
                                      .Class("govuk-link")
                                      .Attr("href", "/admin/organisations")
                                      .AddText("Manage organisations"))});
  } else {
    next = identity::Paragraph(
        "Survivor records, referrals and inspections will appear here as they are added to "
        "Waymark.");
  }
  Node content =
      El("div")
          .Class("govuk-grid-row")
          .Add(El("div")
                   .Class("govuk-grid-column-two-thirds")
                   .Add({identity::Heading("Welcome, " + auth.user.display_name),
                         govuk::SummaryList({.rows = std::move(rows)}), std::move(next)}));
  return identity::RenderPage(ctx, {"Home", std::move(content), {}, "/"});
}

}  // namespace

void AddHomePages(identity::WebRoutes& routes) {
  routes.Page("GET", "/", identity::Action::kSignedIn, HomePage);
}

}  // namespace waymark::app
