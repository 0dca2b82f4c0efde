#include "platform/http/router.hpp"

#include <algorithm>
#include <stdexcept>

#include "platform/util/ids.hpp"

namespace waymark::http {

namespace {

bool IsCaptureName(std::string_view name) {
  if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsMethod(std::string_view method) {
  return !method.empty() &&
         std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsDigits(std::string_view s, std::size_t max) {
  return !s.empty() && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsSlug(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path == "/") return parts;
  std::size_t start = path.front() == '/' ? 1 : 0;
  while (true) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      parts.push_back(path.substr(start));
      return parts;
    }
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

Router::Compiled Router::Compile(const Route& route) {
  auto fail = [&route](const std::string& why) {
    throw std::invalid_argument("route " + route.method + " " + route.pattern + ": " + why);
  };
  if (route.pattern.empty() || route.pattern.front() != '/') fail("pattern must start with '/'");
  Compiled compiled;
  std::vector<std::string> names;
  std::vector<std::string_view> parts = SplitPath(route.pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (part.empty()) fail("empty segment");
    if (part.front() != '{') {
      if (part.find_first_of("{}") != std::string_view::npos) fail("stray brace");
      compiled.segments.push_back({Segment::Type::kLiteral, std::string(part)});
      continue;
    }
    if (part.back() != '}') fail("capture must fill its segment");
    std::string_view inner = part.substr(1, part.size() - 2);
    std::size_t colon = inner.find(':');
    std::string_view name = inner.substr(0, colon);
    std::string_view type = colon == std::string_view::npos ? "any" : inner.substr(colon + 1);
    if (!IsCaptureName(name)) fail("bad capture name");
    if (std::find(names.begin(), names.end(), name) != names.end()) fail("duplicate capture");
    names.emplace_back(name);
    Segment::Type t = Segment::Type::kAny;
    if (type == "id") {
      t = Segment::Type::kId;
    } else if (type == "int") {
      t = Segment::Type::kInt;
    } else if (type == "ref") {
      t = Segment::Type::kRef;
    } else if (type == "slug") {
      t = Segment::Type::kSlug;
    } else if (type == "any") {
      t = Segment::Type::kAny;
    } else if (type == "path") {
      if (i + 1 != parts.size()) fail("a path capture must be last");
      t = Segment::Type::kPath;
    } else {
      fail("unknown capture type '" + std::string(type) + "'");
    }
    compiled.segments.push_back({t, std::string(name)});
  }
  return compiled;
}

void Router::Add(Route route) {
  std::string name = route.method + " " + route.pattern;
  if (route.action.empty() || route.action.find_first_of(" \t\r\n") != std::string::npos) {
    throw std::invalid_argument("route " + name + " has no policy action");
  }
  if (!route.handler) throw std::invalid_argument("route " + name + " has no handler");
  if (!IsMethod(route.method)) throw std::invalid_argument("route " + name + ": bad method");
  Compiled compiled = Compile(route);
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::invalid_argument("route " + name + " is registered twice");
    }
  }
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(compiled));
}

bool Router::MatchPattern(const Compiled& compiled, std::string_view path, Captures* captures) {
  std::vector<std::string_view> parts = SplitPath(path);
  captures->clear();
  std::size_t i = 0;
  for (const Segment& seg : compiled.segments) {
    if (seg.type == Segment::Type::kPath) {
      if (i >= parts.size()) return false;
      std::string rest;
      for (std::size_t k = i; k < parts.size(); ++k) {
        if (parts[k].empty()) return false;
        if (k > i) rest += '/';
        rest += parts[k];
      }
      captures->emplace_back(seg.text, std::move(rest));
      return true;
    }
    if (i >= parts.size()) return false;
    std::string_view part = parts[i++];
    bool ok = false;
    switch (seg.type) {
      case Segment::Type::kLiteral:
        ok = part == seg.text;
        break;
      case Segment::Type::kId:
        ok = IsId(part);
        break;
      case Segment::Type::kInt:
        ok = IsDigits(part, 18);
        break;
      case Segment::Type::kRef:
        ok = IsShortReference(part);
        break;
      case Segment::Type::kSlug:
        ok = IsSlug(part);
        break;
      case Segment::Type::kAny:
        ok = !part.empty();
        break;
      case Segment::Type::kPath:
        break;
    }
    if (!ok) return false;
    if (seg.type != Segment::Type::kLiteral) captures->emplace_back(seg.text, std::string(part));
  }
  return i == parts.size();
}

bool Router::MoreSpecific(const Compiled& a, const Compiled& b) {
  auto rank = [](Segment::Type t) {
    switch (t) {
      case Segment::Type::kLiteral:
        return 0;
      case Segment::Type::kAny:
        return 2;
      case Segment::Type::kPath:
        return 3;
      default:
        return 1;
    }
  };
  std::size_t n = std::min(a.segments.size(), b.segments.size());
  for (std::size_t i = 0; i < n; ++i) {
    int ra = rank(a.segments[i].type);
    int rb = rank(b.segments[i].type);
    if (ra != rb) return ra < rb;
  }
  return a.segments.size() > b.segments.size();
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  std::vector<std::size_t> path_matches;
  Captures scratch;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (MatchPattern(compiled_[i], path, &scratch)) path_matches.push_back(i);
  }
  if (path_matches.empty()) return result;

  auto best_for = [&](std::string_view m) -> std::optional<std::size_t> {
    std::optional<std::size_t> best;
    for (std::size_t i : path_matches) {
      if (routes_[i].method != m) continue;
      if (!best || MoreSpecific(compiled_[i], compiled_[*best])) best = i;
    }
    return best;
  };
  std::optional<std::size_t> best = best_for(method);
  if (!best && method == "HEAD") best = best_for("GET");
  if (best) {
    result.outcome = RouteMatch::Outcome::kFound;
    result.route = &routes_[*best];
    MatchPattern(compiled_[*best], path, &result.captures);
    return result;
  }
  result.outcome = RouteMatch::Outcome::kMethodNotAllowed;
  for (std::size_t i : path_matches) result.allow.push_back(routes_[i].method);
  if (std::find(result.allow.begin(), result.allow.end(), "GET") != result.allow.end()) {
    result.allow.push_back("HEAD");
  }
  std::sort(result.allow.begin(), result.allow.end());
  result.allow.erase(std::unique(result.allow.begin(), result.allow.end()), result.allow.end());
  return result;
}

std::optional<std::size_t> Router::BodyLimitFor(std::string_view method,
                                                std::string_view path) const {
  RouteMatch match = Match(method, path);
  if (match.outcome != RouteMatch::Outcome::kFound) return std::nullopt;
  return match.route->body_limit;
}

Response Dispatch(const Router& router, Request& req, const RouteGuard& guard,
                  const ErrorPageFn& error_page) {
  RouteMatch match = router.Match(req.method, req.path);
  if (match.outcome == RouteMatch::Outcome::kNotFound) {
    req.route_pattern = "unmatched";
    return error_page(404, "");
  }
  if (match.outcome == RouteMatch::Outcome::kMethodNotAllowed) {
    req.route_pattern = "unmatched";
    Response res = error_page(405, "");
    std::string allow;
    for (const std::string& m : match.allow) allow += (allow.empty() ? "" : ", ") + m;
    res.headers.Set("Allow", std::move(allow));
    return res;
  }
  req.captures = std::move(match.captures);
  req.route_pattern = match.route->pattern;
  if (guard) {
    if (std::optional<Response> early = guard(req, *match.route)) return std::move(*early);
  }
  return match.route->handler(req);
}

}  // namespace waymark::http
