// "Check your answers" before a plan is agreed: the plan as rows of question, answer and
// the field to change, in the order a worker reads it (goals and actions, the twenty points
// of SFJBMS05, the review date). Rows carry plain text; the page escapes it.
// Pure function; safe from any thread.
//
// change_field names where to change the answer: goals (none yet), goals-<i>-text,
// goals-<i>-domains, goals-<i>-actions (none yet), goals-<i>-actions-<j> (i, j from 0),
// evidence-<point>, evidence-5-language, evidence-5-format, review_on. The same names are used by
// MissingBeforeAgreement() in lifecycle.hpp, so its errors link to these rows.
#pragma once

#include <string>
#include <vector>

#include "plans/model.hpp"

namespace waymark::plans {

struct AnswerRow {
  std::string question;
  std::string answer;
  std::string change_field;
};

std::vector<AnswerRow> CheckYourAnswers(const Plan& plan);

}  // namespace waymark::plans
