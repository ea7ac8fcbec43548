// Grading many submissions: finding them, reading them safely, and checking them in parallel worker
// processes.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "exercises/judge/checker.h"

namespace deltacheck {

/// One student's submission: the student id, the answer file ("" when none was found, with
/// the reason in `fault`), and the entry it came from (the file, or the student's folder).
struct Submission {
  std::string student, path, fault, source;
};

/// An entry of a class folder that is not a submission, and why (for the user to see).
struct SkippedEntry {
  std::string name, reason;
};

/// What a class folder holds: the submissions, sorted by student id, and the entries skipped.
struct ClassFolder {
  std::vector<Submission> submissions;
  std::vector<SkippedEntry> skipped;
};

/// The submissions in `dir`: each `<student>.txt` file, and each `<student>/` folder that
/// holds exactly one file (a folder with none or several is a fault of that student; hidden
/// files in it do not count). A submission must be a regular file inside `dir`: a link that
/// leads out of it (to a file or a folder, or a link inside a student's folder) is the fault
/// "a link out of the class folder", a named pipe, device or socket a fault too, and neither
/// is ever opened. Hidden entries and other names are skipped, each with the reason. Only
/// metadata is read here (lstat, canonical paths). Throws UserError when `dir` cannot be
/// listed, or when two entries are the same student (`alice.txt` and `alice/`), naming both.
ClassFolder submissions_in(const std::string& dir);

/// The submissions named on the command line: the student id is the file name without its
/// extension; a folder is a student's folder (the one answer file in it). Sorted by student id;
/// throws UserError for two files of the same student.
std::vector<Submission> submissions_from(const std::vector<std::string>& paths);

/// What a student got: the check result (every part 0 when the submission could not be
/// graded, the reason in `fault` and in every part's feedback).
struct StudentGrade {
  std::string student;
  CheckResult result;
  std::string fault;
};

/// Reads and checks one submission in this process. An empty, binary (NUL bytes), non-UTF-8,
/// unreadable or too large file is a fault, never an exception.
StudentGrade grade_submission(const Exercise& ex, const Submission& s, Checker* shared);

/// How to grade: worker processes, the time and memory one submission may take, progress reports.
struct GradeOptions {
  int jobs = 1;
  double seconds_each = 10;
  std::size_t memory_bytes = std::size_t{1}
                             << 30;  // address space of each worker (RLIMIT_AS); 0: no limit
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Grades every submission, in `options.jobs` worker processes (GiNaC is not thread-safe,
/// and a process that runs past the time limit can be killed), each made by
/// core/child_process: its own process group, killed with the grader, an address space of
/// at most `memory_bytes`. A submission that takes longer than `seconds_each`, needs more
/// memory ("the submission needed more than 1 GiB of memory"), or whose worker dies, gets 0
/// with the reason; the others are graded normally. SIGINT or SIGTERM during grading kills
/// every worker and ends the process with status 130 or 143. Results are in the order of
/// `submissions` and do not depend on `jobs`.
std::vector<StudentGrade> grade_all(const Exercise& ex, const std::vector<Submission>& submissions,
                                    const GradeOptions& options);

}  // namespace deltacheck
