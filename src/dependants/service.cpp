#include "dependants/service.hpp"

#include "cases/work.hpp"
#include "platform/util/ids.hpp"

namespace waymark::dependants {

namespace {

using cases::CaseWork;
using cases::RunCaseRead;
using cases::RunCaseWork;
using identity::Action;
using identity::Actor;
using identity::Origin;

// Audit details: the dependant's id and the non-identifying codes, never a name.
audit::Event DependantEvent(const CaseWork& w, std::string action, const Dependant& d) {
  audit::Event event = w.Event(std::move(action), d.case_id);
  event.details = {{"dependant_id", d.id},
                   {"version", std::to_string(d.version)},
                   {"relationship", d.details.relationship}};
  return event;
}

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

Result<DependantsView> DependantService::List(const Actor& actor, std::string_view case_id,
                                              const Origin& origin) {
  return RunCaseRead<DependantsView>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<DependantsView> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        crypto::DataKey key = w.Key();
        DependantsView view{found->header, found->access.can_edit, w.today, {}, {}};
        for (auto& d : ListDependants(w.tx, key, found->header.id)) {
          (d.removal ? view.former : view.current).push_back(std::move(d));
        }
        if (view.header.status == cases::CaseStatus::kClosed) view.can_edit = false;
        auto event = w.Event("dependant.view", found->header.id);
        event.details = {{"count", std::to_string(view.current.size() + view.former.size())}};
        w.Audit(std::move(event));
        return view;
      });
}

Result<DependantRecord> DependantService::Open(const Actor& actor, std::string_view case_id,
                                               std::string_view dependant_id,
                                               const Origin& origin) {
  return RunCaseRead<DependantRecord>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<DependantRecord> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        crypto::DataKey key = w.Key();
        auto d = LoadDependant(w.tx, key, found->header.id, dependant_id);
        if (!d) return Fail(Problem::NotFound(std::string(kNoSuchDependant)));
        bool can_edit =
            found->access.can_edit && found->header.status != cases::CaseStatus::kClosed;
        DependantRecord record{found->header, can_edit, w.today, *d,
                               ListDependantVersions(w.tx, key, d->id)};
        w.Audit(DependantEvent(w, "dependant.view", *d));
        return record;
      });
}

Result<Dependant> DependantService::Add(const Actor& actor, std::string_view case_id,
                                        const DependantInput& input, const Origin& origin) {
  return RunCaseWork<Dependant>(deps_, actor, origin, [&](CaseWork& w) -> Result<Dependant> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    auto valid = ValidateDependant(input, w.today);
    if (!valid) return Fail(valid.error());
    if (CountDependants(w.tx, found->header.id) >= kMaxDependants) {
      return Fail(Problem::Invalid(
          "name", "A case can hold up to " + std::to_string(kMaxDependants) + " dependants"));
    }
    Dependant d;
    d.id = NewId();
    d.case_id = found->header.id;
    d.organisation_id = found->header.organisation_id;
    d.details = *valid;
    d.changed_at = w.now;
    d.changed_by = actor.user_id;
    InsertDependant(w.tx, w.Key(), d);
    w.Audit(DependantEvent(w, "dependant.add", d));
    return d;
  });
}

Result<Dependant> DependantService::Change(const Actor& actor, std::string_view case_id,
                                           std::string_view dependant_id,
                                           const DependantInput& input, int64_t expected_version,
                                           const Origin& origin) {
  return RunCaseWork<Dependant>(deps_, actor, origin, [&](CaseWork& w) -> Result<Dependant> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    crypto::DataKey key = w.Key();
    auto current = LoadDependant(w.tx, key, found->header.id, dependant_id);
    if (!current) return Fail(Problem::NotFound(std::string(kNoSuchDependant)));
    if (current->version != expected_version) {
      return Fail(Problem::Conflict(std::string(kStaleDependant)));
    }
    if (current->removal) return Fail(Problem::Conflict(std::string(kAlreadyRemoved)));
    auto valid = ValidateDependant(input, w.today);
    if (!valid) return Fail(valid.error());
    if (*valid == current->details) return *current;  // nothing changed: no new version
    Dependant changed = *current;
    changed.details = *valid;
    changed.changed_at = w.now;
    changed.changed_by = actor.user_id;
    if (!SaveDependantVersion(w.tx, key, changed, expected_version)) {
      return Fail(Problem::Conflict(std::string(kStaleDependant)));
    }
    changed.version = expected_version + 1;
    w.Audit(DependantEvent(w, "dependant.change", changed));
    return changed;
  });
}

Result<Dependant> DependantService::Remove(const Actor& actor, std::string_view case_id,
                                           std::string_view dependant_id, const RemovalInput& input,
                                           int64_t expected_version, const Origin& origin) {
  return RunCaseWork<Dependant>(deps_, actor, origin, [&](CaseWork& w) -> Result<Dependant> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    crypto::DataKey key = w.Key();
    auto current = LoadDependant(w.tx, key, found->header.id, dependant_id);
    if (!current) return Fail(Problem::NotFound(std::string(kNoSuchDependant)));
    if (current->version != expected_version) {
      return Fail(Problem::Conflict(std::string(kStaleDependant)));
    }
    if (current->removal) return Fail(Problem::Conflict(std::string(kAlreadyRemoved)));
    auto removal = ValidateRemoval(input, w.today);
    if (!removal) return Fail(removal.error());
    Dependant removed = *current;
    removed.removal = *removal;
    removed.changed_at = w.now;
    removed.changed_by = actor.user_id;
    if (!SaveDependantVersion(w.tx, key, removed, expected_version)) {
      return Fail(Problem::Conflict(std::string(kStaleDependant)));
    }
    removed.version = expected_version + 1;
    w.Audit(DependantEvent(w, "dependant.remove", removed));
    return removed;
  });
}

namespace {
cases::CaseSection DependantsSection(const cases::Case& record,
                                     const std::vector<Dependant>& dependants, Date today) {
  cases::CaseSection section{"Dependants", "/cases/" + record.id + "/dependants", "None recorded"};
  size_t count = 0, children = 0, partners = 0, others = 0, not_told = 0, not_known = 0;
  for (const auto& d : dependants) {
    if (d.removal) continue;
    ++count;
    if (d.details.relationship == "child") ++children;
    if (d.details.relationship == "partner") ++partners;
    if (d.details.relationship == "other") ++others;
    if (IsUnder18(d.details, today)) {
      if (d.details.children_services_know == "no") ++not_told;
      if (d.details.children_services_know == "not_known") ++not_known;
    }
  }
  if (count == 0) return section;
  section.status = Plural(count, "dependant", "dependants");
  section.done = true;
  std::vector<std::string> parts;
  if (children) parts.push_back(Plural(children, "child", "children"));
  if (partners) parts.push_back(Plural(partners, "partner", "partners"));
  if (others) parts.push_back(Plural(others, "other dependant", "other dependants"));
  std::string hint;
  for (const auto& part : parts) hint += (hint.empty() ? "" : ", ") + part;
  if (not_told) hint += "; children's services not told about " + std::to_string(not_told);
  if (not_known) {
    hint += "; not known whether children's services know about " + std::to_string(not_known);
  }
  section.hint = hint;
  return section;
}
}  // namespace

cases::SectionSummary SummariseDependants(CaseWork& work, const crypto::DataKey& key,
                                          const cases::Case& record, const cases::CaseAccess&) {
  auto dependants = ListDependantsLater(work.tx, key, record.id);
  return [dependants, &record, today = work.today]() mutable {
    return DependantsSection(record, dependants.Get(), today);
  };
}

}  // namespace waymark::dependants
