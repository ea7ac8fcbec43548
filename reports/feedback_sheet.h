// A student's feedback sheet from `check --report`: their answers typeset with each verdict,
// score and feedback, and the worked solution of the parts they missed when the instructor asks.
#pragma once

#include <string>

#include "exercises/judge/verdict.h"
#include "exercises/model/exercise.h"
#include "exercises/solve/solution_sheet.h"

namespace deltacheck {

/// The sheet's format, from the output file's extension.
enum class FeedbackFormat { latex, markdown };

/// The feedback sheet of `result` (a check of `ex`) as LaTeX (a whole document) or Markdown
/// with $...$ maths: the score, then one paragraph a part: its verdict and score with the
/// student's answer typeset (read back from how it was read; as written when that cannot be
/// typeset), and for a part not correct the feedback and, with `solutions` (solve_exercise
/// with answers, for the same student), its worked solution. The same input gives the same
/// bytes.
std::string feedback_sheet(const Exercise& ex, const CheckResult& result,
                           const SolutionSheet* solutions, const std::string& student,
                           FeedbackFormat format);

}  // namespace deltacheck
