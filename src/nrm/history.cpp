#include "nrm/history.hpp"

#include <map>

namespace waymark::nrm {

namespace {

// Where each recorded entry ends up: `slots` is the effective timeline as indexes into the
// recorded entries; `superseded_by[i]` is the index of the entry that replaced entry i, if any.
struct Resolution {
  std::vector<size_t> slots;
  std::vector<std::optional<size_t>> superseded_by;
};

Result<Resolution> Resolve(const std::vector<const Entry*>& entries) {
  Resolution resolution;
  resolution.superseded_by.resize(entries.size());
  std::map<std::string, size_t, std::less<>> index_of;  // id -> recorded index
  std::vector<size_t> slot_of(entries.size());          // recorded index -> slot
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = *entries[i];
    if (entry.id.empty()) {
      return Fail(Problem::Invalid("id", "Every pathway entry needs an id"));
    }
    if (!index_of.emplace(entry.id, i).second) {
      return Fail(Problem::Invalid("id", "Pathway entry " + entry.id + " is recorded twice"));
    }
    if (!entry.corrects) {
      slot_of[i] = resolution.slots.size();
      resolution.slots.push_back(i);
      continue;
    }
    auto original = index_of.find(*entry.corrects);
    if (original == index_of.end() || original->second == i) {
      return Fail(Problem::Invalid("corrects", "Pathway entry " + entry.id + " corrects " +
                                                   *entry.corrects +
                                                   ", which is not an earlier entry"));
    }
    size_t corrected = original->second;
    if (auto by = resolution.superseded_by[corrected]) {
      return Fail(Problem::Invalid(
          "corrects", "Pathway entry " + entry.id + " corrects " + *entry.corrects +
                          ", which entry " + entries[*by]->id + " already corrected; correct " +
                          entries[*by]->id + " instead"));
    }
    resolution.superseded_by[corrected] = i;
    slot_of[i] = slot_of[corrected];
    resolution.slots[slot_of[i]] = i;
  }
  return resolution;
}

std::vector<const Entry*> Pointers(const std::vector<Entry>& recorded) {
  std::vector<const Entry*> result;
  result.reserve(recorded.size() + 1);
  for (const Entry& entry : recorded) result.push_back(&entry);
  return result;
}

std::string Describe(const Event& event) {
  return std::string(Label(KindOf(event))) + ", " + FormatDateForPeople(DateOf(event));
}

Problem Prefixed(Problem problem, const std::string& prefix) {
  problem.message = prefix + problem.message;
  for (FieldError& field : problem.fields) field.message = prefix + field.message;
  return problem;
}

}  // namespace

Result<std::vector<Entry>> EffectiveEntries(const std::vector<Entry>& recorded) {
  auto resolution = Resolve(Pointers(recorded));
  if (!resolution) return Fail(resolution.error());
  std::vector<Entry> result;
  result.reserve(resolution->slots.size());
  for (size_t index : resolution->slots) result.push_back(recorded[index]);
  return result;
}

Result<std::vector<HistoryRow>> History(const std::vector<Entry>& recorded) {
  auto resolution = Resolve(Pointers(recorded));
  if (!resolution) return Fail(resolution.error());
  std::vector<HistoryRow> rows;
  rows.reserve(recorded.size());
  for (size_t i = 0; i < recorded.size(); ++i) {
    HistoryRow row{recorded[i], std::nullopt};
    if (auto by = resolution->superseded_by[i]) row.superseded_by = recorded[*by].id;
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<Pathway> Replay(const std::vector<Entry>& recorded, const Policy& policy) {
  auto effective = EffectiveEntries(recorded);
  if (!effective) return Fail(effective.error());
  Pathway pathway;
  for (const Entry& entry : *effective) {
    auto next = ApplyRecorded(pathway, entry.event, policy);
    if (!next) return Fail(Prefixed(next.error(), Describe(entry.event) + ": "));
    pathway = std::move(*next);
  }
  return pathway;
}

Result<Pathway> Append(const std::vector<Entry>& recorded, const Entry& next,
                       const ApplyContext& context) {
  std::vector<const Entry*> entries = Pointers(recorded);
  entries.push_back(&next);
  auto resolution = Resolve(entries);
  if (!resolution) return Fail(resolution.error());
  const size_t next_index = entries.size() - 1;
  Pathway pathway;
  bool next_applied = false;
  for (size_t index : resolution->slots) {
    const Event& event = entries[index]->event;
    Result<Pathway> applied = index == next_index ? Apply(pathway, event, context)
                                                  : ApplyRecorded(pathway, event, context.policy);
    if (!applied) {
      if (index == next_index) return Fail(applied.error());
      std::string prefix = Describe(event) + ": ";
      if (!next_applied) return Fail(Prefixed(applied.error(), prefix));
      // The later entry is not on the form being submitted, so no form field is to blame.
      return Fail(Problem::Invalid(
          "event", "This correction would make a later entry impossible: " + prefix +
                       applied.error().message));
    }
    if (index == next_index) next_applied = true;
    pathway = std::move(*applied);
  }
  return pathway;
}

}  // namespace waymark::nrm
