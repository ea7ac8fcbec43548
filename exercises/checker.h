// Checking an answer file against an exercise: a verdict per part (DESIGN §5), the mistake named, the score.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/point.h"
#include "exercises/answer_file.h"
#include "exercises/exercise.h"
#include "exercises/mistakes.h"
#include "exercises/symbolic_context.h"
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

/// The seed of everything drawn for one student in one exercise (numbers of numeric
/// exercises): the same for the same student and exercise on every machine. An empty
/// student id gives the exercise's example numbers.
std::uint64_t student_seed(const std::string& exercise_id, const std::string& student);

/// The point of a numeric exercise for a student: the exercise's fixed values, the rest drawn
/// from student_seed. Throws UserError when the fixed values cannot avoid a ReLU kink.
Point numeric_point(const Exercise& ex, const std::string& student);

/// Checks answer files against one exercise. Construction derives the equations, draws the
/// sample points (seeded by the exercise id: the same verdicts and text on every run; for a
/// numeric exercise the one point of `student`) and computes the truth at every point,
/// confirming the symbolic value of every network part against the numeric backprop
/// (std::logic_error if they ever disagree: a bug, not a user error). Symbolic exercises
/// draw their symbols from the ranges the exercise gives. One Checker serves any number of
/// answer files.
class Checker {
 public:
  explicit Checker(Exercise exercise, const std::string& student = "");

  /// The verdict on every part of `file`. Never throws for anything in the file: unreadable
  /// answers are `invalid` with the located error, unknown keys are problems. With `prove`
  /// false no proof is tried (correct answers "agree at N points"): grading does so, because
  /// a proof's time budget could make the text depend on the machine's load.
  CheckResult check(const AnswerFile& file, bool prove = true);

  const Exercise& exercise() const { return exercise_; }
  /// The sample points answers are checked at (network and numeric exercises).
  const std::vector<Point>& points() const { return points_; }
  /// The true value of part `part` at sample point `point` (for worked solutions).
  const Real50& truth(std::size_t part, std::size_t point) const { return truths_[part].values[point]; }
  /// The truth of part `part` as an expression (network symbols, or the exercise's symbols
  /// with the given names written back where they appear whole), for worked solutions.
  GiNaC::ex solution_expression(std::size_t part) const {
    return context_ ? context_->fold_givens(truths_[part].rhs) : truths_[part].rhs;
  }

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
  std::vector<Mistake> mistakes_of(std::size_t part);
  NameResolver names_for(std::size_t part);
  bool agrees(std::size_t part, std::size_t point, const Real50& answer, const Real50& value) const;
  Real50 numeric_tolerance() const;
  std::vector<GiNaC::ex> proof_candidates(std::size_t part, const GiNaC::ex& answer);

  Exercise exercise_;
  bool numeric_;                                   // a numeric exercise: one point, answers to some decimals
  std::optional<Derivation> derivation_;           // network and numeric exercises
  std::unique_ptr<SymbolicContext> context_;       // symbolic exercises
  GiNaC::symbol eta_{"eta"};                       // numeric exercises: the learning rate
  std::vector<Point> points_;
  std::vector<std::string> point_texts_;           // each point's values, for feedback
  std::vector<Evaluator<Real50>> exact_;    // one per point, every quantity bound
  std::vector<Evaluator<double>> screen_;   // the same in double, for screening mistakes
  std::vector<Truth> truths_;               // per part
};

}  // namespace deltacheck
