// The SQL of a case's NRM pathway: nrm_events, one row per recorded entry, append-only. A
// correction is a new row naming the entry it corrects; nothing is updated or deleted. Kinds,
// codes and dates are stored in the clear; the First Responder Organisation's name and the note
// are free text a person types (they can carry a name or place), so they are encrypted with the
// organisation's data key, bound to table, column and row. Every function runs inside the
// caller's transaction.
// Thread safety: functions of a db::Tx, which belongs to one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nrm/history.hpp"
#include "nrm/pathway.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"
#include "platform/util/clock.hpp"

namespace waymark::nrm {

// One stored row, decrypted.
struct StoredEntry {
  std::string id;
  int64_t seq = 0;  // 1, 2, ... in the order recorded within the case
  Event event;
  std::optional<std::string> corrects;  // the entry this one supersedes
  std::string note;                     // "" when none
  TimePoint recorded_at{};
  std::string recorded_by;  // user id
};

// The case's entries in recorded order. A row that does not decrypt or parse throws: tampering
// or a lost key is not an expected outcome.
std::vector<StoredEntry> LoadEntries(db::Tx& tx, const crypto::DataKey& key,
                                     std::string_view case_id);
// The same, read with the transaction's other queued reads (db::Tx::QueryLater); `key` must
// outlive Get.
db::Later<std::vector<StoredEntry>> LoadEntriesLater(db::Tx& tx, const crypto::DataKey& key,
                                                     std::string_view case_id);
// A temporary key would be gone by Get.
db::Later<std::vector<StoredEntry>> LoadEntriesLater(db::Tx& tx, crypto::DataKey&& key,
                                                     std::string_view case_id) = delete;

// Appends `entry` (its seq must be the next one; the UNIQUE (case_id, seq) constraint refuses a
// duplicate).
void InsertEntry(db::Tx& tx, const crypto::DataKey& key, std::string_view organisation_id,
                 std::string_view case_id, const StoredEntry& entry);

// Takes the case row's write lock (through cases.nrm_stage, the NRM's own column) so that two
// changes to one pathway run one after the other: the second then sees the first's entry and
// is refused as stale instead of failing on the unique constraint.
void LockPathway(db::Tx& tx, std::string_view case_id);

// The pure rules' view of stored entries.
std::vector<Entry> AsEntries(const std::vector<StoredEntry>& stored);

}  // namespace waymark::nrm
