// Server-side sessions. The browser holds a 256-bit random token; only its hash is stored. A
// session moves through stages: "password" (password checked, second factor still due),
// "enrol" (setting up a second factor for the first time) and "active" (fully signed in).
// Each move to a more privileged stage issues a new token (session fixation).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "identity/deps.hpp"
#include "identity/organisations.hpp"
#include "identity/users.hpp"
#include "platform/db/database.hpp"

namespace waymark::identity {

enum class SessionStage { kPassword, kEnrol, kActive };
std::string_view Code(SessionStage stage);

struct Session {
  std::string token_hash;
  std::string user_id;
  SessionStage stage;
  std::string csrf_token;
  std::optional<db::Blob> pending_totp_secret;  // encrypted, during enrolment
  TimePoint created_at;
  TimePoint last_seen_at;
};

enum class SessionState { kLive, kIdleExpired, kAbsoluteExpired };

// Pure: whether a session is still live at `now`.
SessionState EvaluateSession(const Session& session, TimePoint now, const SessionLimits& limits);
// Pure: when the session will end if the person does nothing more.
TimePoint SessionEndsAt(const Session& session, const SessionLimits& limits);

struct NewSession {
  std::string token;  // give to the browser; never stored
  Session session;
};

NewSession CreateSession(db::Tx& tx, std::string_view user_id, SessionStage stage, TimePoint now);
// Replaces a session with a new token at a new stage, keeping its start time (the absolute
// limit runs from the first sign-in step).
NewSession ReissueSession(db::Tx& tx, const Session& old, SessionStage stage, TimePoint now);
std::optional<Session> FindSession(db::Tx& tx, std::string_view token);
// A session with its user and the user's organisation, in one statement: every signed-in
// request starts here. The user or organisation is empty if its row has gone.
struct SessionAccount {
  Session session;
  std::optional<User> user;
  std::optional<Organisation> organisation;
};
std::optional<SessionAccount> FindSessionAccount(db::Tx& tx, std::string_view token);
void TouchSession(db::Tx& tx, const Session& session, TimePoint now);
void SetPendingTotp(db::Tx& tx, const Session& session, const std::optional<db::Blob>& secret);
void DeleteSession(db::Tx& tx, std::string_view token_hash);
void DeleteUserSessions(db::Tx& tx, std::string_view user_id);

}  // namespace waymark::identity
