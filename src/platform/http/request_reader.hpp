// Incremental HTTP/1.1 request parsing with limits, independent of sockets: the server feeds it
// the bytes it reads, and the fuzz target feeds it arbitrary bytes. Beast's parser is inside.
//
// Outcomes: a complete Request, or the status the server answers before closing the connection:
// 400 malformed (bad syntax, bad target, HTTP/1.1 without Host, unsupported version),
// 413 body over the limit, 431 header over the limit.
// Thread safety: one reader per connection, used by one thread at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "platform/http/forms.hpp"
#include "platform/http/request.hpp"

namespace waymark::http {

// The body limit for a request, decided from its method and decoded path before the body is
// read; nullopt means the default. Must be quick and must not block (runs on an I/O thread).
using BodyLimitFn =
    std::function<std::optional<std::size_t>(std::string_view method, std::string_view path)>;

struct ReaderLimits {
  std::size_t max_header_bytes = 8 * 1024;   // request line and fields
  std::size_t max_body_bytes = 1024 * 1024;  // unless BodyLimitFn says otherwise
  FormLimits query{};                        // applied to the query string
};

class RequestReader {
 public:
  enum class State { kNeedMore, kComplete, kFailed };

  explicit RequestReader(ReaderLimits limits, BodyLimitFn body_limit = {});
  ~RequestReader();
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  // Parses from the start of `bytes` and returns how many bytes it consumed. Bytes of an
  // incomplete header are not consumed: pass them again, followed by more, on the next call.
  // After kComplete, bytes beyond the request (a pipelined next request) are left unconsumed.
  std::size_t Feed(std::string_view bytes);

  State state() const { return state_; }
  // 400, 413 or 431 when state() is kFailed.
  int failure_status() const { return failure_status_; }
  // True once when the header asked for "Expect: 100-continue" and passed the limits: the
  // server then sends "100 Continue" before waiting for the body.
  bool TakeContinueRequest();
  // Known once the header passed its checks: the method ("" before), whether the connection may
  // carry another request (HTTP/1.1 default; false before), and the version (10 or 11).
  std::string_view method() const { return method_; }
  bool keep_alive() const { return keep_alive_; }
  int version() const { return version_; }

  // The parsed request (state() must be kComplete); remote_address, request_id and tls are left
  // for the caller.
  Request TakeRequest();

 private:
  struct Impl;
  bool CheckHeader();
  void Fail(int status);

  ReaderLimits limits_;
  BodyLimitFn body_limit_;
  std::unique_ptr<Impl> impl_;
  State state_ = State::kNeedMore;
  int failure_status_ = 0;
  bool header_checked_ = false;
  // Bytes of the request line and header fields so far: Beast checks its header limit only
  // while the header is incomplete in the buffer, so a whole header in one buffer is checked here.
  std::size_t header_bytes_ = 0;
  bool continue_pending_ = false;
  Target target_;
  std::string method_;
  bool keep_alive_ = false;
  int version_ = 11;
};

}  // namespace waymark::http
