#include "dependants/store.hpp"

#include <stdexcept>

#include <boost/json.hpp>

#include "platform/crypto/field_cipher.hpp"

namespace waymark::dependants {

namespace {

namespace json = boost::json;

constexpr std::string_view kTable = "dependant_versions";

constexpr std::string_view kColumns =
    "v.dependant_id, v.case_id, v.organisation_id, v.version, v.status, v.relationship, "
    "v.whereabouts, v.children_services_know, v.personal, v.removed_on, v.removal_reason, "
    "v.changed_at, v.changed_by";

std::string RowId(std::string_view id, int64_t version) {
  return std::string(id) + ":" + std::to_string(version);
}

// The personal fields as one JSON document, so they are encrypted together.
std::string EncodePersonal(const DependantDetails& d) {
  json::object o;
  o["name"] = d.name;
  o["date_of_birth"] = d.date_of_birth ? FormatIsoDate(*d.date_of_birth) : std::string();
  if (d.estimated_age) o["estimated_age"] = *d.estimated_age;
  o["needs"] = d.needs;
  o["risks"] = d.risks;
  o["school"] = d.school;
  o["local_authority"] = d.local_authority;
  return json::serialize(o);
}

std::string TextOf(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

void DecodePersonal(std::string_view text, DependantDetails& d) {
  json::value parsed = json::parse(text);  // throws on a damaged document: not expected
  const json::object& o = parsed.as_object();
  d.name = TextOf(o, "name");
  if (auto dob = TextOf(o, "date_of_birth"); !dob.empty()) d.date_of_birth = ParseIsoDate(dob);
  if (const json::value* age = o.if_contains("estimated_age"); age && age->is_int64()) {
    d.estimated_age = static_cast<int>(age->get_int64());
  }
  d.needs = TextOf(o, "needs");
  d.risks = TextOf(o, "risks");
  d.school = TextOf(o, "school");
  d.local_authority = TextOf(o, "local_authority");
}

std::string Decrypt(const crypto::DataKey& key, const db::Blob& blob, std::string_view column,
                    const std::string& row_id) {
  auto plain = crypto::DecryptField(key, blob, {kTable, column, row_id});
  if (!plain) throw std::runtime_error("dependant " + row_id + ": " + plain.error().message);
  return *plain;
}

Dependant FromRow(const db::Row& row, const crypto::DataKey& key) {
  Dependant d;
  d.id = row.text(0);
  d.case_id = row.text(1);
  d.organisation_id = row.text(2);
  d.version = row.integer(3);
  std::string row_id = RowId(d.id, d.version);
  d.details.relationship = row.text(5);
  d.details.whereabouts = row.text(6);
  d.details.children_services_know = row.text(7);
  DecodePersonal(Decrypt(key, row.blob(8), "personal", row_id), d.details);
  if (row.text(4) == "removed") {
    Removal removal;
    removal.on = ParseIsoDate(row.optional_text(9).value_or("")).value_or(Date{});
    if (auto reason = row.optional_blob(10)) {
      removal.reason = Decrypt(key, *reason, "removal_reason", row_id);
    }
    d.removal = std::move(removal);
  }
  d.changed_at = row.time(11);
  d.changed_by = row.text(12);
  return d;
}

void InsertVersion(db::Tx& tx, const crypto::DataKey& key, const Dependant& d, int64_t version) {
  std::string row_id = RowId(d.id, version);
  db::Value removed_on, reason;
  if (d.removal) {
    removed_on = FormatIsoDate(d.removal->on);
    reason = crypto::EncryptField(key, d.removal->reason, {kTable, "removal_reason", row_id});
  }
  tx.Execute(
      "INSERT INTO dependant_versions (dependant_id, version, case_id, organisation_id, status, "
      "relationship, whereabouts, children_services_know, personal, removed_on, removal_reason, "
      "changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {d.id, version, d.case_id, d.organisation_id, d.removal ? "removed" : "current",
       d.details.relationship, d.details.whereabouts, d.details.children_services_know,
       crypto::EncryptField(key, EncodePersonal(d.details), {kTable, "personal", row_id}),
       removed_on, reason, d.changed_at, d.changed_by});
}

std::vector<Dependant> Collect(const db::Rows& rows, const crypto::DataKey& key) {
  std::vector<Dependant> out;
  for (const auto& row : rows) out.push_back(FromRow(row, key));
  return out;
}

}  // namespace

std::vector<Dependant> ListDependants(db::Tx& tx, const crypto::DataKey& key,
                                      std::string_view case_id) {
  return ListDependantsLater(tx, key, case_id).Get();
}

db::Later<std::vector<Dependant>> ListDependantsLater(db::Tx& tx, const crypto::DataKey& key,
                                                      std::string_view case_id) {
  return {tx.QueryLater("SELECT " + std::string(kColumns) +
                            " FROM dependants d JOIN dependant_versions v ON v.dependant_id = "
                            "d.id AND v.version = d.version WHERE d.case_id = ? "
                            "ORDER BY d.created_at, d.id",
                        {std::string(case_id)}),
          [&key](const db::Rows& rows) { return Collect(rows, key); }};
}

std::optional<Dependant> LoadDependant(db::Tx& tx, const crypto::DataKey& key,
                                       std::string_view case_id, std::string_view id) {
  auto row = tx.QueryOne("SELECT " + std::string(kColumns) +
                             " FROM dependants d JOIN dependant_versions v ON v.dependant_id = "
                             "d.id AND v.version = d.version WHERE d.case_id = ? AND d.id = ?",
                         {std::string(case_id), std::string(id)});
  if (!row) return std::nullopt;
  return FromRow(*row, key);
}

std::vector<Dependant> ListDependantVersions(db::Tx& tx, const crypto::DataKey& key,
                                             std::string_view id) {
  return Collect(tx.Query("SELECT " + std::string(kColumns) +
                              " FROM dependant_versions v WHERE v.dependant_id = ? "
                              "ORDER BY v.version DESC",
                          {std::string(id)}),
                 key);
}

int64_t CountDependants(db::Tx& tx, std::string_view case_id) {
  auto row =
      tx.QueryOne("SELECT COUNT(*) FROM dependants WHERE case_id = ?", {std::string(case_id)});
  return row ? row->integer(0) : 0;
}

void InsertDependant(db::Tx& tx, const crypto::DataKey& key, const Dependant& d) {
  tx.Execute(
      "INSERT INTO dependants (id, case_id, organisation_id, version, created_at, created_by) "
      "VALUES (?, ?, ?, 1, ?, ?)",
      {d.id, d.case_id, d.organisation_id, d.changed_at, d.changed_by});
  InsertVersion(tx, key, d, 1);
}

bool SaveDependantVersion(db::Tx& tx, const crypto::DataKey& key, const Dependant& d,
                          int64_t expected_version) {
  int64_t changed =
      tx.Execute("UPDATE dependants SET version = version + 1 WHERE id = ? AND version = ?",
                 {d.id, expected_version});
  if (changed != 1) return false;
  InsertVersion(tx, key, d, expected_version + 1);
  return true;
}

}  // namespace waymark::dependants
