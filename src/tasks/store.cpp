#include "tasks/store.hpp"

#include <algorithm>

#include "platform/crypto/field_cipher.hpp"

namespace waymark::tasks {

void ReplaceDeadlines(db::Tx& tx, std::string_view case_id, std::string_view organisation_id,
                      std::string_view source, const std::vector<Deadline>& deadlines) {
  tx.Execute("DELETE FROM case_deadlines WHERE case_id = ? AND source = ?", {case_id, source});
  for (const auto& d : deadlines) {
    tx.Execute(
        "INSERT INTO case_deadlines (case_id, organisation_id, source, kind, subject_id, due_on) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, source, kind, subject_id) DO UPDATE "
        "SET due_on = excluded.due_on",
        {case_id, organisation_id, source, d.kind, d.subject_id, FormatIsoDate(d.due_on)});
  }
}

namespace {

std::string DecryptTitle(const crypto::DataKey& key, const db::Blob& blob, std::string_view id) {
  return crypto::DecryptStoredField(key, blob, {"case_tasks", "title", id});
}

// The FROM and WHERE of one half of a list. Each shape is written so that the index that fits
// it is the one a planner without statistics (SQLite, which is never ANALYZEd) picks: one case
// is found by its case id, a worker's list starts from that worker's own rows (their
// assignments, or the tasks assigned to them), and only the team view walks the organisation's
// index. No equality on an organisation column is left to compete with those indexes; the
// organisation is still checked, on the driving row.
struct Filter {
  std::string from_where;
  std::vector<db::Value> params;
};

// Deadlines: of one case, of the cases assigned to a worker, or of the organisation's cases.
Filter DeadlineFilter(const TaskQuery& q) {
  Filter f;
  if (q.case_id) {
    f.from_where =
        " FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE d.case_id = ? AND "
        "c.organisation_id = ?";
    f.params = {*q.case_id, q.organisation_id};
    if (q.worker_id) {
      f.from_where +=
          " AND EXISTS (SELECT 1 FROM case_workers w WHERE w.case_id = d.case_id AND "
          "w.user_id = ?)";
      f.params.push_back(*q.worker_id);
    }
  } else if (q.worker_id) {
    f.from_where =
        " FROM case_workers w JOIN case_deadlines d ON d.case_id = w.case_id JOIN cases c ON "
        "c.id = d.case_id WHERE w.user_id = ? AND w.organisation_id = ?";
    f.params = {*q.worker_id, q.organisation_id};
  } else {
    f.from_where =
        " FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE d.organisation_id = ?";
    f.params = {q.organisation_id};
  }
  f.from_where += " AND c.status = 'open'";
  if (q.deadlines_due_by) {
    f.from_where += " AND d.due_on <= ?";
    f.params.push_back(FormatIsoDate(*q.deadlines_due_by));
  }
  return f;
}

// Open hand-made tasks: of one case, assigned to a worker, or of the organisation.
Filter ManualTaskFilter(const TaskQuery& q) {
  Filter f{" FROM case_tasks t JOIN cases c ON c.id = t.case_id WHERE ", {}};
  if (q.case_id) {
    f.from_where += "t.case_id = ? AND t.status = 'open' AND c.organisation_id = ?";
    f.params = {*q.case_id, q.organisation_id};
    if (q.worker_id) {
      f.from_where += " AND t.assigned_to = ?";
      f.params.push_back(*q.worker_id);
    }
  } else if (q.worker_id) {
    f.from_where += "t.assigned_to = ? AND t.status = 'open' AND t.organisation_id = ?";
    f.params = {*q.worker_id, q.organisation_id};
  } else {
    f.from_where += "t.organisation_id = ? AND t.status = 'open'";
    f.params = {q.organisation_id};
  }
  f.from_where += " AND c.status = 'open'";
  return f;
}

std::vector<TaskRow> Merged(const db::Rows& deadlines, const db::Rows& manual,
                            const crypto::DataKey& key, const TaskQuery& q) {
  std::vector<TaskRow> rows;
  for (const auto& row : deadlines) {
    TaskRow r;
    r.case_id = row.text(0);
    r.case_reference = row.text(1);
    r.kind = row.text(2);
    r.due_on = ParseIsoDate(row.text(3)).value_or(Date{});
    r.subject_id = row.text(4);
    rows.push_back(std::move(r));
  }
  for (const auto& row : manual) {
    TaskRow r;
    r.case_id = row.text(0);
    r.case_reference = row.text(1);
    r.kind = "manual";
    r.due_on = ParseIsoDate(row.text(2)).value_or(Date{});
    r.task_id = row.text(3);
    if (q.titles) r.title = DecryptTitle(key, row.blob(4), r.task_id);
    r.assigned_to = row.text(5);
    r.version = row.integer(6);
    rows.push_back(std::move(r));
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const TaskRow& a, const TaskRow& b) { return a.due_on < b.due_on; });
  if (rows.size() > static_cast<size_t>(q.limit)) rows.resize(q.limit);
  return rows;
}

}  // namespace

std::vector<TaskRow> ListTaskRows(db::Tx& tx, const crypto::DataKey& key, const TaskQuery& q) {
  return ListTaskRowsLater(tx, key, q).Get();
}

db::Later<std::vector<TaskRow>> ListTaskRowsLater(db::Tx& tx, const crypto::DataKey& key,
                                                  const TaskQuery& q) {
  std::string limit = " ORDER BY due_on LIMIT " + std::to_string(q.limit);
  Filter d = DeadlineFilter(q);
  Filter t = ManualTaskFilter(q);
  // Both statements travel together; the second's rows are decoded with the first's.
  db::PendingRows deadlines = tx.QueryLater(
      "SELECT d.case_id, c.reference, d.kind, d.due_on, d.subject_id" + d.from_where + limit,
      d.params);
  return {tx.QueryLater(
              "SELECT t.case_id, c.reference, t.due_on, t.id, t.title, t.assigned_to, t.version" +
                  t.from_where + limit,
              t.params),
          [deadlines, &key, q](const db::Rows& manual) mutable {
            return Merged(deadlines.Get(), manual, key, q);
          }};
}

void InsertTask(db::Tx& tx, const crypto::DataKey& key, const TaskRow& task,
                std::string_view organisation_id, std::string_view by, TimePoint now) {
  tx.Execute(
      "INSERT INTO case_tasks (id, case_id, organisation_id, assigned_to, title, due_on, status, "
      "created_at, created_by, version) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, 1)",
      {task.task_id, task.case_id, organisation_id, task.assigned_to,
       crypto::EncryptField(key, task.title, {"case_tasks", "title", task.task_id}),
       FormatIsoDate(task.due_on), now, by});
}

std::optional<TaskRow> FindTask(db::Tx& tx, const crypto::DataKey& key, std::string_view task_id) {
  auto row = tx.QueryOne(
      "SELECT t.case_id, c.reference, t.due_on, t.id, t.title, t.assigned_to, t.version, "
      "t.status FROM case_tasks t JOIN cases c ON c.id = t.case_id WHERE t.id = ?",
      {task_id});
  if (!row || row->text(7) != "open") return std::nullopt;
  TaskRow r;
  r.case_id = row->text(0);
  r.case_reference = row->text(1);
  r.kind = "manual";
  r.due_on = ParseIsoDate(row->text(2)).value_or(Date{});
  r.task_id = row->text(3);
  r.title = DecryptTitle(key, row->blob(4), r.task_id);
  r.assigned_to = row->text(5);
  r.version = row->integer(6);
  return r;
}

bool CompleteTask(db::Tx& tx, std::string_view task_id, int64_t expected_version,
                  std::string_view by, TimePoint now) {
  return tx.Execute(
             "UPDATE case_tasks SET status = 'done', completed_at = ?, completed_by = ?, "
             "version = version + 1 WHERE id = ? AND version = ? AND status = 'open'",
             {now, by, task_id, expected_version}) == 1;
}

}  // namespace waymark::tasks
