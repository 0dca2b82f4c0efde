#include "platform/db/value.hpp"

#include <stdexcept>

#include "platform/util/time.hpp"

namespace waymark::db {

Value::Value(TimePoint t) : data_(FormatUtc(t)) {}

void Value::ThrowOutOfRange() {
  throw std::out_of_range("unsigned value does not fit a signed 64-bit database integer");
}

std::string_view TypeName(const Value& v) {
  switch (v.variant().index()) {
    case 0:
      return "null";
    case 1:
      return "integer";
    case 2:
      return "real";
    case 3:
      return "text";
    default:
      return "blob";
  }
}

}  // namespace waymark::db
