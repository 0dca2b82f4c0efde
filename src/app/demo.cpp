#include "app/demo.hpp"

#include "identity/admin.hpp"
#include "identity/organisations.hpp"
#include "identity/sign_in.hpp"
#include "identity/text.hpp"
#include "identity/users.hpp"
#include "platform/crypto/field_cipher.hpp"
#include "platform/crypto/totp.hpp"

namespace waymark::app {

namespace {

using identity::OrgKind;
using identity::Role;

struct DemoOrg {
  std::string_view name;
  OrgKind kind;
  bool is_operator;
};

constexpr DemoOrg kOrgs[] = {
    {"Northgate Care Partnership (demo)", OrgKind::kPrimeContractor, true},
    {"Harbour House Safehouse (demo)", OrgKind::kProvider, false},
    {"Willow Lodge Safehouse (demo)", OrgKind::kProvider, false},
    {"Compass Outreach (demo)", OrgKind::kProvider, false},
    {"Streetlight Homelessness Charity (demo)", OrgKind::kReferralPartner, false},
    {"Care Standards Inspectorate (demo)", OrgKind::kRegulator, false},
    {"Survivor Support Commissioning (demo)", OrgKind::kCommissioner, false},
};

struct DemoUser {
  std::string_view email;
  std::string_view name;
  Role role;
  size_t org;
  bool enrolled;
};

constexpr DemoUser kUsers[] = {
    {"admin@northgate.demo", "Alex Admin (demo)", Role::kAdministrator, 0, true},
    {"contract.manager@northgate.demo", "Casey Contract (demo)", Role::kContractManager, 0, true},
    {"service.manager@harbour.demo", "Sam Manager (demo)", Role::kServiceManager, 1, true},
    {"support.worker@harbour.demo", "Jo Support (demo)", Role::kSupportWorker, 1, true},
    {"new.worker@harbour.demo", "Robin New (demo)", Role::kSupportWorker, 1, false},
    {"outreach.worker@compass.demo", "Ali Outreach (demo)", Role::kSupportWorker, 3, true},
    {"referrals@streetlight.demo", "Pat Referral (demo)", Role::kReferralPartner, 4, true},
    {"inspector@inspectorate.demo", "Morgan Inspector (demo)", Role::kInspector, 5, true},
    {"analyst@commissioning.demo", "Drew Analyst (demo)", Role::kAnalyst, 6, true},
};

}  // namespace

std::vector<DemoAccount> DemoAccounts() {
  std::vector<DemoAccount> out;
  for (const auto& user : kUsers) {
    out.push_back({std::string(user.email), std::string(identity::Label(user.role)),
                   std::string(kOrgs[user.org].name)});
  }
  return out;
}

Result<std::vector<DemoAccount>> LoadDemoData(Runtime& runtime) {
  // One hash for every demo account: they share a password, and hashing nine times would only
  // slow the start.
  std::string hash = identity::HashPasswordLimited(kDemoPassword, runtime.keyring);
  auto loaded = runtime.db->Write([&](db::Tx& tx) -> Result<void> {
    if (identity::AnyOrganisationExists(tx)) {
      return Fail(Problem::Conflict("the database already holds organisations"));
    }
    TimePoint now = runtime.clock->Now();
    std::vector<identity::Organisation> orgs;
    for (const auto& org : kOrgs) {
      auto created = identity::InsertOrganisation(tx, runtime.keyring, std::string(org.name),
                                                  org.kind, org.is_operator, now);
      if (!created) return Fail(created.error());
      orgs.push_back(*created);
    }
    for (const auto& demo : kUsers) {
      const auto& org = orgs[demo.org];
      auto user = identity::InsertUser(
          tx, {org.id, std::string(demo.email), std::string(demo.name), demo.role}, now);
      if (!user) return Fail(user.error());
      identity::SetPasswordHash(tx, user->id, hash, now);
      if (demo.enrolled) {
        auto key = identity::LoadDataKey(tx, runtime.keyring, org.id);
        if (!key) return Fail(key.error());
        crypto::SecretBytes secret = crypto::NewTotpSecret();
        identity::SetTotp(
            tx, user->id,
            crypto::EncryptField(*key, secret.view(), {"users", "totp_secret", user->id}),
            std::nullopt, now);
      }
    }
    audit::Event event;
    event.action = "demo.load";
    event.actor_id = std::string(identity::kSystemActor);
    event.details = {{"organisations", std::to_string(std::size(kOrgs))},
                     {"users", std::to_string(std::size(kUsers))}};
    runtime.audit->Append(tx, event);
    return {};
  });
  if (!loaded) return Fail(loaded.error());
  return DemoAccounts();
}

Result<std::string> DemoTotpCode(Runtime& runtime, std::string_view email) {
  return runtime.db->Read([&](db::Tx& tx) -> Result<std::string> {
    auto user = identity::FindUserByEmail(tx, identity::NormaliseEmail(email));
    if (!user)
      return Fail(Problem::NotFound("no user has the email address " + std::string(email)));
    if (!user->totp_secret) {
      return Fail(Problem::NotFound(std::string(email) +
                                    " has not set up an authenticator yet: sign in to enrol"));
    }
    auto key = identity::LoadDataKey(tx, runtime.keyring, user->organisation_id);
    if (!key) return Fail(key.error());
    auto secret =
        crypto::DecryptField(*key, *user->totp_secret, {"users", "totp_secret", user->id});
    if (!secret) return Fail(secret.error());
    return crypto::TotpCode(crypto::AsBytes(*secret), runtime.clock->Now());
  });
}

}  // namespace waymark::app
