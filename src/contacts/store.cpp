#include "contacts/store.hpp"

#include <stdexcept>

#include "platform/crypto/field_cipher.hpp"

namespace waymark::contacts {

namespace {

constexpr std::string_view kTable = "case_contacts";
constexpr std::string_view kVersionTable = "case_contact_versions";
constexpr std::string_view kAccountTable = "case_own_accounts";

// The columns a contact's details are stored in, in this order, in both tables.
constexpr std::string_view kDetailColumns =
    "contact_date, contact_time, contact_type, contact_with, interpreter_used, "
    "interpreter_language, duration_minutes, restricted, notes, entered_in_error";

std::string VersionRowId(std::string_view id, int64_t version) {
  return std::string(id) + ":" + std::to_string(version);
}

// Reads kDetailColumns starting at column `at`. The notes are decrypted only when the reader
// may see them; `hidden` says whether they were withheld. An earlier version of a note that is
// restricted now (`restricted_now`) is withheld too, even if it was not restricted then.
ContactDetails DetailsFrom(const db::Row& row, size_t at, const crypto::DataKey& key,
                           const crypto::FieldContext& notes_context, bool may_read_restricted,
                           bool& hidden, bool restricted_now = false) {
  ContactDetails d;
  auto date = ParseIsoDate(row.text(at));
  if (!date) throw std::runtime_error("case_contacts: malformed contact_date");
  d.contact_date = *date;
  d.contact_time = row.text(at + 1);
  d.type = ParseContactType(row.text(at + 2)).value_or(ContactType::kOther);
  d.with = ParseContactWith(row.text(at + 3)).value_or(ContactWith::kSurvivor);
  d.interpreter_used = row.boolean(at + 4);
  d.interpreter_language = row.text(at + 5);
  if (auto minutes = row.optional_integer(at + 6)) d.duration_minutes = static_cast<int>(*minutes);
  d.restricted = row.boolean(at + 7);
  hidden = (d.restricted || restricted_now) && !may_read_restricted;
  if (!hidden) d.notes = crypto::DecryptStoredField(key, row.blob(at + 8), notes_context);
  return d;
}

db::Params DetailParams(const crypto::DataKey& key, const ContactDetails& d, bool in_error,
                        const crypto::FieldContext& notes_context) {
  return {FormatIsoDate(d.contact_date),
          d.contact_time,
          Code(d.type),
          Code(d.with),
          d.interpreter_used,
          d.interpreter_language,
          d.duration_minutes,
          d.restricted,
          crypto::EncryptField(key, d.notes, notes_context),
          in_error};
}

constexpr std::string_view kContactColumns =
    "id, case_id, organisation_id, entered_in_error, error_reason, version, recorded_at, "
    "recorded_by, updated_at, updated_by, ";

Contact ContactFrom(const db::Row& row, const crypto::DataKey& key, bool may_read_restricted) {
  Contact c;
  c.id = row.text(0);
  c.case_id = row.text(1);
  c.organisation_id = row.text(2);
  c.entered_in_error = row.boolean(3);
  c.version = row.integer(5);
  c.recorded_at = row.time(6);
  c.recorded_by = row.text(7);
  c.updated_at = row.time(8);
  c.updated_by = row.text(9);
  c.details =
      DetailsFrom(row, 10, key, {kTable, "notes", c.id}, may_read_restricted, c.text_hidden);
  if (!c.text_hidden) {
    if (auto reason = row.optional_blob(4)) {
      c.error_reason = crypto::DecryptStoredField(key, *reason, {kTable, "error_reason", c.id});
    }
  }
  return c;
}

void WriteVersion(db::Tx& tx, const crypto::DataKey& key, const Contact& c, int64_t version) {
  std::string row_id = VersionRowId(c.id, version);
  db::Params params{c.id, version, c.case_id, c.organisation_id};
  for (auto& value :
       DetailParams(key, c.details, c.entered_in_error, {kVersionTable, "notes", row_id})) {
    params.push_back(std::move(value));
  }
  params.push_back(c.updated_at);
  params.push_back(c.updated_by);
  tx.Execute("INSERT INTO case_contact_versions (contact_id, version, case_id, organisation_id, " +
                 std::string(kDetailColumns) +
                 ", changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 "?)",
             params);
}

}  // namespace

ContactTally TallyContacts(db::Tx& tx, std::string_view case_id) {
  return TallyContactsLater(tx, case_id).Get();
}

db::Later<ContactTally> TallyContactsLater(db::Tx& tx, std::string_view case_id) {
  return {tx.QueryLater("SELECT COUNT(*), MAX(contact_date) FROM case_contacts WHERE case_id = ? "
                        "AND entered_in_error = 0",
                        {std::string(case_id)}),
          [](const db::Rows& rows) {
            ContactTally tally;
            auto row = db::AtMostOne(rows);
            if (!row) return tally;
            tally.count = row->integer(0);
            if (auto last = row->optional_text(1)) tally.last_contact = ParseIsoDate(*last);
            return tally;
          }};
}

int64_t CountContacts(db::Tx& tx, std::string_view case_id) {
  auto row =
      tx.QueryOne("SELECT COUNT(*) FROM case_contacts WHERE case_id = ?", {std::string(case_id)});
  return row ? row->integer(0) : 0;
}

std::vector<Contact> ListContacts(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                                  int limit, int offset, bool may_read_restricted) {
  std::vector<Contact> out;
  for (const auto& row :
       tx.Query("SELECT " + std::string(kContactColumns) + std::string(kDetailColumns) +
                    " FROM case_contacts WHERE case_id = ? ORDER BY contact_date DESC, "
                    "contact_time DESC, recorded_at DESC LIMIT ? OFFSET ?",
                {std::string(case_id), limit, offset})) {
    out.push_back(ContactFrom(row, key, may_read_restricted));
  }
  return out;
}

std::optional<Contact> LoadContact(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                                   std::string_view contact_id, bool may_read_restricted) {
  auto row = tx.QueryOne("SELECT " + std::string(kContactColumns) + std::string(kDetailColumns) +
                             " FROM case_contacts WHERE id = ? AND case_id = ?",
                         {std::string(contact_id), std::string(case_id)});
  if (!row) return std::nullopt;
  return ContactFrom(*row, key, may_read_restricted);
}

void InsertContact(db::Tx& tx, const crypto::DataKey& key, const Contact& c) {
  db::Params params{c.id, c.case_id, c.organisation_id};
  for (auto& value : DetailParams(key, c.details, c.entered_in_error, {kTable, "notes", c.id})) {
    params.push_back(std::move(value));
  }
  for (db::Value value : {db::Value(c.recorded_at), db::Value(c.recorded_by),
                          db::Value(c.updated_at), db::Value(c.updated_by)}) {
    params.push_back(std::move(value));
  }
  tx.Execute("INSERT INTO case_contacts (id, case_id, organisation_id, " +
                 std::string(kDetailColumns) +
                 ", version, recorded_at, recorded_by, updated_at, updated_by) VALUES (?, ?, ?, ?, "
                 "?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
             params);
  WriteVersion(tx, key, c, 1);
}

bool UpdateContact(db::Tx& tx, const crypto::DataKey& key, const Contact& c,
                   int64_t expected_version) {
  const ContactDetails& d = c.details;
  std::optional<db::Blob> reason;
  if (c.entered_in_error) {
    reason = crypto::EncryptField(key, c.error_reason, {kTable, "error_reason", c.id});
  }
  int64_t changed = tx.Execute(
      "UPDATE case_contacts SET contact_date = ?, contact_time = ?, contact_type = ?, "
      "contact_with = ?, interpreter_used = ?, interpreter_language = ?, duration_minutes = ?, "
      "restricted = ?, notes = ?, entered_in_error = ?, error_reason = ?, version = version + 1, "
      "updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
      {FormatIsoDate(d.contact_date), d.contact_time, Code(d.type), Code(d.with),
       d.interpreter_used, d.interpreter_language, d.duration_minutes, d.restricted,
       crypto::EncryptField(key, d.notes, {kTable, "notes", c.id}), c.entered_in_error, reason,
       c.updated_at, c.updated_by, c.id, expected_version});
  if (changed != 1) return false;
  WriteVersion(tx, key, c, expected_version + 1);
  return true;
}

std::vector<ContactVersion> ListContactVersions(db::Tx& tx, const crypto::DataKey& key,
                                                std::string_view contact_id,
                                                bool may_read_restricted, bool restricted_now) {
  std::vector<ContactVersion> out;
  for (const auto& row :
       tx.Query("SELECT version, changed_at, changed_by, " + std::string(kDetailColumns) +
                    " FROM case_contact_versions WHERE contact_id = ? ORDER BY "
                    "version DESC",
                {std::string(contact_id)})) {
    ContactVersion v;
    v.version = row.integer(0);
    v.changed_at = row.time(1);
    v.changed_by = row.text(2);
    std::string row_id = VersionRowId(contact_id, v.version);
    v.details = DetailsFrom(row, 3, key, {kVersionTable, "notes", row_id}, may_read_restricted,
                            v.text_hidden, restricted_now);
    v.entered_in_error = row.boolean(12);
    out.push_back(std::move(v));
  }
  return out;
}

int64_t OwnAccountVersion(db::Tx& tx, std::string_view case_id) {
  auto row = tx.QueryOne("SELECT MAX(version) FROM case_own_accounts WHERE case_id = ?",
                         {std::string(case_id)});
  if (!row) return 0;
  return row->optional_integer(0).value_or(0);
}

std::optional<OwnAccount> CurrentOwnAccount(db::Tx& tx, const crypto::DataKey& key,
                                            std::string_view case_id) {
  auto row = tx.QueryOne(
      "SELECT version, account, saved_at, saved_by FROM case_own_accounts WHERE case_id = ? "
      "ORDER BY version DESC LIMIT 1",
      {std::string(case_id)});
  if (!row) return std::nullopt;
  OwnAccount account;
  account.version = row->integer(0);
  account.text = crypto::DecryptStoredField(
      key, row->blob(1), {kAccountTable, "account", VersionRowId(case_id, account.version)});
  account.saved_at = row->time(2);
  account.saved_by = row->text(3);
  return account;
}

void InsertOwnAccount(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                      std::string_view organisation_id, const OwnAccount& account) {
  std::string row_id = VersionRowId(case_id, account.version);
  tx.Execute(
      "INSERT INTO case_own_accounts (case_id, version, organisation_id, account, saved_at, "
      "saved_by) VALUES (?, ?, ?, ?, ?, ?)",
      {std::string(case_id), account.version, std::string(organisation_id),
       crypto::EncryptField(key, account.text, {kAccountTable, "account", row_id}),
       account.saved_at, account.saved_by});
}

}  // namespace waymark::contacts
