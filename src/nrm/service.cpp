#include "nrm/service.hpp"

#include <map>

#include "identity/users.hpp"
#include "nrm/next_events.hpp"
#include "platform/util/ids.hpp"
#include "tasks/store.hpp"

namespace waymark::nrm {

namespace {

using identity::Action;

// The pathway folded from the effective entries as far as they replay. Stored entries passed
// the rules when recorded; only a change to the policy data can make one fail now.
struct Folded {
  Pathway pathway;
  std::optional<std::string> problem;
};

Folded Fold(const std::vector<StoredEntry>& stored, const Policy& policy) {
  Folded folded;
  auto effective = EffectiveEntries(AsEntries(stored));
  if (!effective) {
    folded.problem = effective.error().message;
    return folded;
  }
  for (const Entry& entry : *effective) {
    auto next = ApplyRecorded(folded.pathway, entry.event, policy);
    if (!next) {
      folded.problem = std::string(Label(KindOf(entry.event))) + ", " +
                       FormatDateForPeople(DateOf(entry.event)) + ": " + next.error().message;
      break;
    }
    folded.pathway = std::move(*next);
  }
  return folded;
}

// A note is free text: one to kMaxNoteLength characters of printable text and new lines.
std::optional<std::string> NoteProblem(std::string_view note) {
  if (note.size() > kMaxNoteLength) {
    return "The note must be " + std::to_string(kMaxNoteLength) + " characters or fewer";
  }
  for (unsigned char c : note) {
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
      return "The note must not contain control characters";
    }
  }
  return std::nullopt;
}

std::string Trimmed(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string CaseNrmPath(std::string_view case_id) {
  return "/cases/" + std::string(case_id) + "/nrm";
}

}  // namespace

const TimelineEntry* NrmTimeline::Find(std::string_view entry_id) const {
  for (const auto& e : entries) {
    if (e.entry.id == entry_id) return &e;
  }
  return nullptr;
}

std::vector<UpcomingDeadline> UpcomingDeadlines(db::Tx& tx, const crypto::DataKey& key,
                                                std::string_view case_id, const Policy& policy) {
  std::vector<UpcomingDeadline> out;
  for (const Deadline& d :
       DeadlinesFor(Fold(LoadEntries(tx, key, case_id), policy).pathway, policy)) {
    out.push_back({std::string(Code(d.kind)), d.date});
  }
  return out;
}

Result<NrmTimeline> NrmService::Timeline(const identity::Actor& actor, std::string_view case_id,
                                         const identity::Origin& origin) {
  return cases::RunCaseRead<NrmTimeline>(
      deps_, actor, origin, [&](cases::CaseWork& w) -> Result<NrmTimeline> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        crypto::DataKey key = w.Key();
        std::vector<StoredEntry> stored = LoadEntries(w.tx, key, found->header.id);
        NrmTimeline t;
        t.case_id = found->header.id;
        t.case_reference = found->header.reference;
        t.access = found->access;
        t.can_record = found->access.can_edit && found->header.status == cases::CaseStatus::kOpen;
        t.count = static_cast<int64_t>(stored.size());
        t.today = w.today;
        Folded folded = Fold(stored, policy_);
        t.pathway = std::move(folded.pathway);
        t.replay_problem = std::move(folded.problem);
        t.deadlines = DeadlinesFor(t.pathway, policy_);
        t.next = PossibleEvents(t.pathway, policy_);
        std::map<std::string, std::string, std::less<>> names;
        std::map<std::string, const StoredEntry*, std::less<>> by_id;
        for (const auto& s : stored) by_id[s.id] = &s;
        for (const auto& s : stored) {
          auto [name, added] = names.try_emplace(s.recorded_by);
          if (added) {
            auto user = identity::FindUser(w.tx, s.recorded_by);
            name->second = user ? user->display_name : "Unknown user";
          }
          t.entries.push_back({s, name->second, std::nullopt, std::nullopt});
        }
        for (const auto& s : stored) {
          if (!s.corrects) continue;
          for (auto& e : t.entries) {
            if (e.entry.id == *s.corrects) {
              e.corrected_by = s.id;
              e.corrected_at = s.recorded_at;
            }
          }
        }
        auto event = w.Event("nrm.view", t.case_id);
        if (!found->access.assigned && !found->access.manager) {
          event.details = {{"access", "break_glass"}};
        }
        w.Audit(std::move(event));
        return t;
      });
}

Result<StoredEntry> NrmService::Record(const identity::Actor& actor, std::string_view case_id,
                                       const NewEntry& entry, int64_t expected_count,
                                       const identity::Origin& origin) {
  return Change(actor, case_id, entry, std::nullopt, expected_count, origin);
}

Result<StoredEntry> NrmService::Correct(const identity::Actor& actor, std::string_view case_id,
                                        std::string_view entry_id, const NewEntry& replacement,
                                        int64_t expected_count, const identity::Origin& origin) {
  return Change(actor, case_id, replacement, std::string(entry_id), expected_count, origin);
}

Result<StoredEntry> NrmService::Change(const identity::Actor& actor, std::string_view case_id,
                                       const NewEntry& entry, std::optional<std::string> corrects,
                                       int64_t expected_count, const identity::Origin& origin) {
  return cases::RunCaseWork<StoredEntry>(
      deps_, actor, origin, [&](cases::CaseWork& w) -> Result<StoredEntry> {
        auto found = w.AuthoriseChange(case_id);
        if (!found) return Fail(found.error());
        const std::string& id = found->header.id;
        LockPathway(w.tx, id);
        crypto::DataKey key = w.Key();
        std::vector<StoredEntry> stored = LoadEntries(w.tx, key, id);
        if (static_cast<int64_t>(stored.size()) != expected_count) {
          return Fail(Problem::Conflict(std::string(kStalePathway)));
        }
        if (corrects) {
          bool known = false;
          for (const auto& s : stored) known = known || s.id == *corrects;
          if (!known) return Fail(Problem::NotFound(std::string(kNoSuchEntry)));
        }
        StoredEntry next;
        next.id = NewId();
        next.seq = expected_count + 1;
        next.event = entry.event;
        next.corrects = corrects;
        next.note = Trimmed(entry.note);
        next.recorded_at = w.now;
        next.recorded_by = actor.user_id;
        if (auto problem = NoteProblem(next.note)) {
          return Fail(Problem::Invalid("note", *problem));
        }
        if (corrects && next.note.empty()) {
          return Fail(Problem::Invalid("note", "Enter why this entry is being corrected"));
        }
        NrmConsent consent = consent_(w.tx, key, id, w.today);
        ApplyContext context{.policy = policy_,
                             .nrm_referral_consent_recorded = consent.nrm_referral,
                             .person_is_child = false,  // Waymark's survivors are adults
                             .identifying_details_consent_recorded = consent.identifying_details,
                             .today = w.today};
        auto pathway =
            nrm::Append(AsEntries(stored), Entry{next.id, next.event, next.corrects}, context);
        if (!pathway) return Fail(pathway.error());
        // The pure rules may have tidied a value (the first responder's name is trimmed).
        if (auto* referred = std::get_if<Referred>(&next.event)) {
          referred->first_responder =
              pathway->referral ? pathway->referral->first_responder : referred->first_responder;
        }
        InsertEntry(w.tx, key, found->header.organisation_id, id, next);
        cases::SetNrmStage(w.tx, id, Code(pathway->state));
        std::vector<tasks::Deadline> deadlines;
        for (const auto& d : UpcomingDeadlines(w.tx, key, id, policy_)) {
          deadlines.push_back({"nrm." + d.kind, d.due});
        }
        tasks::ReplaceDeadlines(w.tx, id, found->header.organisation_id, "nrm", deadlines);
        auto event = w.Event(corrects ? "nrm.correct" : "nrm.record", id);
        event.details = {{"kind", std::string(Code(KindOf(next.event)))}, {"entry", next.id}};
        if (corrects) event.details.push_back({"corrects", *corrects});
        w.Audit(std::move(event));
        return next;
      });
}

cases::SectionSummariser NrmService::Section() const {
  const Policy* policy = &policy_;
  return [policy](cases::CaseWork& w, const crypto::DataKey& key, const cases::Case& record,
                  const cases::CaseAccess&) -> cases::SectionSummary {
    auto entries = LoadEntriesLater(w.tx, key, record.id);
    return [entries, policy, &record, today = w.today]() mutable {
      Folded folded = Fold(entries.Get(), *policy);
      cases::CaseSection section{.title = "National Referral Mechanism",
                                 .href = CaseNrmPath(record.id),
                                 .status = std::string(Label(folded.pathway.state))};
      auto deadlines = DeadlinesFor(folded.pathway, *policy);
      if (!deadlines.empty()) {
        const Deadline& next = deadlines.front();
        if (next.date < today) {
          section.hint = "Overdue: " + next.label + ", " + FormatDateForPeople(next.date);
        } else {
          section.hint = next.label + ": " + FormatDateForPeople(next.date);
        }
      }
      return section;
    };
  };
}

}  // namespace waymark::nrm
