#include "identity/throttle_store.hpp"

#include "identity/text.hpp"
#include "platform/crypto/tokens.hpp"
#include "platform/util/time.hpp"

namespace waymark::identity {

std::string AccountKey(std::string_view email) {
  return "account:" + crypto::HashToken(NormaliseEmail(email));
}
std::string AddressKey(std::string_view address) { return "address:" + std::string(address); }
std::string SecondFactorKey(std::string_view user_id) {
  return "second_factor:" + std::string(user_id);
}

std::optional<TimePoint> BlockedUntil(db::Tx& tx, const std::string& key, TimePoint now) {
  auto row =
      tx.QueryOne("SELECT blocked_until FROM sign_in_throttles WHERE throttle_key = ?", {key});
  if (!row) return std::nullopt;
  TimePoint until = row->time(0);
  if (until <= now) return std::nullopt;
  return until;
}

void RecordFailure(db::Tx& tx, const std::string& key, const ThrottleRule& rule, TimePoint now) {
  // One statement, so concurrent failures neither lose a count nor collide on the insert. Counts
  // start again after a quiet spell as long as the longest delay, so failures spread over days
  // (a shared office's typos) never add up to a block.
  std::string at = FormatUtc(now);
  auto row = tx.QueryOne(
      "INSERT INTO sign_in_throttles (throttle_key, failures, blocked_until, updated_at) "
      "VALUES (?, 1, ?, ?) ON CONFLICT (throttle_key) DO UPDATE SET failures = CASE WHEN "
      "sign_in_throttles.updated_at <= ? THEN 1 ELSE sign_in_throttles.failures + 1 END, "
      "updated_at = excluded.updated_at RETURNING failures",
      {key, at, at, FormatUtc(now - rule.max_delay)});
  TimePoint until = now + ThrottleDelay(rule, row->integer(0));
  tx.Execute("UPDATE sign_in_throttles SET blocked_until = ? WHERE throttle_key = ?",
             {FormatUtc(until), key});
}

void ClearFailures(db::Tx& tx, const std::string& key) {
  tx.Execute("DELETE FROM sign_in_throttles WHERE throttle_key = ?", {key});
}

Problem Throttled(TimePoint until, TimePoint now) {
  auto minutes = std::chrono::ceil<std::chrono::minutes>(until - now).count();
  return Problem::TooManyRequests("There have been too many attempts to sign in. Wait " +
                                  std::to_string(minutes) +
                                  (minutes == 1 ? " minute" : " minutes") + " and try again.");
}

// Checks both throttles; the earliest time both allow another try, if either blocks now.
std::optional<TimePoint> CheckThrottles(db::Database& db, const std::string& account_key,
                                        const std::string& address_key, TimePoint now) {
  return db.Read([&](db::Tx& tx) -> std::optional<TimePoint> {
    auto account = BlockedUntil(tx, account_key, now);
    auto address = BlockedUntil(tx, address_key, now);
    if (account && address) return std::max(*account, *address);
    return account ? account : address;
  });
}

}  // namespace waymark::identity
