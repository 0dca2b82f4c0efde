#include "csv_reader.hpp"

namespace waymark::vocabulary::csv {

tl::expected<std::vector<CsvRow>, std::string> ParseCsv(std::string_view text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string cell;
  std::size_t line = 1;
  std::size_t i = 0;
  auto end_cell = [&] {
    row.push_back(std::move(cell));
    cell.clear();
  };
  auto end_row = [&] {
    end_cell();
    rows.push_back(std::move(row));
    row.clear();
  };
  while (i < text.size()) {
    if (text[i] == '"' && cell.empty()) {
      std::size_t opened_on = line;
      ++i;
      for (;;) {
        if (i >= text.size()) {
          return tl::unexpected("quoted cell opened on line " + std::to_string(opened_on) +
                                " never closes");
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        cell += text[i++];
      }
      bool at_boundary = i >= text.size() || text[i] == ',' || text[i] == '\n' ||
                         (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
      if (!at_boundary) {
        return tl::unexpected("text after a closing quote on line " + std::to_string(line));
      }
      continue;
    }
    char c = text[i];
    if (c == ',') {
      end_cell();
      ++i;
    } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      end_row();
      i += c == '\r' ? 2 : 1;
      ++line;
    } else {
      cell += c;
      ++i;
    }
  }
  // A final record without a line break still counts; a trailing line break adds no row.
  if (!cell.empty() || !row.empty()) end_row();
  return rows;
}

std::string_view TrimCell(std::string_view text) {
  auto strip_front = [&] {
    if (text.empty()) return false;
    if (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
        text.front() == '\n') {
      text.remove_prefix(1);
      return true;
    }
    if (text.starts_with("\xC2\xA0")) {
      text.remove_prefix(2);
      return true;
    }
    return false;
  };
  auto strip_back = [&] {
    if (text.empty()) return false;
    if (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n') {
      text.remove_suffix(1);
      return true;
    }
    if (text.ends_with("\xC2\xA0")) {
      text.remove_suffix(2);
      return true;
    }
    return false;
  };
  while (strip_front()) {
  }
  while (strip_back()) {
  }
  return text;
}

std::vector<std::string> CellLines(std::string_view cell) {
  std::vector<std::string> lines;
  while (!cell.empty()) {
    std::size_t end = cell.find('\n');
    std::string_view line = TrimCell(cell.substr(0, end));
    if (!line.empty()) lines.emplace_back(line);
    if (end == std::string_view::npos) break;
    cell.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace waymark::vocabulary::csv
