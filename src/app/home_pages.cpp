#include "app/home_pages.hpp"

#include <string>
#include <utility>
#include <vector>

#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"

namespace waymark::app {

namespace {
namespace govuk = html::govuk;
using html::El;
using html::Node;
using identity::Action;

Node LinkList(std::vector<std::pair<std::string, std::string>> links) {
  std::vector<Node> items;
  for (auto& [text, href] : links) {
    items.push_back(El("li").Add(identity::pages::Link(std::move(text), std::move(href))));
  }
  return El("ul").Class("govuk-list").Add(std::move(items));
}

// Tells a service manager that break-glass openings wait for their review: the issue asks that
// the manager be told, and the home page is where everyone lands after signing in.
Node BreakGlassBanner(int64_t waiting) {
  std::string what = waiting == 1 ? "1 break-glass opening is"
                                  : std::to_string(waiting) + " break-glass openings are";
  return govuk::NotificationBanner(
      {.content = html::Fragment({El("p")
                                      .Class("govuk-notification-banner__heading")
                                      .AddText(what + " waiting for your review"),
                                  El("p")
                                      .Class("govuk-body")
                                      .Add(identity::pages::Link("Review break-glass access",
                                                                 "/cases/break-glass-reviews"))})});
}

// Where a person in the case area goes next. If the count cannot be read the banner is left out
// rather than the home page failing.
std::vector<Node> CaseAreaContent(const identity::PageContext& ctx, cases::CaseService& cases) {
  std::vector<Node> out;
  bool manager = static_cast<bool>(identity::Decide(ctx.actor(), Action::kCaseAllocate));
  if (identity::Decide(ctx.actor(), Action::kCaseAccessLog)) {
    auto waiting = cases.CountBreakGlassToReview(ctx.actor());
    if (waiting && *waiting > 0) out.push_back(BreakGlassBanner(*waiting));
  }
  std::vector<std::pair<std::string, std::string>> links{
      {manager ? "Your team's cases" : "Your cases", "/cases"}, {"Your tasks", "/tasks"}};
  if (manager) links.emplace_back("Your team's tasks", "/tasks/team");
  if (identity::Decide(ctx.actor(), Action::kCaseCreate)) {
    links.emplace_back("Open a new case", "/cases/new");
  }
  out.push_back(LinkList(std::move(links)));
  return out;
}

http::Response HomePage(identity::PageContext& ctx, cases::CaseService& cases) {
  const auto& auth = *ctx.auth;
  std::vector<govuk::SummaryRow> rows;
  rows.push_back({.key = "Name", .value = html::Text(auth.user.display_name)});
  rows.push_back({.key = "Role", .value = html::Text(identity::Label(auth.user.role))});
  rows.push_back({.key = "Organisation", .value = html::Text(auth.organisation.name)});
  std::vector<Node> next;
  if (identity::Decide(ctx.actor(), Action::kAdminUsersView)) {
    next.push_back(LinkList({{"Manage user accounts", "/admin/users"},
                             {"Manage organisations", "/admin/organisations"}}));
  } else if (identity::Decide(ctx.actor(), Action::kCaseList)) {
    next = CaseAreaContent(ctx, cases);
  } else {
    next.push_back(identity::Paragraph(
        "Referrals, inspections and reports will appear here as they are added to Waymark."));
  }
  std::vector<Node> column{identity::Heading("Welcome, " + auth.user.display_name),
                           govuk::SummaryList({.rows = std::move(rows)})};
  for (auto& node : next) column.push_back(std::move(node));
  Node content = El("div")
                     .Class("govuk-grid-row")
                     .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(column)));
  return identity::RenderPage(ctx, {"Home", std::move(content), {}, "/"});
}

}  // namespace

void AddHomePages(identity::WebRoutes& routes, cases::CaseService& cases) {
  routes.Page("GET", "/", Action::kSignedIn,
              [&cases](identity::PageContext& ctx) { return HomePage(ctx, cases); });
}

}  // namespace waymark::app
