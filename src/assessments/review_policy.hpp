// How soon a risk assessment must be reviewed, by overall level of risk. The periods are
// configuration with a start date (domain.md: facts that can change are never constants),
// so a change adds a row that applies to assessments dated on or after its start, and
// older assessments keep the rule they were made under.
// Immutable after construction; safe to share between threads.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "assessments/codes.hpp"
#include "platform/util/date.hpp"

namespace waymark::assessments {

struct RiskReviewPolicy {
  Date in_force_from;  // applies to assessments dated on or after this
  int high_months;     // longest gap from assessment to review, by overall risk
  int medium_months;
  int low_months;

  int MaxMonths(OverallRisk overall) const;
};

class RiskReviewPolicyTable {
 public:
  // Throws std::invalid_argument if `rows` is empty, two rows start on the same date, a
  // period is under one month, or a higher risk has a longer period than a lower one.
  explicit RiskReviewPolicyTable(std::vector<RiskReviewPolicy> rows);

  // Waymark's built-in table: 3, 6 and 12 months for high, medium and low risk, from the
  // earliest date Waymark accepts.
  static const RiskReviewPolicyTable& Default();

  // The row in force for an assessment dated `assessed_on`: the latest that starts on or
  // before it; nullopt if it predates every row.
  std::optional<RiskReviewPolicy> On(Date assessed_on) const;

  std::span<const RiskReviewPolicy> rows() const { return rows_; }

 private:
  std::vector<RiskReviewPolicy> rows_;  // ascending by in_force_from
};

// `date` plus `months` calendar months; a day that the target month lacks becomes its last
// day (31 January + 1 month = 28 or 29 February), so the limit never spills into the month
// after.
Date AddMonths(Date date, int months);

// The latest review date allowed for an assessment on `assessed_on` with `overall` risk.
Date LatestReviewDate(const RiskReviewPolicy& policy, Date assessed_on, OverallRisk overall);

}  // namespace waymark::assessments
