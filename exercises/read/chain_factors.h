// Chain-rule factors written as names, `dA/dB` between two quantities of a network: what each
// means (its true total derivative through the network) and which key it stands for.
#pragma once

#include <optional>
#include <string>

#include <ginac/ginac.h>

#include "symbolic/derivation.h"

namespace deltacheck {

/// d(of)/d(by): the loss (L, or C, J, E, loss as texts name it) or a quantity of the network,
/// by a quantity of the network.
struct ChainFactor {
  bool of_loss = false;
  Quantity of;  // when not the loss: canonical, an output read as its activation
  Quantity by;  // canonical, an output read as its activation
};

/// Reads `name` ("dL/da3_1", "da3_1/dz3_1", "dC/dyhat", "dz2_1/dw2_11") as a factor of `net`,
/// or nothing when it is not `dA/dB` with A the loss or a z, a, yhat and B a quantity of `net`.
std::optional<ChainFactor> parse_chain_factor(const std::string& name, const Network& net);

/// The canonical spelling: "dL/da3_1", "da3_1/dz3_1".
std::string factor_name(const ChainFactor& f, const Network& net);

/// The key the factor is another name of: dL/dw and dL/db their gradients, dL/dz{l}_j the delta
/// delta{l}_j; nothing for the others.
std::optional<EquationKey> factor_key(const ChainFactor& f);

/// The true value of the factor in the quantities of the network: A written through the
/// network down to B's layer (every forward equation after B substituted), then GiNaC's diff
/// by B. A that does not depend on B gives 0. Cost: one substitution pass over the forward
/// equations and one diff.
GiNaC::ex factor_value(const ChainFactor& f, Derivation& d);

}  // namespace deltacheck
