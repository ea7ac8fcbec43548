// Numeric exercises: one point per student, update truths w - eta*dL/dw, answers to some decimals,
// mistakes found by rounding.
#include "exercises/judge/judge_numeric.h"

#include <boost/multiprecision/number.hpp>
#include <iomanip>
#include <sstream>

#include "core/decimal.h"
#include "core/text.h"
#include "solver/sample_points.h"

namespace deltacheck {

namespace mk = mistake_kind;

Point numeric_point(const Exercise& ex, const std::string& student) {
  const NumericExercise& n = ex.numeric();
  Point fixed;
  for (const auto& [name, value] : n.values)
    fixed.set(*resolve(*parse_quantity(name), n.net), *Decimal::parse(value));
  return hand_point(n.net, n.value_digits, student_seed(ex.id, student), fixed);
}

NumericJudge::NumericJudge(Exercise exercise, const std::string& student)
    : NetworkJudge(exercise, {numeric_point(exercise, student)}, exercise.numeric().learning_rate),
      tolerance_(1) {
  for (int i = 0; i < exercise_.numeric().decimals; ++i) tolerance_ /= 10;
  for (const Part& part : exercise_.parts) {
    if (part.kind == PartKind::equation) {
      add_equation_truth(part);
      continue;
    }
    // An update: w - eta*dL/dw.
    const Quantity& w = part.equation.quantity;
    add_truth(derivation_->symbols()(w) - eta_ * derivation_->rhs({w, true}));
  }
}

std::optional<GiNaC::ex> NumericJudge::update_from(std::size_t part, const GiNaC::ex& gradient) {
  const Part& p = exercise_.parts[part];
  if (p.kind != PartKind::update) return std::nullopt;
  return derivation_->symbols()(p.equation.quantity) - eta_ * gradient;
}

NameResolver NumericJudge::names(std::size_t) {
  return [](const std::string& name, std::size_t offset) -> NameMeaning {
    throw ExpressionError(
        offset,
        "'" + name +
            "': this exercise asks for numbers: compute the value (deltacheck show gives the network's values)");
  };
}

bool NumericJudge::agrees(std::size_t, const Real50& answer, const Real50& value) const {
  using boost::multiprecision::abs;
  return boost::multiprecision::isfinite(answer) && abs(answer - value) <= tolerance_;
}

bool NumericJudge::close_values(const Real50& a, const Real50& b) const { return agrees(0, a, b); }

std::string NumericJudge::correct_feedback() const {
  return "correct to " + std::to_string(exercise_.numeric().decimals) + " decimal places";
}

std::string NumericJudge::where(std::size_t) const { return "the exercise's numbers"; }

// An update w - eta*dL/dw: the step's sign, eta, the step for the weight, and each wrong gradient.
std::vector<Mistake> NumericJudge::mistakes_of(std::size_t part) {
  if (part >= exercise_.parts.size()) return NetworkJudge::mistakes_of(part);
  const Part& p = exercise_.parts[part];
  if (p.kind == PartKind::equation) return NetworkJudge::mistakes_of(part);
  const GiNaC::ex w = derivation_->symbols()(p.equation.quantity),
                  g = derivation_->rhs({p.equation.quantity, true});
  const std::string name = quantity_name(p.equation.quantity, exercise_.net()),
                    rule = "new " + name + " = " + name + " - eta*dL/d" + name;
  std::vector<Mistake> out;
  out.push_back({mk::kWrongSign,
                 "gradient descent steps against the gradient: " + rule + ", not + eta*dL/d" + name,
                 w + eta_ * g});
  out.push_back(
      {mk::kMissingLearningRate,
       "the learning rate is missing: " + rule + " with eta = " + exercise_.numeric().learning_rate,
       w - g});
  out.push_back(
      {mk::kStepForWeight,
       "this is the step -eta*dL/d" + name + ", not the new weight " + name + " - eta*dL/d" + name,
       -eta_ * g});
  for (const Mistake& m : plausible_mistakes({p.equation.quantity, true}, *derivation_))
    out.push_back(
        {m.kind, "the gradient in the update is wrong: " + m.description, w - eta_ * m.value});
  return out;
}

// One point, answers rounded: a mistake matches when its value rounds the same way; then the
// truth times -1, 2 or 1/2; otherwise both numbers.
void NumericJudge::diagnose(std::size_t part, const std::vector<Real50>& answer, const GiNaC::ex&,
                            PartResult& result) {
  const Truth& t = truth_with_mistakes(part);
  for (const Mistake& m : t.mistakes) {
    if (!agrees(part, answer[0], exact_[0].evaluate(m.value))) continue;
    result.mistake = m.kind;
    result.feedback = m.description;
    return;
  }
  for (const Fraction& f : {Fraction(-1, 1), Fraction(2, 1), Fraction(1, 2)}) {
    if (boost::multiprecision::abs(t.values[0]) < 10 * tolerance_)
      break;  // too small to tell a factor
    if (!agrees(part, answer[0], Real50(f.first) / Real50(f.second) * t.values[0])) continue;
    result.mistake = factor_mistake(f);
    result.feedback = factor_text(part, f);
    return;
  }
  const int decimals = exercise_.numeric().decimals;
  result.feedback = "the answer is " + digits_text(answer[0], 15) + ", the right value is " +
                    fixed_text(t.values[0], decimals) + " (to " + std::to_string(decimals) +
                    " decimal places)";
}

}  // namespace deltacheck
