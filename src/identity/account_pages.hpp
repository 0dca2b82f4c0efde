// The signed-in person's own account pages, server-rendered with GOV.UK Frontend.
//
// Routes (all Page routes with Action::kAccountManage):
//   GET  /account                  summary, recovery codes left, links to the pages below
//   GET  /account/password         change password form
//   POST /account/password         current_password, new_password, new_password_confirmation;
//                                  success sets the new session cookie and redirects to
//                                  /account?password-changed=1
//   GET  /account/recovery-codes   explains that new codes replace the old ones
//   POST /account/recovery-codes   shows ten new codes once
// The API token pages under /account/tokens are in api_token_pages.hpp.
//
// Thread safety: registration happens on one thread; the handlers are then called from many
// worker threads and keep no state of their own. `account` must outlive the routes.
#pragma once

#include "identity/account.hpp"
#include "identity/web.hpp"

namespace waymark::identity {

void AddAccountPages(WebRoutes& routes, AccountService& account);

}  // namespace waymark::identity
