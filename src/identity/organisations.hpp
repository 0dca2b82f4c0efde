// Organisations and their data keys: the SQL and the rules for one organisation record.
// Functions taking a Tx run inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "identity/roles.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/crypto/keyring.hpp"
#include "platform/db/database.hpp"
#include "platform/util/problem.hpp"

namespace waymark::identity {

struct Organisation {
  std::string id;
  std::string name;
  OrgKind kind;
  bool is_operator = false;
  bool active = true;
  int64_t version = 1;
};

struct OrganisationInput {
  std::string name;
  std::string kind;  // as typed: validated into OrgKind
};

// Trims and checks a name and kind; Invalid with field errors "name" and "kind".
Result<std::pair<std::string, OrgKind>> ValidateOrganisation(const OrganisationInput& input);

// For queries that join organisations to other tables: the columns OrganisationFromRow reads,
// in order (prefixed with `alias` and a dot unless it is empty), and the Organisation read from
// them starting at column `first`.
std::string OrganisationColumns(std::string_view alias);
Organisation OrganisationFromRow(const db::Row& row, std::size_t first);

std::optional<Organisation> FindOrganisation(db::Tx& tx, std::string_view id);
std::vector<Organisation> ListOrganisations(db::Tx& tx);
bool AnyOrganisationExists(db::Tx& tx);

// Inserts the organisation and its first data key (wrapped under the current KEK). A duplicate
// name is a Conflict.
Result<Organisation> InsertOrganisation(db::Tx& tx, const crypto::Keyring& keyring,
                                        const std::string& name, OrgKind kind, bool is_operator,
                                        TimePoint now);

// Saves name and active state if `expected_version` is still current (else Conflict).
Result<Organisation> UpdateOrganisation(db::Tx& tx, const Organisation& changed,
                                        int64_t expected_version, TimePoint now);

// The organisation's current data key, unwrapped. Zeroed when the DataKey is destroyed.
Result<crypto::DataKey> LoadDataKey(db::Tx& tx, const crypto::Keyring& keyring,
                                    std::string_view organisation_id);
// The same, read with the transaction's other queued reads (db::Tx::QueryLater) and unwrapped at
// Get; `keyring` must outlive Get.
db::Later<Result<crypto::DataKey>> LoadDataKeyLater(db::Tx& tx, const crypto::Keyring& keyring,
                                                    std::string_view organisation_id);

// Rewraps every data key under the keyring's current KEK; returns how many were rewrapped.
Result<int64_t> RewrapAllDataKeys(db::Tx& tx, const crypto::Keyring& keyring);

}  // namespace waymark::identity
