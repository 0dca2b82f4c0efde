// The audit log: append-only, hash-chained and MAC'd events, written in the same transaction as
// the change they describe. Each event's hash covers the previous event's hash and every field of
// its own; its MAC (keyed BLAKE2b under the key file's audit key) proves the chain was written by
// Waymark, so an intruder with only database access cannot forge or re-chain events. The
// database refuses UPDATE and DELETE of events (triggers); Verify finds tampering done around
// them; an anchor (the signed chain head, kept outside the database) exposes a truncated tail.
//
// Details must never hold personal data: ids, codes and counts only.
// Thread safety: AuditLog is immutable after construction; Append runs in the caller's
// transaction, which serialises appenders through the audit_head row.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "platform/crypto/secret_bytes.hpp"
#include "platform/db/database.hpp"
#include "platform/util/clock.hpp"

namespace waymark::audit {

enum class Outcome { kSuccess, kFailure, kDenied };

struct Event {
  std::string action;  // "sign_in", "user.create", "permission.denied", ...
  Outcome outcome = Outcome::kSuccess;
  std::optional<std::string> actor_id;
  std::optional<std::string> organisation_id;
  std::optional<std::string> subject_type;  // "user", "organisation", "case"
  std::optional<std::string> subject_id;
  std::optional<std::string> request_id;
  std::vector<std::pair<std::string, std::string>> details;  // no personal data
};

class AuditLog {
 public:
  // `mac_key` must outlive the AuditLog (it is the keyring's).
  AuditLog(const crypto::SecretBytes& mac_key, const Clock& clock)
      : mac_key_(mac_key), clock_(clock) {}

  // Appends `event` inside `tx`; returns its sequence number (1, 2, 3, ...).
  int64_t Append(db::Tx& tx, const Event& event) const;
  // Appends `events` in order inside `tx`, moving the chain's head once; returns their numbers.
  std::vector<int64_t> AppendAll(db::Tx& tx, std::span<const Event> events) const;

 private:
  const crypto::SecretBytes& mac_key_;
  const Clock& clock_;
};

struct VerifyReport {
  int64_t events = 0;                // events checked
  std::optional<int64_t> first_bad;  // the first sequence number that does not verify
  std::string problem;               // what is wrong there, for the administrator
  bool intact() const { return !first_bad; }
};

// Walks the whole chain in order, in pages, checking numbering, links, hashes and MACs, and that
// the stored head matches the chain. Safe to run while a server appends: events committed during
// the walk are checked too and are not mistaken for tampering.
VerifyReport Verify(db::Database& db, const crypto::SecretBytes& mac_key);

// The signed chain head: store its text outside the database (a printout, another system) and
// later check it with VerifyAnchor.
struct Anchor {
  int64_t seq = 0;
  std::string hash;
  std::string signed_at;   // FormatUtc
  std::string signature;   // base64 Ed25519 over "waymark-audit-anchor|seq|hash|signed_at"
  std::string public_key;  // base64
};
Anchor MakeAnchor(db::Database& db, const crypto::SecretBytes& signing_seed,
                  std::span<const std::uint8_t> public_key, const Clock& clock);
std::string FormatAnchor(const Anchor& anchor);  // one line of key=value pairs
std::optional<Anchor> ParseAnchor(std::string_view text);

// Checks the anchor's signature and that event `seq` still has the anchored hash.
Result<void> VerifyAnchor(db::Database& db, const Anchor& anchor,
                          std::span<const std::uint8_t> public_key);

std::string_view OutcomeCode(Outcome outcome);

}  // namespace waymark::audit
