#include "assessments/review_policy.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace waymark::assessments {

int RiskReviewPolicy::MaxMonths(OverallRisk overall) const {
  switch (overall) {
    case OverallRisk::kHigh:
      return high_months;
    case OverallRisk::kMedium:
      return medium_months;
    case OverallRisk::kLow:
      return low_months;
  }
  return high_months;
}

RiskReviewPolicyTable::RiskReviewPolicyTable(std::vector<RiskReviewPolicy> rows)
    : rows_(std::move(rows)) {
  if (rows_.empty()) throw std::invalid_argument("risk review policy table has no rows");
  std::sort(rows_.begin(), rows_.end(),
            [](const auto& a, const auto& b) { return a.in_force_from < b.in_force_from; });
  for (size_t i = 0; i < rows_.size(); ++i) {
    const auto& row = rows_[i];
    std::string from = FormatIsoDate(row.in_force_from);
    if (i > 0 && rows_[i - 1].in_force_from == row.in_force_from) {
      throw std::invalid_argument("two risk review policies start on " + from);
    }
    if (row.high_months < 1 || row.medium_months < 1 || row.low_months < 1) {
      throw std::invalid_argument("risk review policy from " + from +
                                  " has a period under one month");
    }
    if (row.high_months > row.medium_months || row.medium_months > row.low_months) {
      throw std::invalid_argument("risk review policy from " + from +
                                  " gives a higher risk longer between reviews");
    }
  }
}

const RiskReviewPolicyTable& RiskReviewPolicyTable::Default() {
  using namespace std::chrono;
  static const RiskReviewPolicyTable table({
      {.in_force_from = sys_days(1900y / January / 1),
       .high_months = 3,
       .medium_months = 6,
       .low_months = 12},
  });
  return table;
}

std::optional<RiskReviewPolicy> RiskReviewPolicyTable::On(Date assessed_on) const {
  std::optional<RiskReviewPolicy> found;
  for (const auto& row : rows_) {
    if (row.in_force_from > assessed_on) break;
    found = row;
  }
  return found;
}

Date AddMonths(Date date, int months) {
  using namespace std::chrono;
  year_month_day ymd{date};
  year_month target = year_month(ymd.year(), ymd.month()) + std::chrono::months(months);
  day last = year_month_day_last(target.year(), month_day_last(target.month())).day();
  return sys_days(target.year() / target.month() / std::min(ymd.day(), last));
}

Date LatestReviewDate(const RiskReviewPolicy& policy, Date assessed_on, OverallRisk overall) {
  return AddMonths(assessed_on, policy.MaxMonths(overall));
}

}  // namespace waymark::assessments
