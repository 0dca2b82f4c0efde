// A dependant of a survivor (a child, a partner, another person they support) recorded in their
// own right: who they are, where they are, their needs and risks, their school, and whether
// children's services know about them. The types and the pure rules for what a person may type.
//
// Personal fields (DependantDetails: name, date of birth, needs, risks, school, local authority)
// are only ever held in memory; the store encrypts them. The codes (relationship, whereabouts,
// whether children's services know) are non-identifying and kept in the clear for statistics.
// Thread safety: pure functions and plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/choices.hpp"
#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::dependants {

// relationship: "child", "partner", "other".
const std::vector<Choice>& Relationships();
// whereabouts: "with_survivor", "elsewhere_uk", "overseas", "not_known".
const std::vector<Choice>& Whereabouts();
// children_services_know: "yes", "no", "not_known".
const std::vector<Choice>& ServicesKnowAnswers();

// A dependant as validated: codes in the clear, the rest personal.
struct DependantDetails {
  std::string name;
  std::string relationship;  // a Relationships() code
  std::optional<Date> date_of_birth;
  std::optional<int> estimated_age;  // when the date of birth is not known
  std::string whereabouts;           // a Whereabouts() code
  std::string needs;
  std::string risks;
  std::string school;                  // school or nursery; may be empty
  std::string children_services_know;  // a ServicesKnowAnswers() code, or empty
  std::string local_authority;         // the children's services that know; may be empty
  bool operator==(const DependantDetails&) const = default;
};

// What a person typed into the dependant form, before validation.
struct DependantInput {
  std::string name;
  std::string relationship;
  std::string dob_day, dob_month, dob_year;
  std::string estimated_age;
  std::string whereabouts;
  std::string needs;
  std::string risks;
  std::string school;
  std::string children_services_know;
  std::string local_authority;
};

// Age in whole years on `today`, from the date of birth or (growing by nothing) the estimate;
// nullopt when neither is known.
std::optional<int> AgeOn(const DependantDetails& details, Date today);
bool IsUnder18(const DependantDetails& details, Date today);

// Every problem at once, as field errors named after the form fields ("name", "relationship",
// "dob", "estimated_age", "whereabouts", "needs", "risks", "school", "children_services_know",
// "local_authority"). A date of birth or an estimated age is required (an estimate is enough);
// for anyone under 18 whether children's services know is required, and when they do, which
// local authority.
Result<DependantDetails> ValidateDependant(const DependantInput& input, Date today);

// The form's values for a saved dependant (for the change page).
DependantInput InputFor(const DependantDetails& details);

// Recording that someone is no longer a dependant: from when and why. History is kept.
struct RemovalInput {
  std::string day, month, year;
  std::string reason;
};
struct Removal {
  Date on{};
  std::string reason;  // personal: encrypted by the store
};
// Field errors "removed_on" (a real date, not after `today`) and "reason" (required).
Result<Removal> ValidateRemoval(const RemovalInput& input, Date today);

}  // namespace waymark::dependants
