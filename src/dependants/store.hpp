// The SQL of dependants: every function runs inside the caller's transaction. Personal fields
// are encrypted and decrypted here, with the organisation's data key, and nowhere else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dependants/model.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"

namespace waymark::dependants {

// One saved version of a dependant.
struct Dependant {
  std::string id;
  std::string case_id;
  std::string organisation_id;
  int64_t version = 1;
  DependantDetails details;
  std::optional<Removal> removal;  // set once they are no longer a dependant
  TimePoint changed_at{};
  std::string changed_by;  // user id
};

// A case's dependants as they are now (their current versions), oldest first.
std::vector<Dependant> ListDependants(db::Tx& tx, const crypto::DataKey& key,
                                      std::string_view case_id);
// The same, read with the transaction's other queued reads (db::Tx::QueryLater); `key` must
// outlive Get.
db::Later<std::vector<Dependant>> ListDependantsLater(db::Tx& tx, const crypto::DataKey& key,
                                                      std::string_view case_id);
// A temporary key would be gone by Get.
db::Later<std::vector<Dependant>> ListDependantsLater(db::Tx& tx, crypto::DataKey&& key,
                                                      std::string_view case_id) = delete;
std::optional<Dependant> LoadDependant(db::Tx& tx, const crypto::DataKey& key,
                                       std::string_view case_id, std::string_view id);
// Every saved version of one dependant, newest first.
std::vector<Dependant> ListDependantVersions(db::Tx& tx, const crypto::DataKey& key,
                                             std::string_view id);

// How many dependants (current and former) a case has.
int64_t CountDependants(db::Tx& tx, std::string_view case_id);
// Inserts `d` as version 1.
void InsertDependant(db::Tx& tx, const crypto::DataKey& key, const Dependant& d);
// Saves `d` as version expected_version + 1 (d.version is ignored); false, with nothing
// written, when the stored version is no longer `expected_version`.
bool SaveDependantVersion(db::Tx& tx, const crypto::DataKey& key, const Dependant& d,
                          int64_t expected_version);

}  // namespace waymark::dependants
