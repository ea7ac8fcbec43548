// Judging one answer at the sample points: agreement with the truth, and the diagnosis of a wrong
// answer.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/point.h"
#include "exercises/judge/mistakes.h"
#include "exercises/judge/verdict.h"
#include "exercises/model/exercise.h"
#include "solver/scalar.h"
#include "symbolic/evaluate.h"
#include "symbolic/reader.h"

namespace deltacheck {

/// Tolerance of docs/DESIGN.md §5: an answer is correct when it agrees with the truth to this
/// relative difference at every sample point, computed with 50 significant digits.
constexpr double kCorrectRelative = 1e-30;

/// Most known mistakes tried on one wrong answer, in the order mistakes_of lists them (the
/// part's own mistakes first, then the answers of other parts): each is screened at every
/// point in double and confirmed in 50 digits, so this bounds the diagnosis of one part
/// whatever the size of the exercise's network. The built-in exercises list far fewer (two per
/// parameter and a few of the part's own).
constexpr std::size_t kMaxMistakesTried = 200;

/// The seed of everything drawn for one student in one exercise (numbers of numeric
/// exercises; with an empty student id, the sample points of every exercise): the same for
/// the same student and exercise on every machine. An empty student id gives the exercise's
/// example numbers.
std::uint64_t student_seed(const std::string& exercise_id, const std::string& student);

/// The differences a file's correct answers ask GiNaC to prove zero.
struct ProofQueue {
  std::vector<std::vector<GiNaC::ex>> candidates;  // per queued part, cheapest first
  std::vector<std::size_t> parts;                  // the part of each entry
  bool wanted = true;  // false: nothing is queued (no proof will be tried, e.g. in grading)
};

/// How the answers to one exercise are judged. Each kind of exercise is a subclass
/// (judge_network.h, judge_symbolic.h, judge_numeric.h) that draws its points, computes each
/// part's truth at them, and says which names answers may use and which mistakes are known;
/// the comparison at the points and the diagnosis of a wrong answer are shared here.
class Judge {
 public:
  virtual ~Judge() = default;

  /// The exercise judged.
  const Exercise& exercise() const { return exercise_; }
  /// The sample points (network and numeric exercises; empty for symbolic ones).
  const std::vector<Point>& points() const { return points_; }
  /// The true value of `part` at sample point `point`.
  const Real50& truth(std::size_t part, std::size_t point) const {
    return truths_[part].values[point];
  }
  /// The truth of `part` as an expression, for worked solutions.
  virtual GiNaC::ex solution_expression(std::size_t part) const { return truths_[part].rhs; }
  /// The names an answer to `part` may use.
  virtual NameResolver names(std::size_t part) = 0;
  /// How answers are read beyond their names: f(z) and f'(z) of a layer's activation in network
  /// exercises, decimal commas in numeric ones.
  virtual ReadOptions read_options() { return {}; }

  /// Judges `answer` to `part`: sets the verdict, score, feedback and mistake of `result`,
  /// and queues a correct answer's proof in `proofs`. `part` may be a step's truth
  /// (truth_of_name), judged the same way.
  void judge(std::size_t part, const GiNaC::ex& answer, PartResult& result, ProofQueue& proofs);

  /// The index of the truth of the network quantity or chain-rule factor `name` (a key the
  /// exercise does not ask: "delta2_1", "dL/da3_1", "yhat"), computed on first use after the
  /// parts' own; nothing when the exercise has no such quantity (symbolic exercises).
  virtual std::optional<std::size_t> truth_of_name(const std::string& name);
  /// How other lines refer to a name of the network: the name every spelling of it shares
  /// (its symbol's, or a factor's canonical spelling) and the symbol that stands for it when
  /// there is one; nothing for a name that is not of the network (or is the loss).
  struct NetworkName {
    std::string lookup;
    std::optional<GiNaC::ex> symbol;
    bool forward = false;  // a z or a: answers use it as the network's own value
  };
  virtual std::optional<NetworkName> network_name(const std::string&) { return std::nullopt; }
  /// Why an answer to `part` may not use a definition whose value is `value` (`symbol`: the
  /// network's, when it defines a quantity) and which uses the true-valued chain-rule
  /// `factors`; nothing when it may (the permissions of docs/DESIGN.md §4 on what it stands for).
  virtual std::optional<std::string> use_refusal(std::size_t, const GiNaC::ex&,
                                                 const std::optional<GiNaC::ex>&,
                                                 const std::set<std::string>&) {
    return std::nullopt;
  }
  /// The names a line defining `name` may use, when `name` is no part: the permissions of
  /// its key for a quantity of the network, every name otherwise.
  virtual NameResolver step_names(const std::string& name) = 0;

  /// True when `answer` agrees with the truth of `part` at every point.
  bool matches_truth(std::size_t part, const GiNaC::ex& answer);
  /// True when `answer` agrees with `other` at every point, held to the truth of `part`.
  bool matches(std::size_t part, const GiNaC::ex& answer, const GiNaC::ex& other);
  /// The first point where `a` and `b` differ (close_values), or nothing when they agree at
  /// every point: how one step of a chain is checked against the one before.
  std::optional<std::size_t> first_difference(const GiNaC::ex& a, const GiNaC::ex& b);
  /// True when `value` has the same value at every point (a constant, however written).
  bool constant_everywhere(const GiNaC::ex& value);
  /// The truth of `part` in the derivation's form (with the network's symbols).
  const GiNaC::ex& truth_rhs(std::size_t part) const { return truths_[part].rhs; }
  /// For an update part, its truth w - eta*G computed from the gradient G the student gave;
  /// nothing for other parts.
  virtual std::optional<GiNaC::ex> update_from(std::size_t /*part*/,
                                               const GiNaC::ex& /*gradient*/) {
    return std::nullopt;
  }
  /// The value of `e` at point `i`.
  Real50 value_at(std::size_t i, const GiNaC::ex& e) { return exact_[i].evaluate_remembered(e); }
  /// "sample point 3 (x1 = ..., ...)".
  std::string point_text(std::size_t i) const { return where(i); }

 protected:
  /// A part's truth, and its known mistakes once a wrong answer asked for them.
  struct Truth {
    GiNaC::ex rhs;               // the right-hand side in the derivation's form
    std::vector<Real50> values;  // at each point
    Real50 scale = 0;            // the largest |value| over the points
    bool mistakes_listed = false;
    std::vector<Mistake> mistakes;
    std::vector<std::vector<double>> mistake_values;  // [mistake][point], in double for screening
  };
  /// A factor p/q of a wrong answer to the right one.
  using Fraction = std::pair<long, long>;

  /// Holds the exercise; the subclass adds points and truths.
  explicit Judge(Exercise exercise) : exercise_(std::move(exercise)) {}

  /// Appends the truth `rhs` of the next part (or of the step `name`), evaluated at every
  /// point. Throws UserError naming the point where it has no value.
  Truth& add_truth(const GiNaC::ex& rhs, const std::string& name = "");
  /// The truth of `part` with its known mistakes listed and screened (once).
  const Truth& truth_with_mistakes(std::size_t part);

  /// True when `answer` counts as `value` at a point of `part`: relative to the truth's own
  /// magnitude, |answer - value| <= kCorrectRelative * max(|value|, 1e-10 * scale), where
  /// scale is the truth's largest magnitude over the points (so a point where the truth passes
  /// near zero is not held to more digits than the others). No absolute floor: 0 never agrees
  /// with a truth that is not zero everywhere.
  virtual bool agrees(std::size_t part, const Real50& answer, const Real50& value) const;
  /// True when two steps' values at a point are the same number: to kCorrectRelative of the
  /// larger (numeric exercises: to their decimals).
  virtual bool close_values(const Real50& a, const Real50& b) const;
  /// The feedback of a correct answer.
  virtual std::string correct_feedback() const;
  /// "sample point 3 (x1 = ..., ...)": where point `i` is, for feedback.
  virtual std::string where(std::size_t i) const;
  /// The differences whose proof makes a correct answer proved (none: not tried).
  virtual std::vector<GiNaC::ex> proof_candidates(std::size_t part, const GiNaC::ex& answer) const;
  /// The mistakes a wrong answer to `part` is compared with.
  virtual std::vector<Mistake> mistakes_of(std::size_t part) = 0;
  /// Sets the feedback and mistake of a wrong answer whose values at the points are
  /// `answer`: a known mistake, the truth up to a factor, both, or where it differs.
  virtual void diagnose(std::size_t part, const std::vector<Real50>& answer,
                        const GiNaC::ex& expression, PartResult& result);
  /// True when the exercise's loss is the squared loss (factors of 2 are explained by it).
  virtual bool squared_loss() const { return false; }
  /// What to compare when an answer to `part` has the wrong sign, in the part's own quantities
  /// ("a2_2 - y2 with y2 - a2_2"), or "" when there is no typical culprit.
  virtual std::string sign_culprit(std::size_t /*part*/) const { return ""; }

  /// The feedback for an answer to `part` that is `f` times the right one.
  std::string factor_text(std::size_t part, Fraction f) const;
  /// The mistake tag for an answer `f` times the right one.
  static const char* factor_mistake(Fraction f);

  Exercise exercise_;
  std::vector<Point> points_;             // network and numeric exercises
  std::vector<std::string> point_texts_;  // each point's values, for feedback
  // The 50-digit values of expressions met are kept, by structure and bounded
  // (expression_memo.h), so that what a file substitutes into many answers, and what many
  // students write alike, is evaluated once per judge: a pure function of the expression at
  // fixed points. Values in double cost less than a lookup and are computed each time.
  std::vector<Evaluator<Real50>> exact_;   // one per point, every name bound
  std::vector<Evaluator<double>> screen_;  // the same in double, for screening mistakes
  std::vector<Truth> truths_;              // per part

 private:
  /// The constant, finite, nonzero ratio of the answer to a candidate (screened, then confirmed).
  std::optional<double> constant_ratio(std::size_t part, const std::vector<Real50>& answer,
                                       const std::vector<double>& screened,
                                       const std::vector<double>& candidate,
                                       const std::function<Real50(std::size_t)>& exact);
  /// Diagnosis step 1: a known mistake exactly; those met up to a factor go to `scaled`.
  bool known_mistake(std::size_t part, const std::vector<Real50>& answer,
                     const std::vector<double>& screened, PartResult& result,
                     std::vector<std::pair<std::size_t, Fraction>>& scaled);
  /// Diagnosis step 2: the truth times a constant.
  bool truth_times_factor(std::size_t part, const std::vector<Real50>& answer,
                          const std::vector<double>& screened, PartResult& result);
  /// Diagnosis step 4: the first point where answer and truth differ, with both values.
  void where_it_differs(std::size_t part, const std::vector<Real50>& answer,
                        PartResult& result) const;
};

/// p/q with q <= 12 and 0 < |p| <= 96 within 1e-9 of r, if there is one.
std::optional<std::pair<long, long>> small_fraction(double r);

}  // namespace deltacheck
