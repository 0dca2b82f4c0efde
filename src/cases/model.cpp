#include "cases/model.hpp"

#include <algorithm>
#include <cctype>

#include "identity/text.hpp"
#include "vocabulary/countries.hpp"
#include "vocabulary/htcds.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::cases {

namespace {

constexpr size_t kNameLimit = 100;
constexpr size_t kShortTextLimit = 200;
constexpr size_t kAddressLimit = 500;
constexpr size_t kMaxOtherNames = 10;

// "AL, vn  GB" -> {"AL", "vn", "GB"}: people separate codes with commas, spaces or new lines.
std::vector<std::string> SplitCodes(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c))) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

bool HasControlCharacters(std::string_view text, bool allow_newlines) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    auto u = static_cast<unsigned char>(c);
    if (allow_newlines && (c == '\n' || c == '\r')) return false;
    return u < 0x20 || u == 0x7f;
  });
}

class Checker {
 public:
  // Trims, then checks the length limit and control characters.
  std::string Text(std::string_view field, std::string_view value, size_t limit,
                   std::string_view what, bool multiline = false) {
    std::string out = Trim(value);
    if (CountCharacters(out) > limit) {
      Add(field, std::string(what) + " must be " + std::to_string(limit) + " characters or fewer");
    } else if (HasControlCharacters(out, multiline)) {
      Add(field, std::string(what) + " must not contain control characters");
    }
    return out;
  }
  void Add(std::string_view field, std::string message) {
    for (const auto& e : errors_) {
      if (e.field == field) return;  // one message a field
    }
    errors_.push_back({std::string(field), std::move(message)});
  }
  bool ok() const { return errors_.empty(); }
  std::vector<FieldError> take() { return std::move(errors_); }

 private:
  std::vector<FieldError> errors_;
};

int YearsBetween(Date from, Date to) {
  std::chrono::year_month_day a{from}, b{to};
  int years = int(b.year()) - int(a.year());
  if (b.month() < a.month() || (b.month() == a.month() && b.day() < a.day())) --years;
  return years;
}

const std::vector<Choice> kSafeContactMethods = {
    {"phone_call", "Phone call"},
    {"text_message", "Text message"},
    {"email", "Email"},
    {"in_person", "In person only"},
    {"through_worker", "Through their support worker only"},
};

const std::vector<Choice> kInterpreterGenders = {
    {"female", "Female interpreter"},
    {"male", "Male interpreter"},
    {"no_preference", "No preference"},
};

}  // namespace

std::string PersonalDetails::FullName() const {
  if (given_names.empty()) return family_name;
  if (family_name.empty()) return given_names;
  return given_names + " " + family_name;
}

std::string_view Code(CaseStatus status) { return status == CaseStatus::kOpen ? "open" : "closed"; }

std::optional<CaseStatus> ParseCaseStatus(std::string_view code) {
  if (code == "open") return CaseStatus::kOpen;
  if (code == "closed") return CaseStatus::kClosed;
  return std::nullopt;
}

const std::vector<Choice>& SafeContactMethods() { return kSafeContactMethods; }
const std::vector<Choice>& InterpreterGenders() { return kInterpreterGenders; }

std::string AgeBand(const PersonalDetails& personal, Date today) {
  std::optional<int> age = personal.estimated_age;
  if (personal.date_of_birth) age = YearsBetween(*personal.date_of_birth, today);
  if (!age) return "unknown";
  if (*age < 25) return "18-24";
  if (*age < 35) return "25-34";
  if (*age < 45) return "35-44";
  if (*age < 55) return "45-54";
  if (*age < 65) return "55-64";
  return "65+";
}

Result<ValidCase> ValidateCase(const CaseInput& input, Date today) {
  Checker check;
  ValidCase out;
  PersonalDetails& p = out.personal;
  ClearDetails& c = out.clear;

  p.given_names = check.Text("given_names", input.given_names, kNameLimit, "Given names");
  p.family_name = check.Text("family_name", input.family_name, kNameLimit, "Family name");
  if (p.given_names.empty() && p.family_name.empty()) {
    check.Add("given_names",
              "Enter a given name or a family name (a name the person uses is "
              "enough)");
  }
  std::string other = check.Text("other_names", input.other_names, kNameLimit * kMaxOtherNames,
                                 "Other names", true);
  for (size_t start = 0; start <= other.size();) {
    size_t end = other.find('\n', start);
    if (end == std::string::npos) end = other.size();
    std::string name = Trim(std::string_view(other).substr(start, end - start));
    if (!name.empty()) p.other_names.push_back(name);
    start = end + 1;
  }
  if (p.other_names.size() > kMaxOtherNames) {
    check.Add("other_names", "Enter " + std::to_string(kMaxOtherNames) + " other names or fewer");
  }
  for (const auto& name : p.other_names) {
    if (CountCharacters(name) > kNameLimit) {
      check.Add("other_names", "Each other name must be 100 characters or fewer");
    }
  }

  bool any_dob = !Trim(input.dob_day).empty() || !Trim(input.dob_month).empty() ||
                 !Trim(input.dob_year).empty();
  if (any_dob) {
    p.date_of_birth = DateFromParts(input.dob_day, input.dob_month, input.dob_year);
    if (!p.date_of_birth) {
      check.Add("dob", "Date of birth must be a real date, like 27 3 1990");
    } else if (*p.date_of_birth > today) {
      check.Add("dob", "Date of birth must be in the past");
    } else if (YearsBetween(*p.date_of_birth, today) < 18) {
      check.Add("dob",
                "This service supports adults: the person must be 18 or over. Refer "
                "children to children's services");
    } else if (YearsBetween(*p.date_of_birth, today) > 120) {
      check.Add("dob", "Date of birth must be after " +
                           FormatDateForPeople(today - std::chrono::days(120 * 366)));
    }
  }
  std::string age = Trim(input.estimated_age);
  if (!age.empty()) {
    bool digits = age.size() <= 3 && std::all_of(age.begin(), age.end(), [](unsigned char ch) {
                    return std::isdigit(ch) != 0;
                  });
    int value = digits ? std::stoi(age) : -1;
    if (any_dob) {
      check.Add("estimated_age", "Enter either a date of birth or an estimated age, not both");
    } else if (!digits || value < 18 || value > 120) {
      check.Add("estimated_age", "Estimated age must be a whole number from 18 to 120");
    } else {
      p.estimated_age = value;
    }
  }

  p.phone = check.Text("phone", input.phone, 40, "Phone number");
  if (!p.phone.empty() && !std::all_of(p.phone.begin(), p.phone.end(), [](unsigned char ch) {
        return std::isdigit(ch) || ch == ' ' || ch == '+' || ch == '(' || ch == ')' || ch == '-';
      })) {
    check.Add("phone", "Phone number must contain only numbers, spaces, brackets, + and -");
  }
  p.email = check.Text("email", input.email, 254, "Email address");
  if (!p.email.empty() &&
      (p.email.find('@') == std::string::npos || p.email.find(' ') != std::string::npos)) {
    check.Add("email", "Enter an email address in the correct format, like name@example.com");
  }
  p.safe_contact_method = Trim(input.safe_contact_method);
  if (!p.safe_contact_method.empty() && !IsChoice(kSafeContactMethods, p.safe_contact_method)) {
    check.Add("safe_contact_method", "Select a safe way to contact the person");
  }
  p.safe_contact_times = check.Text("safe_contact_times", input.safe_contact_times, kShortTextLimit,
                                    "Safe times to contact");
  p.address = check.Text("address", input.address, kAddressLimit, "Address", true);

  c.gender = Trim(input.gender);
  if (!c.gender.empty() && !vocabulary::FindTerm(vocabulary::Vocabulary::kGender, c.gender)) {
    check.Add("gender", "Select a gender from the list");
  }
  for (const auto& code : SplitCodes(input.nationalities)) {
    std::string upper = AsciiUpper(code);
    if (vocabulary::CountryName(upper).empty()) {
      check.Add("nationalities", "\"" + code.substr(0, 20) +
                                     "\" is not a country code. Use "
                                     "two-letter ISO codes, like AL for Albania");
    } else if (std::find(c.nationalities.begin(), c.nationalities.end(), upper) ==
               c.nationalities.end()) {
      c.nationalities.push_back(upper);
    }
  }
  for (const auto& code : SplitCodes(input.languages)) {
    std::string lower = AsciiLower(code);
    if (vocabulary::LanguageName(lower).empty()) {
      check.Add("languages", "\"" + code.substr(0, 20) +
                                 "\" is not a language code. Use "
                                 "three-letter ISO 639-3 codes, like sqi for Albanian");
    } else if (std::find(c.languages.begin(), c.languages.end(), lower) == c.languages.end()) {
      c.languages.push_back(lower);
    }
  }
  c.dialect = check.Text("dialect", input.dialect, kShortTextLimit, "Dialect");
  std::string interpreter = Trim(input.interpreter_needed);
  if (interpreter == "yes") {
    c.interpreter_needed = true;
  } else if (!interpreter.empty() && interpreter != "no") {
    check.Add("interpreter_needed", "Select whether the person needs an interpreter");
  }
  c.interpreter_gender = Trim(input.interpreter_gender);
  if (!c.interpreter_gender.empty()) {
    if (!IsChoice(kInterpreterGenders, c.interpreter_gender)) {
      check.Add("interpreter_gender", "Select the interpreter's gender the person prefers");
    } else if (!c.interpreter_needed) {
      c.interpreter_gender.clear();  // a preference only matters when an interpreter is needed
    }
  }
  if (!check.ok()) return Fail(Problem::Invalid(check.take()));
  c.age_band = AgeBand(p, today);
  return out;
}

CaseInput InputFor(const Case& c) {
  CaseInput in;
  const PersonalDetails& p = c.personal;
  in.given_names = p.given_names;
  in.family_name = p.family_name;
  in.other_names = Join(p.other_names, "\n");
  if (p.date_of_birth) {
    std::chrono::year_month_day ymd{*p.date_of_birth};
    in.dob_day = std::to_string(unsigned(ymd.day()));
    in.dob_month = std::to_string(unsigned(ymd.month()));
    in.dob_year = std::to_string(int(ymd.year()));
  }
  if (p.estimated_age) in.estimated_age = std::to_string(*p.estimated_age);
  in.phone = p.phone;
  in.email = p.email;
  in.safe_contact_method = p.safe_contact_method;
  in.safe_contact_times = p.safe_contact_times;
  in.address = p.address;
  in.gender = c.clear.gender;
  in.nationalities = Join(c.clear.nationalities, ", ");
  in.languages = Join(c.clear.languages, ", ");
  in.dialect = c.clear.dialect;
  in.interpreter_needed = c.clear.interpreter_needed ? "yes" : "no";
  in.interpreter_gender = c.clear.interpreter_gender;
  return in;
}

}  // namespace waymark::cases
