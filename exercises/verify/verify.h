// Three-way verification of a network's gradients: symbolic derivation, high-precision backprop,
// finite differences.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/names.h"
#include "core/network.h"
#include "core/point.h"
#include "symbolic/derivation.h"

namespace deltacheck {

/// One parameter at one point: the three values (to `digits` significant digits) and the
/// digits on which each pair agrees.
struct VerifyRow {
  Quantity parameter;
  std::string symbolic, backprop, finite_difference;
  double symbolic_backprop = 0, symbolic_fd = 0, backprop_fd = 0;
};

/// Everything `deltacheck verify` reports.
struct VerifyResult {
  Network net;
  unsigned digits = 50;
  Form form = Form::local;  // the symbolic form that was evaluated
  std::vector<Point> points;
  std::vector<std::string> losses;           // loss value per point
  std::vector<std::vector<VerifyRow>> rows;  // [point][parameter], parameter order
  double required = 45;                      // every pair must agree to this many digits
  double worst = 0;                          // fewest digits of any pair
  bool passed() const { return worst >= required; }
};

/// Digits every pair must share at precision `digits`: all but 5.
double required_agreement(unsigned digits);

/// Verifies `net` at `count` seeded sample points (see sample_points) at `digits` significant
/// digits (50 uses the fixed-size 50-digit type; others MPFR). The symbolic gradient is the
/// local form when it prints within the size limit, else the delta form.
VerifyResult verify_network(const Network& net, int count, unsigned digits, std::uint64_t seed = 1);

}  // namespace deltacheck
