// The network description: inputs, layers (activation, units) and loss, parsed from a SPEC string.
#pragma once

#include <string>
#include <vector>

namespace deltacheck {

/// The activation of a layer (docs/DESIGN.md §3). softmax is allowed on the output layer only.
enum class Activation { relu, sigmoid, tanh, linear, softmax };

/// The per-sample loss (docs/DESIGN.md §3): squared = 1/2 sum (a - y)^2; crossentropy with
/// sigmoid outputs = -sum [y log a + (1-y) log(1-a)], with a softmax output = -sum y log a.
enum class Loss { squared, crossentropy };

/// One layer with weights: `units` units, each a = activation(z).
struct Layer {
  Activation activation;
  int units;
};

/// A fully connected network: `inputs` inputs (layer 0), then layers 1..L, and a loss.
/// Invariants (checked by parse_network): inputs >= 1, every layer has >= 1 unit,
/// softmax only on the output, crossentropy only with a sigmoid or softmax output.
struct Network {
  int inputs = 0;
  std::vector<Layer> layers;  // layers[l-1] is layer l
  Loss loss = Loss::squared;

  /// L, the number of layers with weights.
  int depth() const { return static_cast<int>(layers.size()); }
  /// Units of layer l (0 = inputs).
  int units(int l) const { return l == 0 ? inputs : layers[l - 1].units; }
  /// The activation of layer l (1..L).
  Activation activation(int l) const { return layers[l - 1].activation; }
  /// Units of the output layer.
  int outputs() const { return layers.back().units; }
  /// Number of weights and biases.
  int parameter_count() const;
  /// The SPEC string that parses back to this network, e.g. "3 relu:2 sigmoid:1".
  std::string spec() const;
};

/// Parses SPEC ("3 relu:2 sigmoid:2 sigmoid:1") and LOSS ("squared" | "crossentropy").
/// Throws UserError with a one-line message naming what is wrong and what would be right.
Network parse_network(const std::string& spec, const std::string& loss);

/// What a network costs the symbolic commands, counted from its shape alone (before any
/// derivation). Counts saturate at kSizeSaturation.
struct NetworkSize {
  /// Every unit, inputs included.
  long long units = 0;
  /// Weights and biases.
  long long parameters = 0;
  /// Terms `derive --form delta` prints: the sums of the forward and delta equations, one per
  /// gradient.
  long long delta_terms = 0;
  /// Terms `derive --form local` prints at least: a gradient of layer l has one product for each
  /// path from its unit to the output, each as long as the path (expanded prints more).
  long long local_terms = 0;
  /// Terms of the largest local-form gradient (a weight of layer 1).
  long long largest_local = 0;
};

/// Where the counts of NetworkSize stop growing (far above every limit).
constexpr long long kSizeSaturation = 1000000000000000LL;

/// The most weights and biases the symbolic commands (derive, show, check) handle: building the
/// derivation costs about a second per thousand and its printed size grows with them.
constexpr long long kMaxSymbolicParameters = 10000;

/// The sizes of `net`, in time linear in its number of layers.
NetworkSize network_size(const Network& net);

/// Throws UserError when `net` has more than kMaxSymbolicParameters weights and biases,
/// stating the limit, the network's size and what to do instead (fewer units).
void check_symbolic_size(const Network& net);

/// "relu", "sigmoid", ... as written in a SPEC.
std::string activation_name(Activation a);
/// "squared" or "crossentropy".
std::string loss_name(Loss l);

}  // namespace deltacheck
