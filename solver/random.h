// Seeded random numbers from the engine's raw output only, so data, weights and shuffles are the
// same on every platform.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace deltacheck {

/// mt19937_64 with uniform and Gaussian draws computed here (std's distributions may differ
/// between standard libraries, the engine's sequence does not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : rng_(seed) {}
  /// Uniform in [lo, hi).
  double uniform(double lo = 0, double hi = 1) {
    return lo + (hi - lo) * ((rng_() >> 11) * 0x1.0p-53);
  }
  /// Gaussian by Box-Muller.
  double normal(double mean = 0, double sd = 1) {
    const double u = 1.0 - uniform(), v = uniform();
    return mean + sd * std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v);
  }
  /// The engine's next raw 64 bits.
  std::uint64_t next() { return rng_(); }

 private:
  std::mt19937_64 rng_;
};

}  // namespace deltacheck
