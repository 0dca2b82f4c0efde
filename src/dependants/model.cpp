#include "dependants/model.hpp"

#include <algorithm>
#include <cctype>

#include "identity/text.hpp"

namespace waymark::dependants {

namespace {

constexpr size_t kNameLimit = 100;
constexpr size_t kShortTextLimit = 200;
constexpr size_t kLongTextLimit = 2000;
constexpr int kOldestAge = 120;

const std::vector<Choice> kRelationships = {
    {"child", "Child"},
    {"partner", "Partner"},
    {"other", "Other dependant"},
};

const std::vector<Choice> kWhereabouts = {
    {"with_survivor", "With the survivor"},
    {"elsewhere_uk", "Elsewhere in the UK"},
    {"overseas", "Overseas"},
    {"not_known", "Not known"},
};

const std::vector<Choice> kServicesKnow = {
    {"yes", "Yes"},
    {"no", "No"},
    {"not_known", "Not known"},
};

bool HasControlCharacters(std::string_view text, bool allow_newlines) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    auto u = static_cast<unsigned char>(c);
    if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) return false;
    return u < 0x20 || u == 0x7f;
  });
}

int YearsBetween(Date from, Date to) {
  std::chrono::year_month_day a{from}, b{to};
  int years = int(b.year()) - int(a.year());
  if (b.month() < a.month() || (b.month() == a.month() && b.day() < a.day())) --years;
  return years;
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
  // A code from `choices`; empty when nothing was chosen (the caller decides if that is allowed).
  std::string Code(std::string_view field, std::string_view value,
                   const std::vector<Choice>& choices, std::string message) {
    std::string out = Trim(value);
    if (!out.empty() && !IsChoice(choices, out)) {
      Add(field, std::move(message));
      return "";
    }
    return out;
  }
  void Add(std::string_view field, std::string message) {
    for (const auto& e : errors_) {
      if (e.field == field) return;  // one message a field
    }
    errors_.push_back({std::string(field), std::move(message)});
  }
  bool Has(std::string_view field) const {
    return std::any_of(errors_.begin(), errors_.end(),
                       [&](const FieldError& e) { return e.field == field; });
  }
  bool ok() const { return errors_.empty(); }
  std::vector<FieldError> take() { return std::move(errors_); }

 private:
  std::vector<FieldError> errors_;
};

}  // namespace

const std::vector<Choice>& Relationships() { return kRelationships; }
const std::vector<Choice>& Whereabouts() { return kWhereabouts; }
const std::vector<Choice>& ServicesKnowAnswers() { return kServicesKnow; }

std::optional<int> AgeOn(const DependantDetails& details, Date today) {
  if (details.date_of_birth) return YearsBetween(*details.date_of_birth, today);
  return details.estimated_age;
}

bool IsUnder18(const DependantDetails& details, Date today) {
  auto age = AgeOn(details, today);
  return age && *age < 18;
}

Result<DependantDetails> ValidateDependant(const DependantInput& input, Date today) {
  Checker check;
  DependantDetails d;
  d.name = check.Text("name", input.name, kNameLimit, "Name");
  if (d.name.empty() && !check.Has("name")) {
    check.Add("name", "Enter the dependant's name (a name they are known by is enough)");
  }
  d.relationship = check.Code("relationship", input.relationship, kRelationships,
                              "Select who the dependant is to the survivor");
  if (d.relationship.empty()) {
    check.Add("relationship", "Select who the dependant is to the survivor");
  }

  bool any_dob = !Trim(input.dob_day).empty() || !Trim(input.dob_month).empty() ||
                 !Trim(input.dob_year).empty();
  std::string age = Trim(input.estimated_age);
  if (any_dob) {
    d.date_of_birth = DateFromParts(input.dob_day, input.dob_month, input.dob_year);
    if (!d.date_of_birth) {
      check.Add("dob", "Date of birth must be a real date, like 27 3 2019");
    } else if (*d.date_of_birth > today) {
      check.Add("dob", "Date of birth must be today or in the past");
    } else if (YearsBetween(*d.date_of_birth, today) > kOldestAge) {
      check.Add("dob", "Date of birth must be within the last 120 years");
    }
  }
  if (!age.empty()) {
    bool digits = age.size() <= 3 && std::all_of(age.begin(), age.end(), [](unsigned char ch) {
                    return std::isdigit(ch) != 0;
                  });
    int value = digits ? std::stoi(age) : -1;
    if (any_dob) {
      check.Add("estimated_age", "Enter either a date of birth or an estimated age, not both");
    } else if (!digits || value > kOldestAge) {
      check.Add("estimated_age", "Estimated age must be a whole number from 0 to 120");
    } else {
      d.estimated_age = value;
    }
  }
  if (!any_dob && age.empty()) {
    check.Add("dob", "Enter a date of birth, or an estimated age if you do not know it");
  }

  d.whereabouts = check.Code("whereabouts", input.whereabouts, kWhereabouts,
                             "Select where the dependant is now");
  if (d.whereabouts.empty()) check.Add("whereabouts", "Select where the dependant is now");
  d.needs = check.Text("needs", input.needs, kLongTextLimit, "Needs", true);
  d.risks = check.Text("risks", input.risks, kLongTextLimit, "Risks", true);
  d.school = check.Text("school", input.school, kShortTextLimit, "School or nursery");
  d.children_services_know =
      check.Code("children_services_know", input.children_services_know, kServicesKnow,
                 "Select whether children's services know about the dependant");
  d.local_authority =
      check.Text("local_authority", input.local_authority, kShortTextLimit, "Local authority");

  // A child's safety depends on whether children's services know: the question must be answered.
  bool age_known = !check.Has("dob") && !check.Has("estimated_age");
  if (age_known && IsUnder18(d, today) && d.children_services_know.empty() &&
      !check.Has("children_services_know")) {
    check.Add("children_services_know",
              "Select whether children's services know about the dependant: they are under 18");
  }
  if (d.children_services_know == "yes" && d.local_authority.empty() &&
      !check.Has("local_authority")) {
    check.Add("local_authority", "Enter the local authority whose children's services know");
  }
  if (!check.ok()) return Fail(Problem::Invalid(check.take()));
  return d;
}

DependantInput InputFor(const DependantDetails& d) {
  DependantInput in;
  in.name = d.name;
  in.relationship = d.relationship;
  if (d.date_of_birth) {
    std::chrono::year_month_day ymd{*d.date_of_birth};
    in.dob_day = std::to_string(unsigned(ymd.day()));
    in.dob_month = std::to_string(unsigned(ymd.month()));
    in.dob_year = std::to_string(int(ymd.year()));
  }
  if (d.estimated_age) in.estimated_age = std::to_string(*d.estimated_age);
  in.whereabouts = d.whereabouts;
  in.needs = d.needs;
  in.risks = d.risks;
  in.school = d.school;
  in.children_services_know = d.children_services_know;
  in.local_authority = d.local_authority;
  return in;
}

Result<Removal> ValidateRemoval(const RemovalInput& input, Date today) {
  Checker check;
  Removal out;
  auto on = DateFromParts(input.day, input.month, input.year);
  if (Trim(input.day).empty() && Trim(input.month).empty() && Trim(input.year).empty()) {
    check.Add("removed_on", "Enter the date they stopped being a dependant");
  } else if (!on) {
    check.Add("removed_on", "The date must be a real date, like 27 3 2025");
  } else if (*on > today) {
    check.Add("removed_on", "The date must be today or in the past");
  } else {
    out.on = *on;
  }
  out.reason = check.Text("reason", input.reason, 500, "The reason", true);
  if (out.reason.empty() && !check.Has("reason")) {
    check.Add("reason", "Enter why they are no longer a dependant");
  }
  if (!check.ok()) return Fail(Problem::Invalid(check.take()));
  return out;
}

}  // namespace waymark::dependants
