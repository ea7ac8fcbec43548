// The judgement every kind shares: an answer's values at the points against the truth's, and what a
// wrong one is.
#include "exercises/judge/judge.h"

#include <boost/multiprecision/number.hpp>
#include <cmath>

#include "core/error.h"
#include "core/text.h"
#include "symbolic/expression_size.h"

namespace deltacheck {

using namespace GiNaC;
namespace mk = mistake_kind;

namespace {

bool finite(const Real50& v) { return boost::multiprecision::isfinite(v); }

// The tolerances of agrees and close_values in 50 digits, converted from double once (the
// same values as converting them at each comparison).
const Real50 kCorrect(kCorrectRelative), kNearZero(1e-10), kZeroResidue(1e-60);

// Exponents GiNaC's normal() handles quickly: small integers and square roots.
bool provable_size(const ex& e) {
  if (tree_size(e, 4001) > 4000) return false;
  bool ok = true;
  struct Visitor {
    static void visit(const ex& x, bool& ok) {
      if (!ok) return;
      if (is_exactly_a<power>(x)) {
        const ex& n = x.op(1);
        if (!is_exactly_a<numeric>(n))
          ok = false;
        else if (!(abs(ex_to<numeric>(n)) <= 16) ||
                 !(ex_to<numeric>(n).is_integer() || ex_to<numeric>(n).denom() == 2))
          ok = false;
      }
      for (std::size_t i = 0; i < x.nops(); ++i) visit(x.op(i), ok);
    }
  };
  Visitor::visit(e, ok);
  return ok;
}

std::string fraction_text(std::pair<long, long> f) {
  return std::to_string(f.first) + (f.second == 1 ? "" : "/" + std::to_string(f.second));
}

// A constant factor for people: in single precision as always, or in double where single
// precision would print inf or 0.
std::string factor_value_text(double r) {
  const float f = static_cast<float>(r);
  if (std::isfinite(f) && f != 0) return digits_text(f, 15);
  return digits_text(r, 15);
}

}  // namespace

std::uint64_t student_seed(const std::string& exercise_id, const std::string& student) {
  // FNV-1a: the same on every machine.
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : student.empty() ? exercise_id : exercise_id + "/" + student)
    h = (h ^ c) * 1099511628211ull;
  return h;
}

std::optional<std::pair<long, long>> small_fraction(double r) {
  for (long q = 1; q <= 12; ++q) {
    const double p = std::round(r * q);
    if (std::fabs(p) <= 96 && p != 0 && std::fabs(r - p / q) <= 1e-9 * std::fabs(r))
      return std::make_pair(static_cast<long>(p), q);
  }
  return std::nullopt;
}

Judge::Truth& Judge::add_truth(const ex& rhs, const std::string& step) {
  Truth t;
  t.rhs = rhs;
  const std::string& name = step.empty() ? exercise_.parts[truths_.size()].answer_key : step;
  for (std::size_t i = 0; i < exact_.size(); ++i) {
    const Real50 v = exact_[i].evaluate_remembered(t.rhs);
    if (!finite(v))
      throw UserError(SourceLocation{exercise_.source, 0, 0, ""},
                      "the truth of " + name + " has no value at sample point " +
                          std::to_string(i + 1) + " (" + point_texts_[i] +
                          "): narrow the symbols' ranges");
    t.values.push_back(v);
    t.scale = std::max(t.scale, boost::multiprecision::abs(v));
  }
  truths_.push_back(std::move(t));
  return truths_.back();
}

const Judge::Truth& Judge::truth_with_mistakes(std::size_t part) {
  Truth& t = truths_[part];
  if (t.mistakes_listed) return t;
  t.mistakes = mistakes_of(part);
  if (t.mistakes.size() > kMaxMistakesTried)
    t.mistakes.erase(t.mistakes.begin() + kMaxMistakesTried, t.mistakes.end());
  for (const Mistake& m : t.mistakes) {
    std::vector<double> v;
    for (Evaluator<double>& at : screen_) v.push_back(at.evaluate(m.value));
    t.mistake_values.push_back(v);
  }
  t.mistakes_listed = true;
  return t;
}

bool Judge::agrees(std::size_t part, const Real50& answer, const Real50& value) const {
  using boost::multiprecision::abs;
  if (!finite(answer)) return false;
  const Real50& scale = truths_[part].scale;
  // A truth that is zero at every point is met by a residue far below any value of the answer's
  // terms.
  const Real50 floor = scale > 0 ? scale * kNearZero : kZeroResidue;
  return abs(answer - value) <= kCorrect * std::max(abs(value), floor);
}

bool Judge::close_values(const Real50& a, const Real50& b) const {
  using boost::multiprecision::abs;
  if (!finite(a) || !finite(b)) return false;
  return abs(a - b) <= kCorrect * std::max({abs(a), abs(b), kZeroResidue});
}

std::optional<std::size_t> Judge::truth_of_name(const std::string&) { return std::nullopt; }

bool Judge::matches_truth(std::size_t part, const ex& answer) {
  for (std::size_t i = 0; i < exact_.size(); ++i)
    if (!agrees(part, exact_[i].evaluate_remembered(answer), truths_[part].values[i])) return false;
  return true;
}

bool Judge::matches(std::size_t part, const ex& answer, const ex& other) {
  for (std::size_t i = 0; i < exact_.size(); ++i)
    if (!agrees(part, exact_[i].evaluate_remembered(answer), exact_[i].evaluate_remembered(other))) return false;
  return true;
}

std::optional<std::size_t> Judge::first_difference(const ex& a, const ex& b) {
  for (std::size_t i = 0; i < exact_.size(); ++i)
    if (!close_values(exact_[i].evaluate_remembered(a), exact_[i].evaluate_remembered(b))) return i;
  return std::nullopt;
}

bool Judge::constant_everywhere(const ex& value) {
  if (exact_.empty()) return true;
  const Real50 first = exact_[0].evaluate_remembered(value);
  for (std::size_t i = 1; i < exact_.size(); ++i)
    if (exact_[i].evaluate_remembered(value) != first) return false;
  return true;
}

std::string Judge::correct_feedback() const {
  return "agrees at " + std::to_string(exact_.size()) + " points";
}

std::string Judge::where(std::size_t i) const {
  return "sample point " + std::to_string(i + 1) + " (" + point_texts_[i] + ")";
}

std::vector<ex> Judge::proof_candidates(std::size_t part, const ex& answer) const {
  if (!provable_size(answer)) return {};
  return {answer - truths_[part].rhs};
}

void Judge::judge(std::size_t part, const ex& answer, PartResult& result, ProofQueue& proofs) {
  std::vector<Real50> values;
  for (Evaluator<Real50>& at : exact_) values.push_back(at.evaluate_remembered(answer));
  bool all = true;
  for (std::size_t i = 0; i < values.size() && all; ++i)
    all = agrees(part, values[i], truths_[part].values[i]);
  if (all) {
    result.verdict = Verdict::correct;
    result.score = result.max_score;
    result.feedback = correct_feedback();
    if (!proofs.wanted) return;
    std::vector<ex> candidates = proof_candidates(part, answer);
    if (!candidates.empty()) {
      proofs.candidates.push_back(std::move(candidates));
      proofs.parts.push_back(part);
    }
    return;
  }
  result.verdict = Verdict::incorrect;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (finite(values[i])) continue;
    result.feedback = "the answer has no value at " + where(i) +
                      ": a division by zero, or the log or square root of a negative number";
    return;
  }
  diagnose(part, values, answer, result);
}

std::string Judge::factor_text(std::size_t part, Fraction f) const {
  if (f.first == -1 && f.second == 1) {
    const std::string culprit = sign_culprit(part);
    return "the sign is wrong: this is the negative of the right answer" +
           (culprit.empty() ? "" : " (compare " + culprit + ")");
  }
  if (f.first == 2 && f.second == 1 && squared_loss())
    return "off by a factor of 2: the 1/2 of the squared loss cancels the 2 of the derivative of the square";
  if (f.first == 1 && f.second == 2 && squared_loss())
    return "off by a factor of 1/2: the derivative of (1/2)(a - y)^2 is (a - y), without a 1/2";
  return "off by a constant factor of " + fraction_text(f) +
         " (this answer divided by the right one)";
}

const char* Judge::factor_mistake(Fraction f) {
  return f.first == -1 && f.second == 1 ? mk::kWrongSign : mk::kConstantFactor;
}

// The multi-point diagnosis, in order: 1. a known mistake exactly; 2. the truth up to a sign or
// constant factor; 3. a known mistake and a sign or factor; 4. where the answer differs.
void Judge::diagnose(std::size_t part, const std::vector<Real50>& answer, const ex& expression,
                     PartResult& result) {
  std::vector<double> screened;
  for (Evaluator<double>& at : screen_) screened.push_back(at.evaluate(expression));
  std::vector<std::pair<std::size_t, Fraction>> scaled;
  if (known_mistake(part, answer, screened, result, scaled)) return;
  if (truth_times_factor(part, answer, screened, result)) return;
  if (!scaled.empty()) {
    const auto& [m, f] = scaled.front();
    const Mistake& mistake = truths_[part].mistakes[m];
    result.mistake = mistake.kind;
    result.feedback = mistake.description + "; besides, " + factor_text(part, f);
    return;
  }
  where_it_differs(part, answer, result);
}

// The constant, finite, nonzero ratio answer / candidate, if there is one: screened in double
// (`screened` and `candidate`), then confirmed at 50 digits against `exact` when it is a small
// fraction.
std::optional<double> Judge::constant_ratio(std::size_t part, const std::vector<Real50>& answer,
                                            const std::vector<double>& screened,
                                            const std::vector<double>& candidate,
                                            const std::function<Real50(std::size_t)>& exact) {
  std::optional<double> r;
  for (std::size_t i = 0; i < screened.size(); ++i) {
    if (std::max(std::fabs(candidate[i]), std::fabs(screened[i])) == 0) continue;
    if (candidate[i] == 0) return std::nullopt;
    const double ri = screened[i] / candidate[i];
    if (!std::isfinite(ri) || ri == 0) return std::nullopt;  // no factor turns the candidate into 0
    if (!r)
      r = ri;
    else if (std::fabs(ri - *r) > 1e-9 * std::fabs(*r))
      return std::nullopt;
  }
  if (!r) return std::nullopt;
  const auto f = small_fraction(*r);
  if (!f) return r;  // not a simple number: screened only
  const Real50 exact_ratio = Real50(f->first) / Real50(f->second);
  for (std::size_t i = 0; i < answer.size(); ++i)
    if (!agrees(part, answer[i], exact_ratio * exact(i))) return std::nullopt;
  return r;
}

// Step 1: a known mistake exactly (true, with the feedback set); mistakes met up to a
// factor are collected in `scaled` for step 3.
bool Judge::known_mistake(std::size_t part, const std::vector<Real50>& answer,
                          const std::vector<double>& screened, PartResult& result,
                          std::vector<std::pair<std::size_t, Fraction>>& scaled) {
  const Truth& t = truth_with_mistakes(part);
  for (std::size_t m = 0; m < t.mistakes.size(); ++m) {
    const auto exact = [&](std::size_t i) { return exact_[i].evaluate_remembered(t.mistakes[m].value); };
    const auto r = constant_ratio(part, answer, screened, t.mistake_values[m], exact);
    const auto f = r ? small_fraction(*r) : std::nullopt;
    if (!f) continue;
    if (f->first == f->second) {
      result.mistake = t.mistakes[m].kind;
      result.feedback = t.mistakes[m].description;
      return true;
    }
    scaled.emplace_back(m, *f);
  }
  return false;
}

// Step 2: the truth times a constant (true, with the feedback set).
bool Judge::truth_times_factor(std::size_t part, const std::vector<Real50>& answer,
                               const std::vector<double>& screened, PartResult& result) {
  const Truth& t = truths_[part];
  std::vector<double> truth_double;
  for (const Real50& v : t.values) truth_double.push_back(static_cast<double>(v));
  const auto r = constant_ratio(part, answer, screened, truth_double,
                                [&](std::size_t i) { return t.values[i]; });
  if (!r) return false;
  result.mistake = mk::kConstantFactor;
  if (const auto f = small_fraction(*r)) {
    result.mistake = factor_mistake(*f);
    result.feedback = factor_text(part, *f);
    return true;
  }
  result.feedback = "off by a constant factor of about " + factor_value_text(*r) +
                    " (this answer divided by the right one)";
  return true;
}

// Step 4: the first point where the answer and the truth differ, with both values.
void Judge::where_it_differs(std::size_t part, const std::vector<Real50>& answer,
                             PartResult& result) const {
  const Truth& t = truths_[part];
  for (std::size_t i = 0; i < answer.size(); ++i) {
    if (agrees(part, answer[i], t.values[i])) continue;
    result.feedback = "no known mistake matches; at " + where(i) + " the answer is " +
                      digits_text(answer[i], 15) + " but the right value is " +
                      digits_text(t.values[i], 15);
    return;
  }
}

}  // namespace deltacheck
