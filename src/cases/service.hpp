// Case records' use cases: open a case, read it (every read audited), change it (stale edits
// refused), close it, list and search, allocate workers, the access log, and break-glass.
//
// Each call is one transaction: it loads the record, asks the policy decision point about this
// actor and this record (assigned? break-glass?), validates, writes, appends the audit event,
// commits. Another organisation's case answers "not found", never "forbidden", so its existence
// is not disclosed. Audit details hold ids and codes only, never personal data.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cases/model.hpp"
#include "cases/store.hpp"
#include "cases/work.hpp"
#include "identity/deps.hpp"
#include "identity/policy.hpp"
#include "identity/sign_in.hpp"
#include "identity/users.hpp"

namespace waymark::cases {

inline constexpr std::chrono::minutes kBreakGlassLifetime{60};

struct Person {
  std::string user_id;
  std::string display_name;
};

// One section of a case's record (consent, the NRM, assessments, ...) as the overview's task
// list shows it. Each feature that keeps records inside a case summarises its own part.
struct CaseSection {
  std::string title;
  std::string href;    // the section's page; "" when there is none
  std::string status;  // "Completed", "Not started", "In progress", "Overdue", ...
  bool done = false;   // shown plain rather than as a blue tag
  std::string hint{};  // one line under the title: what is due next, or ""
};
// Called inside the transaction that opens the case, after the policy has allowed the read; it
// must only read, and must answer from what `access` allows (no restricted notes without
// can_see_restricted). It takes two steps so that every section's reads travel together (on
// PostgreSQL one round trip for the whole overview): the summariser queues its reads
// (db::Tx::QueryLater) and returns the SectionSummary that, once every section has queued,
// summarises their rows. `work`, `key` and `record` outlive the SectionSummary.
using SectionSummary = std::function<CaseSection()>;
using SectionSummariser = std::function<SectionSummary(
    CaseWork& work, const crypto::DataKey& key, const Case& record, const CaseAccess& access)>;

struct CaseView {
  Case record;
  std::vector<Person> workers;
  CaseAccess access;
  std::vector<CaseSection> sections;  // in the order they were added
};

// One line of a case's access log: a read or a change, by whom and when.
struct AccessEntry {
  TimePoint at{};
  std::string action;  // audit action code ("case.view", "case.update", ...)
  std::string outcome;
  std::string user_id;
  std::string user_name;
  std::vector<std::pair<std::string, std::string>> details;
};

struct SearchQuery {
  std::string text{};  // a reference (WM-XXXX-XXXX) or a name
  std::string dob_day{}, dob_month{}, dob_year{};
};

struct SearchResult {
  std::vector<Case> cases;  // the cases the actor may see that match
  // A reference search for a case of the actor's provider they may not see: its id and
  // reference only, so a worker can ask for break-glass access.
  std::optional<CaseHeader> not_assigned;
};

class CaseService {
 public:
  explicit CaseService(identity::Deps deps) : deps_(deps) {}

  // Adds a section to every case overview. Call while wiring the application, before serving.
  void AddSection(SectionSummariser summarise) { sections_.push_back(std::move(summarise)); }
  const identity::Deps& deps() const { return deps_; }

  // A support worker who opens a case is assigned to it.
  Result<Case> Create(const identity::Actor& actor, const CaseInput& input,
                      const identity::Origin& origin);
  // Reads a case and records the read in the audit log.
  Result<CaseView> Open(const identity::Actor& actor, std::string_view id,
                        const identity::Origin& origin);
  // Who is assigned, without the rest of the case; audited as a read of the case.
  Result<std::vector<Person>> Workers(const identity::Actor& actor, std::string_view id,
                                      const identity::Origin& origin);
  Result<Case> Update(const identity::Actor& actor, std::string_view id, const CaseInput& input,
                      int64_t expected_version, const identity::Origin& origin);
  Result<Case> Close(const identity::Actor& actor, std::string_view id, std::string_view reason,
                     int64_t expected_version, const identity::Origin& origin);
  Result<std::vector<CaseVersion>> History(const identity::Actor& actor, std::string_view id,
                                           const identity::Origin& origin);

  // A support worker sees their own cases whatever the filter says; a manager the provider's.
  Result<CaseListing> List(const identity::Actor& actor, CaseFilter filter,
                           const identity::Origin& origin);
  Result<SearchResult> Search(const identity::Actor& actor, const SearchQuery& query,
                              const identity::Origin& origin);

  // The provider's support workers and service managers, for allocation.
  Result<std::vector<Person>> Staff(const identity::Actor& actor);
  Result<void> Assign(const identity::Actor& actor, std::string_view case_id,
                      std::string_view user_id, const identity::Origin& origin);
  Result<void> Unassign(const identity::Actor& actor, std::string_view case_id,
                        std::string_view user_id, const identity::Origin& origin);

  Result<std::vector<AccessEntry>> AccessLog(const identity::Actor& actor, std::string_view id,
                                             const identity::Origin& origin);

  // Opens an unassigned case of the actor's provider for kBreakGlassLifetime, after a fresh
  // security code and a written reason; the service managers see it in their review list.
  Result<TimePoint> OpenWithBreakGlass(const identity::Actor& actor, std::string_view case_id,
                                       std::string_view reason, std::string_view code,
                                       const identity::Origin& origin);
  Result<std::vector<BreakGlass>> BreakGlassToReview(const identity::Actor& actor);
  // How many openings wait for a review: for telling service managers (Forbidden for others).
  // Reads no case, so it is not audited.
  Result<int64_t> CountBreakGlassToReview(const identity::Actor& actor);
  Result<void> ReviewBreakGlass(const identity::Actor& actor, std::string_view grant_id,
                                std::string_view note, int64_t expected_version,
                                const identity::Origin& origin);

 private:
  identity::Deps deps_;
  std::vector<SectionSummariser> sections_;
};

}  // namespace waymark::cases
