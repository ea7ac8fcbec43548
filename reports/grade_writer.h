// The outputs of grading: a gradebook (CSV), Gradescope's results.json, per-student reports and the
// class summary.
#pragma once

#include <string>
#include <vector>

#include "exercises/grade/class_summary.h"

namespace deltacheck {

/// One row per student, sorted by student id: student, score, max_score, then each part's
/// score in the exercise's order. Fields are quoted where CSV needs it.
std::string gradebook_csv(const Exercise& ex, const std::vector<StudentGrade>& grades);

/// Gradescope's autograder results: top-level score, output (the score line and, when the
/// submission could not be graded, why), output_format, visibility, stdout_visibility, and
/// one test per part (name, number, score, max_score, status, output: the feedback and how
/// the answer was read, visibility).
std::string gradescope_json(const StudentGrade& g);

/// The check --json shape with "student" and "fault" added.
std::string student_json(const StudentGrade& g);

/// The class summary for people: the score distribution as a bar chart, then each part's
/// counts and its mistakes ("dL/dw1_11: 31 of 120 correct; 12 made: ...").
std::string summary_text(const ClassSummary& s);
/// The same as JSON.
std::string summary_json(const ClassSummary& s);

/// One line per student: id, score, and the fault when there was one.
std::string grades_table(const std::vector<StudentGrade>& grades);

}  // namespace deltacheck
