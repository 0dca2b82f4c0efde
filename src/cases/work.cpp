#include "cases/work.hpp"

#include "identity/organisations.hpp"

namespace waymark::cases {

using identity::Action;

audit::Event CaseEvent(std::string action, const identity::Actor& actor,
                       const identity::Origin& origin, std::string_view case_id,
                       audit::Outcome outcome) {
  audit::Event e;
  e.action = std::move(action);
  e.outcome = outcome;
  e.actor_id = actor.user_id;
  e.organisation_id = actor.organisation_id;
  e.subject_type = "case";
  if (!case_id.empty()) e.subject_id = std::string(case_id);
  e.request_id = origin.request_id;
  return e;
}

CaseWork::CaseWork(db::Tx& tx_in, const identity::Deps& deps_in, const identity::Actor& actor_in,
                   const identity::Origin& origin_in, Mode mode_in)
    : tx(tx_in),
      deps(deps_in),
      actor(actor_in),
      origin(origin_in),
      now(deps_in.clock.Now()),
      today(LondonDate(now)),
      mode(mode_in) {}

Problem CaseWork::Deny(Action action, std::string_view case_id, std::string_view reason) {
  denial = Event("permission.denied", case_id, audit::Outcome::kDenied);
  denial->details = {{"action", std::string(identity::Code(action))},
                     {"reason", std::string(reason)}};
  return Problem::Forbidden();
}

Result<void> CaseWork::Require(Action action) {
  auto decision = identity::Decide(actor, action, {actor.organisation_id});
  if (!decision) return Fail(Deny(action, "", decision.reason));
  return {};
}

Result<AuthorisedCase> CaseWork::Authorise(std::string_view case_id, Action action) {
  // Nearly every use case asks for the key next: it travels with the access statement and is
  // unwrapped only when Key() is called, after the policy has allowed. The few that never call
  // Key() (allocation, the access log, version lists) pay for one small read in the same round
  // trip, which measured as nothing on either database.
  authorised_key_ = KeyLater();
  return Decide(FindCaseHeaderForUser(tx, case_id, actor.user_id, now), action);
}

Result<OpenedCase> CaseWork::AuthoriseAndOpen(std::string_view case_id, Action action) {
  // The provider's wrapped key travels with the access statement (one round trip); it is
  // unwrapped only once the policy allows.
  auto wrapped_key = KeyLater();
  auto found = FindCaseHeaderForUser(tx, case_id, actor.user_id, now, CaseRow::kWhole);
  std::optional<db::Row> sealed;
  if (found) sealed = std::move(found->sealed);
  auto authorised = Decide(std::move(found), action);
  if (!authorised) return Fail(authorised.error());
  crypto::DataKey key = wrapped_key.Get();
  Case record = DecryptCase(*sealed, key);
  return OpenedCase{std::move(authorised->header), authorised->access, std::move(key),
                    std::move(record)};
}

Result<AuthorisedCase> CaseWork::Decide(std::optional<CaseHeaderForUser> found, Action action) {
  if (!found || found->header.organisation_id != actor.organisation_id) {
    if (found) Deny(action, found->header.id, "case records stay within their provider");
    return Fail(Problem::NotFound(std::string(kNoSuchCase)));
  }
  auto* header = &found->header;
  CaseAccess access;
  access.assigned = found->assigned;
  access.manager = actor.role == identity::Role::kServiceManager;
  access.break_glass_until = found->break_glass_until;
  access.resource = identity::Resource{header->organisation_id, access.assigned,
                                       access.break_glass_until.has_value()};
  auto decision = identity::Decide(actor, action, access.resource);
  if (!decision) return Fail(Deny(action, header->id, decision.reason));
  auto allows = [&](Action a) {
    return static_cast<bool>(identity::Decide(actor, a, access.resource));
  };
  access.can_edit = allows(Action::kCaseEdit);
  access.can_see_restricted = allows(Action::kCaseRestrictedView);
  access.can_allocate = allows(Action::kCaseAllocate);
  access.can_see_access_log = allows(Action::kCaseAccessLog);
  access.can_approve_plan = allows(Action::kCasePlanApprove);
  return AuthorisedCase{std::move(*header), access};
}

Result<AuthorisedCase> CaseWork::AuthoriseChange(std::string_view case_id) {
  auto found = Authorise(case_id, Action::kCaseEdit);
  if (!found) return found;
  if (found->header.status == CaseStatus::kClosed) {
    return Fail(Problem::Conflict(std::string(kClosedCase)));
  }
  return found;
}

crypto::DataKey CaseWork::Key() {
  if (authorised_key_) {
    auto key = std::move(*authorised_key_);
    authorised_key_.reset();
    return key.Get();
  }
  return KeyLater().Get();
}

db::Later<crypto::DataKey> CaseWork::KeyLater() {
  return identity::LoadDataKeyLater(tx, deps.keyring, actor.organisation_id)
      .Then([](Result<crypto::DataKey> key) {
        if (!key) throw std::runtime_error("data key: " + key.error().message);
        return std::move(*key);
      });
}

void CaseWork::Audit(audit::Event event) {
  if (mode == Mode::kRead) {
    read_events.push_back(std::move(event));
  } else {
    deps.audit.Append(tx, event);
  }
}

audit::Event CaseWork::Event(std::string action, std::string_view case_id,
                             audit::Outcome outcome) const {
  return CaseEvent(std::move(action), actor, origin, case_id, outcome);
}

}  // namespace waymark::cases
