// Checking an answer file against an exercise: a verdict per part (DESIGN §5), the mistake named, the score.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/point.h"
#include "exercises/answer_file.h"
#include "exercises/exercise.h"
#include "exercises/mistakes.h"
#include "solver/scalar.h"
#include "symbolic/evaluate.h"

namespace deltacheck {

/// DESIGN §5.
enum class Verdict { correct, incorrect, invalid, missing };

/// "correct", "incorrect", "invalid", "missing".
const char* verdict_name(Verdict v);

/// The verdict on one part.
struct PartResult {
  std::string key;           // as the answer file writes it
  Verdict verdict = Verdict::missing;
  std::string feedback;      // plain words; for an invalid answer the located error with its caret line
  std::string mistake;       // the tag of a recognised mistake (mistake_kind), or ""
  std::string read_as;       // how the answer was read; "" when missing or unreadable
  bool proved = false;       // correct, and GiNaC proved it
  int line = 0;              // the answer's first line; 0 when missing
  double score = 0, max_score = 1;
};

/// The verdicts on an answer file.
struct CheckResult {
  std::string exercise, answers;       // exercise id, answer file path
  std::vector<PartResult> parts;       // in the exercise's order
  std::vector<std::string> problems;   // located errors of lines that are no part (unknown key, no '=')
  std::vector<std::string> notes;      // keys of the network the exercise does not ask (not graded)
  double score = 0, max_score = 0;
  /// Every part correct and no problem lines.
  bool all_correct() const;
};

/// Tolerance of DESIGN §5: an answer is correct when it agrees with the truth to this
/// relative difference at every sample point, computed with 50 significant digits.
constexpr double kCorrectRelative = 1e-30;
/// A proof running longer than this is abandoned (seconds), and all proofs of one file stop after kProofTotalSeconds.
constexpr double kProofSeconds = 1.0;
constexpr double kProofTotalSeconds = 5.0;

/// Checks answer files against one exercise. Construction derives the equations, draws the
/// sample points (seeded by the exercise id: the same verdicts and text on every run) and
/// computes the truth at every point, confirming the symbolic value of every part against
/// the numeric backprop (std::logic_error if they ever disagree: a bug, not a user error).
/// One Checker serves any number of answer files.
class Checker {
 public:
  explicit Checker(Exercise exercise);

  /// The verdict on every part of `file`. Never throws for anything in the file: unreadable
  /// answers are `invalid` with the located error, unknown keys are problems.
  CheckResult check(const AnswerFile& file);

  const Exercise& exercise() const { return exercise_; }
  /// The sample points answers are checked at.
  const std::vector<Point>& points() const { return points_; }

 private:
  struct Truth {
    GiNaC::ex rhs;               // the right-hand side in the derivation's form
    std::vector<Real50> values;  // at each point
    Real50 scale = 0;            // the largest |value| over the points
    bool mistakes_made = false;
    std::vector<Mistake> mistakes;
    std::vector<std::vector<double>> mistake_values;  // [mistake][point], in double for screening
  };

  void judge(std::size_t part, const GiNaC::ex& answer, PartResult& result, std::vector<std::vector<GiNaC::ex>>& proofs,
             std::vector<std::size_t>& proof_parts);
  void diagnose(std::size_t part, const std::vector<Real50>& answer, const GiNaC::ex& expression, PartResult& result);
  std::string point_text(std::size_t point) const;
  std::vector<GiNaC::ex> proof_candidates(std::size_t part, const GiNaC::ex& answer);

  Exercise exercise_;
  Derivation derivation_;
  std::vector<Point> points_;
  std::vector<Evaluator<Real50>> exact_;    // one per point, every quantity bound
  std::vector<Evaluator<double>> screen_;   // the same in double, for screening mistakes
  std::vector<Truth> truths_;               // per part
};

}  // namespace deltacheck
