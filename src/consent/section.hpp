// The "Consent" section of a case overview's task list (cases::SectionSummariser): whether
// consent to support is in force, when it expires, and where an NRM referral stands.
// Register with cases::CaseService::AddSection(consent::ConsentSection).
// Thread safety: reads on the caller's transaction only.
#pragma once

#include "cases/service.hpp"

namespace waymark::consent {

// "Completed" while consent to support is in force, "Not started" with no consent records,
// "In progress" otherwise. The hint names the support consent's expiry (or why it is not in
// force) and the NRM referral's consent, such as "Consent for support expires 3 March 2027.
// NRM referral: consent given".
cases::SectionSummary ConsentSection(cases::CaseWork& work, const crypto::DataKey& key,
                                     const cases::Case& record, const cases::CaseAccess& access);

}  // namespace waymark::consent
