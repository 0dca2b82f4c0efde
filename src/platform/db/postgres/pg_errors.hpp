// Turns libpq failures into the DbError subclasses callers catch. Internal to platform/db.
#pragma once

struct pg_conn;
struct pg_result;

namespace waymark::db {

// Uses only the primary message and SQLSTATE (the DETAIL line of a unique violation quotes the
// duplicate value); quoted values are removed from data-exception messages for the same reason.
[[noreturn]] void ThrowPgError(pg_conn* conn, pg_result* result);

}  // namespace waymark::db
