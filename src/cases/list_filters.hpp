// The choices of the case list's filters over columns that features above cases keep up to date:
// the NRM stage (nrm) and the level of risk (assessments). The app supplies them, so the cases
// pages and API offer and check them without an arrow up to those features.
// Thread safety: value types and a pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::cases {

struct FilterChoice {
  std::string code;    // in a URL or an API query
  std::string stored;  // the column's value: for example "" for a risk not yet assessed
  std::string label;   // for people
};

struct ListFilterChoices {
  std::vector<FilterChoice> nrm_stages;
  std::vector<FilterChoice> risk_levels;
};

// The label of the choice stored as `stored`, or "" when there is none.
std::string_view LabelOf(const std::vector<FilterChoice>& choices, std::string_view stored);

// The stored value of the choice whose code is `code`, or nullopt when there is none.
std::optional<std::string> StoredValueOf(const std::vector<FilterChoice>& choices,
                                         std::string_view code);

}  // namespace waymark::cases
