// The symbolic derivation of a network: forward equations, loss, delta rules and every gradient in
// three forms.
#pragma once

#include <string>
#include <vector>

#include <ginac/ginac.h>

#include "core/names.h"
#include "core/network.h"
#include "symbolic/symbols.h"

namespace deltacheck {

/// How a gradient is written (docs/DESIGN.md §3):
/// `local`: in forward quantities (a, z), parameters and targets, simplified as the notes do;
/// `delta`: dL/dw = delta * a, with the delta rules as their own equations;
/// `expanded`: in inputs, targets, weights and biases only (the sum over paths).
enum class Form { local, delta, expanded };

/// Reads "local", "delta" or "expanded"; throws UserError otherwise.
Form parse_form(const std::string& text);

/// The left-hand side of an equation: a quantity (z2_1, a2_1, yhat, L, delta2_1) or dL/d of a
/// parameter.
struct EquationKey {
  Quantity quantity;
  bool gradient = false;  // true: dL/d quantity

  /// "z2_1", "dL/dw2_11" (or "dL/dw2_1_1" in separated style).
  std::string text(const Network& net, NameStyle style) const;
  /// "z^{(2)}_{1}", "\frac{\partial L}{\partial w^{(2)}_{11}}".
  std::string latex(const Network& net) const;
};

/// One line `key = rhs`.
struct Equation {
  EquationKey key;
  GiNaC::ex rhs;
};

/// All equations of one network, derived by GiNaC on construction.
class Derivation {
 public:
  /// Derives everything for `net`. Cheap: the forms are built on GiNaC's shared DAG.
  explicit Derivation(const Network& net);

  const Network& network() const { return net_; }
  SymbolTable& symbols() { return symbols_; }

  /// z{l}_j = sum_k w{l}_{jk} a{l-1}_k + b{l}_j and a{l}_j = f(z{l}_j), layer by layer,
  /// each layer's z equations before its a equations.
  const std::vector<Equation>& forward() const { return forward_; }
  /// yhat = a{L}_1 (or yhat{j} = a{L}_j).
  const std::vector<Equation>& outputs() const { return outputs_; }
  /// L in terms of the output activations and targets.
  const Equation& loss() const { return loss_; }
  /// delta{l}_j in local form, from layer L down to 1: the output delta in a{L} and y,
  /// hidden deltas in delta{l+1}, w{l+1} and the activation derivative of layer l.
  const std::vector<Equation>& deltas() const { return deltas_; }

  /// dL/d of every weight and bias, layer L first (the order of the backward pass).
  /// Throws UserError when the local or expanded form would exceed `max_size` tree nodes
  /// in any gradient (the message says to use --form delta).
  std::vector<Equation> gradients(Form form, std::size_t max_size = kDefaultMaxSize) const;

  /// The right-hand side for `key`: a forward, output, loss or delta equation as above, or a
  /// gradient in delta form. Throws std::out_of_range when the network has no such key.
  GiNaC::ex rhs(const EquationKey& key) const;
  /// e with every delta replaced by its local form (a, z, w, y only).
  GiNaC::ex without_deltas(const GiNaC::ex& e) const;
  /// e with every forward quantity (z, a) written in inputs, weights and biases.
  GiNaC::ex in_inputs(const GiNaC::ex& e) const;
  /// e with every activation a{l}_j written as f(z{l}_j) of its own pre-activation (z kept).
  GiNaC::ex activations_in_z(const GiNaC::ex& e) const;

  /// The largest printed size of any gradient in this form, saturating at `limit`.
  std::size_t largest_gradient(Form form, std::size_t limit) const;

  /// Default limit on the tree size of one printed gradient (about a page of text).
  static constexpr std::size_t kDefaultMaxSize = 20000;
  /// Gradients up to this tree size get their common factors pulled out of sums.
  static constexpr std::size_t kFactorableSize = 2000;

 private:
  GiNaC::ex gradient_in(Form form, std::size_t index) const;

  Network net_;
  mutable SymbolTable symbols_;
  std::vector<Equation> forward_, outputs_, deltas_;
  Equation loss_;
  std::vector<Quantity> gradient_order_;  // parameters, layer L first
  std::vector<GiNaC::ex> delta_form_;     // dL/dp = delta * dz/dp
  GiNaC::exmap delta_to_local_;           // delta{l}_j -> its local-form expression
  GiNaC::exmap forward_to_inputs_;        // a{l}_j, z{l}_j -> expressions in x, w, b
  GiNaC::exmap activation_to_z_;          // a{l}_j -> f(z{l}_j)
};

/// f'(z) of activation `a` written in the unit's own a and z (sigmoid: a(1-a), tanh: 1-a^2,
/// relu: step(z), linear: 1), found by GiNaC's diff of f(z) and rewriting f(z) as a.
/// Not for softmax (its derivative couples units; see the output delta). The numeric overload,
/// for a scalar T, is in solver/backprop.h.
GiNaC::ex activation_derivative(Activation a, const GiNaC::ex& a_symbol, const GiNaC::ex& z_symbol);

/// f(z) for a non-softmax activation.
GiNaC::ex apply_activation(Activation a, const GiNaC::ex& z);

}  // namespace deltacheck
