// A migrated database, a keyring, a manual clock and an audit log for testing identity's
// services on SQLite and PostgreSQL (every TEST_P runs on both; see test_database.hpp).
//
// Argon2id costs about 0.3 s a hash, so helpers avoid it where the test is not about passwords:
// AddUser stores one hash of kPassword computed once per process (the keyring is shared by the
// process for that reason), and AddSession makes sessions without signing in. SignIn and Enrol
// go through the real services and cost one hash each.
// Thread safety: one fixture per test, used from the test's thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "identity/account.hpp"
#include "identity/admin.hpp"
#include "identity/sign_in.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/audit/group_commit.hpp"
#include "platform/crypto/encoding.hpp"
#include "platform/crypto/keyring.hpp"
#include "platform/util/clock.hpp"
#include "tests/platform/db/test_database.hpp"

namespace waymark::identity::testing {

// Long enough, not common, not the email: acceptable to the password policy.
inline constexpr std::string_view kPassword = "lantern orbit meadow 42";
inline constexpr std::string_view kOtherPassword = "quiet harbour violin 77";

// 2024-03-04 09:00:00 UTC: the start of a TOTP step, so tests know where steps begin.
TimePoint StartTime();

// RFC 4648 base32 without padding, as Enrolment::secret_base32 is written.
crypto::Bytes DecodeBase32(std::string_view text);

struct Enrolled {
  User user;
  std::string token;  // an active session
  crypto::Bytes secret;
  std::vector<std::string> recovery_codes;
};

struct AuditRow {
  std::string action;
  std::string outcome;
  std::optional<std::string> actor_id;
  std::optional<std::string> subject_id;
};

class IdentityTest : public db::testing::DatabaseTest {
 protected:
  void SetUp() override;

  const crypto::Keyring& keyring() const;
  Deps deps();
  SignInService sign_in() { return SignInService(deps()); }
  AdminService admin() { return AdminService(deps()); }
  AccountService account() { return AccountService(deps()); }

  // Store-level set-up, without password hashing beyond the shared one.
  Organisation AddOrganisation(const std::string& name, OrgKind kind, bool is_operator = false);
  User AddUser(const Organisation& org, const std::string& email, Role role,
               bool with_password = true);
  Actor ActorFor(const User& user);
  std::string AddSession(const User& user, SessionStage stage = SessionStage::kActive);
  // An operator organisation with an administrator (no sign-in needed: services take an Actor).
  std::pair<Organisation, User> AddOperatorAdmin();

  // Through the services.
  Result<IssuedSession> SignIn(std::string_view email, std::string_view password = kPassword);
  // Signs in (one hash), enrols a TOTP authenticator and returns the active session.
  Enrolled Enrol(const User& user);

  // The code for `secret` at a time, and one that is valid at no step near `at`.
  static std::string CodeAt(const crypto::Bytes& secret, TimePoint at);
  static std::string WrongCodeAt(const crypto::Bytes& secret, TimePoint at);

  // Reading the database directly.
  User LoadUser(const std::string& id);
  bool SessionExists(std::string_view token);
  int64_t SessionsOf(const std::string& user_id);
  int64_t Count(std::string_view table);
  std::vector<AuditRow> AuditRows();
  std::vector<std::string> AuditActions();

  ManualClock clock_{StartTime()};
  Origin origin_{"192.0.2.10", "request-1"};

 private:
  std::optional<audit::AuditLog> audit_;
  std::optional<audit::GroupCommit> audit_reads_;
};

}  // namespace waymark::identity::testing
