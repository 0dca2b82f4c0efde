// A pathway's recorded history and its corrections. Entries are never edited or deleted: a
// mistake is fixed by recording a correction entry that names the entry it supersedes. History
// keeps both; the effective timeline keeps the correction, in the place of the entry it
// corrects (so correcting a referral date re-runs everything after the referral against the new
// date). A correction may itself be corrected; an entry can be superseded only once.
// Thread safety: pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nrm/pathway.hpp"
#include "nrm/policy.hpp"
#include "platform/util/problem.hpp"

namespace waymark::nrm {

struct Entry {
  std::string id;  // unique within the pathway
  Event event;
  std::optional<std::string> corrects;  // the id of an earlier entry this one supersedes
};

// One recorded entry for the history view, with the entry that superseded it, if any.
struct HistoryRow {
  Entry entry;
  std::optional<std::string> superseded_by;
};

// `recorded` is in recorded order. Each function first checks the entries' ids and corrections
// (ids non-empty and unique; `corrects` names an earlier entry not already superseded) and
// refuses a malformed history with a message naming the entry.

// The timeline without superseded entries; each correction stands where its original stood.
Result<std::vector<Entry>> EffectiveEntries(const std::vector<Entry>& recorded);

// Every recorded entry, in recorded order, marked with what superseded it.
Result<std::vector<HistoryRow>> History(const std::vector<Entry>& recorded);

// Folds the effective entries into a Pathway with ApplyRecorded (consent was checked when each
// entry was recorded). The first refusal is returned with its message, prefixed with the event
// it refused ("Conclusive Grounds decision, 3 March 2025: ...").
Result<Pathway> Replay(const std::vector<Entry>& recorded, const Policy& policy);

// The pathway if `next` were recorded after `recorded`: `next` goes through Apply with `context`
// (consent and today are checked for it alone, and its refusal comes back unchanged, naming the
// field at fault), the other effective entries through ApplyRecorded. A correction that would
// make a later entry impossible is refused with "This correction would make a later entry
// impossible: " and that entry's refusal.
Result<Pathway> Append(const std::vector<Entry>& recorded, const Entry& next,
                       const ApplyContext& context);

}  // namespace waymark::nrm
