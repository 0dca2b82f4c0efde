// Work for case staff: "my tasks" (the deadlines of my cases and the tasks given to me), the
// team's tasks for a service manager, a case's tasks, and adding and completing a task by hand.
// Deadlines are met by doing the thing (recording the decision, reviewing the assessment), not
// by ticking them off: the feature that owns a deadline replaces it when it moves.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cases/service.hpp"
#include "tasks/store.hpp"

namespace waymark::tasks {

struct TaskItem {
  TaskRow row;
  std::string title;        // the deadline's label, or the hand-made task's title
  std::string person_name;  // the case's survivor, for lists that span cases
  std::string assigned_name{};
  Urgency urgency = Urgency::kLater;
};

// One case's tasks with what its page needs: the caption, whether the actor may add or complete
// tasks, and who may be given one.
struct CaseTaskList {
  std::string case_id{};
  std::string reference{};
  std::string person_name{};
  std::vector<TaskItem> items{};
  bool can_change = false;
  std::vector<cases::Person> assignable{};
};

class TaskService {
 public:
  explicit TaskService(identity::Deps deps) : deps_(deps) {}

  // The actor's own work: deadlines of the cases assigned to them that are within their lead
  // time, and open tasks assigned to them, soonest first.
  Result<std::vector<TaskItem>> MyTasks(const identity::Actor& actor,
                                        const identity::Origin& origin);
  // A service manager's view of the provider: every open case's deadlines within their lead
  // time and every open task, optionally for one worker.
  Result<std::vector<TaskItem>> TeamTasks(const identity::Actor& actor,
                                          std::optional<std::string> worker_id,
                                          const identity::Origin& origin);
  // Every deadline of one case and its open tasks.
  Result<CaseTaskList> CaseTasks(const identity::Actor& actor, std::string_view case_id,
                                 const identity::Origin& origin);
  // Gives a task on the case to one of its assigned workers or a service manager.
  Result<TaskItem> AddTask(const identity::Actor& actor, std::string_view case_id,
                           const TaskInput& input, const identity::Origin& origin);
  Result<void> CompleteTask(const identity::Actor& actor, std::string_view case_id,
                            std::string_view task_id, int64_t expected_version,
                            const identity::Origin& origin);

 private:
  identity::Deps deps_;
};

// The case overview's "Tasks" section.
cases::SectionSummary TasksSection(cases::CaseWork& work, const crypto::DataKey& key,
                                   const cases::Case& record, const cases::CaseAccess& access);

}  // namespace waymark::tasks
