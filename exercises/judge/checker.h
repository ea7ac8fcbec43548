// Checking an answer file against an exercise: a verdict per part (docs/DESIGN.md §5), the mistake
// named, the score.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "exercises/judge/judge.h"
#include "exercises/judge/judge_numeric.h"
#include "exercises/judge/verdict.h"
#include "exercises/judge/working.h"
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

  /// The verdict on every part of `file` (docs/DESIGN.md §4-§5): the file's definitions
  /// substituted, chains checked step by step, definitions that are no part judged as steps,
  /// errors carried forward. Never throws for anything in the file: unreadable answers are
  /// `invalid` with the located error, unknown keys are problems (at most
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
  /// What judging one file has found so far, shared by its steps.
  struct Pass;

  /// The located message for an answer whose key is no part, listing the parts.
  std::string unknown_key(const AnswerFile& file, const Answer& a, const std::string& why) const;
  /// Judges the answer of part `i` (its last step, definitions substituted).
  void judge_part(Pass& pass, std::size_t i);
  /// Why the answer of part `i` may not use a definition it uses (located), or "".
  std::string refused_use(const Pass& pass, std::size_t i, const Definition& def) const;
  /// The rows of `def`'s chain: each step checked against the one before; `prefix` starts
  /// each row's key.
  std::vector<StepResult> chain_rows(Pass& pass, const Definition& def, const std::string& prefix);
  /// Judges the definitions that are no part: CheckResult::steps.
  void judge_definitions(Pass& pass);
  /// For an update part `i` of a numeric exercise, the definition (index) of the gradient of
  /// the same parameter the student gave, if any.
  std::optional<std::size_t> given_gradient(const Pass& pass, std::size_t i) const;
  /// Wrong parts that follow correctly from a wrong definition become `carried`.
  void carry_errors(Pass& pass);
  /// The definitions of `def` a wrong part follows from, or nothing.
  std::optional<std::set<std::size_t>> carried_from(Pass& pass, std::size_t i,
                                                    const Definition& def);

  std::unique_ptr<Judge> judge_;
  ReadMemo reads_;  // the steps read so far, for the next files
};

}  // namespace deltacheck
