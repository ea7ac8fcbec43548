// The names of a network's quantities in the answer syntax, in JSON and in LaTeX (docs/DESIGN.md
// §3, §4).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/network.h"

namespace deltacheck {

/// What a name stands for. Indices follow docs/DESIGN.md §3: w{l}_{jk} joins unit k of
/// layer l-1 to unit j of layer l; inputs are layer 0 (x_k = a0_k).
enum class QuantityKind {
  input,
  target,
  weight,
  bias,
  preactivation,
  activation,
  delta,
  output,
  loss
};

/// One named quantity. Unused indices are 0; all used indices are 1-based.
struct Quantity {
  QuantityKind kind = QuantityKind::loss;
  int layer = 0;
  int j = 0;  // unit (or input / target / output index)
  int k = 0;  // for weights: the unit of the previous layer

  bool operator==(const Quantity& o) const {
    return kind == o.kind && layer == o.layer && j == o.j && k == o.k;
  }
  bool operator<(const Quantity& o) const;
};

/// How a name is written: `short_form` is the answer syntax (w2_11 when j and k are
/// single digits), `separated` always separates indices (w2_1_1), as JSON requires.
enum class NameStyle { short_form, separated };

/// The name of q in `net` ("x1", "y" or "y2", "yhat" or "yhat2", "w2_11", "b2_1",
/// "z2_1", "a2_1", "delta2_1", "L"). Targets and outputs carry no index when the
/// network has one output. Inputs are always written x{k}, never a0_{k}.
std::string quantity_name(const Quantity& q, const Network& net,
                          NameStyle style = NameStyle::short_form);

/// The LaTeX of q in the notation of docs/DESIGN.md §3: w^{(l)}_{jk}, \delta^{(l)}_{j}, \hat y, ...
std::string quantity_latex(const Quantity& q, const Network& net);

/// Reads any accepted spelling of a name (x1, x_1, a0_1, y, y_1, yhat2, w2_11, w2_1_1,
/// b2_1, z2_1, a2_1, delta2_1, L). Only the form is checked, not whether a network has
/// that quantity (see `resolve`); `y` and `yhat` without index come back with j = 0.
/// Returns nothing for a spelling that is not a name.
std::optional<Quantity> parse_quantity(const std::string& name);

/// q as a quantity of `net` in canonical form (inputs as kind input, unindexed y / yhat
/// as index 1), or nothing when `net` has no such quantity (index out of range, layer
/// beyond L, unindexed y with several outputs).
std::optional<Quantity> resolve(const Quantity& q, const Network& net);

/// `name` as a quantity of `net`, reading also the slips a student makes that have one
/// reading: the unit left out of a one-unit layer's name (a3, z3, b3, delta3 for a3_1 ...)
/// and a case slip (W2_11, A1_1, Yhat; L alone is the loss). Nothing when `name` is none.
std::optional<Quantity> resolve_name(const std::string& name, const Network& net);

/// Why `name` is not a name of `net`, and what is: "unknown name 'w2_31': layer 2 joins 2
/// units to 2 units (w2_11 .. w2_22)". For a valid name of another network, says which
/// range this one has; for a misspelling (upper case, missing index, notation of other
/// texts such as t, o, theta, e) says what to write.
std::string explain_unknown_name(const std::string& name, const Network& net);

/// Every weight and bias, layer by layer from 1 to L, each layer's weights row by row
/// (w{l}_{11}, w{l}_{12}, ...) then its biases: the parameter order used everywhere.
std::vector<Quantity> parameters(const Network& net);
/// The inputs x1..xn.
std::vector<Quantity> inputs(const Network& net);
/// The targets y (or y1..yK).
std::vector<Quantity> targets(const Network& net);

/// Index of a weight or bias in `parameters(net)`; q must be a parameter of net.
int parameter_index(const Quantity& q, const Network& net);

}  // namespace deltacheck
