#include "api/case_json.hpp"

#include "cases/codec.hpp"
#include "platform/util/time.hpp"

namespace waymark::api {

namespace {

boost::json::array Strings(const std::vector<std::string>& values) {
  boost::json::array out;
  for (const auto& value : values) out.emplace_back(value);
  return out;
}

boost::json::value OptionalText(const std::optional<std::string>& value) {
  if (!value) return nullptr;
  return boost::json::string(*value);
}

bool IsDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string Join(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += separator;
    out += value;
  }
  return out;
}

}  // namespace

boost::json::object CaseToJson(const cases::Case& c) {
  const cases::PersonalDetails& p = c.personal;
  return boost::json::object{
      {"id", c.id},
      {"reference", c.reference},
      {"status", std::string(cases::Code(c.status))},
      {"version", c.version},
      {"created_at", FormatUtc(c.created_at)},
      {"updated_at", FormatUtc(c.updated_at)},
      {"closure_reason", OptionalText(c.closure_reason)},
      {"closed_on",
       c.closed_on ? boost::json::value(FormatIsoDate(*c.closed_on)) : boost::json::value(nullptr)},
      {"nrm_stage", c.nrm_stage},
      {"risk_level", c.risk_level},
      {"given_names", p.given_names},
      {"family_name", p.family_name},
      {"other_names", Strings(p.other_names)},
      {"date_of_birth", p.date_of_birth ? boost::json::value(FormatIsoDate(*p.date_of_birth))
                                        : boost::json::value(nullptr)},
      {"estimated_age",
       p.estimated_age ? boost::json::value(*p.estimated_age) : boost::json::value(nullptr)},
      {"phone", p.phone},
      {"email", p.email},
      {"safe_contact_method", p.safe_contact_method},
      {"safe_contact_times", p.safe_contact_times},
      {"address", p.address},
      {"gender", c.clear.gender},
      {"age_band", c.clear.age_band},
      {"nationalities", Strings(c.clear.nationalities)},
      {"languages", Strings(c.clear.languages)},
      {"dialect", c.clear.dialect},
      {"interpreter_needed", c.clear.interpreter_needed},
      {"interpreter_gender", c.clear.interpreter_gender},
  };
}

cases::CaseInput CaseInputFromJson(JsonBody& body) {
  cases::CaseInput in;
  in.given_names = body.Text("given_names");
  in.family_name = body.Text("family_name");
  in.other_names = Join(body.TextList("other_names"), "\n");
  std::string dob = body.Text("date_of_birth");
  if (!dob.empty()) {
    // The service checks it is a real date; here only its shape, so its parts can go in.
    if (dob.size() == 10 && dob[4] == '-' && dob[7] == '-' && IsDigits(dob.substr(0, 4)) &&
        IsDigits(dob.substr(5, 2)) && IsDigits(dob.substr(8, 2))) {
      in.dob_year = dob.substr(0, 4);
      in.dob_month = dob.substr(5, 2);
      in.dob_day = dob.substr(8, 2);
    } else {
      body.AddError("date_of_birth", "Enter the date of birth as YYYY-MM-DD, like 1990-03-27");
    }
  }
  if (auto age = body.Integer("estimated_age")) in.estimated_age = std::to_string(*age);
  in.phone = body.Text("phone");
  in.email = body.Text("email");
  in.safe_contact_method = body.Text("safe_contact_method");
  in.safe_contact_times = body.Text("safe_contact_times");
  in.address = body.Text("address");
  in.gender = body.Text("gender");
  in.nationalities = Join(body.TextList("nationalities"), ", ");
  in.languages = Join(body.TextList("languages"), ", ");
  in.dialect = body.Text("dialect");
  if (auto needed = body.Boolean("interpreter_needed"))
    in.interpreter_needed = *needed ? "yes" : "no";
  in.interpreter_gender = body.Text("interpreter_gender");
  return in;
}

Problem CaseProblemForApi(Problem problem) {
  return RenameFields(std::move(problem), {{"dob", "date_of_birth"}, {"q", "query"}});
}

}  // namespace waymark::api
