// Break-glass grants: stored with their reason encrypted, listed for review, marked reviewed.
#include <string>
#include <utility>
#include <vector>

#include "cases/codec.hpp"
#include "cases/store.hpp"
#include "platform/crypto/field_cipher.hpp"

namespace waymark::cases {

void InsertBreakGlass(db::Tx& tx, const crypto::DataKey& key, const BreakGlass& g,
                      std::string_view organisation_id) {
  tx.Execute(
      "INSERT INTO case_break_glass (id, case_id, organisation_id, user_id, reason, opened_at, "
      "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {g.id, g.case_id, organisation_id, g.user_id,
       crypto::EncryptField(key, g.reason, {"case_break_glass", "reason", g.id}), g.opened_at,
       g.expires_at});
}

namespace {

std::vector<BreakGlass> QueryBreakGlass(db::Tx& tx, const crypto::DataKey& key,
                                        std::string_view where, const db::Params& params) {
  std::vector<BreakGlass> out;
  for (const auto& row : tx.Query(
           "SELECT g.id, g.case_id, c.reference, g.user_id, g.reason, g.opened_at, g.expires_at, "
           "g.reviewed_by, g.reviewed_at, g.review_note, g.version FROM case_break_glass g "
           "JOIN cases c ON c.id = g.case_id WHERE " +
               std::string(where) + " ORDER BY g.opened_at DESC",
           params)) {
    BreakGlass g;
    g.id = row.text(0);
    g.case_id = row.text(1);
    g.case_reference = row.text(2);
    g.user_id = row.text(3);
    g.reason = crypto::DecryptStoredField(key, row.blob(4), {"case_break_glass", "reason", g.id});
    g.opened_at = row.time(5);
    g.expires_at = row.time(6);
    g.reviewed_by = row.optional_text(7);
    g.reviewed_at = row.optional_time(8);
    if (auto note = row.optional_blob(9)) {
      g.review_note =
          crypto::DecryptStoredField(key, *note, {"case_break_glass", "review_note", g.id});
    }
    g.version = row.integer(10);
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

std::vector<BreakGlass> ListBreakGlass(db::Tx& tx, const crypto::DataKey& key,
                                       std::string_view organisation_id, bool unreviewed_only) {
  return QueryBreakGlass(
      tx, key,
      unreviewed_only ? "g.organisation_id = ? AND g.reviewed_at IS NULL" : "g.organisation_id = ?",
      {organisation_id});
}

int64_t CountUnreviewedBreakGlass(db::Tx& tx, std::string_view organisation_id) {
  return tx
      .QueryOne(
          "SELECT count(*) FROM case_break_glass WHERE organisation_id = ? AND "
          "reviewed_at IS NULL",
          {organisation_id})
      ->integer(0);
}

std::vector<BreakGlass> ListBreakGlassForCase(db::Tx& tx, const crypto::DataKey& key,
                                              std::string_view case_id) {
  return QueryBreakGlass(tx, key, "g.case_id = ?", {case_id});
}

bool MarkBreakGlassReviewed(db::Tx& tx, const crypto::DataKey& key, std::string_view id,
                            std::string_view organisation_id, std::string_view reviewer,
                            std::string_view note, int64_t expected_version, TimePoint now) {
  return tx.Execute(
             "UPDATE case_break_glass SET reviewed_by = ?, reviewed_at = ?, review_note = ?, "
             "version = version + 1 WHERE id = ? AND organisation_id = ? AND version = ? AND "
             "reviewed_at IS NULL",
             {reviewer, now,
              crypto::EncryptField(key, note, {"case_break_glass", "review_note", id}), id,
              organisation_id, expected_version}) == 1;
}

}  // namespace waymark::cases
