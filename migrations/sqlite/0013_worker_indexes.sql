-- "My tasks" reads the hand-made tasks assigned to one person: found by profiling the caseload
-- benchmark, where it walked every open task of the organisation.
CREATE INDEX case_tasks_assigned ON case_tasks (assigned_to, status, due_on);
