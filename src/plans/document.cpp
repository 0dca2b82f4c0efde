#include "plans/document.hpp"

#include <boost/json.hpp>
#include <stdexcept>

namespace waymark::plans {

namespace json = boost::json;

namespace {

template <class E, class Parse>
E ParseOrThrow(const json::value& v, Parse parse) {
  auto parsed = parse(std::string_view(v.as_string()));
  if (!parsed) throw std::invalid_argument("unknown code");
  return *parsed;
}

Date DateOrThrow(const json::value& v) {
  auto date = ParseIsoDate(std::string_view(v.as_string()));
  if (!date) throw std::invalid_argument("bad date");
  return *date;
}

json::object EncodeGoal(const Goal& goal) {
  json::array domains;
  for (NeedDomain d : goal.domains) domains.emplace_back(assessments::Code(d));
  json::array actions;
  for (const Action& a : goal.actions) {
    actions.push_back(json::object{{"text", a.text},
                                   {"owner", a.owner},
                                   {"due_on", FormatIsoDate(a.due_on)},
                                   {"status", Code(a.status)}});
  }
  return {{"text", goal.text}, {"domains", std::move(domains)}, {"actions", std::move(actions)}};
}

Goal DecodeGoal(const json::object& o) {
  Goal goal;
  goal.text = std::string(o.at("text").as_string());
  for (const auto& d : o.at("domains").as_array()) {
    goal.domains.push_back(ParseOrThrow<NeedDomain>(d, assessments::ParseNeedDomain));
  }
  for (const auto& item : o.at("actions").as_array()) {
    const auto& a = item.as_object();
    goal.actions.push_back(Action{std::string(a.at("text").as_string()),
                                  std::string(a.at("owner").as_string()),
                                  DateOrThrow(a.at("due_on")),
                                  ParseOrThrow<ActionStatus>(a.at("status"), ParseActionStatus)});
  }
  return goal;
}

}  // namespace

std::string EncodePlanDocument(const Plan& plan) {
  json::array goals;
  for (const Goal& goal : plan.goals) goals.push_back(EncodeGoal(goal));
  json::array evidence;
  for (int point = 1; point <= kSfjbms05PointCount; ++point) {
    const auto& e = plan.EvidenceFor(point);
    if (!e) continue;
    json::object o{{"point", point}, {"text", e->text}};
    if (e->rights) {
      o["language"] = e->rights->language;
      o["format"] = Code(e->rights->format);
    }
    evidence.push_back(std::move(o));
  }
  json::object doc{{"goals", std::move(goals)}, {"evidence", std::move(evidence)}};
  if (plan.agreement) {
    doc["agreement"] = json::object{{"mode", assessments::Code(plan.agreement->mode)},
                                    {"language", plan.agreement->language},
                                    {"interpreter_used", plan.agreement->interpreter_used}};
  }
  return json::serialize(doc);
}

Result<void> DecodePlanDocument(std::string_view text, Plan& plan) {
  try {
    json::object doc = json::parse(text).as_object();
    plan.goals.clear();
    for (const auto& g : doc.at("goals").as_array())
      plan.goals.push_back(DecodeGoal(g.as_object()));
    plan.evidence = {};
    for (const auto& item : doc.at("evidence").as_array()) {
      const auto& o = item.as_object();
      int64_t point = o.at("point").as_int64();
      if (point < 1 || point > kSfjbms05PointCount) throw std::invalid_argument("bad point");
      PointEvidence e{std::string(o.at("text").as_string()), std::nullopt};
      if (const auto* language = o.if_contains("language")) {
        e.rights = RightsInformation{std::string(language->as_string()),
                                     ParseOrThrow<RightsFormat>(o.at("format"), ParseRightsFormat)};
      }
      plan.evidence[static_cast<size_t>(point - 1)] = std::move(e);
    }
    if (const auto* a = doc.if_contains("agreement")) {
      if (!plan.agreement) throw std::invalid_argument("agreement without a date");
      const auto& o = a->as_object();
      plan.agreement->mode = ParseOrThrow<MeetingMode>(o.at("mode"), assessments::ParseMeetingMode);
      plan.agreement->language = std::string(o.at("language").as_string());
      plan.agreement->interpreter_used = o.at("interpreter_used").as_bool();
    }
    return {};
  } catch (const std::exception&) {
    // The message could echo stored text; say only what broke.
    return Fail(Problem::Invalid("document", "A stored plan document could not be read"));
  }
}

}  // namespace waymark::plans
