// The SQL of contacts and notes and of the survivor's own account. Every function runs inside
// the caller's transaction. Notes, error reasons and the own account are encrypted with the
// organisation's data key, bound to table, column and row; they are decrypted here and nowhere
// else, and never for a reader who may not see restricted text (`may_read_restricted` false).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contacts/model.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"

namespace waymark::contacts {

// Contacts not entered in error, and the date of the latest: for the case overview, counted by
// the database rather than by loading the rows.
struct ContactTally {
  int64_t count = 0;
  std::optional<Date> last_contact;
};
ContactTally TallyContacts(db::Tx& tx, std::string_view case_id);
// The same, read with the transaction's other queued reads (db::Tx::QueryLater).
db::Later<ContactTally> TallyContactsLater(db::Tx& tx, std::string_view case_id);
// Every contact of the case, entered in error or not: for paging.
int64_t CountContacts(db::Tx& tx, std::string_view case_id);

// One page, newest first (date, then time, then when recorded).
std::vector<Contact> ListContacts(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                                  int limit, int offset, bool may_read_restricted);
std::optional<Contact> LoadContact(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                                   std::string_view contact_id, bool may_read_restricted);

// Inserts `c` as version 1, with its first saved version.
void InsertContact(db::Tx& tx, const crypto::DataKey& key, const Contact& c);
// Saves `c` (details, error mark, updated_*) as expected_version + 1 and keeps the new version's
// row; false (and nothing written) when the stored version is no longer `expected_version`.
bool UpdateContact(db::Tx& tx, const crypto::DataKey& key, const Contact& c,
                   int64_t expected_version);

// A contact as it was saved at one version.
struct ContactVersion {
  int64_t version = 0;
  ContactDetails details;
  bool entered_in_error = false;
  TimePoint changed_at{};
  std::string changed_by;  // user id
  bool text_hidden = false;
};
// Newest first. When the contact is restricted now, a reader who may not see restricted text
// gets no version's text, not even of a version saved before it was restricted.
std::vector<ContactVersion> ListContactVersions(db::Tx& tx, const crypto::DataKey& key,
                                                std::string_view contact_id,
                                                bool may_read_restricted, bool restricted_now);

// The survivor's own account: every save is a new version row; the highest is current.
struct OwnAccount {
  int64_t version = 0;  // 0: nothing recorded yet
  std::string text;
  TimePoint saved_at{};
  std::string saved_by;  // user id
};
// The current version number (0 when there is none), without decrypting anything.
int64_t OwnAccountVersion(db::Tx& tx, std::string_view case_id);
std::optional<OwnAccount> CurrentOwnAccount(db::Tx& tx, const crypto::DataKey& key,
                                            std::string_view case_id);
void InsertOwnAccount(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                      std::string_view organisation_id, const OwnAccount& account);

}  // namespace waymark::contacts
