// A signed-in person's own account: change password, replace recovery codes.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <string>
#include <vector>

#include "identity/deps.hpp"
#include "identity/policy.hpp"
#include "identity/sign_in.hpp"

namespace waymark::identity {

class AccountService {
 public:
  explicit AccountService(Deps deps) : deps_(deps) {}

  // Checks the current password, applies the password policy, and ends every other session of
  // the account (the current one gets a new token, returned).
  Result<std::string> ChangePassword(const Actor& actor, std::string_view session_token,
                                     std::string_view current, std::string_view replacement,
                                     std::string_view confirmation, const Origin& origin);

  // Ten new recovery codes, shown once; the old ones stop working.
  Result<std::vector<std::string>> RegenerateRecoveryCodes(const Actor& actor,
                                                           const Origin& origin);

  int64_t RecoveryCodesLeft(const Actor& actor);

 private:
  Deps deps_;
};

}  // namespace waymark::identity
