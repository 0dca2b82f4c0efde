// A case's NRM pathway as a use case: read the timeline (effective entries, corrected ones kept
// and marked, the current state, the deadlines, what can happen next), record what happened
// next, and correct an entry. Each call is one transaction through cases::RunCaseWork: the
// policy is asked about this actor and this case (reads: case.view, so break-glass readers can
// read; changes: case.edit on an open case), the change is checked by the pure rules
// (nrm::Append, with the consent facts and today's date), stored append-only, the case list's
// copy of the stage (cases.nrm_stage) is kept in the same transaction, and the audit event
// (nrm.view, nrm.record, nrm.correct; ids and codes only) is appended.
// A change carries the number of entries it was made from; any other number is refused as stale.
// Inputs and outputs are typed structs, so pages and an API call the same functions.
// Thread safety: safe to call from many worker threads; `consent` must be too.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/service.hpp"
#include "cases/work.hpp"
#include "identity/deps.hpp"
#include "nrm/deadlines.hpp"
#include "nrm/store.hpp"

namespace waymark::nrm {

inline constexpr std::string_view kStalePathway =
    "Someone else recorded something in this NRM pathway while you were working on it. Nothing "
    "has been saved: check the pathway as it is now, then record it again";
inline constexpr std::string_view kNoSuchEntry = "There is no such entry in this NRM pathway";
inline constexpr size_t kMaxNoteLength = 2000;

// What the case's consent record says, as the NRM rules need it.
struct NrmConsent {
  bool nrm_referral = false;         // consent to be referred to the NRM
  bool identifying_details = false;  // consent to identifying details in a Duty to Notify
};
// Answers from the consent record, inside the change's transaction.
using ConsentLookup = std::function<NrmConsent(db::Tx&, const crypto::DataKey&,
                                               std::string_view case_id, Date today)>;

// What a person records: the event and an optional note (for a correction, why; required).
struct NewEntry {
  Event event;
  std::string note{};
};

struct TimelineEntry {
  StoredEntry entry;
  std::string recorded_by_name;
  std::optional<std::string> corrected_by;  // the entry that superseded this one
  std::optional<TimePoint> corrected_at;
};

struct NrmTimeline {
  std::string case_id;
  std::string case_reference;
  cases::CaseAccess access;
  bool can_record = false;             // may change it: case.edit and the case is open
  std::vector<TimelineEntry> entries;  // every recorded entry, in recorded order
  Pathway pathway;
  std::vector<Deadline> deadlines;  // for the current state, earliest first
  std::vector<EventKind> next;      // what the rules allow next
  int64_t count = 0;                // entries recorded: what a change must carry
  Date today;
  // Set when stored history no longer replays under the current policy data; the pathway is
  // then as far as it replayed.
  std::optional<std::string> replay_problem;

  const TimelineEntry* Find(std::string_view entry_id) const;
};

// A deadline as another feature (tasks) needs it: the DeadlineKind's code and its last day.
struct UpcomingDeadline {
  std::string kind;
  Date due;
};

// The case's current deadlines from its stored entries, earliest first; for use inside another
// feature's transaction after it has authorised the read.
std::vector<UpcomingDeadline> UpcomingDeadlines(db::Tx& tx, const crypto::DataKey& key,
                                                std::string_view case_id,
                                                const Policy& policy = DefaultPolicy());

class NrmService {
 public:
  NrmService(identity::Deps deps, ConsentLookup consent, const Policy& policy = DefaultPolicy())
      : deps_(deps), consent_(std::move(consent)), policy_(policy) {}

  Result<NrmTimeline> Timeline(const identity::Actor& actor, std::string_view case_id,
                               const identity::Origin& origin);
  Result<StoredEntry> Record(const identity::Actor& actor, std::string_view case_id,
                             const NewEntry& entry, int64_t expected_count,
                             const identity::Origin& origin);
  Result<StoredEntry> Correct(const identity::Actor& actor, std::string_view case_id,
                              std::string_view entry_id, const NewEntry& replacement,
                              int64_t expected_count, const identity::Origin& origin);

  // The case overview's "National Referral Mechanism" section.
  cases::SectionSummariser Section() const;

  const Policy& policy() const { return policy_; }

 private:
  Result<StoredEntry> Change(const identity::Actor& actor, std::string_view case_id,
                             const NewEntry& entry, std::optional<std::string> corrects,
                             int64_t expected_count, const identity::Origin& origin);

  identity::Deps deps_;
  const ConsentLookup consent_;
  const Policy& policy_;
};

}  // namespace waymark::nrm
