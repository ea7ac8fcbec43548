// Seeded random points for checking: every ReLU unit seen on both sides of its kink, none near it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/network.h"
#include "core/point.h"

namespace deltacheck {

/// |z| of every ReLU unit at a sample point is at least this (far from the 1e-12 kink test).
constexpr double kSampleKinkMargin = 1e-3;

/// |z| of every ReLU unit at a point for hand calculation is at least this.
constexpr double kHandKinkMargin = 0.05;

/// One point for calculation by hand, the same for the same seed: every input, weight and
/// bias a nonzero multiple of 10^-places in [-1, 1]; targets class labels for cross-entropy
/// (one-hot for softmax, 0 or 1 per sigmoid output), multiples of 10^-places for the squared
/// loss; then the values in `fixed` override. Redrawn until every ReLU |z| >= kHandKinkMargin;
/// throws UserError when the fixed values make that impossible.
Point hand_point(const Network& net, int places, std::uint64_t seed, const Point& fixed);

/// `count` points for `net`, the same for the same seed on every machine (mt19937_64 and
/// integer arithmetic only). Inputs, weights and biases are 6-decimal numbers in [-1, 1];
/// targets in [0, 1] for cross-entropy (a probability vector for a softmax output), in
/// [-1, 1] for the squared loss. Biases are then adjusted, layer by layer, so that every
/// ReLU pre-activation has |z| >= kSampleKinkMargin and, when count >= 2, every ReLU unit is
/// active at one point or more and inactive at one or more (docs/DESIGN.md §5).
std::vector<Point> sample_points(const Network& net, int count, std::uint64_t seed);

}  // namespace deltacheck
