#include "identity/users.hpp"

#include "identity/organisations.hpp"
#include "identity/text.hpp"
#include "platform/util/ids.hpp"
#include "platform/util/time.hpp"

namespace waymark::identity {

namespace {

constexpr std::string_view kColumns[] = {
    "id",          "organisation_id", "email",  "display_name", "role", "password_hash",
    "totp_secret", "totp_last_step",  "active", "version"};

static_assert(std::size(kColumns) == kUserColumnCount);

User FromRow(const db::Row& row) { return UserFromRow(row, 0); }

std::string Select(std::string_view where) {
  return "SELECT " + UserColumns("") + " FROM users " + std::string(where);
}

}  // namespace

std::string UserColumns(std::string_view alias) {
  std::string out;
  for (std::string_view column : kColumns) {
    if (!out.empty()) out += ", ";
    if (!alias.empty()) (out += alias) += '.';
    out += column;
  }
  return out;
}

User UserFromRow(const db::Row& row, std::size_t first) {
  auto at = [first](std::size_t i) { return first + i; };
  return User{row.text(at(0)),
              row.text(at(1)),
              row.text(at(2)),
              row.text(at(3)),
              *ParseRole(row.text(at(4))),
              row.optional_text(at(5)),
              row.optional_blob(at(6)),
              row.optional_integer(at(7)),
              row.boolean(at(8)),
              row.integer(at(9))};
}

Result<ValidUser> ValidateUser(db::Tx& tx, const UserInput& input) {
  std::vector<FieldError> errors;
  ValidUser out;
  out.email = NormaliseEmail(input.email);
  out.display_name = Trim(input.display_name);
  out.organisation_id = input.organisation_id;
  if (out.display_name.empty()) {
    errors.push_back({"display_name", "Enter the person's full name"});
  } else if (CountCharacters(out.display_name) > 100) {
    errors.push_back({"display_name", "Full name must be 100 characters or fewer"});
  }
  if (out.email.empty()) {
    errors.push_back({"email", "Enter an email address"});
  } else if (!LooksLikeEmail(out.email)) {
    errors.push_back(
        {"email", "Enter an email address in the correct format, like name@example.org"});
  }
  auto org = FindOrganisation(tx, input.organisation_id);
  auto role = ParseRole(input.role);
  if (!org) {
    errors.push_back({"organisation_id", "Select the person's organisation"});
  } else if (!org->active) {
    errors.push_back({"organisation_id", "This organisation is deactivated"});
  }
  if (!role) {
    errors.push_back({"role", "Select a role"});
  } else if (org && !RoleFitsOrganisation(*role, org->kind)) {
    errors.push_back({"role", std::string(Label(*role)) + " is not a role in a " +
                                  std::string(Label(org->kind)) + " organisation"});
  }
  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
  out.role = *role;
  return out;
}

std::optional<User> FindUser(db::Tx& tx, std::string_view id) {
  auto row = tx.QueryOne(Select("WHERE id = ?"), {std::string(id)});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<User> FindUserByEmail(db::Tx& tx, std::string_view normalised_email) {
  auto row = tx.QueryOne(Select("WHERE email = ?"), {std::string(normalised_email)});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<User> ListUsers(db::Tx& tx, std::string_view organisation_id) {
  std::vector<User> out;
  db::Rows rows = organisation_id.empty()
                      ? tx.Query(Select("ORDER BY lower(display_name)"))
                      : tx.Query(Select("WHERE organisation_id = ? ORDER BY lower(display_name)"),
                                 {std::string(organisation_id)});
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

std::vector<UserName> ListActiveUserNames(db::Tx& tx, std::string_view organisation_id,
                                          const std::vector<Role>& roles) {
  if (roles.empty()) return {};
  std::string marks;
  db::Params params{organisation_id, true};
  for (Role role : roles) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(std::string(Code(role)));
  }
  std::vector<UserName> out;
  for (const auto& row : tx.Query("SELECT id, display_name FROM users WHERE organisation_id = ? "
                                  "AND active = ? AND role IN (" +
                                      marks + ") ORDER BY lower(display_name), id",
                                  params)) {
    out.push_back({row.text(0), row.text(1)});
  }
  return out;
}

Result<User> InsertUser(db::Tx& tx, const ValidUser& user, TimePoint now) {
  if (FindUserByEmail(tx, user.email)) {
    return Fail(Problem::Invalid("email", "An account with this email address already exists"));
  }
  std::string id = NewId();
  std::string at = FormatUtc(now);
  tx.Execute(
      "INSERT INTO users (id, organisation_id, email, display_name, role, active, version, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?)",
      {id, user.organisation_id, user.email, user.display_name, std::string(Code(user.role)), at,
       at});
  return *FindUser(tx, id);
}

Result<User> UpdateUser(db::Tx& tx, const User& changed, int64_t expected_version, TimePoint now) {
  int64_t updated = tx.Execute(
      "UPDATE users SET display_name = ?, role = ?, active = ?, version = version + 1, "
      "updated_at = ? WHERE id = ? AND version = ?",
      {changed.display_name, std::string(Code(changed.role)), changed.active, FormatUtc(now),
       changed.id, expected_version});
  if (updated == 0) {
    if (!FindUser(tx, changed.id)) return Fail(Problem::NotFound("No such user"));
    return Fail(Problem::Conflict(
        "Someone else changed this account while you were editing it. Check the current details "
        "and make your change again."));
  }
  return *FindUser(tx, changed.id);
}

void SetPasswordHash(db::Tx& tx, std::string_view user_id, std::string_view hash, TimePoint now) {
  tx.Execute(
      "UPDATE users SET password_hash = ?, version = version + 1, updated_at = ? WHERE id = ?",
      {std::string(hash), FormatUtc(now), std::string(user_id)});
}

void SetTotp(db::Tx& tx, std::string_view user_id, const std::optional<db::Blob>& secret,
             std::optional<int64_t> last_step, TimePoint now) {
  tx.Execute(
      "UPDATE users SET totp_secret = ?, totp_last_step = ?, version = version + 1, "
      "updated_at = ? WHERE id = ?",
      {secret, last_step, FormatUtc(now), std::string(user_id)});
}

bool AdvanceTotpStep(db::Tx& tx, std::string_view user_id, int64_t step) {
  return tx.Execute(
             "UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR "
             "totp_last_step < ?)",
             {step, std::string(user_id), step}) == 1;
}

void ReplaceRecoveryCodes(db::Tx& tx, std::string_view user_id,
                          const std::vector<std::string>& code_hashes) {
  tx.Execute("DELETE FROM recovery_codes WHERE user_id = ?", {std::string(user_id)});
  for (const auto& hash : code_hashes) {
    tx.Execute("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)",
               {std::string(user_id), hash});
  }
}

bool UseRecoveryCode(db::Tx& tx, std::string_view user_id, std::string_view code_hash,
                     TimePoint now) {
  return tx.Execute(
             "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND "
             "used_at IS NULL",
             {FormatUtc(now), std::string(user_id), std::string(code_hash)}) == 1;
}

int64_t UnusedRecoveryCodes(db::Tx& tx, std::string_view user_id) {
  return tx
      .QueryOne("SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL",
                {std::string(user_id)})
      ->integer(0);
}

}  // namespace waymark::identity
