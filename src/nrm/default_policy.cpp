// The built-in NRM policy for England and Wales. Changing a period means adding a [[version]]
// with the date it takes effect, never editing an old one: decisions are judged by the rules in
// force on their own dates.
#include "nrm/policy.hpp"

namespace waymark::nrm {

namespace {

constexpr std::string_view kDefaultPolicy = R"toml(
# Values Waymark applies to anything dated before 30 January 2023. Earlier changes to the NRM
# (for example to move-on support) are not modelled, so this version stands for all of them.
[[version]]
starts = 2009-04-01
source = "NRM and Modern Slavery Act 2015 statutory guidance before 30 January 2023"
rg_target_working_days = 5
recovery_period_min_days = 45
reconsideration_window_days = 30
move_on_positive_min_days = 45
move_on_negative_max_days = 14
reach_in_max_months = 6

# The Nationality and Borders Act 2022 made the minimum recovery period 30 days for positive
# Reasonable Grounds decisions made from 30 January 2023.
[[version]]
starts = 2023-01-30
source = "Nationality and Borders Act 2022, section 60; statutory guidance from 30 January 2023"
rg_target_working_days = 5
recovery_period_min_days = 30
reconsideration_window_days = 30
move_on_positive_min_days = 45
move_on_negative_max_days = 14
reach_in_max_months = 6

# One-off changes to England and Wales bank holidays (gov.uk/bank-holidays).
[[bank_holiday_change]]
date = 2020-05-08
replaces = 2020-05-04
name = "Early May bank holiday (VE Day)"

[[bank_holiday_change]]
date = 2022-06-02
replaces = 2022-05-30
name = "Spring bank holiday"

[[bank_holiday_change]]
date = 2022-06-03
name = "Platinum Jubilee bank holiday"

[[bank_holiday_change]]
date = 2022-09-19
name = "Bank Holiday for the State Funeral of Queen Elizabeth II"

[[bank_holiday_change]]
date = 2023-05-08
name = "Bank holiday for the coronation of King Charles III"
)toml";

}  // namespace

std::string_view DefaultPolicyToml() { return kDefaultPolicy; }

}  // namespace waymark::nrm
