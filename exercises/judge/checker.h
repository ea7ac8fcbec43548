// Checking an answer file against an exercise: a verdict per part (docs/DESIGN.md §5), the mistake
// named, the score.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "exercises/judge/judge.h"
#include "exercises/judge/judge_numeric.h"
#include "exercises/judge/verdict.h"
#include "exercises/model/exercise.h"
#include "exercises/read/answer_file.h"

namespace deltacheck {

/// A proof running longer than this is abandoned (seconds), and all proofs of one file stop after
/// kProofTotalSeconds.
constexpr double kProofSeconds = 1.0;
constexpr double kProofTotalSeconds = 5.0;

/// Checks answer files against one exercise. Construction derives the equations, draws the
/// sample points (seeded by the exercise id: the same verdicts and text on every run; for a
/// numeric exercise the one point of `student`) and computes the truth at every point,
/// confirming the symbolic value of every network part against the numeric backprop
/// (std::logic_error if they ever disagree: a bug, not a user error). Symbolic exercises
/// draw their symbols from the ranges the exercise gives. One Checker serves any number of
/// answer files. How each kind is judged: judge_network.h, judge_symbolic.h, judge_numeric.h.
class Checker {
 public:
  explicit Checker(Exercise exercise, const std::string& student = "");

  /// The verdict on every part of `file`. Never throws for anything in the file: unreadable
  /// answers are `invalid` with the located error, unknown keys are problems (at most
  /// kMaxProblemLines of them with the file's other lines that are not answers, then one
  /// "and N more lines that are not answers"). With `prove` false no proof is tried (correct
  /// answers "agree at N points"): grading does so, because a proof's time budget could make
  /// the text depend on the machine's load.
  CheckResult check(const AnswerFile& file, bool prove = true);

  const Exercise& exercise() const { return judge_->exercise(); }
  /// The sample points answers are checked at (network and numeric exercises).
  const std::vector<Point>& points() const { return judge_->points(); }
  /// The true value of part `part` at sample point `point` (for worked solutions).
  const Real50& truth(std::size_t part, std::size_t point) const {
    return judge_->truth(part, point);
  }
  /// The truth of part `part` as an expression (network symbols, or the exercise's symbols
  /// with the given names written back where they appear whole), for worked solutions.
  GiNaC::ex solution_expression(std::size_t part) const {
    return judge_->solution_expression(part);
  }

 private:
  /// The answer given for each part (nullptr: none, or given twice), and the located problems.
  struct Assignment;

  /// Matches answers to parts: notes for keys not asked, problems for unknown keys, invalid
  /// twice-given parts.
  Assignment assign_answers(const AnswerFile& file, CheckResult& out) const;
  /// The located message for an answer whose key is no part, listing the parts.
  std::string unknown_key(const AnswerFile& file, const Answer& a, const std::string& why) const;
  /// Reads each part's one answer and judges it, queueing proofs of correct ones.
  void judge_answers(const AnswerFile& file, const Assignment& assigned, CheckResult& out,
                     ProofQueue& proofs);

  std::unique_ptr<Judge> judge_;
};

}  // namespace deltacheck
