// What a class got: the score distribution, and for each part how many were right and which
// mistakes were made how often.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "exercises/grade/grader.h"

namespace deltacheck {

/// One part over the class.
struct PartSummary {
  std::string key;
  int correct = 0, incorrect = 0, invalid = 0, missing = 0;
  /// The mistakes made, most frequent first (ties in alphabetical order): the feedback of a
  /// named mistake, or "no known mistake" for the rest; with how many students made it.
  std::vector<std::pair<std::string, int>> mistakes;
};

/// The class as a whole.
struct ClassSummary {
  std::string exercise;
  int students = 0, faults = 0;  // faults: submissions that could not be graded
  double max_score = 0, mean = 0, median = 0, lowest = 0, highest = 0;
  std::vector<int> distribution;  // students per tenth of the maximum: [0, 10%), ..., [90%, 100%],
                                  // full marks counted in the last
  std::vector<PartSummary> parts;
};

/// Summarises the grades of one exercise; deterministic for the same grades.
ClassSummary summarize(const Exercise& ex, const std::vector<StudentGrade>& grades);

}  // namespace deltacheck
