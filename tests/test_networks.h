// Networks the tests share: the two assignment networks and seeded random ones.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/network.h"

namespace deltacheck::testing {

/// The assignment's Q1: 3 inputs, 2 ReLU, 2 sigmoid, 1 sigmoid.
inline Network q1(const std::string& loss) {
  return parse_network("3 relu:2 sigmoid:2 sigmoid:1", loss);
}
/// The assignment's Q2: 2 inputs, 1 tanh, 2 sigmoid outputs, cross-entropy.
inline Network q2() { return parse_network("2 tanh:1 sigmoid:2", "crossentropy"); }

/// `count` random valid networks with depth in [1, max_depth] and widths in [1, max_width]:
/// hidden activations drawn from relu, sigmoid, tanh, linear; the output from every
/// activation that suits the loss (softmax with >= 2 units); losses alternate.
inline std::vector<Network> random_networks(int count, int max_depth, int max_width,
                                            std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto pick = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  const char* hidden[] = {"relu", "sigmoid", "tanh", "linear"};
  std::vector<Network> out;
  for (int i = 0; i < count; ++i) {
    const bool crossentropy = i % 2 == 1;
    const int depth = pick(1, max_depth);
    std::string spec = std::to_string(pick(1, max_width));
    for (int l = 1; l < depth; ++l)
      spec += std::string(" ") + hidden[pick(0, 3)] + ":" + std::to_string(pick(1, max_width));
    const int choice = crossentropy ? pick(0, 1) : pick(0, 4);
    const char* out_crossentropy[] = {"sigmoid", "softmax"};
    const char* out_squared[] = {"sigmoid", "softmax", "tanh", "linear", "relu"};
    const std::string activation = crossentropy ? out_crossentropy[choice] : out_squared[choice];
    const int units =
        activation == "softmax" ? pick(2, std::max(2, max_width)) : pick(1, max_width);
    spec += " " + activation + ":" + std::to_string(units);
    out.push_back(parse_network(spec, crossentropy ? "crossentropy" : "squared"));
  }
  return out;
}

}  // namespace deltacheck::testing
