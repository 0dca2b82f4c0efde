// Synthetic survivor cases for demonstrations and benchmarks: realistic in shape, obviously
// fake in content (invented names, "Demo" streets, 07700 900xxx phone numbers, which Ofcom
// keeps for drama). Nationalities follow the Home Office's 2024 NRM statistics (domain.md
// section 6). Deterministic for a given seed.
#pragma once

#include <cstdint>

#include "app/runtime.hpp"

namespace waymark::app {

struct DemoCaseReport {
  int64_t cases = 0;
  double seconds = 0;
};

// Adds `count` cases to the demo providers' organisations, each assigned to one of the
// provider's support workers (or left with the manager when it has none). The demo data must
// be loaded already. Writes in batches of 500 cases a transaction.
Result<DemoCaseReport> GenerateDemoCases(Runtime& runtime, int64_t count, uint64_t seed);

}  // namespace waymark::app
