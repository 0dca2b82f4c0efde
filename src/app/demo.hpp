// Demo data for `serve --demo`: clearly fake organisations and one user per role, each with the
// same password and an authenticator already set up (codes from `waymark totp-code`), plus one
// user who has not yet set up an authenticator, to show enrolment.
#pragma once

#include <string>
#include <vector>

#include "app/runtime.hpp"

namespace waymark::app {

inline constexpr std::string_view kDemoPassword = "kettle orchard velvet";

struct DemoAccount {
  std::string email;
  std::string role;
  std::string organisation;
};

// Loads the demo data into an empty database; returns the accounts. Refuses a database that
// already holds organisations.
Result<std::vector<DemoAccount>> LoadDemoData(Runtime& runtime);
std::vector<DemoAccount> DemoAccounts();

// The current TOTP code for a demo user (demo mode only).
Result<std::string> DemoTotpCode(Runtime& runtime, std::string_view email);

}  // namespace waymark::app
