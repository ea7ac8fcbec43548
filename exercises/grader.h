// Grading many submissions: finding them, reading them safely, and checking them in parallel worker processes.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "exercises/checker.h"

namespace deltacheck {

/// One student's submission: the student id and the answer file ("" when none was found,
/// with the reason in `fault`).
struct Submission {
  std::string student, path, fault;
};

/// The submissions in `dir`: each `<student>.txt` file, and each `<student>/` folder that
/// holds exactly one regular file (a folder with none or several is a fault of that student).
/// Hidden entries and other files are skipped. Sorted by student id. Throws UserError when
/// `dir` cannot be listed.
std::vector<Submission> submissions_in(const std::string& dir);

/// The submissions named on the command line: the student id is the file name without its
/// extension; a folder is a student's folder (the one answer file in it). Sorted by student id; throws UserError for two files of the same student.
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

/// How to grade: worker processes, the time one submission may take, progress reports.
struct GradeOptions {
  int jobs = 1;
  double seconds_each = 10;
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Grades every submission, in `options.jobs` worker processes (GiNaC is not thread-safe,
/// and a process that runs past the time limit can be killed). A submission that takes
/// longer than `seconds_each`, or whose worker dies, gets 0 with the reason; the others are
/// graded normally. Results are in the order of `submissions` and do not depend on `jobs`.
std::vector<StudentGrade> grade_all(const Exercise& ex, const std::vector<Submission>& submissions, const GradeOptions& options);

}  // namespace deltacheck
