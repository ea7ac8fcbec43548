// The scalar types of the numeric side: double for training, 50 digits for checking, N digits on
// request.
#pragma once

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/mpfr.hpp>

namespace deltacheck {

/// Digits carried beyond those reported, so that cancellation (1 - a^2 of a saturated tanh,
/// a(1 - a) of a saturated sigmoid, sums of paths with opposite signs) never reaches them.
constexpr unsigned kGuardDigits = 20;

/// The checking precision: 50 reported significant digits, computed with 50 + kGuardDigits;
/// fixed size (no allocation).
using Real50 =
    boost::multiprecision::number<boost::multiprecision::cpp_bin_float<50 + kGuardDigits>>;
/// Runtime precision (MPFR): digits set by a PrecisionScope, for --digits N (computed with
/// N + kGuardDigits) and finite differences.
using RealN = boost::multiprecision::mpfr_float;

/// Sets the precision of RealN values created while it lives (decimal digits), and restores
/// the previous one. Boost 1.74 keeps this setting per process, not per thread: numeric
/// work at several precisions must not run in parallel threads.
class PrecisionScope {
 public:
  explicit PrecisionScope(unsigned digits) : saved_(RealN::default_precision()) {
    RealN::default_precision(digits);
  }
  ~PrecisionScope() { RealN::default_precision(saved_); }
  PrecisionScope(const PrecisionScope&) = delete;
  PrecisionScope& operator=(const PrecisionScope&) = delete;

 private:
  unsigned saved_;
};

/// Calls f with a value of the scalar type that yields `digits` correct significant digits:
/// Real50 for 50, otherwise RealN at digits + kGuardDigits (the precision holds while f runs).
/// f is generic, e.g. [&](auto tag) { return compute<decltype(tag)>(...); }.
template <class F>
auto with_digits(unsigned digits, F&& f) {
  if (digits == 50) return f(Real50());
  const PrecisionScope precision(digits + kGuardDigits);
  return f(RealN());
}

}  // namespace deltacheck
