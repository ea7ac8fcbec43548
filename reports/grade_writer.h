// The outputs of grading: a gradebook (CSV), Gradescope's results.json, per-student reports and the
// class summary.
#pragma once

#include <string>
#include <vector>

#include "exercises/grade/class_summary.h"

namespace deltacheck {

/// One row per student, sorted by student id: student, score, max_score, each part's score
/// in the exercise's order, then carried_parts and wrong_steps (working_counts). Fields are
/// quoted where CSV needs it.
std::string gradebook_csv(const Exercise& ex, const std::vector<StudentGrade>& grades);

/// "deltacheck EXERCISE: SCORE/MAX", with " (2 carried parts, 1 wrong step)" (also
/// "N incomplete parts") when the result has any.
std::string score_line(const CheckResult& r);

/// The working under part `i` of `r`, one line each: "read as: ..." (when read), then its
/// chain steps and the definitions it is the first part to use, as step_text. "" when none.
std::string part_working_text(const CheckResult& r, std::size_t i);

/// "line N, KEY: VERDICT: FEEDBACK" with "\n  read as: ..." when the step was read ("line N, "
/// left out when the line is not known, ": FEEDBACK" when there is none).
std::string step_text(const StepResult& s);

/// The definitions of `r` no part uses, as step_text lines; "" when there are none.
std::string unused_definitions_text(const CheckResult& r);

/// Gradescope's autograder results: top-level score, output (score_line; when the
/// submission could not be graded, why; the problems, notes and definitions no part uses),
/// output_format, visibility, stdout_visibility, and one test per part (name, number,
/// score, max_score, status: "passed" only for a correct part, output: "VERDICT: FEEDBACK"
/// then part_working_text, visibility).
std::string gradescope_json(const StudentGrade& g);

/// The check --json shape with "student" first, then "carried_parts", "incomplete_parts",
/// "wrong_steps" (working_counts) and "fault" last.
std::string student_json(const StudentGrade& g);

/// The class summary for people: the score distribution as a bar chart, the most common wrong
/// step of the class (when there is one), then each part's counts, its mistakes ("dL/dw1_11:
/// 31 of 120 correct; 12 made: ...") and its wrong steps ("3 of 120 at delta2_1: ...").
std::string summary_text(const ClassSummary& s);
/// The same as JSON: each part's counts (carried and incomplete too), "mistakes" and
/// "step_mistakes" [{"step", "mistake", "students"}]; then "wrong_steps" of the class and
/// "most_common_wrong_step" ({"step", "mistake", "students"}, or null).
std::string summary_json(const ClassSummary& s);

/// One line per student: id, score, and the fault when there was one.
std::string grades_table(const std::vector<StudentGrade>& grades);

}  // namespace deltacheck
