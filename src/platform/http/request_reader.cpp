#include "platform/http/request_reader.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

namespace waymark::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

struct RequestReader::Impl {
  bhttp::request_parser<bhttp::string_body> parser;
};

RequestReader::RequestReader(ReaderLimits limits, BodyLimitFn body_limit)
    : limits_(std::move(limits)), body_limit_(std::move(body_limit)), impl_(new Impl) {
  impl_->parser.header_limit(static_cast<std::uint32_t>(limits_.max_header_bytes));
  // The limit depends on the route, known only once the header is in; CheckHeader sets it.
  impl_->parser.body_limit(boost::none);
  impl_->parser.eager(false);
}

RequestReader::~RequestReader() = default;

void RequestReader::Fail(int status) {
  state_ = State::kFailed;
  failure_status_ = status;
}

std::size_t RequestReader::Feed(std::string_view bytes) {
  std::size_t total = 0;
  while (state_ == State::kNeedMore && total < bytes.size()) {
    beast::error_code ec;
    std::size_t n = impl_->parser.put(
        boost::asio::const_buffer(bytes.data() + total, bytes.size() - total), ec);
    total += n;
    if (!header_checked_) header_bytes_ += n;
    if (ec == bhttp::error::need_more) break;
    if (ec == bhttp::error::header_limit) {
      Fail(431);
      break;
    }
    if (ec == bhttp::error::body_limit) {
      Fail(413);
      break;
    }
    if (ec) {
      Fail(400);
      break;
    }
    if (impl_->parser.is_header_done() && !header_checked_) {
      header_checked_ = true;
      if (header_bytes_ > limits_.max_header_bytes) {
        Fail(431);
        break;
      }
      if (!CheckHeader()) break;
      impl_->parser.eager(true);
    }
    if (impl_->parser.is_done()) {
      state_ = State::kComplete;
      break;
    }
    if (n == 0) break;
  }
  return total;
}

bool RequestReader::CheckHeader() {
  const auto& msg = impl_->parser.get();
  if (msg.version() != 10 && msg.version() != 11) {
    Fail(400);
    return false;
  }
  if (msg.version() == 11 && msg.count(bhttp::field::host) != 1) {
    Fail(400);
    return false;
  }
  for (const auto& field : msg) {
    if (!IsValidHeaderName(std::string_view(field.name_string())) ||
        !IsValidHeaderValue(std::string_view(field.value()))) {
      Fail(400);
      return false;
    }
  }
  method_ = std::string(msg.method_string());
  version_ = static_cast<int>(msg.version());
  keep_alive_ = impl_->parser.keep_alive();
  auto target = ParseTarget(std::string_view(msg.target()), limits_.query);
  if (!target) {
    Fail(400);
    return false;
  }
  target_ = std::move(*target);

  std::size_t limit = limits_.max_body_bytes;
  if (body_limit_) {
    if (auto custom = body_limit_(std::string_view(msg.method_string()), target_.path)) {
      limit = *custom;
    }
  }
  auto length = impl_->parser.content_length();
  if (length && *length > limit) {
    Fail(413);
    return false;
  }
  impl_->parser.body_limit(static_cast<std::uint64_t>(limit));

  bool has_body = impl_->parser.chunked() || (length && *length > 0);
  auto expect = msg.find(bhttp::field::expect);
  if (has_body && expect != msg.end() &&
      beast::iequals(expect->value(), beast::string_view("100-continue"))) {
    continue_pending_ = true;
  }
  return true;
}

bool RequestReader::TakeContinueRequest() {
  bool pending = continue_pending_ && state_ == State::kNeedMore;
  continue_pending_ = false;
  return pending;
}

Request RequestReader::TakeRequest() {
  auto msg = impl_->parser.release();
  Request req;
  req.method = std::string(msg.method_string());
  req.target = std::string(msg.target());
  req.path = std::move(target_.path);
  req.query = std::move(target_.query);
  for (const auto& field : msg) {
    req.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  req.body = std::move(msg.body());
  return req;
}

}  // namespace waymark::http
