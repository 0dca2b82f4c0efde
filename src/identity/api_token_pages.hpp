// The signed-in person's API tokens, a part of their account pages.
//
// Routes (all Page routes with Action::kAccountManage):
//   GET  /account/tokens                   the person's tokens: name, created, last used,
//                                          expiry, and a Revoke button for each live one
//   GET  /account/tokens/new               name, days until it expires, a fresh security code
//   POST /account/tokens/new               shows the new token once (only its hash is kept)
//   POST /account/tokens/{id:id}/revoke    then back to the list with a success banner
//
// Thread safety: as account_pages.hpp. `tokens` must outlive the routes.
#pragma once

#include "identity/api_tokens.hpp"
#include "identity/web.hpp"

namespace waymark::identity {

void AddApiTokenPages(WebRoutes& routes, ApiTokenService& tokens);

}  // namespace waymark::identity
