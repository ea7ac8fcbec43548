// What a class got: the score distribution, and for each part how many were right, carried or
// wrong, which mistakes were made how often, and which steps of the working went wrong.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "exercises/grade/grader.h"

namespace deltacheck {

/// What one answer file holds beside its scores: the parts `carried` and `incomplete`, and
/// its wrong steps (chain steps and definitions judged `incorrect`).
struct WorkingCounts {
  int carried = 0, incomplete = 0, wrong_steps = 0;
};

/// Counts the carried and incomplete parts and the wrong steps of `r`.
WorkingCounts working_counts(const CheckResult& r);

/// A step of the working that students got wrong the same way: the step ("delta2_1", or for a
/// chain step "step 2 -> 3", or class-wide "dL/dw2_11 step 2 -> 3"), the mistake (the
/// feedback of a named mistake, or "no known mistake"), and how many students made it.
struct StepMistake {
  std::string step, mistake;
  int students = 0;
};

/// One part over the class.
struct PartSummary {
  std::string key;
  int correct = 0, incorrect = 0, invalid = 0, missing = 0, carried = 0, incomplete = 0;
  /// The mistakes made, most frequent first (ties in alphabetical order): the feedback of a
  /// named mistake, or "no known mistake" for the rest; with how many students made it.
  std::vector<std::pair<std::string, int>> mistakes;
  /// The wrong steps under this part (its own chain steps and the definitions it is the
  /// first to use), most frequent first, ties in alphabetical order of step then mistake.
  std::vector<StepMistake> step_mistakes;
};

/// The class as a whole.
struct ClassSummary {
  std::string exercise;
  int students = 0, faults = 0;  // faults: submissions that could not be graded
  double max_score = 0, mean = 0, median = 0, lowest = 0, highest = 0;
  std::vector<int> distribution;  // students per tenth of the maximum: [0, 10%), ..., [90%, 100%],
                                  // full marks counted in the last
  std::vector<PartSummary> parts;
  /// Every wrong step of the class, most frequent first (ordered as step_mistakes; a
  /// definition by its name, a chain step by its part's key and the step): the first is the
  /// most common wrong step.
  std::vector<StepMistake> wrong_steps;
};

/// Summarises the grades of one exercise; deterministic for the same grades. Each student
/// counts once per mistake and per (step, mistake). Cost: linear in the parts and steps of
/// all results, times log of the distinct mistakes.
ClassSummary summarize(const Exercise& ex, const std::vector<StudentGrade>& grades);

}  // namespace deltacheck
