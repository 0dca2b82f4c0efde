#include "html_normalise.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

namespace waymark::html::testing {
namespace {

bool IsVoid(std::string_view tag) {
  static const char* const kVoid[] = {"area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                      "input", "link", "meta", "param", "source", "track", "wbr"};
  for (const char* v : kVoid) {
    if (tag == v) return true;
  }
  return false;
}

void AppendUtf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string Decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string_view entity = s.substr(i + 1, semi - i - 1);
    if (entity == "amp")
      out += '&';
    else if (entity == "lt")
      out += '<';
    else if (entity == "gt")
      out += '>';
    else if (entity == "quot")
      out += '"';
    else if (entity == "apos")
      out += '\'';
    else if (entity == "nbsp")
      AppendUtf8(out, 0xA0);
    else if (!entity.empty() && entity[0] == '#') {
      bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
      AppendUtf8(out, std::stoul(std::string(entity.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10));
    } else {
      out += s.substr(i, semi - i + 1);
    }
    i = semi;
  }
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string SortedClasses(std::string_view value) {
  std::istringstream in{std::string(value)};
  std::vector<std::string> classes;
  for (std::string c; in >> c;) classes.push_back(c);
  std::sort(classes.begin(), classes.end());
  std::string out;
  for (const auto& c : classes) out += (out.empty() ? "" : " ") + c;
  return out;
}

}  // namespace

std::string Token::Attribute(std::string_view attr) const {
  for (const auto& [n, v] : attributes) {
    if (n == attr) return v;
  }
  return "";
}

std::vector<Token> Tokenize(std::string_view html) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  auto text_until = [&](std::size_t end) {
    std::string text = CollapseSpace(Decode(html.substr(i, end - i)));
    if (!text.empty()) tokens.push_back({Token::Kind::kText, text, {}});
  };
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      text_until(html.size());
      break;
    }
    text_until(lt);
    if (html.compare(lt, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", lt);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html.compare(lt, 2, "<!") == 0) {  // doctype
      i = html.find('>', lt) + 1;
      continue;
    }
    std::size_t p = lt + 1;
    bool end_tag = html[p] == '/';
    if (end_tag) ++p;
    std::size_t name_start = p;
    while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) &&
           html[p] != '>' && html[p] != '/') {
      ++p;
    }
    Token token{end_tag ? Token::Kind::kEnd : Token::Kind::kStart,
                std::string(html.substr(name_start, p - name_start)),
                {}};
    std::transform(token.name.begin(), token.name.end(), token.name.begin(), ::tolower);
    bool self_closing = false;
    while (p < html.size() && html[p] != '>') {
      char c = html[p];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++p;
        continue;
      }
      if (c == '/') {
        self_closing = true;
        ++p;
        continue;
      }
      std::size_t n0 = p;
      while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) &&
             html[p] != '=' && html[p] != '>' && html[p] != '/') {
        ++p;
      }
      std::string name(html.substr(n0, p - n0));
      std::string value;
      while (p < html.size() && std::isspace(static_cast<unsigned char>(html[p]))) ++p;
      if (p < html.size() && html[p] == '=') {
        ++p;
        while (p < html.size() && std::isspace(static_cast<unsigned char>(html[p]))) ++p;
        char quote = html[p];
        if (quote == '"' || quote == '\'') {
          std::size_t close = html.find(quote, p + 1);
          value = std::string(html.substr(p + 1, close - p - 1));
          p = close + 1;
        } else {
          std::size_t v0 = p;
          while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) &&
                 html[p] != '>') {
            ++p;
          }
          value = std::string(html.substr(v0, p - v0));
        }
      }
      value = Decode(value);
      if (name == "class") value = SortedClasses(value);
      token.attributes.emplace_back(name, value);
    }
    if (p >= html.size()) throw std::runtime_error("unterminated tag in: " + std::string(html));
    i = p + 1;
    std::sort(token.attributes.begin(), token.attributes.end());
    tokens.push_back(token);
    if (!end_tag && self_closing && !IsVoid(token.name)) {
      tokens.push_back({Token::Kind::kEnd, token.name, {}});
    }
  }
  return tokens;
}

void RemoveElements(std::vector<Token>& tokens, const std::function<bool(const Token&)>& match) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != Token::Kind::kStart || !match(t)) {
      out.push_back(t);
      continue;
    }
    if (IsVoid(t.name)) continue;
    int depth = 0;
    for (; i < tokens.size(); ++i) {
      if (tokens[i].kind == Token::Kind::kStart && !IsVoid(tokens[i].name)) ++depth;
      if (tokens[i].kind == Token::Kind::kEnd && --depth == 0) break;
    }
  }
  tokens = std::move(out);
}

std::string Canonical(const std::vector<Token>& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    switch (t.kind) {
      case Token::Kind::kText:
        out += "\"" + t.name + "\"\n";
        break;
      case Token::Kind::kEnd:
        out += "</" + t.name + ">\n";
        break;
      case Token::Kind::kStart:
        out += "<" + t.name;
        for (const auto& [n, v] : t.attributes) out += " " + n + "=\"" + v + "\"";
        out += ">\n";
        break;
    }
  }
  return out;
}

}  // namespace waymark::html::testing
