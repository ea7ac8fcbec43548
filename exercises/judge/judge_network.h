// Judging the parts of a network exercise: its equations at sample points, confirmed by backprop,
// with plausible mistakes.
#pragma once

#include <map>
#include <optional>

#include "exercises/judge/judge.h"
#include "solver/backprop.h"
#include "symbolic/derivation.h"

namespace deltacheck {

/// Judges network exercises: each part is an equation of the network; answers are checked at
/// the exercise's sample points (drawn with student_seed of its id), may use the names
/// part_names allows, and are diagnosed against the plausible mistakes of the equation.
class NetworkJudge : public Judge {
 public:
  /// Derives the equations, draws the points and computes every part's truth, confirming it
  /// against the numeric backprop (std::logic_error if they ever disagree: a bug).
  explicit NetworkJudge(Exercise exercise);

  /// The names part_names allows for the part's equation, chain-rule factors included.
  NameResolver names(std::size_t part) override;
  /// The truth of a network key or chain-rule factor no part asks (created on first use).
  std::optional<std::size_t> truth_of_name(const std::string& name) override;
  /// z, a, yhat and delta by their symbols, dL/dz as the delta, other factors by name.
  std::optional<NetworkName> network_name(const std::string& name) override;
  /// factor_refusal and value_refusal of permissions.h for the part's key.
  std::optional<std::string> use_refusal(std::size_t part, const GiNaC::ex& value,
                                         const std::optional<GiNaC::ex>& symbol,
                                         const std::set<std::string>& factors) override;
  /// part_names of the key `name` names, or step_names for a factor or a name of one's own.
  NameResolver step_names(const std::string& name) override;
  /// f(z3_1) and f'(z3_1) as the activation of layer 3.
  ReadOptions read_options() override;

 protected:
  /// Derives the equations and binds them at `points` (and eta to the learning rate when
  /// given), without truths: for the numeric judge.
  NetworkJudge(Exercise exercise, std::vector<Point> points, const std::string& learning_rate);
  /// The truth of an equation part, confirmed against the numeric backprop at every point.
  void add_equation_truth(const Part& part);
  /// The 50-digit backprop at sample point `i`, computed on first use and kept: every part's
  /// truth is confirmed against the same one (one backprop a point, not one a part and point).
  const Gradient<Real50>& backprop_at(std::size_t i);

  /// The difference with deltas written out, then with each a as f(z), then in inputs only.
  std::vector<GiNaC::ex> proof_candidates(std::size_t part, const GiNaC::ex& answer) const override;
  /// The plausible mistakes of the part's equation.
  std::vector<Mistake> mistakes_of(std::size_t part) override;
  /// True for the squared loss.
  bool squared_loss() const override { return exercise_.net().loss == Loss::squared; }
  /// For the backward pass, the output error of the part's unit ("a2_2 - y2 with y2 - a2_2";
  /// "a - y with y - a" for a part behind several outputs); "" for the forward pass.
  std::string sign_culprit(std::size_t part) const override;

  std::optional<Derivation> derivation_;
  /// The key of each truth after the parts' (steps), when it is an equation of the network.
  std::vector<std::optional<EquationKey>> step_keys_;
  /// The equation of truth `part`: a part's, or a step's (nothing for a factor dA/dB that is
  /// no equation of the network).
  std::optional<EquationKey> key_of(std::size_t part) const;
  std::map<std::string, std::size_t> step_truths_;  // step name -> truth index
  GiNaC::symbol eta_{"eta"};                        // the learning rate of numeric exercises
  std::vector<std::optional<Gradient<Real50>>> backprops_;  // per point, see backprop_at
};

}  // namespace deltacheck
