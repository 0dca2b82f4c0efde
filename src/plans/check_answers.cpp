#include "plans/check_answers.hpp"

namespace waymark::plans {

namespace {

std::string LowerFirst(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] + 32);
  return out;
}

std::string DomainList(const std::vector<NeedDomain>& domains) {
  std::string out;
  for (size_t i = 0; i < domains.size(); ++i) {
    if (i > 0) out += ", ";
    out += assessments::Label(domains[i]);
  }
  return out;
}

void AddGoalRows(std::vector<AnswerRow>& rows, const Goal& goal, size_t index) {
  std::string number = std::to_string(index + 1);
  std::string field = "goals-" + std::to_string(index);
  rows.push_back({"Goal " + number, goal.text, field + "-text"});
  rows.push_back(
      {"Needs goal " + number + " addresses", DomainList(goal.domains), field + "-domains"});
  if (goal.actions.empty()) {
    rows.push_back({"Goal " + number + " actions", "None added", field + "-actions"});
  }
  for (size_t j = 0; j < goal.actions.size(); ++j) {
    const Action& action = goal.actions[j];
    rows.push_back({"Goal " + number + ", action " + std::to_string(j + 1),
                    action.text + " (" + action.owner + ", due " +
                        FormatDateForPeople(action.due_on) + ", " +
                        LowerFirst(Label(action.status)) + ")",
                    field + "-actions-" + std::to_string(j)});
  }
}

}  // namespace

std::vector<AnswerRow> CheckYourAnswers(const Plan& plan) {
  std::vector<AnswerRow> rows;
  if (plan.goals.empty()) rows.push_back({"Goals", "None added", "goals"});
  for (size_t i = 0; i < plan.goals.size(); ++i) AddGoalRows(rows, plan.goals[i], i);

  for (const StandardPoint& point : Sfjbms05Points()) {
    std::string number = std::to_string(point.number);
    const auto& evidence = plan.EvidenceFor(point.number);
    rows.push_back({number + ". " + std::string(point.title),
                    evidence ? evidence->text : "Not recorded", "evidence-" + number});
    if (point.number == kRightsInformationPoint) {
      bool rights = evidence && evidence->rights;
      rows.push_back({"Language the rights information was given in",
                      rights ? evidence->rights->language : "Not recorded",
                      "evidence-" + number + "-language"});
      rows.push_back({"Format the rights information was given in",
                      rights ? std::string(Label(evidence->rights->format)) : "Not recorded",
                      "evidence-" + number + "-format"});
    }
  }

  rows.push_back({"Review date", plan.review_on ? FormatDateForPeople(*plan.review_on) : "Not set",
                  "review_on"});
  return rows;
}

}  // namespace waymark::plans
