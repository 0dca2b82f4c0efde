// Alphabetical order for names shown in select boxes ("Åland Islands" beside "Albania", not
// after "Zimbabwe"). Folds ASCII case and the accented Latin letters U+00C0..U+00FF to their
// base letters; other bytes keep their UTF-8 value. Enough for the English names iso-codes
// gives; not a full Unicode collation.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace waymark::vocabulary {

std::string NameSortKey(std::string_view name);

// Orders by NameSortKey, then by the bytes, so names differing only in accents still have a
// fixed order.
bool NameLess(std::string_view a, std::string_view b);

}  // namespace waymark::vocabulary
