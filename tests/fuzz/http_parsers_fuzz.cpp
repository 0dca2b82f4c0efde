// libFuzzer target for everything that parses bytes from the network: the request reader (Beast's
// parser behind our limits), the request-target, urlencoded forms and queries, and cookies.
// The first input byte picks where the request is split for incremental feeding; the reader must
// reach the same final outcome whole or in two pieces.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/http/cookies.hpp"
#include "platform/http/forms.hpp"
#include "platform/http/request.hpp"
#include "platform/http/request_reader.hpp"
#include "platform/http/text.hpp"

namespace {

using waymark::http::RequestReader;

struct Outcome {
  RequestReader::State state;
  int status = 0;
  std::size_t consumed = 0;
  std::string path;
  std::string body;
};

waymark::http::ReaderLimits SmallLimits() {
  return waymark::http::ReaderLimits{.max_header_bytes = 1024,
                                     .max_body_bytes = 4096,
                                     .query = {.max_fields = 16, .max_field_bytes = 256}};
}

Outcome Finish(RequestReader& reader, std::size_t consumed) {
  Outcome out{reader.state(), reader.failure_status(), consumed, {}, {}};
  if (reader.state() == RequestReader::State::kComplete) {
    waymark::http::Request req = reader.TakeRequest();
    out.path = req.path;
    out.body = req.body;
    if (!waymark::http::IsValidUtf8(req.path)) __builtin_trap();
    (void)req.Cookies();
    (void)req.Form();
  }
  return out;
}

Outcome Whole(std::string_view bytes) {
  RequestReader reader(SmallLimits());
  std::size_t consumed = reader.Feed(bytes);
  if (consumed > bytes.size()) __builtin_trap();
  return Finish(reader, consumed);
}

Outcome Split(std::string_view bytes, std::size_t at) {
  RequestReader reader(SmallLimits());
  std::string buffer(bytes.substr(0, at));
  std::size_t consumed = reader.Feed(buffer);
  buffer.erase(0, consumed);
  if (reader.state() == RequestReader::State::kNeedMore) {
    (void)reader.TakeContinueRequest();
    buffer.append(bytes.substr(at));
    consumed += reader.Feed(buffer);
  }
  return Finish(reader, consumed);
}

void CheckForm(std::string_view text) {
  auto form = waymark::http::ParseUrlencoded(text, {.max_fields = 32, .max_field_bytes = 512});
  if (!form) return;
  if (form->size() > 32) __builtin_trap();
  for (const auto& [name, value] : form->fields()) {
    if (name.size() > 512 || value.size() > 512) __builtin_trap();
    if (!waymark::http::IsValidUtf8(name) || !waymark::http::IsValidUtf8(value)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::size_t split = input.empty() ? 0 : data[0] % (input.size() + 1);

  Outcome whole = Whole(input);
  Outcome pieces = Split(input, split);
  // Beast may spot a bad field before the header ends when it sees the bytes at once, but only
  // after the blank line when they come in pieces; so only two final outcomes must agree. A
  // request with several faults may be refused for a different one (400 or 431) depending on
  // how its bytes arrive; what must never differ is whether it is accepted, and as what.
  bool both_final = whole.state != RequestReader::State::kNeedMore &&
                    pieces.state != RequestReader::State::kNeedMore;
  bool both_refused =
      whole.state == RequestReader::State::kFailed && pieces.state == RequestReader::State::kFailed;
  if (both_final && !both_refused &&
      (whole.state != pieces.state || whole.status != pieces.status || whole.path != pieces.path ||
       whole.body != pieces.body)) {
    __builtin_trap();
  }

  CheckForm(input);
  (void)waymark::http::ParseQuery(input);
  (void)waymark::http::ParseTarget(input);
  auto cookies = waymark::http::ParseCookies(input, 8);
  if (cookies.items().size() > 8) __builtin_trap();
  return 0;
}
