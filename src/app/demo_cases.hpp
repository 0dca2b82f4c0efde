// Synthetic survivor cases for demonstrations and benchmarks: realistic in shape, obviously
// fake in content (invented names, "Demo" streets, 07700 900xxx phone numbers, which Ofcom
// keeps for drama). Nationalities follow the Home Office's 2024 NRM statistics (domain.md
// section 6). Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/runtime.hpp"

namespace waymark::app {

struct DemoPhase {
  std::string name;  // "cases", "consents", "nrm", "assessments", "plans", "contacts", ...
  double seconds = 0;
};

struct DemoCaseReport {
  int64_t cases = 0;
  int64_t contacts = 0;
  double seconds = 0;             // the whole generation, commits included
  std::vector<DemoPhase> phases;  // in the order first met; commits are not in any phase
};

// Adds `count` cases to the demo providers' organisations, each assigned to one of the
// provider's support workers (or left with the manager when it has none). First, whatever
// `count` is, it keeps the shape of real work: synthetic providers ("Safehouse 7 (demo)", with
// a service manager) so that no provider holds more than about 2,000 of the new cases, and
// synthetic support workers ("Caseworker 12 (demo)") so that each worker holds about 25; none
// of them has a password. Each case comes with the
// records behind it (demo_records.hpp): consents, an NRM pathway that replays to the case's
// stage, risk and needs assessments, for about half an agreed plan, about 20 contacts, for a
// quarter dependants, and a modern-slavery history. The demo data must be loaded already.
// Writes in batches of 200 cases a transaction.
// The shape of the work the cases are spread over.
struct DemoShape {
  int64_t provider_cases = 2000;  // the most new cases one provider holds, about
  int64_t caseload = 25;          // the cases one support worker holds, about
};
Result<DemoCaseReport> GenerateDemoCases(Runtime& runtime, int64_t count, uint64_t seed,
                                         const DemoShape& shape = {});

}  // namespace waymark::app
