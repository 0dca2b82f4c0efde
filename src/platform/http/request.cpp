#include "platform/http/request.hpp"

#include <boost/url/parse.hpp>

#include <charconv>
#include <stdexcept>

#include "platform/http/text.hpp"

namespace waymark::http {

namespace {

Problem TargetProblem(std::string message) {
  return Problem::Invalid("target", std::move(message));
}

}  // namespace

std::string_view Request::Capture(std::string_view name) const {
  for (const auto& [key, value] : captures) {
    if (key == name) return value;
  }
  throw std::out_of_range("route has no capture named " + std::string(name));
}

std::int64_t Request::CaptureInt(std::string_view name) const {
  std::string_view text = Capture(name);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw std::out_of_range("capture " + std::string(name) + " is not an integer");
  }
  return value;
}

Cookies Request::Cookies() const {
  std::string joined;
  for (std::string_view value : headers.GetAll("Cookie")) {
    if (!joined.empty()) joined += "; ";
    joined += value;
  }
  return ParseCookies(joined);
}

Result<FormFields> Request::Form(const FormLimits& limits) const {
  std::string_view type = headers.Get("Content-Type").value_or("");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (!EqualsIgnoreCase(type, "application/x-www-form-urlencoded")) {
    return Fail(Problem::Invalid("form", "The form was not sent as a form"));
  }
  return ParseUrlencoded(body, limits);
}

Result<Target> ParseTarget(std::string_view target, const FormLimits& limits) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return Fail(TargetProblem("The address is not a valid path"));

  Target out;
  std::string_view encoded_path = parsed->encoded_path();
  if (encoded_path.empty() || encoded_path.front() != '/') {
    return Fail(TargetProblem("The address is not a valid path"));
  }
  out.path.reserve(encoded_path.size());
  std::size_t start = 1;
  while (true) {
    std::size_t end = encoded_path.find('/', start);
    bool last = end == std::string_view::npos;
    if (last) end = encoded_path.size();
    auto segment = PercentDecode(encoded_path.substr(start, end - start), false);
    if (!segment) return Fail(TargetProblem("The address has a malformed escape"));
    if (segment->empty() && !last) return Fail(TargetProblem("The address has an empty segment"));
    if (*segment == "." || *segment == ".." || segment->find('/') != std::string::npos ||
        !IsValidUtf8(*segment) || HasControlCharacter(*segment) ||
        segment->find_first_of("\t\r\n") != std::string::npos) {
      return Fail(TargetProblem("The address has a segment that is not allowed"));
    }
    out.path += '/';
    out.path += *segment;
    if (last) break;
    start = end + 1;
  }

  if (parsed->has_query()) {
    out.raw_query = std::string(parsed->encoded_query());
    auto query = ParseQuery(out.raw_query, limits);
    if (!query) return Fail(query.error());
    out.query = std::move(*query);
  }
  return out;
}

}  // namespace waymark::http
