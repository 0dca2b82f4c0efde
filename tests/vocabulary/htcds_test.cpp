// Checks the transcribed HTCDS tables against the standard's own CSV, code by code and label by
// label in order, so a transcription mistake fails here. The CSV's path comes from CMake
// (WAYMARK_HTCDS_CSV); a missing file is a failure, never a skip.
#include "vocabulary/htcds.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "csv_reader.hpp"

namespace waymark::vocabulary {
namespace {

using csv::CellLines;
using csv::CsvRow;

struct Standard {
  std::string error;  // empty when the file was read
  std::vector<CsvRow> rows;
  std::size_t field_name = 0, field_type = 0, value_names = 0, value_labels = 0;
};

const Standard& LoadStandard() {
  static const Standard standard = [] {
    Standard s;
    const std::string path = WAYMARK_HTCDS_CSV;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      s.error = "HTCDS 2.0 CSV not found: looked for " + path +
                " (the standards folder ../shared must sit beside the repository)";
      return s;
    }
    std::stringstream text;
    text << file.rdbuf();
    auto rows = csv::ParseCsv(text.str());
    if (!rows) {
      s.error = path + " is not valid CSV: " + rows.error();
      return s;
    }
    s.rows = std::move(*rows);
    if (s.rows.empty()) {
      s.error = path + " is empty";
      return s;
    }
    const CsvRow& header = s.rows.front();
    auto column = [&](std::string_view name, std::size_t& index) {
      for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) {
          index = i;
          return;
        }
      }
      s.error += path + " has no column \"" + std::string(name) + "\". ";
    };
    column("Field Name including Prefix", s.field_name);
    column("Field Type", s.field_type);
    column("Value Names (if picklist)", s.value_names);
    column("Value Labels (if picklist)", s.value_labels);
    return s;
  }();
  return standard;
}

// The standard's rows for a field (exactly one expected).
std::vector<const CsvRow*> RowsFor(const Standard& standard, std::string_view field_name) {
  std::vector<const CsvRow*> found;
  for (const CsvRow& row : standard.rows) {
    if (row.size() > standard.field_name && row[standard.field_name] == field_name) {
      found.push_back(&row);
    }
  }
  return found;
}

TEST(Htcds, TheStandardsCsvIsThere) {
  const Standard& standard = LoadStandard();
  ASSERT_TRUE(standard.error.empty()) << standard.error;
  EXPECT_GT(standard.rows.size(), 100u);
}

TEST(Htcds, EveryTableEqualsTheStandardInOrder) {
  const Standard& standard = LoadStandard();
  ASSERT_TRUE(standard.error.empty()) << standard.error;
  for (Vocabulary vocabulary : kAllVocabularies) {
    std::string_view field = FieldName(vocabulary);
    SCOPED_TRACE(std::string(field));
    auto rows = RowsFor(standard, field);
    ASSERT_EQ(rows.size(), 1u) << field << " should be one row of the standard";
    const CsvRow& row = *rows.front();
    ASSERT_GT(row.size(), std::max(standard.value_names, standard.value_labels));
    std::vector<std::string> codes = CellLines(row[standard.value_names]);
    std::vector<std::string> labels = CellLines(row[standard.value_labels]);
    ASSERT_EQ(codes.size(), labels.size()) << "the standard pairs each value with a label";
    ASSERT_FALSE(codes.empty()) << field << " has no values in the standard";

    auto terms = Terms(vocabulary);
    EXPECT_EQ(terms.size(), codes.size());
    for (std::size_t i = 0; i < std::min(terms.size(), codes.size()); ++i) {
      EXPECT_EQ(terms[i].code, codes[i]) << "term " << i;
      EXPECT_EQ(terms[i].label, labels[i]) << "term " << i << " (" << codes[i] << ")";
    }
  }
}

TEST(Htcds, MultiSelectFieldsAreTheStandardsMultiselectPicklists) {
  const Standard& standard = LoadStandard();
  ASSERT_TRUE(standard.error.empty()) << standard.error;
  for (Vocabulary vocabulary : kAllVocabularies) {
    auto rows = RowsFor(standard, FieldName(vocabulary));
    ASSERT_EQ(rows.size(), 1u) << FieldName(vocabulary);
    std::string_view type = csv::TrimCell((*rows.front())[standard.field_type]);
    EXPECT_TRUE(type == "Picklist" || type == "Multiselect Picklist") << type;
    EXPECT_EQ(AllowsSeveral(vocabulary), type == "Multiselect Picklist") << FieldName(vocabulary);
  }
}

TEST(Htcds, CodesAreUniqueWithinEachList) {
  for (Vocabulary vocabulary : kAllVocabularies) {
    std::set<std::string_view> seen;
    for (const Term& term : Terms(vocabulary)) {
      EXPECT_TRUE(seen.insert(term.code).second) << FieldName(vocabulary) << ": " << term.code;
    }
  }
}

TEST(Htcds, FindsTermsByExactCode) {
  const Term* term = FindTerm(Vocabulary::kTypeOfExploitation, "ForcedLabour");
  ASSERT_NE(term, nullptr);
  EXPECT_EQ(term->label, "Forced labour");
  EXPECT_EQ(TermLabel(Vocabulary::kCaseStatus, "ClosedReferred"), "Closed Referred");
  EXPECT_EQ(FindTerm(Vocabulary::kTypeOfExploitation, "forcedlabour"), nullptr);
  EXPECT_EQ(FindTerm(Vocabulary::kTypeOfExploitation, "Forced labour"), nullptr);
  EXPECT_EQ(FindTerm(Vocabulary::kCaseStatus, "ForcedLabour"), nullptr);
  EXPECT_EQ(TermLabel(Vocabulary::kGender, "Unknown"), "");
  EXPECT_EQ(FieldName(Vocabulary::kTypeOfExploitation), "vic_TypeOfExploitation");
  EXPECT_EQ(FieldName(Vocabulary::kGender), "prs_Gender");
}

TEST(Htcds, MultiSelectTakesSeveralCodesInTheStandardsOrder) {
  std::vector<std::string_view> sent = {"Other", "PhysicalThreats", "Other", "DebtBondage"};
  auto chosen = CheckCodes(Vocabulary::kMethodsOfControl, sent, "methods_of_control");
  ASSERT_TRUE(chosen) << chosen.error().message;
  EXPECT_EQ(*chosen, (std::vector<std::string_view>{"PhysicalThreats", "DebtBondage", "Other"}));
}

TEST(Htcds, NamesTheUnknownCodes) {
  std::vector<std::string_view> sent = {"ForcedLabour", "Slavery", "forcedlabour", "Slavery"};
  EXPECT_EQ(UnknownCodes(Vocabulary::kTypeOfExploitation, sent),
            (std::vector<std::string_view>{"Slavery", "forcedlabour"}));
  auto chosen = CheckCodes(Vocabulary::kTypeOfExploitation, sent, "exploitation");
  ASSERT_FALSE(chosen);
  EXPECT_EQ(chosen.error().kind, ProblemKind::kInvalid);
  ASSERT_EQ(chosen.error().fields.size(), 1u);
  EXPECT_EQ(chosen.error().fields[0].field, "exploitation");
  EXPECT_EQ(chosen.error().fields[0].message,
            "Select from the options shown (not recognised: \"Slavery\", \"forcedlabour\")");
}

TEST(Htcds, SingleSelectTakesAtMostOneCode) {
  std::vector<std::string_view> one = {"Active"};
  auto chosen = CheckCodes(Vocabulary::kCaseStatus, one, "status");
  ASSERT_TRUE(chosen);
  EXPECT_EQ(*chosen, (std::vector<std::string_view>{"Active"}));
  std::vector<std::string_view> two = {"Active", "Closed"};
  auto refused = CheckCodes(Vocabulary::kCaseStatus, two, "status");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields[0].message, "Select one option");
  std::vector<std::string_view> none;
  auto empty = CheckCodes(Vocabulary::kGender, none, "gender");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

}  // namespace
}  // namespace waymark::vocabulary
