// One transaction of a use case on a case record, shared by the case service and by every
// feature that keeps records inside a case (consent, NRM, assessments, plans, contacts, ...).
//
// CaseWork finds the case, asks the policy decision point about this actor and this record
// (assigned? break-glass?), loads the data key, and appends audit events. RunCaseWork runs a
// change in one write transaction; a refusal by the policy is audited in a transaction of its
// own after the use case's has rolled back, so the refusal is kept and nothing else is.
// RunCaseRead runs a use case that only reads in a read transaction, so reads run side by side
// and never queue for the writer; its audit events (or its refusal) are then committed through
// the group commit before it returns, so nothing is answered unaudited (docs/decisions/
// 0001-read-audit-group-commit.md). Another provider's case answers "not found", never
// "forbidden", so its existence is not disclosed.
// Audit details hold ids and codes only, never personal data.
// Thread safety: a CaseWork belongs to one transaction on one thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/store.hpp"
#include "identity/deps.hpp"
#include "identity/policy.hpp"
#include "identity/sign_in.hpp"
#include "platform/util/problem.hpp"

namespace waymark::cases {

inline constexpr std::string_view kNoSuchCase =
    "There is no case with that reference in your organisation";
inline constexpr std::string_view kStaleCase =
    "Someone else changed this case while you were editing it. Your changes have not been "
    "saved: check the case as it is now, then make your changes again";
inline constexpr std::string_view kClosedCase =
    "This case is closed. Closed cases cannot be changed";

// What the actor may do with a case they can see.
struct CaseAccess {
  bool assigned = false;
  bool manager = false;
  std::optional<TimePoint> break_glass_until;  // reading through break-glass until then
  bool can_edit = false;
  bool can_see_restricted = false;
  bool can_allocate = false;
  bool can_see_access_log = false;
  bool can_approve_plan = false;
  identity::Resource resource;  // for further policy questions about the same record
};

// An audit event about a case (subject "case"); `case_id` may be empty for lists and searches.
audit::Event CaseEvent(std::string action, const identity::Actor& actor,
                       const identity::Origin& origin, std::string_view case_id,
                       audit::Outcome outcome = audit::Outcome::kSuccess);

struct AuthorisedCase {
  CaseHeader header;
  CaseAccess access;
};

// An authorised case with its data key and the case itself, decrypted.
struct OpenedCase {
  CaseHeader header;
  CaseAccess access;
  crypto::DataKey key;
  Case record;
};

class CaseWork {
 public:
  enum class Mode { kChange, kRead };
  CaseWork(db::Tx& tx, const identity::Deps& deps, const identity::Actor& actor,
           const identity::Origin& origin, Mode mode = Mode::kChange);

  db::Tx& tx;
  const identity::Deps& deps;
  const identity::Actor& actor;
  const identity::Origin& origin;
  TimePoint now;
  Date today;  // London date of `now`
  std::optional<audit::Event> denial;
  Mode mode;
  std::vector<audit::Event> read_events;  // kRead: what Audit collected, committed afterwards

  // Records a policy refusal (audited after the rollback) and returns Forbidden.
  Problem Deny(identity::Action action, std::string_view case_id, std::string_view reason);
  // The policy's answer for the actor's own organisation, in general (lists, creation).
  Result<void> Require(identity::Action action);
  // Finds the case and asks the policy about this actor and this record. The provider's wrapped
  // key is read with it (one round trip on PostgreSQL) for the Key() that follows.
  Result<AuthorisedCase> Authorise(std::string_view case_id, identity::Action action);
  // Authorise, then the key and the whole case: the row comes with the policy's inputs, in the
  // same statement, and is decrypted only once the policy has allowed `action`.
  Result<OpenedCase> AuthoriseAndOpen(std::string_view case_id, identity::Action action);
  // Authorise(kCaseEdit) and refuse a closed case: what every change inside a case needs.
  Result<AuthorisedCase> AuthoriseChange(std::string_view case_id);
  // The actor's organisation's data key (the one Authorise read, if it did); throws if it cannot
  // be loaded (not an expected outcome).
  crypto::DataKey Key();
  // The same, read with the transaction's other queued reads (db::Tx::QueryLater).
  db::Later<crypto::DataKey> KeyLater();
  // kChange: appends in this transaction. kRead: keeps the event for RunCaseRead to commit.
  void Audit(audit::Event event);
  // The policy's decision on a case found (or not) for this actor.
  Result<AuthorisedCase> Decide(std::optional<CaseHeaderForUser> found, identity::Action action);
  // CaseEvent for this actor and request.
  audit::Event Event(std::string action, std::string_view case_id,
                     audit::Outcome outcome = audit::Outcome::kSuccess) const;

 private:
  std::optional<db::Later<crypto::DataKey>> authorised_key_;  // read by Authorise, not yet used
};

template <class T, class Fn>
Result<T> RunCaseWork(const identity::Deps& deps, const identity::Actor& actor,
                      const identity::Origin& origin, Fn&& fn) {
  std::optional<audit::Event> denial;
  auto result = deps.db.Write([&](db::Tx& tx) -> Result<T> {
    CaseWork work(tx, deps, actor, origin);
    auto out = fn(work);
    denial = work.denial;
    return out;
  });
  if (denial) deps.db.Write([&](db::Tx& tx) { deps.audit.Append(tx, *denial); });
  return result;
}

template <class T, class Fn>
Result<T> RunCaseRead(const identity::Deps& deps, const identity::Actor& actor,
                      const identity::Origin& origin, Fn&& fn) {
  std::vector<audit::Event> events;
  auto result = deps.db.Read([&](db::Tx& tx) -> Result<T> {
    CaseWork work(tx, deps, actor, origin, CaseWork::Mode::kRead);
    auto out = fn(work);
    if (out) events = std::move(work.read_events);
    if (work.denial) events.push_back(std::move(*work.denial));
    return out;
  });
  deps.audit_reads.Append(std::move(events));
  return result;
}

}  // namespace waymark::cases
