#include "assessments/model.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace waymark::assessments {

namespace {

// Index of the highest version, after checking every version is positive and unique.
template <class Assessment>
std::optional<size_t> IndexOfCurrent(std::span<const Assessment> history) {
  std::set<int> seen;
  std::optional<size_t> best;
  for (size_t i = 0; i < history.size(); ++i) {
    int version = history[i].version;
    if (version < 1) {
      throw std::invalid_argument("assessment version " + std::to_string(version) +
                                  " is not positive");
    }
    if (!seen.insert(version).second) {
      throw std::invalid_argument("two assessments have version " + std::to_string(version));
    }
    if (!best || version > history[*best].version) best = i;
  }
  return best;
}

template <class Assessment>
int Next(std::span<const Assessment> history) {
  std::optional<size_t> current = IndexOfCurrent(history);
  return current ? history[*current].version + 1 : 1;
}

}  // namespace

RiskLevel RiskAssessment::Highest() const {
  RiskLevel highest = RiskLevel::kNone;
  for (const auto& rating : risks) highest = std::max(highest, rating.level);
  return highest;
}

bool ReviewOverdue(const RiskAssessment& assessment, Date today) {
  return today > assessment.review_on;
}

std::optional<NeedsAssessment> CurrentNeedsAssessment(std::span<const NeedsAssessment> history) {
  std::optional<size_t> current = IndexOfCurrent(history);
  if (!current) return std::nullopt;
  return history[*current];
}

std::optional<CurrentRisk> CurrentRiskAssessment(std::span<const RiskAssessment> history,
                                                 Date today) {
  std::optional<size_t> current = IndexOfCurrent(history);
  if (!current) return std::nullopt;
  const RiskAssessment& assessment = history[*current];
  return CurrentRisk{assessment, ReviewOverdue(assessment, today)};
}

int NextVersion(std::span<const NeedsAssessment> history) { return Next(history); }
int NextVersion(std::span<const RiskAssessment> history) { return Next(history); }

}  // namespace waymark::assessments
