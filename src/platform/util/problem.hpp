// Expected outcomes of a use case (invalid input, not found, forbidden, edit conflict) as values.
// Unexpected failures are exceptions, caught once at the request boundary.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace waymark {

enum class ProblemKind {
  kInvalid,          // input failed validation; `fields` says which and why
  kNotFound,         // no such record, or the actor may not know it exists
  kForbidden,        // the policy decision point said no
  kConflict,         // a stale edit or a duplicate
  kUnauthenticated,  // no valid session or token
  kTooManyRequests,  // throttled; try again later
  kUnavailable,      // a dependency (the database) is not reachable
};

struct FieldError {
  std::string field;    // the form field's name, so the error summary can link to it
  std::string message;  // written for the person filling in the form
};

struct Problem {
  ProblemKind kind;
  std::string message;
  std::vector<FieldError> fields;

  static Problem Invalid(std::vector<FieldError> fields,
                         std::string message = "There is a problem") {
    return {ProblemKind::kInvalid, std::move(message), std::move(fields)};
  }
  static Problem Invalid(std::string field, std::string message) {
    return {ProblemKind::kInvalid, message, {{std::move(field), message}}};
  }
  static Problem NotFound(std::string message = "Not found") {
    return {ProblemKind::kNotFound, std::move(message), {}};
  }
  static Problem Forbidden(std::string message = "You do not have permission to do that") {
    return {ProblemKind::kForbidden, std::move(message), {}};
  }
  static Problem Conflict(std::string message) {
    return {ProblemKind::kConflict, std::move(message), {}};
  }
  static Problem Unauthenticated(std::string message = "Sign in to continue") {
    return {ProblemKind::kUnauthenticated, std::move(message), {}};
  }
  static Problem TooManyRequests(std::string message) {
    return {ProblemKind::kTooManyRequests, std::move(message), {}};
  }
  static Problem Unavailable(std::string message) {
    return {ProblemKind::kUnavailable, std::move(message), {}};
  }
};

template <class T>
using Result = tl::expected<T, Problem>;

using tl::unexpected;

// Fail(problem) reads better than unexpected(problem) at a return statement.
inline tl::unexpected<Problem> Fail(Problem problem) { return tl::unexpected(std::move(problem)); }

}  // namespace waymark
