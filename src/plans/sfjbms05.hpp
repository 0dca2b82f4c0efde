// The National Occupational Standard SFJBMS05 "Plan support for potential victims of modern
// slavery" (Skills for Justice, 2014): its twenty performance criteria as data. A support
// plan records evidence for every point before it can be agreed (domain.md section 3).
// Standards are versioned data, so the edition travels with the points.
// Pure data; safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace waymark::plans {

struct StandardPoint {
  int number;                  // 1..20
  std::string_view title;      // short, for lists and check-your-answers
  std::string_view criterion;  // what the standard asks the worker to do
  std::string_view prompt;     // the question a worker answers with evidence
};

inline constexpr std::string_view kSfjbms05Code = "SFJBMS05";
inline constexpr std::string_view kSfjbms05Title =
    "Plan support for potential victims of modern slavery";
inline constexpr std::string_view kSfjbms05Edition = "Skills for Justice, 2014";
inline constexpr int kSfjbms05PointCount = 20;

// Point 5: rights information, whose evidence also records language and format.
inline constexpr int kRightsInformationPoint = 5;

// All twenty, in order (points 3-4, 9-10 and 19-20 are separate points).
std::span<const StandardPoint> Sfjbms05Points();
// The point with this number, or nullopt outside 1..20.
std::optional<StandardPoint> Sfjbms05Point(int number);

}  // namespace waymark::plans
