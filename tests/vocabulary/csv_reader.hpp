// A small RFC 4180 CSV reader for tests that check transcribed tables against a standard's
// published CSV: quoted cells may hold commas, doubled quotes and line breaks; records end
// with LF or CRLF. Test support only; production code never reads CSV.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace waymark::vocabulary::csv {

using CsvRow = std::vector<std::string>;

// The rows of `text`, or a message saying where it is malformed (an unterminated quoted cell,
// or text after a closing quote).
tl::expected<std::vector<CsvRow>, std::string> ParseCsv(std::string_view text);

// `text` without leading and trailing spaces, tabs, CR, LF and no-break spaces (U+00A0): the
// standard's cells carry stray ones that are not part of the value.
std::string_view TrimCell(std::string_view text);

// The lines of a multi-line cell, each trimmed, blank lines dropped.
std::vector<std::string> CellLines(std::string_view cell);

}  // namespace waymark::vocabulary::csv
