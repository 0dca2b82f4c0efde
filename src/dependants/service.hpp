// Dependants' use cases: list a case's dependants, add one, change one (stale changes refused),
// record that someone is no longer a dependant (history kept), and the case overview's section.
//
// Each call is one transaction through cases::RunCaseWork: it asks the policy about this actor
// and this case (reads kCaseView; changes kCaseEdit, refused on a closed case), validates,
// writes, and appends the audit event (dependant.view, dependant.add, dependant.change,
// dependant.remove) whose details hold ids and codes only. Another provider's case answers
// "not found". Inputs and outputs are typed values, so an API handler can call the same
// functions as the pages.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cases/service.hpp"
#include "dependants/model.hpp"
#include "dependants/store.hpp"
#include "identity/deps.hpp"
#include "identity/sign_in.hpp"

namespace waymark::dependants {

inline constexpr std::string_view kNoSuchDependant =
    "There is no dependant with that reference on this case";
inline constexpr std::string_view kStaleDependant =
    "Someone else changed this dependant while you were editing. Your changes have not been "
    "saved: check the dependant as it is now, then make your changes again";
inline constexpr std::string_view kAlreadyRemoved =
    "This person is already recorded as no longer a dependant";

// Far more than any survivor has; bounds what one case can hold.
inline constexpr int64_t kMaxDependants = 30;

// A case's dependants as the actor may see them.
struct DependantsView {
  cases::CaseHeader header;  // the reference for captions
  bool can_edit = false;
  Date today{};                    // the London date the view was read on, for ages
  std::vector<Dependant> current;  // dependants now
  std::vector<Dependant> former;   // no longer dependants, with their removal
};

// One dependant with every saved version, newest first.
struct DependantRecord {
  cases::CaseHeader header;
  bool can_edit = false;
  Date today{};
  Dependant dependant;
  std::vector<Dependant> versions;
};

class DependantService {
 public:
  explicit DependantService(identity::Deps deps) : deps_(deps) {}

  Result<DependantsView> List(const identity::Actor& actor, std::string_view case_id,
                              const identity::Origin& origin);
  Result<DependantRecord> Open(const identity::Actor& actor, std::string_view case_id,
                               std::string_view dependant_id, const identity::Origin& origin);
  Result<Dependant> Add(const identity::Actor& actor, std::string_view case_id,
                        const DependantInput& input, const identity::Origin& origin);
  Result<Dependant> Change(const identity::Actor& actor, std::string_view case_id,
                           std::string_view dependant_id, const DependantInput& input,
                           int64_t expected_version, const identity::Origin& origin);
  Result<Dependant> Remove(const identity::Actor& actor, std::string_view case_id,
                           std::string_view dependant_id, const RemovalInput& input,
                           int64_t expected_version, const identity::Origin& origin);

 private:
  identity::Deps deps_;
};

// The overview's "Dependants" section: "None recorded" or "2 dependants", with a hint of codes
// and counts only ("1 child; children's services not told about 1"), never a name.
cases::SectionSummary SummariseDependants(cases::CaseWork& work, const crypto::DataKey& key,
                                          const cases::Case& record,
                                          const cases::CaseAccess& access);

}  // namespace waymark::dependants
