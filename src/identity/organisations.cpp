#include "identity/organisations.hpp"

#include "identity/text.hpp"
#include "platform/util/ids.hpp"
#include "platform/util/time.hpp"

namespace waymark::identity {

namespace {

constexpr std::string_view kColumns = "id, name, kind, is_operator, active, version";

Organisation FromRow(const db::Row& row) { return OrganisationFromRow(row, 0); }

}  // namespace

std::string OrganisationColumns(std::string_view alias) {
  std::string out;
  for (std::string_view rest = kColumns; !rest.empty();) {
    size_t comma = rest.find(", ");
    if (!out.empty()) out += ", ";
    if (!alias.empty()) (out += alias) += '.';
    out += rest.substr(0, comma);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 2);
  }
  return out;
}

Organisation OrganisationFromRow(const db::Row& row, std::size_t first) {
  return Organisation{
      row.text(first),        row.text(first + 1),    *ParseOrgKind(row.text(first + 2)),
      row.boolean(first + 3), row.boolean(first + 4), row.integer(first + 5)};
}

Result<std::pair<std::string, OrgKind>> ValidateOrganisation(const OrganisationInput& input) {
  std::vector<FieldError> errors;
  std::string name = Trim(input.name);
  if (name.empty()) {
    errors.push_back({"name", "Enter the organisation's name"});
  } else if (CountCharacters(name) > 120) {
    errors.push_back({"name", "Organisation name must be 120 characters or fewer"});
  }
  auto kind = ParseOrgKind(input.kind);
  if (!kind) errors.push_back({"kind", "Select the kind of organisation"});
  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
  return std::pair{name, *kind};
}

std::optional<Organisation> FindOrganisation(db::Tx& tx, std::string_view id) {
  auto row = tx.QueryOne("SELECT " + std::string(kColumns) + " FROM organisations WHERE id = ?",
                         {std::string(id)});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<Organisation> ListOrganisations(db::Tx& tx) {
  std::vector<Organisation> out;
  for (const auto& row :
       tx.Query("SELECT " + std::string(kColumns) + " FROM organisations ORDER BY lower(name)")) {
    out.push_back(FromRow(row));
  }
  return out;
}

bool AnyOrganisationExists(db::Tx& tx) {
  return tx.QueryOne("SELECT id FROM organisations LIMIT 1").has_value();
}

Result<Organisation> InsertOrganisation(db::Tx& tx, const crypto::Keyring& keyring,
                                        const std::string& name, OrgKind kind, bool is_operator,
                                        TimePoint now) {
  if (tx.QueryOne("SELECT id FROM organisations WHERE lower(name) = lower(?)", {name})) {
    return Fail(Problem::Invalid("name", "An organisation with this name already exists"));
  }
  Organisation org{NewId(), name, kind, is_operator, true, 1};
  std::string at = FormatUtc(now);
  tx.Execute(
      "INSERT INTO organisations (id, name, kind, is_operator, active, version, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, 1, 1, ?, ?)",
      {org.id, org.name, std::string(Code(kind)), is_operator, at, at});
  crypto::WrappedKey wrapped = crypto::WrapNewDataKey(keyring, org.id);
  tx.Execute(
      "INSERT INTO organisation_keys (organisation_id, key_id, kek_id, wrapped, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {org.id, wrapped.key_id, wrapped.kek_id, db::Blob(wrapped.blob.begin(), wrapped.blob.end()),
       at});
  return org;
}

Result<Organisation> UpdateOrganisation(db::Tx& tx, const Organisation& changed,
                                        int64_t expected_version, TimePoint now) {
  if (tx.QueryOne("SELECT id FROM organisations WHERE lower(name) = lower(?) AND id <> ?",
                  {changed.name, changed.id})) {
    return Fail(Problem::Invalid("name", "An organisation with this name already exists"));
  }
  int64_t updated = tx.Execute(
      "UPDATE organisations SET name = ?, active = ?, version = version + 1, updated_at = ? "
      "WHERE id = ? AND version = ?",
      {changed.name, changed.active, FormatUtc(now), changed.id, expected_version});
  if (updated == 0) {
    if (!FindOrganisation(tx, changed.id)) return Fail(Problem::NotFound("No such organisation"));
    return Fail(Problem::Conflict(
        "Someone else changed this organisation while you were editing it. Check the current "
        "details and make your change again."));
  }
  return *FindOrganisation(tx, changed.id);
}

Result<crypto::DataKey> LoadDataKey(db::Tx& tx, const crypto::Keyring& keyring,
                                    std::string_view organisation_id) {
  return LoadDataKeyLater(tx, keyring, organisation_id).Get();
}

db::Later<Result<crypto::DataKey>> LoadDataKeyLater(db::Tx& tx, const crypto::Keyring& keyring,
                                                    std::string_view organisation_id) {
  return {tx.QueryLater("SELECT key_id, kek_id, wrapped FROM organisation_keys WHERE "
                        "organisation_id = ? ORDER BY created_at DESC LIMIT 1",
                        {std::string(organisation_id)}),
          [&keyring, organisation_id = std::string(organisation_id)](
              const db::Rows& rows) -> Result<crypto::DataKey> {
            auto row = db::AtMostOne(rows);
            if (!row) return Fail(Problem::NotFound("The organisation has no data key"));
            const db::Blob& blob = row->blob(2);
            crypto::WrappedKey wrapped{row->text(0), row->text(1),
                                       crypto::Bytes(blob.begin(), blob.end())};
            return crypto::UnwrapDataKey(keyring, organisation_id, wrapped);
          }};
}

Result<int64_t> RewrapAllDataKeys(db::Tx& tx, const crypto::Keyring& keyring) {
  int64_t count = 0;
  for (const auto& row :
       tx.Query("SELECT organisation_id, key_id, kek_id, wrapped FROM organisation_keys")) {
    const db::Blob& blob = row.blob(3);
    crypto::WrappedKey wrapped{row.text(1), row.text(2), crypto::Bytes(blob.begin(), blob.end())};
    auto rewrapped = crypto::RewrapDataKey(keyring, row.text(0), wrapped);
    if (!rewrapped) return Fail(rewrapped.error());
    tx.Execute(
        "UPDATE organisation_keys SET kek_id = ?, wrapped = ? WHERE organisation_id = ? AND "
        "key_id = ?",
        {rewrapped->kek_id, db::Blob(rewrapped->blob.begin(), rewrapped->blob.end()), row.text(0),
         row.text(1)});
    ++count;
  }
  return count;
}

}  // namespace waymark::identity
