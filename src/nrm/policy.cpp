#include "nrm/policy.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <stdexcept>

#include <toml++/toml.h>

#include "nrm/calendar.hpp"

namespace waymark::nrm {

namespace {

using namespace std::chrono;

constexpr int kMaxDays = 3650;
constexpr int kMaxWorkingDays = 365;
constexpr int kMaxMonths = 120;

struct PeriodKey {
  std::string_view key;
  int PolicyVersion::*field;
  int max;
  std::string_view unit;
};

constexpr std::array<PeriodKey, 6> kPeriods{{
    {"rg_target_working_days", &PolicyVersion::rg_target_working_days, kMaxWorkingDays,
     "working days"},
    {"recovery_period_min_days", &PolicyVersion::recovery_period_min_days, kMaxDays, "days"},
    {"reconsideration_window_days", &PolicyVersion::reconsideration_window_days, kMaxDays, "days"},
    {"move_on_positive_min_days", &PolicyVersion::move_on_positive_min_days, kMaxDays, "days"},
    {"move_on_negative_max_days", &PolicyVersion::move_on_negative_max_days, kMaxDays, "days"},
    {"reach_in_max_months", &PolicyVersion::reach_in_max_months, kMaxMonths, "months"},
}};

tl::unexpected<Problem> Bad(const std::string& key, const std::string& message) {
  return Fail(Problem::Invalid(key, "NRM policy: " + key + " " + message));
}

std::string Indexed(std::string_view name, size_t index) {
  return std::string(name) + "[" + std::to_string(index + 1) + "]";
}

Result<void> RefuseUnknownKeys(const toml::table& table, const std::string& where,
                               const std::vector<std::string_view>& allowed) {
  for (auto&& [key, node] : table) {
    (void)node;
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      std::string name =
          where.empty() ? std::string(key.str()) : where + "." + std::string(key.str());
      return Bad(name, "is not a known key");
    }
  }
  return {};
}

// TOML dates (2023-01-30) and ISO date strings ("2023-01-30") are both accepted.
Result<Date> ReadDate(const toml::table& table, const std::string& where, std::string_view key) {
  std::string name = where + "." + std::string(key);
  const toml::node* node = table.get(key);
  if (node == nullptr) return Bad(name, "is missing");
  if (const auto* value = node->as_date()) {
    const toml::date& d = value->get();
    year_month_day ymd{year{d.year}, month{d.month}, day{d.day}};
    if (ymd.ok()) return sys_days{ymd};
  } else if (const auto* text = node->as_string()) {
    if (auto parsed = ParseIsoDate(text->get())) return *parsed;
  }
  return Bad(name, "must be a date like 2023-01-30");
}

Result<std::string> ReadText(const toml::table& table, const std::string& where,
                             std::string_view key, bool required) {
  std::string name = where + "." + std::string(key);
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) return Bad(name, "is missing");
    return std::string();
  }
  const auto* text = node->as_string();
  if (text == nullptr || text->get().empty()) return Bad(name, "must be non-empty text");
  return text->get();
}

Result<PolicyVersion> ReadVersion(const toml::table& table, const std::string& where) {
  std::vector<std::string_view> allowed{"starts", "source"};
  for (const PeriodKey& period : kPeriods) allowed.push_back(period.key);
  if (auto known = RefuseUnknownKeys(table, where, allowed); !known) return Fail(known.error());
  PolicyVersion version;
  auto starts = ReadDate(table, where, "starts");
  if (!starts) return Fail(starts.error());
  version.starts = *starts;
  auto source = ReadText(table, where, "source", false);
  if (!source) return Fail(source.error());
  version.source = *source;
  for (const PeriodKey& period : kPeriods) {
    std::string name = where + "." + std::string(period.key);
    const toml::node* node = table.get(period.key);
    if (node == nullptr) return Bad(name, "is missing");
    const auto* number = node->as_integer();
    if (number == nullptr || number->get() < 1 || number->get() > period.max) {
      return Bad(name, "must be a whole number of " + std::string(period.unit) + " from 1 to " +
                           std::to_string(period.max));
    }
    version.*period.field = static_cast<int>(number->get());
  }
  return version;
}

Result<BankHolidayChange> ReadChange(const toml::table& table, const std::string& where) {
  if (auto known = RefuseUnknownKeys(table, where, {"date", "replaces", "name"}); !known) {
    return Fail(known.error());
  }
  BankHolidayChange change;
  auto date = ReadDate(table, where, "date");
  if (!date) return Fail(date.error());
  change.date = *date;
  auto name = ReadText(table, where, "name", true);
  if (!name) return Fail(name.error());
  change.name = *name;
  if (table.contains("replaces")) {
    auto replaces = ReadDate(table, where, "replaces");
    if (!replaces) return Fail(replaces.error());
    change.replaces = *replaces;
  }
  // A change that does nothing is almost certainly a typo in a date, so it is refused.
  weekday day{change.date};
  if (day == Saturday || day == Sunday) {
    return Bad(where + ".date", "(" + FormatIsoDate(change.date) + ") falls on a weekend");
  }
  int y = static_cast<int>(year_month_day{change.date}.year());
  std::vector<Date> by_rule = RuleBankHolidays(y);
  auto is_rule_holiday = [&](Date d) {
    return std::find(by_rule.begin(), by_rule.end(), d) != by_rule.end();
  };
  if (change.replaces) {
    if (static_cast<int>(year_month_day{*change.replaces}.year()) != y ||
        !is_rule_holiday(*change.replaces)) {
      return Bad(where + ".replaces", "(" + FormatIsoDate(*change.replaces) +
                                          ") must be a bank holiday by rule in the same year");
    }
  }
  if (is_rule_holiday(change.date)) {
    return Bad(where + ".date", "(" + FormatIsoDate(change.date) + ") is already a bank holiday");
  }
  return change;
}

template <class T>
Result<std::vector<T>> ReadArray(const toml::table& root, std::string_view key, bool required,
                                 Result<T> (*read)(const toml::table&, const std::string&)) {
  std::vector<T> items;
  const toml::node* node = root.get(key);
  if (node == nullptr) {
    if (required)
      return Bad(std::string(key),
                 "is missing: add at least one [[" + std::string(key) + "]] table");
    return items;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    return Bad(std::string(key), "must be written as [[" + std::string(key) + "]] tables");
  }
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::table* table = array->get(i)->as_table();
    if (table == nullptr) {
      return Bad(Indexed(key, i), "must be a table");
    }
    auto item = read(*table, Indexed(key, i));
    if (!item) return Fail(item.error());
    items.push_back(std::move(*item));
  }
  return items;
}

}  // namespace

const PolicyVersion& Policy::InForceOn(Date date) const {
  if (versions.empty()) throw std::logic_error("NRM policy has no versions");
  auto after =
      std::upper_bound(versions.begin(), versions.end(), date,
                       [](Date d, const PolicyVersion& version) { return d < version.starts; });
  return after == versions.begin() ? versions.front() : *(after - 1);
}

Result<Policy> LoadPolicy(std::string_view text) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view("NRM policy"));
  } catch (const toml::parse_error& e) {
    std::string message = "NRM policy: line " + std::to_string(e.source().begin.line) +
                          ", column " + std::to_string(e.source().begin.column) + ": " +
                          std::string(e.description());
    return Fail(Problem::Invalid("policy", message));
  }
  if (auto known = RefuseUnknownKeys(root, "", {"version", "bank_holiday_change"}); !known) {
    return Fail(known.error());
  }
  Policy policy;
  auto versions = ReadArray<PolicyVersion>(root, "version", true, &ReadVersion);
  if (!versions) return Fail(versions.error());
  policy.versions = std::move(*versions);
  if (policy.versions.empty()) {
    return Bad("version", "is missing: add at least one [[version]] table");
  }
  for (size_t i = 1; i < policy.versions.size(); ++i) {
    if (policy.versions[i].starts <= policy.versions[i - 1].starts) {
      return Bad(Indexed("version", i) + ".starts",
                 "(" + FormatIsoDate(policy.versions[i].starts) + ") must be after " +
                     Indexed("version", i - 1) + ".starts (" +
                     FormatIsoDate(policy.versions[i - 1].starts) + ")");
    }
  }
  auto changes = ReadArray<BankHolidayChange>(root, "bank_holiday_change", false, &ReadChange);
  if (!changes) return Fail(changes.error());
  policy.bank_holiday_changes = std::move(*changes);
  std::sort(policy.bank_holiday_changes.begin(), policy.bank_holiday_changes.end(),
            [](const auto& a, const auto& b) { return a.date < b.date; });
  for (size_t i = 1; i < policy.bank_holiday_changes.size(); ++i) {
    if (policy.bank_holiday_changes[i].date == policy.bank_holiday_changes[i - 1].date) {
      return Bad("bank_holiday_change",
                 "lists " + FormatIsoDate(policy.bank_holiday_changes[i].date) + " more than once");
    }
  }
  return policy;
}

const Policy& DefaultPolicy() {
  static const Policy policy = [] {
    auto loaded = LoadPolicy(DefaultPolicyToml());
    if (!loaded) {
      throw std::logic_error("the built-in NRM policy is invalid: " + loaded.error().message);
    }
    return std::move(*loaded);
  }();
  return policy;
}

}  // namespace waymark::nrm
