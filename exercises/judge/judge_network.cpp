// Network exercises: truths from the derivation confirmed by backprop, names allowed per part,
// plausible mistakes, proofs.
#include "exercises/judge/judge_network.h"

#include <stdexcept>

#include "core/text.h"
#include "exercises/read/chain_factors.h"
#include "exercises/read/permissions.h"
#include "solver/backprop.h"
#include "solver/sample_points.h"

namespace deltacheck {

namespace {

// |a - b| <= relative * max(|b|, floor).
bool close(const Real50& a, const Real50& b, const Real50& floor, double relative) {
  using boost::multiprecision::abs;
  return abs(a - b) <= Real50(relative) * std::max(abs(b), floor);
}

// The value backprop computes for the quantity of `key`, or nothing (weights, inputs).
std::optional<Real50> backprop_value(const EquationKey& key, const Network& net,
                                     const Gradient<Real50>& bp) {
  const Quantity& q = key.quantity;
  if (key.gradient) return bp.d_params[parameter_index(q, net)];
  switch (q.kind) {
    case QuantityKind::preactivation:
      return bp.state.z[q.layer][q.j - 1];
    case QuantityKind::activation:
      return bp.state.a[q.layer][q.j - 1];
    case QuantityKind::output:
      return bp.state.a[net.depth()][q.j - 1];
    case QuantityKind::delta:
      return bp.state.delta[q.layer][q.j - 1];
    case QuantityKind::loss:
      return bp.loss;
    default:
      return std::nullopt;
  }
}

std::vector<Point> exercise_points(const Exercise& ex) {
  return sample_points(ex.net(), std::max(ex.sample_points, 8), student_seed(ex.id, ""));
}

}  // namespace

NetworkJudge::NetworkJudge(Exercise exercise, std::vector<Point> points,
                           const std::string& learning_rate)
    : Judge(std::move(exercise)) {
  derivation_.emplace(exercise_.net());
  points_ = std::move(points);
  for (const Point& p : points_) {
    exact_.emplace_back();
    bind_derivation(exact_.back(), *derivation_, p);
    screen_.emplace_back();
    bind_derivation(screen_.back(), *derivation_, p);
    exact_.back().bind(eta_, from_text<Real50>(learning_rate));
    screen_.back().bind(eta_, from_text<double>(learning_rate));
    point_texts_.push_back(join(p.values(), ", ", [&](const auto& qv) {
      return quantity_name(qv.first, exercise_.net()) + " = " + qv.second.text();
    }));
  }
}

NetworkJudge::NetworkJudge(Exercise exercise)
    : NetworkJudge(exercise, exercise_points(exercise), "0.5") {
  for (const Part& part : exercise_.parts) add_equation_truth(part);
}

void NetworkJudge::add_equation_truth(const Part& part) {
  const bool step = truths_.size() >= exercise_.parts.size();
  const Truth& t = add_truth(derivation_->rhs(part.equation), step ? part.answer_key : "");
  const Network& net = exercise_.net();
  for (std::size_t i = 0; i < points_.size(); ++i) {
    const std::optional<Real50> numeric =
        backprop_value(part.equation, net, backprop_at(i));
    if (numeric && !close(t.values[i], *numeric, Real50(1e-20), 1e-40))
      throw std::logic_error("the symbolic and numeric truths of " + part.answer_key +
                             " disagree at sample point " + std::to_string(i + 1));
  }
}

const Gradient<Real50>& NetworkJudge::backprop_at(std::size_t i) {
  if (backprops_.size() < points_.size()) backprops_.resize(points_.size());
  if (!backprops_[i]) backprops_[i] = gradient_at<Real50>(exercise_.net(), points_[i]);
  return *backprops_[i];
}

NameResolver NetworkJudge::names(std::size_t part) {
  return part_names(exercise_.parts[part].equation, exercise_, *derivation_);
}

std::optional<std::size_t> NetworkJudge::truth_of_name(const std::string& name) {
  if (const auto found = step_truths_.find(name); found != step_truths_.end()) return found->second;
  const Network& net = exercise_.net();
  std::optional<EquationKey> key;
  const auto factor = parse_chain_factor(name, net);
  if (factor) {
    key = factor_key(*factor);
  } else {
    try {
      key = parse_key(name, net);
    } catch (const ExpressionError&) {
      return std::nullopt;
    }
  }
  const std::size_t index = truths_.size();
  if (key) {
    Part part;
    part.answer_key = name;
    part.equation = *key;
    add_equation_truth(part);
  } else {
    add_truth(factor_value(*factor, *derivation_), name);
  }
  step_keys_.push_back(key);
  step_truths_[name] = index;
  return index;
}

std::optional<Judge::NetworkName> NetworkJudge::network_name(const std::string& name) {
  const Network& net = exercise_.net();
  std::optional<Quantity> q;
  if (const auto factor = parse_chain_factor(name, net)) {
    const auto key = factor_key(*factor);
    if (!key || key->gradient) return NetworkName{factor_name(*factor, net), std::nullopt};
    q = key->quantity;
  } else {
    const auto written = parse_quantity(name);
    q = written ? resolve(*written, net) : std::nullopt;
  }
  if (!q) return std::nullopt;
  if (q->kind == QuantityKind::output) q = Quantity{QuantityKind::activation, net.depth(), q->j, 0};
  if (q->kind != QuantityKind::preactivation && q->kind != QuantityKind::activation &&
      q->kind != QuantityKind::delta)
    return std::nullopt;
  const GiNaC::symbol& s = derivation_->symbols()(*q);
  return NetworkName{"=" + s.get_name(), GiNaC::ex(s), q->kind != QuantityKind::delta};
}

std::optional<std::string> NetworkJudge::use_refusal(std::size_t part, const GiNaC::ex& value,
                                                     const std::optional<GiNaC::ex>& symbol,
                                                     const std::set<std::string>& factors) {
  if (part >= exercise_.parts.size() || exercise_.parts[part].kind != PartKind::equation)
    return std::nullopt;
  const EquationKey& key = exercise_.parts[part].equation;
  for (const std::string& f : factors)
    if (auto why = factor_refusal(f, key, exercise_)) return why;
  if (auto why = value_refusal(value, key, exercise_, derivation_->symbols())) return why;
  if (symbol) return value_refusal(*symbol, key, exercise_, derivation_->symbols());
  return std::nullopt;
}

NameResolver NetworkJudge::step_names(const std::string& name) {
  const Network& net = exercise_.net();
  std::optional<EquationKey> key;
  if (const auto factor = parse_chain_factor(name, net)) {
    key = factor_key(*factor);
  } else {
    try {
      key = parse_key(name, net);
    } catch (const ExpressionError&) {
    }
  }
  if (key) return part_names(*key, exercise_, *derivation_);
  return deltacheck::step_names(exercise_, *derivation_);
}

std::vector<GiNaC::ex> NetworkJudge::proof_candidates(std::size_t part,
                                                      const GiNaC::ex& answer) const {
  const std::vector<GiNaC::ex> difference = Judge::proof_candidates(part, answer);
  if (difference.empty()) return {};
  // First with each a written as f(z) of its own z (sigmoid(z2_1) meets a2_1; answers in a
  // stay as they were, as f(z) on both sides), then with everything in inputs and parameters
  // (an expanded form meets a local one): cheapest first, the first success ends the proof.
  const GiNaC::ex local = derivation_->without_deltas(difference.front());
  return {derivation_->activations_in_z(local), derivation_->in_inputs(local)};
}

ReadOptions NetworkJudge::read_options() {
  ReadOptions o;
  o.activation = network_activations(derivation_->symbols());
  return o;
}

std::optional<EquationKey> NetworkJudge::key_of(std::size_t part) const {
  const std::size_t parts = exercise_.parts.size();
  if (part < parts) return exercise_.parts[part].equation;
  return step_keys_[part - parts];
}

std::string NetworkJudge::sign_culprit(std::size_t part) const {
  const std::optional<EquationKey> of = key_of(part);
  if (!of) return "";  // a chain-rule factor between two quantities
  const EquationKey& key = *of;
  const Network& net = exercise_.net();
  const Quantity& q = key.quantity;
  if (!key.gradient && q.kind != QuantityKind::delta) return "";
  const int L = net.depth();
  if (q.layer != L && net.units(L) > 1) return "a - y with y - a";
  const int j = q.layer == L ? q.j : 1;
  const std::string a = quantity_name({QuantityKind::activation, L, j, 0}, net);
  const std::string y = quantity_name({QuantityKind::target, 0, j, 0}, net);
  return a + " - " + y + " with " + y + " - " + a;
}

std::vector<Mistake> NetworkJudge::mistakes_of(std::size_t part) {
  const std::optional<EquationKey> key = key_of(part);
  return key ? plausible_mistakes(*key, *derivation_) : std::vector<Mistake>{};
}

}  // namespace deltacheck
