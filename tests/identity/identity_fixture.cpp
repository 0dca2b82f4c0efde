#include "tests/identity/identity_fixture.hpp"

#include <chrono>
#include <stdexcept>

#include "identity/organisations.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "platform/crypto/tokens.hpp"
#include "platform/crypto/totp.hpp"
#include "platform/db/embedded_migrations.hpp"
#include "platform/db/migrations.hpp"

namespace waymark::identity::testing {

namespace {

const std::string& SharedPasswordHash(const crypto::Keyring& keyring) {
  static const std::string hash = HashPasswordLimited(kPassword, keyring);
  return hash;
}

}  // namespace

TimePoint StartTime() {
  using namespace std::chrono;
  return sys_days{year{2024} / March / 4} + hours{9};
}

crypto::Bytes DecodeBase32(std::string_view text) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  crypto::Bytes out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    auto value = kAlphabet.find(c);
    if (value == std::string_view::npos) throw std::invalid_argument("not base32");
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<uint8_t>((buffer >> bits) & 0xFF));
      buffer &= (1u << bits) - 1;
    }
  }
  return out;
}

void IdentityTest::SetUp() {
  DatabaseTest::SetUp();
  if (IsSkipped() || HasFatalFailure()) return;
  auto migrated = db::Migrate(db(), db::EmbeddedMigrations(backend()));
  ASSERT_TRUE(migrated) << migrated.error().message;
  audit_.emplace(keyring().audit_mac_key(), clock_);
  audit_reads_.emplace(db(), *audit_);
}

const crypto::Keyring& IdentityTest::keyring() const {
  // Shared by the process so that one password hash (peppered by it) serves every test.
  static const crypto::Keyring shared = crypto::Keyring::Generate();
  return shared;
}

Deps IdentityTest::deps() {
  return Deps{db(), keyring(), clock_, *audit_, *audit_reads_, SessionLimits{}};
}

Organisation IdentityTest::AddOrganisation(const std::string& name, OrgKind kind,
                                           bool is_operator) {
  auto org = db().Write([&](db::Tx& tx) {
    return InsertOrganisation(tx, keyring(), name, kind, is_operator, clock_.Now());
  });
  if (!org) throw std::runtime_error("AddOrganisation: " + org.error().message);
  return *org;
}

User IdentityTest::AddUser(const Organisation& org, const std::string& email, Role role,
                           bool with_password) {
  const std::string& hash = SharedPasswordHash(keyring());
  auto user = db().Write([&](db::Tx& tx) -> Result<User> {
    auto inserted = InsertUser(tx, {org.id, email, "Test " + email, role}, clock_.Now());
    if (!inserted) return inserted;
    if (with_password) SetPasswordHash(tx, inserted->id, hash, clock_.Now());
    return *FindUser(tx, inserted->id);
  });
  if (!user) throw std::runtime_error("AddUser: " + user.error().message);
  return *user;
}

Actor IdentityTest::ActorFor(const User& user) {
  auto org = db().Read([&](db::Tx& tx) { return FindOrganisation(tx, user.organisation_id); });
  if (!org) throw std::runtime_error("ActorFor: no organisation");
  return Actor{user.id, org->id, org->kind, org->is_operator, user.role};
}

std::string IdentityTest::AddSession(const User& user, SessionStage stage) {
  return db().Write(
      [&](db::Tx& tx) { return CreateSession(tx, user.id, stage, clock_.Now()).token; });
}

std::pair<Organisation, User> IdentityTest::AddOperatorAdmin() {
  Organisation op = AddOrganisation("Waymark Operations", OrgKind::kPrimeContractor, true);
  User admin = AddUser(op, "operator.admin@example.org", Role::kAdministrator);
  return {op, admin};
}

Result<IssuedSession> IdentityTest::SignIn(std::string_view email, std::string_view password) {
  return sign_in().SignInWithPassword(email, password, origin_);
}

Enrolled IdentityTest::Enrol(const User& user) {
  auto first = SignIn(user.email);
  if (!first || first->stage != SessionStage::kEnrol) {
    throw std::runtime_error("Enrol: sign-in did not reach the enrol stage");
  }
  auto enrolment = sign_in().BeginEnrolment(first->token);
  if (!enrolment) throw std::runtime_error("Enrol: " + enrolment.error().message);
  crypto::Bytes secret = DecodeBase32(enrolment->secret_base32);
  auto done = sign_in().CompleteEnrolment(first->token, CodeAt(secret, clock_.Now()), origin_);
  if (!done) throw std::runtime_error("Enrol: " + done.error().message);
  return Enrolled{LoadUser(user.id), done->session.token, secret, done->recovery_codes};
}

std::string IdentityTest::CodeAt(const crypto::Bytes& secret, TimePoint at) {
  return crypto::TotpCode(secret, at);
}

std::string IdentityTest::WrongCodeAt(const crypto::Bytes& secret, TimePoint at) {
  using std::chrono::seconds;
  const seconds step(crypto::kTotpStepSeconds);
  const std::string near[] = {CodeAt(secret, at - step), CodeAt(secret, at),
                              CodeAt(secret, at + step)};
  for (int n = 0;; ++n) {
    std::string candidate = std::to_string(100000 + n * 7919 % 900000);
    if (candidate != near[0] && candidate != near[1] && candidate != near[2]) return candidate;
  }
}

User IdentityTest::LoadUser(const std::string& id) {
  auto user = db().Read([&](db::Tx& tx) { return FindUser(tx, id); });
  if (!user) throw std::runtime_error("LoadUser: no such user");
  return *user;
}

bool IdentityTest::SessionExists(std::string_view token) {
  return db().Read([&](db::Tx& tx) {
    return tx
        .QueryOne("SELECT token_hash FROM sessions WHERE token_hash = ?",
                  {crypto::HashToken(token)})
        .has_value();
  });
}

int64_t IdentityTest::SessionsOf(const std::string& user_id) {
  return db().Read([&](db::Tx& tx) {
    return tx.QueryOne("SELECT count(*) FROM sessions WHERE user_id = ?", {user_id})->integer(0);
  });
}

int64_t IdentityTest::Count(std::string_view table) {
  // Tests pass literal table names only.
  return db().Read([&](db::Tx& tx) {
    return tx.QueryOne("SELECT count(*) FROM " + std::string(table))->integer(0);
  });
}

std::vector<AuditRow> IdentityTest::AuditRows() {
  return db().Read([&](db::Tx& tx) {
    std::vector<AuditRow> out;
    for (const auto& row :
         tx.Query("SELECT action, outcome, actor_id, subject_id FROM audit_events ORDER BY seq")) {
      out.push_back({row.text(0), row.text(1), row.optional_text(2), row.optional_text(3)});
    }
    return out;
  });
}

std::vector<std::string> IdentityTest::AuditActions() {
  std::vector<std::string> out;
  for (auto& row : AuditRows()) out.push_back(row.action);
  return out;
}

}  // namespace waymark::identity::testing
