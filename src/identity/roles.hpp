// Organisation kinds and user roles, and which roles an organisation of each kind may hold.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace waymark::identity {

enum class OrgKind { kPrimeContractor, kProvider, kReferralPartner, kRegulator, kCommissioner };

enum class Role {
  kSupportWorker,
  kServiceManager,
  kContractManager,
  kReferralPartner,
  kInspector,
  kAnalyst,
  kAdministrator,
};

std::span<const OrgKind> AllOrgKinds();
std::span<const Role> AllRoles();

// Stable codes as stored in the database ("service_manager").
std::string_view Code(OrgKind kind);
std::string_view Code(Role role);
std::optional<OrgKind> ParseOrgKind(std::string_view code);
std::optional<Role> ParseRole(std::string_view code);

// Names as people read them ("Service manager").
std::string_view Label(OrgKind kind);
std::string_view Label(Role role);

// A support worker belongs to a provider, an inspector to a regulator, and so on; an
// administrator may belong to any organisation.
bool RoleFitsOrganisation(Role role, OrgKind kind);

}  // namespace waymark::identity
