#include "identity/sessions.hpp"

#include "platform/crypto/tokens.hpp"
#include "platform/util/time.hpp"

namespace waymark::identity {

namespace {

std::optional<SessionStage> ParseStage(std::string_view code) {
  if (code == "password") return SessionStage::kPassword;
  if (code == "enrol") return SessionStage::kEnrol;
  if (code == "active") return SessionStage::kActive;
  return std::nullopt;
}

NewSession Insert(db::Tx& tx, std::string_view user_id, SessionStage stage, TimePoint created,
                  TimePoint now) {
  NewSession out;
  out.token = crypto::NewToken();
  out.session = Session{crypto::HashToken(out.token),
                        std::string(user_id),
                        stage,
                        crypto::NewToken(),
                        std::nullopt,
                        created,
                        now};
  tx.Execute(
      "INSERT INTO sessions (token_hash, user_id, stage, csrf_token, created_at, last_seen_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {out.session.token_hash, out.session.user_id, std::string(Code(stage)),
       out.session.csrf_token, FormatUtc(created), FormatUtc(now)});
  return out;
}

constexpr std::string_view kSessionColumns =
    "s.token_hash, s.user_id, s.stage, s.csrf_token, s.pending_totp_secret, s.created_at, "
    "s.last_seen_at";

std::optional<Session> SessionFromRow(const db::Row& row) {
  auto stage = ParseStage(row.text(2));
  if (!stage) return std::nullopt;
  return Session{row.text(0),          row.text(1), *stage,     row.text(3),
                 row.optional_blob(4), row.time(5), row.time(6)};
}

}  // namespace

std::string_view Code(SessionStage stage) {
  switch (stage) {
    case SessionStage::kPassword:
      return "password";
    case SessionStage::kEnrol:
      return "enrol";
    case SessionStage::kActive:
      return "active";
  }
  return "unknown";
}

SessionState EvaluateSession(const Session& session, TimePoint now, const SessionLimits& limits) {
  if (now >= session.created_at + limits.absolute) return SessionState::kAbsoluteExpired;
  if (now >= session.last_seen_at + limits.idle) return SessionState::kIdleExpired;
  return SessionState::kLive;
}

TimePoint SessionEndsAt(const Session& session, const SessionLimits& limits) {
  return std::min(session.last_seen_at + limits.idle, session.created_at + limits.absolute);
}

NewSession CreateSession(db::Tx& tx, std::string_view user_id, SessionStage stage, TimePoint now) {
  return Insert(tx, user_id, stage, now, now);
}

NewSession ReissueSession(db::Tx& tx, const Session& old, SessionStage stage, TimePoint now) {
  DeleteSession(tx, old.token_hash);
  return Insert(tx, old.user_id, stage, old.created_at, now);
}

std::optional<Session> FindSession(db::Tx& tx, std::string_view token) {
  auto row = tx.QueryOne(
      "SELECT " + std::string(kSessionColumns) + " FROM sessions s WHERE " + "s.token_hash = ?",
      {crypto::HashToken(token)});
  if (!row) return std::nullopt;
  return SessionFromRow(*row);
}

std::optional<SessionAccount> FindSessionAccount(db::Tx& tx, std::string_view token) {
  // Left joins, so a session whose user or organisation has gone is still found and ended.
  static const std::string sql = "SELECT " + std::string(kSessionColumns) + ", " +
                                 UserColumns("u") + ", " + OrganisationColumns("o") +
                                 " FROM sessions s LEFT JOIN users u ON u.id = s.user_id "
                                 "LEFT JOIN organisations o ON o.id = u.organisation_id "
                                 "WHERE s.token_hash = ?";
  auto row = tx.QueryOne(sql, {crypto::HashToken(token)});
  if (!row) return std::nullopt;
  auto session = SessionFromRow(*row);
  if (!session) return std::nullopt;
  SessionAccount out{std::move(*session), std::nullopt, std::nullopt};
  constexpr std::size_t kUserFirst = 7, kOrgFirst = kUserFirst + kUserColumnCount;
  if (!row->is_null(kUserFirst)) out.user = UserFromRow(*row, kUserFirst);
  if (!row->is_null(kOrgFirst)) out.organisation = OrganisationFromRow(*row, kOrgFirst);
  return out;
}

void TouchSession(db::Tx& tx, const Session& session, TimePoint now) {
  tx.Execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
             {FormatUtc(now), session.token_hash});
}

void SetPendingTotp(db::Tx& tx, const Session& session, const std::optional<db::Blob>& secret) {
  tx.Execute("UPDATE sessions SET pending_totp_secret = ? WHERE token_hash = ?",
             {secret, session.token_hash});
}

void DeleteSession(db::Tx& tx, std::string_view token_hash) {
  tx.Execute("DELETE FROM sessions WHERE token_hash = ?", {std::string(token_hash)});
}

void DeleteUserSessions(db::Tx& tx, std::string_view user_id) {
  tx.Execute("DELETE FROM sessions WHERE user_id = ?", {std::string(user_id)});
}

}  // namespace waymark::identity
