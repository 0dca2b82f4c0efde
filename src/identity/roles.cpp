#include "identity/roles.hpp"

#include <array>

namespace waymark::identity {

namespace {

struct OrgKindInfo {
  OrgKind kind;
  std::string_view code;
  std::string_view label;
};
constexpr std::array<OrgKindInfo, 5> kOrgKinds{{
    {OrgKind::kPrimeContractor, "prime_contractor", "Prime contractor"},
    {OrgKind::kProvider, "provider", "Support provider"},
    {OrgKind::kReferralPartner, "referral_partner", "Referral partner"},
    {OrgKind::kRegulator, "regulator", "Regulator"},
    {OrgKind::kCommissioner, "commissioner", "Commissioner"},
}};

struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view label;
  std::optional<OrgKind> home;  // empty: any organisation
};
constexpr std::array<RoleInfo, 7> kRoles{{
    {Role::kSupportWorker, "support_worker", "Support worker", OrgKind::kProvider},
    {Role::kServiceManager, "service_manager", "Service manager", OrgKind::kProvider},
    {Role::kContractManager, "contract_manager", "Contract manager", OrgKind::kPrimeContractor},
    {Role::kReferralPartner, "referral_partner", "Referral partner", OrgKind::kReferralPartner},
    {Role::kInspector, "inspector", "Inspector", OrgKind::kRegulator},
    {Role::kAnalyst, "analyst", "Analyst", OrgKind::kCommissioner},
    {Role::kAdministrator, "administrator", "Administrator", std::nullopt},
}};

constexpr std::array<OrgKind, 5> kAllOrgKinds{OrgKind::kPrimeContractor, OrgKind::kProvider,
                                              OrgKind::kReferralPartner, OrgKind::kRegulator,
                                              OrgKind::kCommissioner};
constexpr std::array<Role, 7> kAllRoles{
    Role::kSupportWorker, Role::kServiceManager, Role::kContractManager, Role::kReferralPartner,
    Role::kInspector,     Role::kAnalyst,        Role::kAdministrator};

const OrgKindInfo& Info(OrgKind kind) { return kOrgKinds[static_cast<size_t>(kind)]; }
const RoleInfo& Info(Role role) { return kRoles[static_cast<size_t>(role)]; }

}  // namespace

std::span<const OrgKind> AllOrgKinds() { return kAllOrgKinds; }
std::span<const Role> AllRoles() { return kAllRoles; }

std::string_view Code(OrgKind kind) { return Info(kind).code; }
std::string_view Code(Role role) { return Info(role).code; }
std::string_view Label(OrgKind kind) { return Info(kind).label; }
std::string_view Label(Role role) { return Info(role).label; }

std::optional<OrgKind> ParseOrgKind(std::string_view code) {
  for (const auto& info : kOrgKinds) {
    if (info.code == code) return info.kind;
  }
  return std::nullopt;
}

std::optional<Role> ParseRole(std::string_view code) {
  for (const auto& info : kRoles) {
    if (info.code == code) return info.role;
  }
  return std::nullopt;
}

bool RoleFitsOrganisation(Role role, OrgKind kind) {
  const auto& home = Info(role).home;
  return !home || *home == kind;
}

}  // namespace waymark::identity
