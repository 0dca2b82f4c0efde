#include "cases/store.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "cases/codec.hpp"
#include "platform/crypto/blind_index.hpp"
#include "platform/crypto/field_cipher.hpp"
#include "platform/util/ids.hpp"

namespace waymark::cases {

namespace {

// Blind-index widths: with 16 bits a name key is shared by many cases across a large provider;
// dates of birth have fewer distinct values, so fewer bits.
constexpr int kNameBits = 16;
constexpr int kDateBits = 12;
constexpr std::string_view kFamilyPurpose = "case.family_name";
constexpr std::string_view kFullPurpose = "case.full_name";
constexpr std::string_view kDatePurpose = "case.date_of_birth";

constexpr std::string_view kCaseColumns =
    "id, organisation_id, reference, status, closure_reason, closed_on, gender, age_band, "
    "nationalities, languages, dialect, interpreter_needed, interpreter_gender, nrm_stage, "
    "risk_level, personal, version, created_at, updated_at";

std::string VersionRowId(std::string_view case_id, int64_t version) {
  return std::string(case_id) + ":" + std::to_string(version);
}

PersonalDetails DecryptPersonal(const crypto::DataKey& key, const db::Blob& blob,
                                const crypto::FieldContext& context) {
  auto plain = crypto::DecryptField(key, blob, context);
  if (!plain)
    throw std::runtime_error("case " + std::string(context.row_id) + ": " + plain.error().message);
  auto personal = DecodePersonal(*plain);
  if (!personal)
    throw std::runtime_error("case " + std::string(context.row_id) + ": " +
                             personal.error().message);
  return *personal;
}

Case FromRow(const db::Row& row, const crypto::DataKey& key) {
  Case c;
  c.id = row.text(0);
  c.organisation_id = row.text(1);
  c.reference = row.text(2);
  c.status = ParseCaseStatus(row.text(3)).value_or(CaseStatus::kOpen);
  c.closure_reason = row.optional_text(4);
  if (auto closed = row.optional_text(5)) c.closed_on = ParseIsoDate(*closed);
  c.clear.gender = row.text(6);
  c.clear.age_band = row.text(7);
  c.clear.nationalities = SplitStoredCodes(row.text(8));
  c.clear.languages = SplitStoredCodes(row.text(9));
  c.clear.dialect = row.text(10);
  c.clear.interpreter_needed = row.boolean(11);
  c.clear.interpreter_gender = row.text(12);
  c.nrm_stage = row.text(13);
  c.risk_level = row.text(14);
  c.personal = DecryptPersonal(key, row.blob(15), {"cases", "personal", c.id});
  c.version = row.integer(16);
  c.created_at = row.time(17);
  c.updated_at = row.time(18);
  return c;
}

std::string LastWord(std::string_view name) {
  size_t space = name.find_last_of(' ');
  return std::string(space == std::string_view::npos ? name : name.substr(space + 1));
}

// Every (purpose, normalised value) a case can be found by.
std::vector<std::pair<std::string_view, std::string>> NameKeys(const PersonalDetails& p) {
  std::vector<std::pair<std::string_view, std::string>> keys;
  auto add = [&](std::string_view purpose, std::string_view value) {
    std::string normal = crypto::NormaliseForSearch(value);
    if (normal.empty()) return;
    for (const auto& [existing_purpose, existing] : keys) {
      if (existing_purpose == purpose && existing == normal) return;
    }
    keys.emplace_back(purpose, normal);
  };
  add(kFamilyPurpose, p.family_name);
  add(kFullPurpose, p.FullName());
  add(kFullPurpose, p.given_names);
  for (const auto& other : p.other_names) {
    add(kFullPurpose, other);
    add(kFamilyPurpose, LastWord(crypto::NormaliseForSearch(other)));
  }
  return keys;
}

void WriteSearchKeys(db::Tx& tx, const crypto::DataKey& key, const Case& c) {
  tx.Execute("DELETE FROM case_search_keys WHERE case_id = ?", {c.id});
  auto insert = [&](std::string_view kind, std::int64_t value) {
    tx.Execute(
        "INSERT INTO case_search_keys (organisation_id, kind, search_key, case_id) "
        "VALUES (?, ?, ?, ?)",
        {c.organisation_id, kind, value, c.id});
  };
  for (const auto& [purpose, value] : NameKeys(c.personal)) {
    insert(purpose == kFamilyPurpose ? "family_name" : "full_name",
           crypto::BlindIndex(key, purpose, value, kNameBits));
  }
  if (c.personal.date_of_birth) {
    insert(
        "date_of_birth",
        crypto::BlindIndex(key, kDatePurpose, FormatIsoDate(*c.personal.date_of_birth), kDateBits));
  }
}

void WriteVersion(db::Tx& tx, const crypto::DataKey& key, const Case& c, int64_t version,
                  std::string_view actor_id, TimePoint now) {
  std::string row_id = VersionRowId(c.id, version);
  tx.Execute(
      "INSERT INTO case_versions (case_id, version, organisation_id, clear, personal, "
      "changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {c.id, version, c.organisation_id, EncodeClear(c.clear),
       crypto::EncryptField(key, EncodePersonal(c.personal), {"case_versions", "personal", row_id}),
       now, actor_id});
}

std::optional<CaseHeader> HeaderWhere(db::Tx& tx, std::string_view where, std::string_view value) {
  auto row =
      tx.QueryOne("SELECT id, organisation_id, reference, version, status FROM cases WHERE " +
                      std::string(where),
                  {value});
  if (!row) return std::nullopt;
  return CaseHeader{row->text(0), row->text(1), row->text(2), row->integer(3),
                    ParseCaseStatus(row->text(4)).value_or(CaseStatus::kOpen)};
}

// "a, b" -> "c.a, c.b": case columns in a statement that names other tables too.
std::string Prefixed(std::string_view columns) {
  std::string out;
  for (std::string_view rest = columns; !rest.empty();) {
    size_t comma = rest.find(", ");
    out += (out.empty() ? "c." : ", c.") + std::string(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 2);
  }
  return out;
}

// `columns` of the case, then whether the user is assigned and until when a live break-glass of
// theirs runs.
std::string ForUserSql(std::string_view columns) {
  return "SELECT " + std::string(columns) +
         ", EXISTS (SELECT 1 FROM case_workers w WHERE w.case_id = c.id AND w.user_id = ?), "
         "(SELECT max(g.expires_at) FROM case_break_glass g WHERE g.case_id = c.id AND "
         "g.user_id = ? AND g.expires_at > ?) FROM cases c WHERE c.id = ?";
}

}  // namespace

bool NameMatches(const PersonalDetails& personal, std::string_view name) {
  std::string wanted = crypto::NormaliseForSearch(name);
  if (wanted.empty()) return false;
  for (const auto& [purpose, value] : NameKeys(personal)) {
    if (value == wanted) return true;
  }
  return false;
}

std::optional<CaseHeader> FindCaseHeader(db::Tx& tx, std::string_view id) {
  return HeaderWhere(tx, "id = ?", id);
}

std::optional<CaseHeaderForUser> FindCaseHeaderForUser(db::Tx& tx, std::string_view id,
                                                       std::string_view user_id, TimePoint now,
                                                       CaseRow columns) {
  static const std::string header_sql =
      ForUserSql("c.id, c.organisation_id, c.reference, c.status, c.version");
  // Both lists start id, organisation_id, reference, status, and end with version.
  static const std::string whole_sql = ForUserSql(Prefixed(kCaseColumns) + ", c.version");
  auto row =
      tx.QueryOne(columns == CaseRow::kWhole ? whole_sql : header_sql, {user_id, user_id, now, id});
  if (!row) return std::nullopt;
  size_t n = row->size();
  CaseHeaderForUser out{CaseHeader{row->text(0), row->text(1), row->text(2), row->integer(n - 3),
                                   ParseCaseStatus(row->text(3)).value_or(CaseStatus::kOpen)},
                        row->boolean(n - 2), row->optional_time(n - 1), std::nullopt};
  if (columns == CaseRow::kWhole) out.sealed = std::move(*row);
  return out;
}

Case DecryptCase(const db::Row& sealed, const crypto::DataKey& key) { return FromRow(sealed, key); }

std::optional<CaseHeader> FindCaseHeaderByReference(db::Tx& tx, std::string_view reference) {
  return HeaderWhere(tx, "reference = ?", reference);
}

void SetNrmStage(db::Tx& tx, std::string_view case_id, std::string_view stage) {
  tx.Execute("UPDATE cases SET nrm_stage = ? WHERE id = ?",
             {std::string(stage), std::string(case_id)});
}

void SetRiskLevel(db::Tx& tx, std::string_view case_id, std::string_view level) {
  tx.Execute("UPDATE cases SET risk_level = ? WHERE id = ?",
             {std::string(level), std::string(case_id)});
}

std::string NewCaseReference(db::Tx& tx, std::string (*draw)()) {
  for (int attempt = 0; attempt < 10; ++attempt) {
    std::string reference = draw();
    if (!tx.QueryOne("SELECT 1 FROM cases WHERE reference = ?", {reference})) return reference;
  }
  throw std::runtime_error("no free case reference after 10 draws");
}

std::optional<Case> LoadCase(db::Tx& tx, const crypto::DataKey& key, std::string_view id) {
  auto row = tx.QueryOne("SELECT " + std::string(kCaseColumns) + " FROM cases WHERE id = ?",
                         {std::string(id)});
  if (!row) return std::nullopt;
  return FromRow(*row, key);
}

std::map<std::string, Case> LoadCases(db::Tx& tx, const crypto::DataKey& key,
                                      const std::vector<std::string>& ids) {
  // A bounded number of placeholders a statement, well under either database's limit.
  constexpr size_t kChunk = 200;
  std::map<std::string, Case> out;
  for (size_t from = 0; from < ids.size(); from += kChunk) {
    size_t to = std::min(ids.size(), from + kChunk);
    std::string marks;
    db::Params params;
    for (size_t i = from; i < to; ++i) {
      marks += marks.empty() ? "?" : ", ?";
      params.emplace_back(ids[i]);
    }
    for (const auto& row :
         tx.Query("SELECT " + std::string(kCaseColumns) + " FROM cases WHERE id IN (" + marks + ")",
                  params)) {
      Case c = FromRow(row, key);
      std::string id = c.id;
      out.emplace(std::move(id), std::move(c));
    }
  }
  return out;
}

void InsertCase(db::Tx& tx, const crypto::DataKey& key, const Case& c, std::string_view actor_id,
                TimePoint now) {
  tx.Execute(
      "INSERT INTO cases (id, organisation_id, reference, status, gender, age_band, "
      "nationalities, languages, dialect, interpreter_needed, interpreter_gender, nrm_stage, "
      "risk_level, personal, version, created_at, created_by, updated_at, updated_by) "
      "VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
      {c.id, c.organisation_id, c.reference, c.clear.gender, c.clear.age_band,
       JoinCodes(c.clear.nationalities), JoinCodes(c.clear.languages), c.clear.dialect,
       c.clear.interpreter_needed, c.clear.interpreter_gender, c.nrm_stage, c.risk_level,
       crypto::EncryptField(key, EncodePersonal(c.personal), {"cases", "personal", c.id}), now,
       actor_id, now, actor_id});
  WriteVersion(tx, key, c, 1, actor_id, now);
  WriteSearchKeys(tx, key, c);
}

bool UpdateCase(db::Tx& tx, const crypto::DataKey& key, const Case& c, int64_t expected_version,
                std::string_view actor_id, TimePoint now) {
  int64_t changed = tx.Execute(
      "UPDATE cases SET gender = ?, age_band = ?, nationalities = ?, languages = ?, dialect = ?, "
      "interpreter_needed = ?, interpreter_gender = ?, personal = ?, version = version + 1, "
      "updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
      {c.clear.gender, c.clear.age_band, JoinCodes(c.clear.nationalities),
       JoinCodes(c.clear.languages), c.clear.dialect, c.clear.interpreter_needed,
       c.clear.interpreter_gender,
       crypto::EncryptField(key, EncodePersonal(c.personal), {"cases", "personal", c.id}), now,
       actor_id, c.id, expected_version});
  if (changed != 1) return false;
  WriteVersion(tx, key, c, expected_version + 1, actor_id, now);
  WriteSearchKeys(tx, key, c);
  return true;
}

bool CloseCase(db::Tx& tx, std::string_view id, std::string_view reason, Date on,
               int64_t expected_version, std::string_view actor_id, TimePoint now) {
  return tx.Execute(
             "UPDATE cases SET status = 'closed', closure_reason = ?, closed_on = ?, "
             "version = version + 1, updated_at = ?, updated_by = ? "
             "WHERE id = ? AND version = ? AND status = 'open'",
             {reason, FormatIsoDate(on), now, actor_id, id, expected_version}) == 1;
}

std::vector<CaseVersion> ListVersions(db::Tx& tx, const crypto::DataKey& key,
                                      std::string_view case_id) {
  std::vector<CaseVersion> out;
  for (const auto& row :
       tx.Query("SELECT version, changed_at, changed_by, clear, personal FROM case_versions "
                "WHERE case_id = ? ORDER BY version",
                {case_id})) {
    CaseVersion v;
    v.version = row.integer(0);
    v.changed_at = row.time(1);
    v.changed_by = row.text(2);
    auto clear = DecodeClear(row.text(3));
    if (!clear) throw std::runtime_error("case version: " + clear.error().message);
    v.clear = *clear;
    std::string row_id = VersionRowId(case_id, v.version);
    v.personal = DecryptPersonal(key, row.blob(4), {"case_versions", "personal", row_id});
    out.push_back(std::move(v));
  }
  return out;
}

db::Later<CaseListing> ListCasesLater(db::Tx& tx, db::Later<crypto::DataKey> key,
                                      std::string_view organisation_id, const CaseFilter& filter) {
  // A worker's list starts from their own assignments (case_workers_user); a manager's walks the
  // organisation's index. No other equality on an organisation column competes, so SQLite's
  // planner, which has no statistics, picks those indexes (see tasks/store.cpp).
  std::string where;
  db::Params params;
  if (filter.worker_id) {
    where =
        " FROM case_workers w JOIN cases c ON c.id = w.case_id WHERE w.user_id = ? AND "
        "w.organisation_id = ?";
    params = {*filter.worker_id, organisation_id};
  } else {
    where = " FROM cases c WHERE c.organisation_id = ?";
    params = {organisation_id};
  }
  if (filter.status) {
    where += " AND c.status = ?";
    params.emplace_back(Code(*filter.status));
  }
  if (filter.nrm_stage) {
    where += " AND c.nrm_stage = ?";
    params.emplace_back(*filter.nrm_stage);
  }
  if (filter.risk_level) {
    where += " AND c.risk_level = ?";
    params.emplace_back(*filter.risk_level);
  }
  db::PendingRows total = tx.QueryLater("SELECT count(*)" + where, params);
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  return {tx.QueryLater("SELECT " + Prefixed(kCaseColumns) + where +
                            " ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?",
                        params),
          [key, total](const db::Rows& rows) mutable {
            CaseListing out;
            out.total = db::AtMostOne(total.Get())->integer(0);
            crypto::DataKey unwrapped = key.Get();
            for (const auto& row : rows) out.cases.push_back(FromRow(row, unwrapped));
            return out;
          }};
}

std::vector<std::string> CandidatesByName(db::Tx& tx, const crypto::DataKey& key,
                                          std::string_view organisation_id, std::string_view name,
                                          std::optional<Date> date_of_birth,
                                          const std::optional<Reach>& only_reachable_by) {
  std::string normal = crypto::NormaliseForSearch(name);
  if (normal.empty()) return {};
  // One indexed lookup per kind, joined by UNION: written as one WHERE with an OR between the
  // kinds, SQLite could use only the index's first column and walked every search key of the
  // organisation (several per case).
  std::string sql =
      "SELECT k.case_id FROM (SELECT case_id FROM case_search_keys WHERE organisation_id = ? AND "
      "kind = 'family_name' AND search_key = ? UNION SELECT case_id FROM case_search_keys WHERE "
      "organisation_id = ? AND kind = 'full_name' AND search_key = ?) k WHERE 1 = 1";
  db::Params params{organisation_id, crypto::BlindIndex(key, kFamilyPurpose, normal, kNameBits),
                    organisation_id, crypto::BlindIndex(key, kFullPurpose, normal, kNameBits)};
  if (date_of_birth) {
    sql +=
        " AND k.case_id IN (SELECT case_id FROM case_search_keys WHERE organisation_id = ? AND "
        "kind = 'date_of_birth' AND search_key = ?)";
    params.emplace_back(organisation_id);
    params.emplace_back(
        crypto::BlindIndex(key, kDatePurpose, FormatIsoDate(*date_of_birth), kDateBits));
  }
  if (only_reachable_by) {
    sql +=
        " AND (k.case_id IN (SELECT case_id FROM case_workers WHERE user_id = ?) OR k.case_id IN "
        "(SELECT case_id FROM case_break_glass WHERE user_id = ? AND expires_at > ?))";
    params.emplace_back(only_reachable_by->user_id);
    params.emplace_back(only_reachable_by->user_id);
    params.emplace_back(only_reachable_by->now);
  }
  std::vector<std::string> ids;
  for (const auto& row : tx.Query(sql, params)) ids.push_back(row.text(0));
  return ids;
}

db::Later<std::vector<AssignedWorker>> AssignedWorkersLater(db::Tx& tx, std::string_view case_id) {
  return {tx.QueryLater("SELECT w.user_id, u.display_name FROM case_workers w LEFT JOIN users u "
                        "ON u.id = w.user_id WHERE w.case_id = ? ORDER BY w.assigned_at, w.user_id",
                        {case_id}),
          [](const db::Rows& rows) {
            std::vector<AssignedWorker> out;
            for (const auto& row : rows) {
              out.push_back({row.text(0), row.optional_text(1).value_or("")});
            }
            return out;
          }};
}

std::vector<AssignedWorker> AssignedWorkers(db::Tx& tx, std::string_view case_id) {
  return AssignedWorkersLater(tx, case_id).Get();
}

bool IsAssigned(db::Tx& tx, std::string_view case_id, std::string_view user_id) {
  return tx
      .QueryOne("SELECT 1 FROM case_workers WHERE case_id = ? AND user_id = ?", {case_id, user_id})
      .has_value();
}

bool AssignWorker(db::Tx& tx, std::string_view case_id, std::string_view organisation_id,
                  std::string_view user_id, std::string_view by, TimePoint now) {
  if (IsAssigned(tx, case_id, user_id)) return false;
  tx.Execute(
      "INSERT INTO case_workers (case_id, user_id, organisation_id, assigned_at, assigned_by) "
      "VALUES (?, ?, ?, ?, ?)",
      {case_id, user_id, organisation_id, now, by});
  return true;
}

bool UnassignWorker(db::Tx& tx, std::string_view case_id, std::string_view user_id) {
  return tx.Execute("DELETE FROM case_workers WHERE case_id = ? AND user_id = ?",
                    {case_id, user_id}) == 1;
}

}  // namespace waymark::cases
