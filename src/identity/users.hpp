// User accounts: the SQL for one user record. Functions taking a Tx run inside the caller's
// transaction. Staff email addresses and names are not survivor data and are stored in the
// clear (email must be looked up at sign-in); the TOTP secret is encrypted with the
// organisation's data key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "identity/roles.hpp"
#include "platform/db/database.hpp"
#include "platform/util/problem.hpp"

namespace waymark::identity {

struct User {
  std::string id;
  std::string organisation_id;
  std::string email;
  std::string display_name;
  Role role;
  std::optional<std::string> password_hash;
  std::optional<db::Blob> totp_secret;  // encrypted
  std::optional<int64_t> totp_last_step;
  bool active = true;
  int64_t version = 1;

  bool has_mfa() const { return totp_secret.has_value(); }
};

struct UserInput {
  std::string organisation_id;
  std::string email;
  std::string display_name;
  std::string role;  // as typed
};

struct ValidUser {
  std::string organisation_id;
  std::string email;
  std::string display_name;
  Role role;
};

// Checks fields and that the role fits the organisation's kind; Invalid names each field.
Result<ValidUser> ValidateUser(db::Tx& tx, const UserInput& input);

// For queries that join users to other tables: the columns UserFromRow reads, in order
// (prefixed with `alias` and a dot unless it is empty), and the User read from them starting at
// column `first`.
inline constexpr std::size_t kUserColumnCount = 10;
std::string UserColumns(std::string_view alias);
User UserFromRow(const db::Row& row, std::size_t first);

std::optional<User> FindUser(db::Tx& tx, std::string_view id);
std::optional<User> FindUserByEmail(db::Tx& tx, std::string_view normalised_email);
// An empty organisation id lists every user.
std::vector<User> ListUsers(db::Tx& tx, std::string_view organisation_id);

// The id and name of a user, for choosing or naming a colleague.
struct UserName {
  std::string id;
  std::string display_name;
};
// The active users of an organisation holding one of `roles`, by name. Reads only ids and
// names, so lists of colleagues never load password hashes or TOTP secrets.
std::vector<UserName> ListActiveUserNames(db::Tx& tx, std::string_view organisation_id,
                                          const std::vector<Role>& roles);

// A duplicate email is Invalid on the "email" field.
Result<User> InsertUser(db::Tx& tx, const ValidUser& user, TimePoint now);
// Saves display name, role and active state if `expected_version` is current (else Conflict).
Result<User> UpdateUser(db::Tx& tx, const User& changed, int64_t expected_version, TimePoint now);

void SetPasswordHash(db::Tx& tx, std::string_view user_id, std::string_view hash, TimePoint now);
void SetTotp(db::Tx& tx, std::string_view user_id, const std::optional<db::Blob>& secret,
             std::optional<int64_t> last_step, TimePoint now);
// Records a used TOTP step only if it is newer than the stored one: false means a replay lost
// a race.
bool AdvanceTotpStep(db::Tx& tx, std::string_view user_id, int64_t step);

// Recovery codes: only hashes are stored; each works once.
void ReplaceRecoveryCodes(db::Tx& tx, std::string_view user_id,
                          const std::vector<std::string>& code_hashes);
bool UseRecoveryCode(db::Tx& tx, std::string_view user_id, std::string_view code_hash,
                     TimePoint now);
int64_t UnusedRecoveryCodes(db::Tx& tx, std::string_view user_id);

}  // namespace waymark::identity
