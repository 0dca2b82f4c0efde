// The SQL of consent records and disclosures. Every function runs inside the caller's
// transaction. What people type (the organisation's name, notes, what was shared, reasons) is
// encrypted and decrypted here with the organisation's data key and nowhere else; codes and
// dates are in the clear. Consent records are never deleted, and change only once, when their
// withdrawal is recorded; disclosures never change (the migration's triggers refuse it too).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "consent/disclosure.hpp"
#include "consent/model.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"
#include "platform/util/clock.hpp"

namespace waymark::consent {

struct StoredConsent {
  std::string id;
  std::string case_id;
  int64_t version = 1;
  Consent consent;
  TimePoint recorded_at{};
  std::string recorded_by;  // user id
  std::optional<TimePoint> withdrawn_at;
  std::string withdrawn_by;  // user id; "" until withdrawn
};

// Inserts `record` as version 1.
void InsertConsent(db::Tx& tx, const crypto::DataKey& key, const StoredConsent& record,
                   std::string_view organisation_id);
// A case's consent records, oldest decision first. A ciphertext that does not decrypt throws.
std::vector<StoredConsent> LoadConsents(db::Tx& tx, const crypto::DataKey& key,
                                        std::string_view case_id);
// The same, read with the transaction's other queued reads (db::Tx::QueryLater); `key` must
// outlive Get.
db::Later<std::vector<StoredConsent>> LoadConsentsLater(db::Tx& tx, const crypto::DataKey& key,
                                                        std::string_view case_id);
// A temporary key would be gone by Get.
db::Later<std::vector<StoredConsent>> LoadConsentsLater(db::Tx& tx, crypto::DataKey&& key,
                                                        std::string_view case_id) = delete;
// Records the withdrawal on consent `id` as version expected_version + 1; false (and nothing
// written) when the stored version is no longer `expected_version` or it was already withdrawn.
bool RecordWithdrawal(db::Tx& tx, const crypto::DataKey& key, std::string_view id,
                      const Withdrawal& withdrawal, int64_t expected_version,
                      std::string_view actor_id, TimePoint now);

struct StoredDisclosure {
  std::string id;
  std::string case_id;
  Disclosure disclosure;
  TimePoint recorded_at{};
  std::string recorded_by;  // user id
};

void InsertDisclosure(db::Tx& tx, const crypto::DataKey& key, const StoredDisclosure& record,
                      std::string_view organisation_id);
// A case's disclosures, most recent first.
std::vector<StoredDisclosure> LoadDisclosures(db::Tx& tx, const crypto::DataKey& key,
                                              std::string_view case_id);

}  // namespace waymark::consent
