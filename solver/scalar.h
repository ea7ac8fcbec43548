// The scalar types of the numeric side: double for training, 50 digits for checking, N digits on request.
#pragma once

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/mpfr.hpp>

namespace deltacheck {

/// 50 significant decimal digits, fixed size (no allocation): the checking precision.
using Real50 = boost::multiprecision::cpp_bin_float_50;
/// Runtime precision (MPFR): digits set by a PrecisionScope, for --digits N and finite differences.
using RealN = boost::multiprecision::mpfr_float;

/// Sets the precision of RealN values created while it lives (decimal digits), and restores
/// the previous one. Boost 1.74 keeps this setting per process, not per thread: numeric
/// work at several precisions must not run in parallel threads.
class PrecisionScope {
 public:
  explicit PrecisionScope(unsigned digits) : saved_(RealN::default_precision()) { RealN::default_precision(digits); }
  ~PrecisionScope() { RealN::default_precision(saved_); }
  PrecisionScope(const PrecisionScope&) = delete;
  PrecisionScope& operator=(const PrecisionScope&) = delete;

 private:
  unsigned saved_;
};

}  // namespace deltacheck
