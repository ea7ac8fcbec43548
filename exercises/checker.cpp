// The verdicts: each answer evaluated at the sample points against the truth, proved where GiNaC can, diagnosed where wrong.
#include "exercises/checker.h"

#include <boost/multiprecision/number.hpp>
#include <algorithm>
#include <cmath>
#include <optional>
#include <iomanip>
#include <random>
#include <sstream>
#include <stdexcept>

#include "core/scalar_text.h"
#include "exercises/permissions.h"
#include "exercises/proof.h"
#include "solver/backprop.h"
#include "solver/sample_points.h"
#include "symbolic/expression_size.h"

namespace deltacheck {

using namespace GiNaC;
namespace mk = mistake_kind;

namespace {

// FNV-1a of the exercise id: the seed of its sample points, the same on every machine.
std::uint64_t seed_of(const std::string& id) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
  return h;
}

bool finite(const Real50& v) { return boost::multiprecision::isfinite(v); }

// |a - b| <= relative * max(|b|, floor).
bool close(const Real50& a, const Real50& b, const Real50& floor, double relative) {
  using boost::multiprecision::abs;
  const Real50 scale = std::max(abs(b), floor);
  return abs(a - b) <= Real50(relative) * scale;
}

// p/q with q <= 12 and |p| <= 96 within 1e-9 of r, if there is one.
std::optional<std::pair<long, long>> small_fraction(double r) {
  for (long q = 1; q <= 12; ++q) {
    const double p = std::round(r * q);
    if (std::fabs(p) <= 96 && p != 0 && std::fabs(r - p / q) <= 1e-9 * std::fabs(r)) return std::make_pair(static_cast<long>(p), q);
  }
  return std::nullopt;
}

// A value for people: 15 significant digits, plain notation where it is short.
template <class T>
std::string readable(const T& v) {
  std::ostringstream out;
  out.precision(15);
  out << v;
  return out.str();
}

// v rounded to `decimals` places, for the right value of a numeric part.
std::string rounded(const Real50& v, int decimals) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << v;
  return out.str();
}

std::string fraction_text(std::pair<long, long> f) {
  return std::to_string(f.first) + (f.second == 1 ? "" : "/" + std::to_string(f.second));
}

// Exponents GiNaC's normal() handles quickly: small integers and square roots.
bool provable_size(const ex& e) {
  if (tree_size(e, 4001) > 4000) return false;
  bool ok = true;
  struct Visitor {
    static void visit(const ex& x, bool& ok) {
      if (!ok) return;
      if (is_exactly_a<power>(x)) {
        const ex& n = x.op(1);
        if (!is_exactly_a<numeric>(n)) ok = false;
        else if (!(abs(ex_to<numeric>(n)) <= 16) || !(ex_to<numeric>(n).is_integer() || ex_to<numeric>(n).denom() == 2)) ok = false;
      }
      for (std::size_t i = 0; i < x.nops(); ++i) visit(x.op(i), ok);
    }
  };
  Visitor::visit(e, ok);
  return ok;
}

}  // namespace

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::correct: return "correct";
    case Verdict::incorrect: return "incorrect";
    case Verdict::invalid: return "invalid";
    case Verdict::missing: return "missing";
  }
  return "?";
}

bool CheckResult::all_correct() const {
  if (!problems.empty()) return false;
  for (const PartResult& p : parts)
    if (p.verdict != Verdict::correct) return false;
  return true;
}

std::uint64_t student_seed(const std::string& exercise_id, const std::string& student) {
  return seed_of(student.empty() ? exercise_id : exercise_id + "/" + student);
}

Point numeric_point(const Exercise& ex, const std::string& student) {
  Point fixed;
  for (const auto& [name, value] : ex.values) fixed.set(*resolve(*parse_quantity(name), ex.net), *Decimal::parse(value));
  return hand_point(ex.net, ex.value_digits, student_seed(ex.id, student), fixed);
}

Checker::Checker(Exercise exercise, const std::string& student)
    : exercise_(std::move(exercise)), numeric_(exercise_.kind == ExerciseKind::numeric) {
  const std::size_t count = numeric_ ? 1 : static_cast<std::size_t>(std::max(exercise_.sample_points, 8));
  if (exercise_.kind == ExerciseKind::symbolic) {
    // Each symbol drawn from its range as a 6-place decimal.
    context_ = std::make_unique<SymbolicContext>(exercise_);
    std::mt19937_64 rng(seed_of(exercise_.id));
    exact_.resize(count);
    screen_.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      std::string text;
      for (std::size_t k = 0; k < exercise_.symbols.size(); ++k) {
        const FreeSymbol& f = exercise_.symbols[k];
        const long long lo = std::llround(f.low * 1e6), hi = std::llround(f.high * 1e6);
        const long long n = lo + static_cast<long long>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
        std::ostringstream value;
        value << (n < 0 ? "-" : "") << std::llabs(n) / 1000000 << "." << std::setw(6) << std::setfill('0') << std::llabs(n) % 1000000;
        exact_[i].bind(context_->symbols()[k].second, from_text<Real50>(value.str()));
        screen_[i].bind(context_->symbols()[k].second, from_text<double>(value.str()));
        text += (text.empty() ? "" : ", ") + f.name + " = " + value.str();
      }
      point_texts_.push_back(text);
    }
  } else {
    derivation_.emplace(exercise_.net);
    points_ = numeric_ ? std::vector<Point>{numeric_point(exercise_, student)}
                       : sample_points(exercise_.net, static_cast<int>(count), seed_of(exercise_.id));
    for (const Point& p : points_) {
      exact_.emplace_back();
      bind_derivation(exact_.back(), *derivation_, p);
      screen_.emplace_back();
      bind_derivation(screen_.back(), *derivation_, p);
      exact_.back().bind(eta_, from_text<Real50>(exercise_.learning_rate));
      screen_.back().bind(eta_, from_text<double>(exercise_.learning_rate));
      std::string text;
      for (const auto& [q, value] : p.values()) text += (text.empty() ? "" : ", ") + quantity_name(q, exercise_.net) + " = " + value.text();
      point_texts_.push_back(text);
    }
  }
  // The truth of every part; network parts confirmed against the numeric backprop at every point.
  const Network& net = exercise_.net;
  for (const Part& part : exercise_.parts) {
    Truth t;
    if (part.kind == PartKind::symbolic) t.rhs = context_->truth(part.truth);
    else if (part.kind == PartKind::update)
      t.rhs = derivation_->symbols()(part.key.quantity) - eta_ * derivation_->rhs({part.key.quantity, true});
    else t.rhs = derivation_->rhs(part.key);
    for (std::size_t i = 0; i < exact_.size(); ++i) {
      const Real50 v = exact_[i].evaluate(t.rhs);
      if (part.kind == PartKind::equation) {
        const Gradient<Real50> bp = gradient_at<Real50>(net, points_[i]);
        const Quantity& q = part.key.quantity;
        std::optional<Real50> numeric;
        if (part.key.gradient) numeric = bp.d_params[parameter_index(q, net)];
        else if (q.kind == QuantityKind::preactivation) numeric = bp.state.z[q.layer][q.j - 1];
        else if (q.kind == QuantityKind::activation) numeric = bp.state.a[q.layer][q.j - 1];
        else if (q.kind == QuantityKind::output) numeric = bp.state.a[net.depth()][q.j - 1];
        else if (q.kind == QuantityKind::delta) numeric = bp.state.delta[q.layer][q.j - 1];
        else if (q.kind == QuantityKind::loss) numeric = bp.loss;
        if (numeric && !close(v, *numeric, Real50(1e-20), 1e-40))
          throw std::logic_error("the symbolic and numeric truths of " + part.name + " disagree at sample point " + std::to_string(i + 1));
      }
      if (!finite(v)) throw UserError(SourceLocation{exercise_.source, 0, 0, ""}, "the truth of " + part.name + " has no value at sample point " +
                                                                              std::to_string(i + 1) + " (" + point_texts_[i] + "): narrow the symbols' ranges");
      t.values.push_back(v);
      t.scale = std::max(t.scale, boost::multiprecision::abs(v));
    }
    truths_.push_back(std::move(t));
  }
}

std::vector<Mistake> Checker::mistakes_of(std::size_t part) {
  const Part& p = exercise_.parts[part];
  std::vector<Mistake> out;
  if (p.kind == PartKind::symbolic) {
    for (const KnownMistake& k : p.mistakes) out.push_back({mk::kKnownMistake, k.feedback, read_expression(k.answer, context_->names(p.uses)).value});
    return out;
  }
  if (p.kind == PartKind::equation) return plausible_mistakes(p.key, *derivation_);
  // An update w - eta*dL/dw: the step's sign, eta, the step for the weight, and each wrong gradient.
  const GiNaC::ex w = derivation_->symbols()(p.key.quantity), g = derivation_->rhs({p.key.quantity, true});
  const std::string name = quantity_name(p.key.quantity, exercise_.net);
  out.push_back({mk::kWrongSign, "gradient descent steps against the gradient: new " + name + " = " + name + " - eta*dL/d" + name + ", not + eta*dL/d" + name, w + eta_ * g});
  out.push_back({mk::kMissingLearningRate, "the learning rate is missing: new " + name + " = " + name + " - eta*dL/d" + name + " with eta = " + exercise_.learning_rate, w - g});
  out.push_back({mk::kStepForWeight, "this is the step -eta*dL/d" + name + ", not the new weight " + name + " - eta*dL/d" + name, -eta_ * g});
  for (const Mistake& m : plausible_mistakes({p.key.quantity, true}, *derivation_))
    out.push_back({m.kind, "the gradient in the update is wrong: " + m.description, w - eta_ * m.value});
  return out;
}

NameResolver Checker::names_for(std::size_t part) {
  const Part& p = exercise_.parts[part];
  if (numeric_)
    return [](const std::string& name, std::size_t offset) -> NameMeaning {
      throw ExpressionError(offset, "'" + name + "': this exercise asks for numbers: compute the value (deltacheck show gives the network's values)");
    };
  if (p.kind == PartKind::symbolic) return context_->names(p.uses);
  return part_names(p.key, exercise_, derivation_->symbols());
}

bool Checker::agrees(std::size_t part, std::size_t, const Real50& answer, const Real50& value) const {
  using boost::multiprecision::abs;
  if (!finite(answer)) return false;
  if (numeric_) return abs(answer - value) <= numeric_tolerance();
  const Real50 floor = truths_[part].scale * Real50(1e-10) + Real50(1e-60);
  return close(answer, value, floor, kCorrectRelative);
}

Real50 Checker::numeric_tolerance() const {
  Real50 t = 1;
  for (int i = 0; i < exercise_.decimals; ++i) t /= 10;
  return t;
}

std::vector<ex> Checker::proof_candidates(std::size_t part, const ex& answer) {
  if (numeric_ || !provable_size(answer)) return {};
  const ex difference = answer - truths_[part].rhs;
  if (!derivation_) return {difference};
  // First with each a written as f(z) of its own z (sigmoid(z2_1) meets a2_1; answers in a
  // stay as they were, as f(z) on both sides), then with everything in inputs and parameters
  // (an expanded form meets a local one): cheapest first, the first success ends the proof.
  const ex local = derivation_->without_deltas(difference);
  return {derivation_->activations_in_z(local), derivation_->in_inputs(local)};
}

void Checker::judge(std::size_t part, const ex& answer, PartResult& result, std::vector<std::vector<ex>>& proofs,
                    std::vector<std::size_t>& proof_parts) {
  const Truth& t = truths_[part];
  const std::size_t n = exact_.size();
  std::vector<Real50> values;
  for (std::size_t i = 0; i < n; ++i) values.push_back(exact_[i].evaluate(answer));
  bool all = true;
  for (std::size_t i = 0; i < n && all; ++i) all = agrees(part, i, values[i], t.values[i]);
  if (all) {
    result.verdict = Verdict::correct;
    result.score = result.max_score;
    result.feedback = numeric_ ? "correct to " + std::to_string(exercise_.decimals) + " decimal places"
                               : "agrees at " + std::to_string(n) + " points";
    const std::vector<ex> candidates = proof_candidates(part, answer);
    if (!candidates.empty()) {
      proofs.push_back(candidates);
      proof_parts.push_back(part);
    }
    return;
  }
  result.verdict = Verdict::incorrect;
  for (std::size_t i = 0; i < n; ++i) {
    if (!finite(values[i])) {
      result.feedback = "the answer has no value at " + (numeric_ ? std::string("the exercise's numbers") : "sample point " + std::to_string(i + 1) + " (" + point_texts_[i] + ")") +
                        ": a division by zero, or the log or square root of a negative number";
      return;
    }
  }
  diagnose(part, values, answer, result);
}

void Checker::diagnose(std::size_t part, const std::vector<Real50>& answer, const ex& expression, PartResult& result) {
  Truth& t = truths_[part];
  const std::size_t n = exact_.size();
  if (!t.mistakes_made) {
    t.mistakes = mistakes_of(part);
    for (const Mistake& m : t.mistakes) {
      std::vector<double> v;
      for (std::size_t i = 0; i < n; ++i) v.push_back(screen_[i].evaluate(m.value));
      t.mistake_values.push_back(v);
    }
    t.mistakes_made = true;
  }
  const bool squared = exercise_.kind != ExerciseKind::symbolic && exercise_.net.loss == Loss::squared;
  const auto factor_text = [&](std::pair<long, long> f) -> std::string {
    if (f.first == -1 && f.second == 1) return "the sign is wrong: this is the negative of the right answer (compare a - y with y - a)";
    if (f.first == 2 && f.second == 1 && squared)
      return "off by a factor of 2: the 1/2 of the squared loss cancels the 2 of the derivative of the square";
    if (f.first == 1 && f.second == 2 && squared) return "off by a factor of 1/2: the derivative of (1/2)(a - y)^2 is (a - y), without a 1/2";
    return "off by a constant factor of " + fraction_text(f) + " (this answer divided by the right one)";
  };
  const auto factor_mistake = [](std::pair<long, long> f) { return f.first == -1 && f.second == 1 ? mk::kWrongSign : mk::kConstantFactor; };

  if (numeric_) {
    // One point, answers rounded: a mistake matches when its value rounds the same way.
    for (std::size_t m = 0; m < t.mistakes.size(); ++m) {
      if (!agrees(part, 0, answer[0], exact_[0].evaluate(t.mistakes[m].value))) continue;
      result.mistake = t.mistakes[m].kind;
      result.feedback = t.mistakes[m].description;
      return;
    }
    for (const auto& f : {std::make_pair(-1L, 1L), std::make_pair(2L, 1L), std::make_pair(1L, 2L)}) {
      if (boost::multiprecision::abs(t.values[0]) < 10 * numeric_tolerance()) break;  // too small to tell a factor
      if (!agrees(part, 0, answer[0], Real50(f.first) / Real50(f.second) * t.values[0])) continue;
      result.mistake = factor_mistake(f);
      result.feedback = factor_text(f);
      return;
    }
    result.feedback = "the answer is " + readable(answer[0]) + ", the right value is " + rounded(t.values[0], exercise_.decimals) +
                      " (to " + std::to_string(exercise_.decimals) + " decimal places)";
    return;
  }

  std::vector<double> a;
  for (std::size_t i = 0; i < n; ++i) a.push_back(screen_[i].evaluate(expression));
  // The constant ratio answer / candidate, if there is one (checked in double, then confirmed at 50 digits).
  const auto ratio = [&](const std::vector<double>& v, const ex& candidate, const std::vector<Real50>* exact) -> std::optional<double> {
    std::optional<double> r;
    for (std::size_t i = 0; i < n; ++i) {
      const double scale = std::max(std::fabs(v[i]), std::fabs(a[i]));
      if (scale == 0) continue;
      if (v[i] == 0) return std::nullopt;
      const double ri = a[i] / v[i];
      if (!std::isfinite(ri)) return std::nullopt;
      if (!r) r = ri;
      else if (std::fabs(ri - *r) > 1e-9 * std::fabs(*r)) return std::nullopt;
    }
    if (!r) return std::nullopt;
    const auto f = small_fraction(*r);
    if (!f) return r;  // not a simple number: screened only
    const Real50 exact_ratio = Real50(f->first) / Real50(f->second);
    for (std::size_t i = 0; i < n; ++i) {
      const Real50 value = exact ? (*exact)[i] : exact_[i].evaluate(candidate);
      if (!agrees(part, i, answer[i], exact_ratio * value)) return std::nullopt;
    }
    return r;
  };

  // 1. A known mistake exactly.
  std::vector<std::pair<std::size_t, std::pair<long, long>>> scaled;
  for (std::size_t m = 0; m < t.mistakes.size(); ++m) {
    const auto r = ratio(t.mistake_values[m], t.mistakes[m].value, nullptr);
    if (!r) continue;
    const auto f = small_fraction(*r);
    if (!f) continue;
    if (f->first == f->second) {
      result.mistake = t.mistakes[m].kind;
      result.feedback = t.mistakes[m].description;
      return;
    }
    scaled.emplace_back(m, *f);
  }
  // 2. The truth up to a sign or constant factor.
  std::vector<double> truth_double;
  for (std::size_t i = 0; i < n; ++i) truth_double.push_back(static_cast<double>(t.values[i]));
  if (const auto r = ratio(truth_double, t.rhs, &t.values)) {
    result.mistake = mk::kConstantFactor;
    if (const auto f = small_fraction(*r)) {
      result.mistake = factor_mistake(*f);
      result.feedback = factor_text(*f);
      return;
    }
    result.feedback = "off by a constant factor of about " + readable(static_cast<float>(*r)) + " (this answer divided by the right one)";
    return;
  }
  // 3. A known mistake and a sign or factor.
  if (!scaled.empty()) {
    const auto& [m, f] = scaled.front();
    result.mistake = t.mistakes[m].kind;
    result.feedback = t.mistakes[m].description + "; besides, " + factor_text(f);
    return;
  }
  // 4. Where it differs.
  for (std::size_t i = 0; i < n; ++i) {
    if (agrees(part, i, answer[i], t.values[i])) continue;
    result.feedback = "no known mistake matches; at sample point " + std::to_string(i + 1) + " (" + point_texts_[i] + ") the answer is " +
                      readable(answer[i]) + " but the right value is " + readable(t.values[i]);
    return;
  }
}

CheckResult Checker::check(const AnswerFile& file, bool prove) {
  CheckResult out;
  out.exercise = exercise_.id;
  out.answers = file.path;
  for (const Part& p : exercise_.parts) {
    PartResult r;
    r.key = p.name;
    r.max_score = p.points;
    r.feedback = "no answer";
    out.parts.push_back(r);
  }
  std::vector<std::pair<int, std::string>> problems;  // by line
  for (const UserError& e : file.problems) problems.emplace_back(e.where().line, e.formatted());

  // Which answer belongs to which part.
  std::vector<const Answer*> given(exercise_.parts.size(), nullptr);
  std::vector<bool> twice(exercise_.parts.size(), false);
  for (const Answer& a : file.answers) {
    std::string why;
    bool not_asked = false;
    const auto index = exercise_.part_for(a.key(), why, not_asked);
    if (!index && not_asked) {
      out.notes.push_back(file.path + ":" + std::to_string(a.line) + ": " + why + "; not graded");
      continue;
    }
    if (!index) {
      const std::string keys = exercise_.parts.size() <= 3
                                   ? [&] {
                                       std::string k;
                                       for (const Part& p : exercise_.parts) k += (k.empty() ? "" : ", ") + p.name;
                                       return k;
                                     }()
                                   : exercise_.parts.front().name + " .. " + exercise_.parts.back().name;
      problems.emplace_back(a.line, UserError(file.locate(a, a.key_begin), "unknown key '" + a.key() + "': " + why + " (this exercise asks for " +
                                                                                keys + "; deltacheck template " + exercise_.id + " lists them)")
                                        .formatted());
      continue;
    }
    if (given[*index]) {
      twice[*index] = true;
      PartResult& r = out.parts[*index];
      r.verdict = Verdict::invalid;
      r.feedback = UserError(file.locate(a, a.key_begin), r.key + " is given twice (lines " + std::to_string(given[*index]->line) + " and " +
                                                                std::to_string(a.line) + "): keep one")
                       .formatted();
      continue;
    }
    given[*index] = &a;
  }
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& p : problems) out.problems.push_back(std::move(p.second));

  std::vector<std::vector<ex>> proofs;
  std::vector<std::size_t> proof_parts;
  for (std::size_t i = 0; i < given.size(); ++i) {
    if (!given[i] || twice[i]) continue;
    const Answer& a = *given[i];
    PartResult& r = out.parts[i];
    r.line = a.line;
    if (a.expression().empty()) {
      r.feedback = "no answer after '='";
      continue;
    }
    ReadExpression read;
    try {
      read = read_expression(a.expression(), names_for(i));
    } catch (const ExpressionError& e) {
      r.verdict = Verdict::invalid;
      r.feedback = UserError(file.locate(a, a.expression_begin + e.offset()), e.what()).formatted();
      continue;
    }
    r.read_as = read.echo;
    judge(i, read.value, r, proofs, proof_parts);
  }

  const std::vector<bool> proved = prove ? prove_all(proofs, kProofSeconds, kProofTotalSeconds) : std::vector<bool>();
  for (std::size_t k = 0; k < proved.size(); ++k) {
    if (!proved[k]) continue;
    PartResult& r = out.parts[proof_parts[k]];
    r.proved = true;
    r.feedback = "proved";
  }
  for (const PartResult& r : out.parts) {
    out.score += r.score;
    out.max_score += r.max_score;
  }
  return out;
}

}  // namespace deltacheck
