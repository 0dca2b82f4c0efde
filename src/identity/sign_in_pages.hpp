// The pages of signing in and out: password, security code, recovery code, enrolment of an
// authenticator app, set-password links, first-run set-up, and the session timeout warning.
#pragma once

#include "identity/admin.hpp"
#include "identity/sign_in.hpp"
#include "identity/web.hpp"

namespace waymark::identity {

void AddSignInPages(WebRoutes& routes, SignInService& sign_in, AdminService& admin);

}  // namespace waymark::identity
