#include "identity/throttle.hpp"

#include <algorithm>

namespace waymark::identity {

std::chrono::seconds ThrottleDelay(const ThrottleRule& rule, int64_t failures) {
  if (failures < rule.free_failures) return std::chrono::seconds(0);
  int64_t doublings = std::min<int64_t>(failures - rule.free_failures, 30);
  auto delay = rule.first_delay * (int64_t{1} << doublings);
  return std::min(std::chrono::duration_cast<std::chrono::seconds>(delay), rule.max_delay);
}

}  // namespace waymark::identity
