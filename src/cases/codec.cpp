#include "cases/codec.hpp"

#include <boost/json.hpp>

namespace waymark::cases {

namespace json = boost::json;

namespace {

json::array ToArray(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

// Reads the document's fields; a wrong type throws, caught once in Parse.
class Reader {
 public:
  explicit Reader(const json::object& object) : object_(object) {}
  std::string Text(std::string_view key) const {
    const json::value* v = object_.if_contains(key);
    return v && !v->is_null() ? std::string(v->as_string()) : std::string();
  }
  std::vector<std::string> List(std::string_view key) const {
    std::vector<std::string> out;
    if (const json::value* v = object_.if_contains(key); v && !v->is_null()) {
      for (const auto& item : v->as_array()) out.emplace_back(item.as_string());
    }
    return out;
  }
  std::optional<int64_t> Integer(std::string_view key) const {
    const json::value* v = object_.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    return v->as_int64();
  }
  bool Boolean(std::string_view key) const {
    const json::value* v = object_.if_contains(key);
    return v && !v->is_null() && v->as_bool();
  }

 private:
  const json::object& object_;
};

template <class T, class Fn>
Result<T> Parse(std::string_view text, Fn&& fill) {
  try {
    json::value value = json::parse(text);
    T out;
    fill(Reader(value.as_object()), out);
    return out;
  } catch (const std::exception&) {
    // The message could echo stored text; say only what broke.
    return Fail(Problem::Invalid("document", "A stored case document could not be read"));
  }
}

}  // namespace

std::string EncodePersonal(const PersonalDetails& p) {
  json::object o;
  o["given_names"] = p.given_names;
  o["family_name"] = p.family_name;
  o["other_names"] = ToArray(p.other_names);
  if (p.date_of_birth) o["date_of_birth"] = FormatIsoDate(*p.date_of_birth);
  if (p.estimated_age) o["estimated_age"] = *p.estimated_age;
  o["phone"] = p.phone;
  o["email"] = p.email;
  o["safe_contact_method"] = p.safe_contact_method;
  o["safe_contact_times"] = p.safe_contact_times;
  o["address"] = p.address;
  return json::serialize(o);
}

Result<PersonalDetails> DecodePersonal(std::string_view text) {
  return Parse<PersonalDetails>(text, [](const Reader& r, PersonalDetails& p) {
    p.given_names = r.Text("given_names");
    p.family_name = r.Text("family_name");
    p.other_names = r.List("other_names");
    if (std::string dob = r.Text("date_of_birth"); !dob.empty()) {
      p.date_of_birth = ParseIsoDate(dob);
      if (!p.date_of_birth) throw std::runtime_error("bad date");
    }
    if (auto age = r.Integer("estimated_age")) p.estimated_age = static_cast<int>(*age);
    p.phone = r.Text("phone");
    p.email = r.Text("email");
    p.safe_contact_method = r.Text("safe_contact_method");
    p.safe_contact_times = r.Text("safe_contact_times");
    p.address = r.Text("address");
  });
}

std::string EncodeClear(const ClearDetails& c) {
  json::object o;
  o["gender"] = c.gender;
  o["age_band"] = c.age_band;
  o["nationalities"] = ToArray(c.nationalities);
  o["languages"] = ToArray(c.languages);
  o["dialect"] = c.dialect;
  o["interpreter_needed"] = c.interpreter_needed;
  o["interpreter_gender"] = c.interpreter_gender;
  return json::serialize(o);
}

Result<ClearDetails> DecodeClear(std::string_view text) {
  return Parse<ClearDetails>(text, [](const Reader& r, ClearDetails& c) {
    c.gender = r.Text("gender");
    c.age_band = r.Text("age_band");
    c.nationalities = r.List("nationalities");
    c.languages = r.List("languages");
    c.dialect = r.Text("dialect");
    c.interpreter_needed = r.Boolean("interpreter_needed");
    c.interpreter_gender = r.Text("interpreter_gender");
  });
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) {
    if (!out.empty()) out += ',';
    out += code;
  }
  return out;
}

std::vector<std::string> SplitStoredCodes(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace waymark::cases
