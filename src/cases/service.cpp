#include "cases/service.hpp"

#include "cases/work.hpp"

#include <algorithm>
#include <map>

#include "identity/organisations.hpp"
#include "identity/text.hpp"
#include "platform/util/ids.hpp"
#include "platform/util/time.hpp"
#include "vocabulary/uk_extensions.hpp"

namespace waymark::cases {

namespace {

using identity::Action;
using identity::Actor;
using identity::Origin;

std::vector<Person> AssignedPeople(std::vector<AssignedWorker> workers) {
  std::vector<Person> people;
  for (auto& worker : workers) {
    if (worker.display_name.empty()) worker.display_name = "Unknown user";
    people.push_back({std::move(worker.user_id), std::move(worker.display_name)});
  }
  return people;
}

// The audit event of reading a case, marked when the reader holds break-glass access.
audit::Event ViewEvent(const Actor& actor, const Origin& origin, const CaseHeader& header,
                       const CaseAccess& access) {
  auto event = CaseEvent("case.view", actor, origin, header.id);
  if (!access.assigned && !access.manager) event.details = {{"access", "break_glass"}};
  return event;
}

bool IsCaseStaff(const identity::User& user, std::string_view organisation_id) {
  return user.active && user.organisation_id == organisation_id &&
         (user.role == identity::Role::kSupportWorker ||
          user.role == identity::Role::kServiceManager);
}

}  // namespace

Result<Case> CaseService::Create(const Actor& actor, const CaseInput& input, const Origin& origin) {
  return RunCaseWork<Case>(deps_, actor, origin, [&](CaseWork& w) -> Result<Case> {
    if (auto allowed = w.Require(Action::kCaseCreate); !allowed) return Fail(allowed.error());
    auto valid = ValidateCase(input, LondonDate(w.now));
    if (!valid) return Fail(valid.error());
    Case c;
    c.id = NewId();
    c.organisation_id = actor.organisation_id;
    c.reference = NewCaseReference(w.tx);
    c.clear = valid->clear;
    c.personal = valid->personal;
    c.nrm_stage = "not_referred";
    c.created_at = c.updated_at = w.now;
    crypto::DataKey key = w.Key();
    InsertCase(w.tx, key, c, actor.user_id, w.now);
    if (actor.role == identity::Role::kSupportWorker) {
      AssignWorker(w.tx, c.id, c.organisation_id, actor.user_id, actor.user_id, w.now);
    }
    w.Audit(CaseEvent("case.create", actor, origin, c.id));
    return c;
  });
}

Result<CaseView> CaseService::Open(const Actor& actor, std::string_view id, const Origin& origin) {
  return RunCaseRead<CaseView>(deps_, actor, origin, [&](CaseWork& w) -> Result<CaseView> {
    auto opened = w.AuthoriseAndOpen(id, Action::kCaseView);
    if (!opened) return Fail(opened.error());
    auto& [header, access, key, record] = *opened;
    w.Audit(ViewEvent(actor, origin, header, access));
    CaseView view{std::move(record), {}, access, {}};
    // Every read is queued before the first answer is wanted: they travel together.
    auto workers = AssignedWorkersLater(w.tx, header.id);
    std::vector<SectionSummary> summaries;
    for (const auto& summarise : sections_) {
      summaries.push_back(summarise(w, key, view.record, access));
    }
    view.workers = AssignedPeople(workers.Get());
    for (auto& summary : summaries) view.sections.push_back(summary());
    return view;
  });
}

Result<std::vector<Person>> CaseService::Workers(const Actor& actor, std::string_view id,
                                                 const Origin& origin) {
  return RunCaseRead<std::vector<Person>>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<std::vector<Person>> {
        auto found = w.Authorise(id, Action::kCaseView);
        if (!found) return Fail(found.error());
        w.Audit(ViewEvent(actor, origin, found->header, found->access));
        return AssignedPeople(AssignedWorkers(w.tx, found->header.id));
      });
}

Result<Case> CaseService::Update(const Actor& actor, std::string_view id, const CaseInput& input,
                                 int64_t expected_version, const Origin& origin) {
  return RunCaseWork<Case>(deps_, actor, origin, [&](CaseWork& w) -> Result<Case> {
    auto opened = w.AuthoriseAndOpen(id, Action::kCaseEdit);
    if (!opened) return Fail(opened.error());
    const crypto::DataKey& key = opened->key;
    const Case* record = &opened->record;
    if (record->version != expected_version)
      return Fail(Problem::Conflict(std::string(kStaleCase)));
    if (record->status == CaseStatus::kClosed) {
      return Fail(Problem::Conflict(std::string(kClosedCase)));
    }
    auto valid = ValidateCase(input, LondonDate(w.now));
    if (!valid) return Fail(valid.error());
    Case changed = *record;
    changed.clear = valid->clear;
    changed.personal = valid->personal;
    if (changed.clear == record->clear && changed.personal == record->personal) return *record;
    if (!UpdateCase(w.tx, key, changed, expected_version, actor.user_id, w.now)) {
      return Fail(Problem::Conflict(std::string(kStaleCase)));
    }
    changed.version = expected_version + 1;
    changed.updated_at = w.now;
    auto event = CaseEvent("case.update", actor, origin, changed.id);
    event.details = {{"version", std::to_string(changed.version)}};
    w.Audit(std::move(event));
    return changed;
  });
}

Result<Case> CaseService::Close(const Actor& actor, std::string_view id, std::string_view reason,
                                int64_t expected_version, const Origin& origin) {
  return RunCaseWork<Case>(deps_, actor, origin, [&](CaseWork& w) -> Result<Case> {
    auto found = w.Authorise(id, Action::kCaseEdit);
    if (!found) return Fail(found.error());
    if (!vocabulary::FindTerm(vocabulary::UkVocabulary::kClosureReason, reason)) {
      return Fail(Problem::Invalid("closure_reason", "Select why the case is being closed"));
    }
    crypto::DataKey key = w.Key();
    auto record = LoadCase(w.tx, key, found->header.id);
    if (!record) return Fail(Problem::NotFound(std::string(kNoSuchCase)));
    if (record->version != expected_version)
      return Fail(Problem::Conflict(std::string(kStaleCase)));
    if (record->status == CaseStatus::kClosed) {
      return Fail(Problem::Conflict("This case is already closed"));
    }
    Date today = LondonDate(w.now);
    if (!CloseCase(w.tx, record->id, reason, today, expected_version, actor.user_id, w.now)) {
      return Fail(Problem::Conflict(std::string(kStaleCase)));
    }
    record->status = CaseStatus::kClosed;
    record->closure_reason = std::string(reason);
    record->closed_on = today;
    record->version = expected_version + 1;
    auto event = CaseEvent("case.close", actor, origin, record->id);
    event.details = {{"reason", std::string(reason)}};
    w.Audit(std::move(event));
    return *record;
  });
}

Result<std::vector<CaseVersion>> CaseService::History(const Actor& actor, std::string_view id,
                                                      const Origin& origin) {
  return RunCaseRead<std::vector<CaseVersion>>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<std::vector<CaseVersion>> {
        auto found = w.Authorise(id, Action::kCaseView);
        if (!found) return Fail(found.error());
        crypto::DataKey key = w.Key();
        w.Audit(CaseEvent("case.history.view", actor, origin, found->header.id));
        return ListVersions(w.tx, key, found->header.id);
      });
}

Result<CaseListing> CaseService::List(const Actor& actor, CaseFilter filter, const Origin& origin) {
  return RunCaseRead<CaseListing>(deps_, actor, origin, [&](CaseWork& w) -> Result<CaseListing> {
    if (auto allowed = w.Require(Action::kCaseList); !allowed) return Fail(allowed.error());
    if (actor.role != identity::Role::kServiceManager) filter.worker_id = actor.user_id;
    filter.limit = std::clamp(filter.limit, 1, 200);
    filter.offset = std::max(filter.offset, 0);
    // The key, the count and the page travel together.
    CaseListing listing = ListCasesLater(w.tx, w.KeyLater(), actor.organisation_id, filter).Get();
    auto event = CaseEvent("case.list", actor, origin, "");
    event.details = {{"shown", std::to_string(listing.cases.size())}};
    w.Audit(std::move(event));
    return listing;
  });
}

Result<SearchResult> CaseService::Search(const Actor& actor, const SearchQuery& query,
                                         const Origin& origin) {
  return RunCaseRead<SearchResult>(deps_, actor, origin, [&](CaseWork& w) -> Result<SearchResult> {
    if (auto allowed = w.Require(Action::kCaseList); !allowed) return Fail(allowed.error());
    std::string text = Trim(query.text);
    if (text.empty()) {
      return Fail(Problem::Invalid("q", "Enter a case reference or a name to search for"));
    }
    if (CountCharacters(text) > 100) {
      return Fail(Problem::Invalid("q", "Search text must be 100 characters or fewer"));
    }
    std::optional<Date> dob;
    bool any_dob = !Trim(query.dob_day).empty() || !Trim(query.dob_month).empty() ||
                   !Trim(query.dob_year).empty();
    if (any_dob) {
      dob = DateFromParts(query.dob_day, query.dob_month, query.dob_year);
      if (!dob) return Fail(Problem::Invalid("dob", "Date of birth must be a real date"));
    }
    std::string upper = AsciiUpper(text);
    bool by_reference = IsShortReference(upper);
    crypto::DataKey key = w.Key();
    std::vector<std::string> candidates;
    if (by_reference) {
      if (auto header = FindCaseHeaderByReference(w.tx, upper);
          header && header->organisation_id == actor.organisation_id) {
        candidates.push_back(header->id);
      }
    } else {
      // Someone who may not read the provider's unassigned cases gets only the cases they can
      // reach from the index; the policy still decides on each below.
      std::optional<Reach> reach;
      if (!identity::Decide(actor, Action::kCaseView, {actor.organisation_id, false, false})) {
        reach = Reach{actor.user_id, w.now};
      }
      candidates = CandidatesByName(w.tx, key, actor.organisation_id, text, dob, reach);
    }
    SearchResult result;
    for (const auto& id : candidates) {
      // The access facts and the sealed row in one statement; decrypted only if visible.
      auto found = FindCaseHeaderForUser(w.tx, id, actor.user_id, w.now, CaseRow::kWhole);
      if (!found) continue;
      bool visible = static_cast<bool>(identity::Decide(
          actor, Action::kCaseView,
          {actor.organisation_id, found->assigned, found->break_glass_until.has_value()}));
      if (!visible) {
        if (by_reference) result.not_assigned = std::move(found->header);
        continue;
      }
      Case record = DecryptCase(*found->sealed, key);
      if (!by_reference && !NameMatches(record.personal, text)) continue;
      if (dob && record.personal.date_of_birth != dob) continue;
      result.cases.push_back(std::move(record));
    }
    auto event = CaseEvent("case.search", actor, origin, "");
    event.details = {{"by", by_reference ? "reference" : (dob ? "name_and_dob" : "name")},
                     {"candidates", std::to_string(candidates.size())},
                     {"shown", std::to_string(result.cases.size())}};
    w.Audit(std::move(event));
    return result;
  });
}

Result<std::vector<Person>> CaseService::Staff(const Actor& actor) {
  return deps_.db.ReadStatement([&](db::Tx& tx) -> Result<std::vector<Person>> {
    if (!identity::Decide(actor, Action::kCaseAllocate, {actor.organisation_id})) {
      return Fail(Problem::Forbidden());
    }
    std::vector<Person> people;
    for (auto& user : identity::ListActiveUserNames(
             tx, actor.organisation_id,
             {identity::Role::kSupportWorker, identity::Role::kServiceManager})) {
      people.push_back({std::move(user.id), std::move(user.display_name)});
    }
    return people;
  });
}

Result<void> CaseService::Assign(const Actor& actor, std::string_view case_id,
                                 std::string_view user_id, const Origin& origin) {
  return RunCaseWork<void>(deps_, actor, origin, [&](CaseWork& w) -> Result<void> {
    auto found = w.Authorise(case_id, Action::kCaseAllocate);
    if (!found) return Fail(found.error());
    auto user = identity::FindUser(w.tx, user_id);
    if (!user || !IsCaseStaff(*user, actor.organisation_id)) {
      return Fail(Problem::Invalid("user_id",
                                   "Select a support worker or service manager of "
                                   "your organisation"));
    }
    if (!AssignWorker(w.tx, found->header.id, actor.organisation_id, user->id, actor.user_id,
                      w.now)) {
      return Fail(Problem::Invalid("user_id", user->display_name + " is already assigned"));
    }
    auto event = CaseEvent("case.assign", actor, origin, found->header.id);
    event.details = {{"user_id", user->id}};
    w.Audit(std::move(event));
    return {};
  });
}

Result<void> CaseService::Unassign(const Actor& actor, std::string_view case_id,
                                   std::string_view user_id, const Origin& origin) {
  return RunCaseWork<void>(deps_, actor, origin, [&](CaseWork& w) -> Result<void> {
    auto found = w.Authorise(case_id, Action::kCaseAllocate);
    if (!found) return Fail(found.error());
    if (!UnassignWorker(w.tx, found->header.id, user_id)) {
      return Fail(Problem::Invalid("user_id", "That person is not assigned to this case"));
    }
    auto event = CaseEvent("case.unassign", actor, origin, found->header.id);
    event.details = {{"user_id", std::string(user_id)}};
    w.Audit(std::move(event));
    return {};
  });
}

Result<std::vector<AccessEntry>> CaseService::AccessLog(const Actor& actor, std::string_view id,
                                                        const Origin& origin) {
  return RunCaseRead<std::vector<AccessEntry>>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<std::vector<AccessEntry>> {
        auto found = w.Authorise(id, Action::kCaseAccessLog);
        if (!found) return Fail(found.error());
        std::vector<AccessEntry> entries;
        std::map<std::string, std::string> names;
        for (const auto& row : w.tx.Query(
                 "SELECT at, action, outcome, actor_id FROM audit_events WHERE subject_type = "
                 "'case' AND subject_id = ? ORDER BY seq DESC LIMIT 500",
                 {found->header.id})) {
          AccessEntry entry{
              row.time(0), row.text(1), row.text(2), row.optional_text(3).value_or(""), "", {}};
          if (!entry.user_id.empty()) {
            auto [it, inserted] = names.try_emplace(entry.user_id);
            if (inserted) {
              auto user = identity::FindUser(w.tx, entry.user_id);
              it->second = user ? user->display_name : "Unknown user";
            }
            entry.user_name = it->second;
          }
          entries.push_back(std::move(entry));
        }
        w.Audit(CaseEvent("case.access_log.view", actor, origin, found->header.id));
        return entries;
      });
}

Result<TimePoint> CaseService::OpenWithBreakGlass(const Actor& actor, std::string_view case_id,
                                                  std::string_view reason, std::string_view code,
                                                  const Origin& origin) {
  std::string why = Trim(reason);
  std::optional<Problem> refused;  // a wrong code: committed so the throttle counts it
  auto result = RunCaseWork<TimePoint>(deps_, actor, origin, [&](CaseWork& w) -> Result<TimePoint> {
    auto found = w.Authorise(case_id, Action::kCaseBreakGlass);
    if (!found) return Fail(found.error());
    std::vector<FieldError> errors;
    if (why.size() < 20) {
      errors.push_back({"reason",
                        "Explain why you need to open this case (at least 20 "
                        "characters): your manager will review it"});
    } else if (CountCharacters(why) > 1000) {
      errors.push_back({"reason", "The reason must be 1,000 characters or fewer"});
    }
    if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
    if (auto problem = identity::ConfirmTotp(w.tx, deps_.keyring, actor.user_id, code, w.now)) {
      refused = *problem;
      w.Audit(
          CaseEvent("case.break_glass", actor, origin, found->header.id, audit::Outcome::kFailure));
      return w.now;  // commits the failure count; the caller sees `refused`
    }
    crypto::DataKey key = w.Key();
    BreakGlass grant;
    grant.id = NewId();
    grant.case_id = found->header.id;
    grant.user_id = actor.user_id;
    grant.reason = why;
    grant.opened_at = w.now;
    grant.expires_at = w.now + kBreakGlassLifetime;
    InsertBreakGlass(w.tx, key, grant, actor.organisation_id);
    auto event = CaseEvent("case.break_glass", actor, origin, grant.case_id);
    event.details = {{"grant_id", grant.id}, {"expires_at", FormatUtc(grant.expires_at)}};
    w.Audit(std::move(event));
    return grant.expires_at;
  });
  if (refused) return Fail(*refused);
  return result;
}

Result<std::vector<BreakGlass>> CaseService::BreakGlassToReview(const Actor& actor) {
  return deps_.db.Read([&](db::Tx& tx) -> Result<std::vector<BreakGlass>> {
    if (!identity::Decide(actor, Action::kCaseAccessLog, {actor.organisation_id})) {
      return Fail(Problem::Forbidden());
    }
    auto key = identity::LoadDataKey(tx, deps_.keyring, actor.organisation_id);
    if (!key) return Fail(key.error());
    return ListBreakGlass(tx, *key, actor.organisation_id, /*unreviewed_only=*/true);
  });
}

Result<int64_t> CaseService::CountBreakGlassToReview(const Actor& actor) {
  if (!identity::Decide(actor, Action::kCaseAccessLog, {actor.organisation_id})) {
    return Fail(Problem::Forbidden());
  }
  return deps_.db.Read(
      [&](db::Tx& tx) { return CountUnreviewedBreakGlass(tx, actor.organisation_id); });
}

Result<void> CaseService::ReviewBreakGlass(const Actor& actor, std::string_view grant_id,
                                           std::string_view note, int64_t expected_version,
                                           const Origin& origin) {
  return RunCaseWork<void>(deps_, actor, origin, [&](CaseWork& w) -> Result<void> {
    if (auto allowed = w.Require(Action::kCaseAccessLog); !allowed) return Fail(allowed.error());
    std::string text = Trim(note);
    if (text.empty()) {
      return Fail(Problem::Invalid("note", "Record what you found when you reviewed the access"));
    }
    if (CountCharacters(text) > 1000) {
      return Fail(Problem::Invalid("note", "The review note must be 1,000 characters or fewer"));
    }
    crypto::DataKey key = w.Key();
    if (!MarkBreakGlassReviewed(w.tx, key, grant_id, actor.organisation_id, actor.user_id, text,
                                expected_version, w.now)) {
      return Fail(Problem::Conflict(
          "This access has already been reviewed, or changed since you opened it"));
    }
    auto event = CaseEvent("case.break_glass.review", actor, origin, "");
    event.details = {{"grant_id", std::string(grant_id)}};
    w.Audit(std::move(event));
    return {};
  });
}

}  // namespace waymark::cases
