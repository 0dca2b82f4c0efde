// The National Referral Mechanism's periods as versioned policy data, never constants in code.
// A policy is a list of versions, each in force from its start date until the next one starts,
// plus the one-off changes to England and Wales bank holidays (the regular ones are computed by
// rule in calendar.hpp). The built-in default is TOML text compiled into the binary
// (default_policy.cpp); LoadPolicy reads the same format, so a deployment or a test can supply
// its own.
// Thread safety: a Policy is an immutable value after loading; DefaultPolicy() is safe to call
// from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::nrm {

// The periods in force from `starts`. Every period is a positive whole number; how each one is
// counted is stated in deadlines.hpp.
struct PolicyVersion {
  Date starts;
  std::string source;                   // where the values come from, for the person checking them
  int rg_target_working_days = 0;       // Reasonable Grounds decision target, from referral
  int recovery_period_min_days = 0;     // minimum recovery period, from a positive RG decision
  int reconsideration_window_days = 0;  // from a negative RG or CG decision
  int move_on_positive_min_days = 0;    // move-on support lasts at least this, after positive CG
  int move_on_negative_max_days = 0;    // move-on support lasts at most this, after negative CG
  int reach_in_max_months = 0;          // Reach-In may start up to this long after exit
};

// A one-off change to the bank holidays: `date` becomes a bank holiday and, when set, `replaces`
// (a bank holiday by rule in the same year) stops being one.
struct BankHolidayChange {
  Date date;
  std::optional<Date> replaces;
  std::string name;
};

struct Policy {
  std::vector<PolicyVersion> versions;  // at least one; start dates strictly increasing
  std::vector<BankHolidayChange> bank_holiday_changes;  // sorted by date

  // The latest version starting on or before `date`; a date before the first version gets the
  // first version (the earliest values Waymark knows). Throws std::logic_error on a policy with
  // no versions, which LoadPolicy never returns.
  const PolicyVersion& InForceOn(Date date) const;
};

// Parses and checks a policy in the TOML format of default_policy.cpp: one or more
// [[version]] tables (starts, every period key, optional source) and any number of
// [[bank_holiday_change]] tables (date, name, optional replaces). Unknown keys, missing keys,
// periods that are not positive whole numbers, start dates out of order, and bank-holiday
// changes that do not fit the rules are refused with a message naming the key, e.g.
// "version[2].recovery_period_min_days must be a whole number of days from 1 to 3650".
Result<Policy> LoadPolicy(std::string_view toml);

// The built-in England and Wales policy, parsed once. Throws std::logic_error if the built-in
// text is invalid (a build defect, caught by the unit tests).
const Policy& DefaultPolicy();

// The TOML text DefaultPolicy() is parsed from.
std::string_view DefaultPolicyToml();

}  // namespace waymark::nrm
