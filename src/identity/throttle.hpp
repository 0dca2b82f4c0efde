// Growing delays after failed sign-ins, per account and per client address. Never a permanent
// lock-out: an attacker must not be able to lock a worker out of a survivor's record.
#pragma once

#include <chrono>
#include <cstdint>

namespace waymark::identity {

struct ThrottleRule {
  int64_t free_failures;  // failures allowed before any delay
  std::chrono::seconds first_delay;
  std::chrono::seconds max_delay;
};

// An account gets 5 tries; an address (perhaps a shared office) gets 20.
inline constexpr ThrottleRule kAccountThrottle{5, std::chrono::seconds(30),
                                               std::chrono::minutes(15)};
inline constexpr ThrottleRule kAddressThrottle{20, std::chrono::seconds(30),
                                               std::chrono::minutes(15)};

// How long to refuse sign-in after `failures` consecutive failures: nothing up to the free
// failures, then the first delay doubling with each further failure, up to the maximum.
std::chrono::seconds ThrottleDelay(const ThrottleRule& rule, int64_t failures);

}  // namespace waymark::identity
