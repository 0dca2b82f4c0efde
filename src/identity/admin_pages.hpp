// The administration pages: organisations and user accounts, server-rendered with GOV.UK
// Frontend. WebRoutes has already checked the session, CSRF and the route's Action before a
// handler runs; AdminService asks the policy again about the specific record, so a page never
// shows or changes what the service refuses.
//
// Routes (all Page routes):
//   GET  /admin/organisations                  kAdminOrganisationsView
//   GET  /admin/organisations/new              kAdminOrganisationsManage
//   POST /admin/organisations/new              kAdminOrganisationsManage
//   GET  /admin/organisations/{id:id}          kAdminOrganisationsView
//   POST /admin/organisations/{id:id}          kAdminOrganisationsManage  (name, active, version)
//   GET  /admin/users[?organisation=ID]        kAdminUsersView
//   GET  /admin/users/new                      kAdminUsersManage
//   POST /admin/users/new                      kAdminUsersManage
//   GET  /admin/users/{id:id}                  kAdminUsersView
//   POST /admin/users/{id:id}                  kAdminUsersManage  (display_name, role, version)
//   POST /admin/users/{id:id}/active           kAdminUsersManage  (active, version)
//   POST /admin/users/{id:id}/reset-mfa        kAdminUsersManage  (version)
//
// Thread safety: registration happens on one thread; the handlers are then called from many
// worker threads and keep no state of their own. `admin` must outlive the routes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "identity/admin.hpp"
#include "identity/web.hpp"
#include "platform/html/node.hpp"
#include "platform/http/response.hpp"
#include "platform/util/problem.hpp"

namespace waymark::identity {

void AddAdminPages(WebRoutes& routes, AdminService& admin);

// Pieces shared by the administration and account page files.
namespace pages {

// The admin pages of each kind; AddAdminPages calls both.
void AddOrganisationPages(WebRoutes& routes, AdminService& admin);
void AddUserPages(WebRoutes& routes, AdminService& admin);

// The page for a problem that ends the journey: 404 "Page not found", 403 "You do not have
// permission to see this page", a redirect to sign in when the session has gone. Any other kind
// is not expected here and throws std::logic_error (the request boundary shows the error page).
http::Response ProblemPage(const PageContext& ctx, const Problem& problem);

// The hidden `version` field sent with every edit form, and reading it back.
html::Node VersionField(int64_t version);
std::optional<int64_t> ParseVersion(std::string_view text);

// The body of a POST as form fields, or an Invalid problem (without fields) to show.
Result<http::FormFields> ReadForm(const PageContext& ctx);

// "Error: " before a page title when the form has errors (GOV.UK pattern).
std::string TitleFor(std::string_view title, const std::optional<Problem>& problem);

// A green success banner with one line of text; empty when `text` is empty.
html::Node SuccessBanner(std::string_view text);

// A link styled as a GOV.UK link.
html::Node Link(std::string_view text, std::string_view href);

// A GOV.UK tag with a colour class ("govuk-tag--green").
html::Node ColouredTag(std::string_view text, std::string_view colour_class);

}  // namespace pages

}  // namespace waymark::identity
