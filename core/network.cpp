// Parsing and validation of network SPEC strings and loss names.
#include "core/network.h"

#include <algorithm>
#include <sstream>

#include "core/error.h"

namespace deltacheck {

namespace {

constexpr int kMaxUnits = 4096;
constexpr int kMaxLayers = 256;

const char* const kActivationNames[] = {"relu", "sigmoid", "tanh", "linear", "softmax"};

bool parse_count(const std::string& text, int& out) {
  if (text.empty() || text.size() > 6) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  out = std::stoi(text);
  return true;
}

Activation parse_activation(const std::string& name, const std::string& token) {
  for (int i = 0; i < 5; ++i)
    if (name == kActivationNames[i]) return static_cast<Activation>(i);
  throw UserError("network spec: unknown activation '" + name + "' in '" + token +
                  "': use relu, sigmoid, tanh, linear or softmax");
}

long long saturating_product(long long a, long long b) {
  return a != 0 && b > kSizeSaturation / a ? kSizeSaturation : std::min(a * b, kSizeSaturation);
}

long long saturating_sum(long long a, long long b) { return std::min(a + b, kSizeSaturation); }

}  // namespace

NetworkSize network_size(const Network& net) {
  NetworkSize size;
  size.units = net.inputs;
  long long paths = 1;  // from a unit of layer l to the output, for l from L down
  for (int l = net.depth(); l >= 1; --l) {
    const long long weights = static_cast<long long>(net.units(l)) * (net.units(l - 1) + 1);
    const long long length = net.depth() - l + 1;
    size.units += net.units(l);
    size.parameters += weights;
    size.delta_terms +=
        2 * weights +
        (l < net.depth() ? static_cast<long long>(net.units(l)) * net.units(l + 1) : net.units(l));
    size.local_terms = saturating_sum(
        size.local_terms, saturating_product(weights, saturating_product(paths, length)));
    size.largest_local = saturating_product(paths, length);
    paths = saturating_product(paths, net.units(l));
  }
  return size;
}

void check_symbolic_size(const Network& net) {
  const NetworkSize size = network_size(net);
  if (size.parameters > kMaxSymbolicParameters)
    throw UserError("network \"" + net.spec() + "\" has " + std::to_string(size.parameters) +
                    " weights and biases in " + std::to_string(size.units) +
                    " units; derivations are made for at most " +
                    std::to_string(kMaxSymbolicParameters) +
                    ": use fewer units (train works with larger networks)");
}

int Network::parameter_count() const {
  int n = 0;
  for (int l = 1; l <= depth(); ++l) n += units(l) * (units(l - 1) + 1);
  return n;
}

std::string Network::spec() const {
  std::string s = std::to_string(inputs);
  for (const Layer& layer : layers)
    s += " " + activation_name(layer.activation) + ":" + std::to_string(layer.units);
  return s;
}

std::string activation_name(Activation a) { return kActivationNames[static_cast<int>(a)]; }

std::string loss_name(Loss l) { return l == Loss::squared ? "squared" : "crossentropy"; }

Network parse_network(const std::string& spec, const std::string& loss) {
  const std::string example = " (example: \"3 relu:2 sigmoid:2 sigmoid:1\")";
  std::istringstream in(spec);
  std::vector<std::string> tokens;
  for (std::string t; in >> t;) tokens.push_back(t);
  if (tokens.empty())
    throw UserError(
        "network spec is empty: give the number of inputs, then activation:units per layer" +
        example);

  Network net;
  if (!parse_count(tokens[0], net.inputs))
    throw UserError("network spec: '" + tokens[0] + "' should be the number of inputs" + example);
  if (net.inputs < 1 || net.inputs > kMaxUnits)
    throw UserError("network spec: the number of inputs must be 1 to " + std::to_string(kMaxUnits) +
                    ", not " + tokens[0]);
  if (tokens.size() == 1)
    throw UserError("network spec: no layers after the " + tokens[0] + " inputs" + example);
  if (tokens.size() - 1 > static_cast<size_t>(kMaxLayers))
    throw UserError("network spec: at most " + std::to_string(kMaxLayers) + " layers");

  for (size_t i = 1; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    const auto colon = t.find(':');
    if (colon == std::string::npos)
      throw UserError("network spec: layer '" + t + "' should be activation:units, e.g. relu:2");
    Layer layer{parse_activation(t.substr(0, colon), t), 0};
    if (!parse_count(t.substr(colon + 1), layer.units))
      throw UserError("network spec: layer '" + t +
                      "' should end in a number of units, e.g. relu:2");
    if (layer.units < 1 || layer.units > kMaxUnits)
      throw UserError("network spec: layer '" + t + "' must have 1 to " +
                      std::to_string(kMaxUnits) + " units");
    if (layer.activation == Activation::softmax && layer.units < 2)
      throw UserError("network spec: a softmax layer needs at least 2 units ('" + t +
                      "' always outputs 1)");
    if (layer.activation == Activation::softmax && i + 1 != tokens.size())
      throw UserError("network spec: softmax is for the output layer only, not layer " +
                      std::to_string(i) + " ('" + t + "')");
    net.layers.push_back(layer);
  }

  if (loss == "squared") {
    net.loss = Loss::squared;
  } else if (loss == "crossentropy" || loss == "cross-entropy") {
    net.loss = Loss::crossentropy;
    const Activation out = net.layers.back().activation;
    if (out != Activation::sigmoid && out != Activation::softmax)
      throw UserError(
          "loss crossentropy needs a sigmoid or softmax output layer, not " + activation_name(out) +
          " (its outputs are not probabilities); use --loss squared or a sigmoid output");
  } else {
    throw UserError("unknown loss '" + loss + "': use squared or crossentropy");
  }
  return net;
}

}  // namespace deltacheck
