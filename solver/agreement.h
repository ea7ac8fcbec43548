// How many significant digits two computed values share.
#pragma once

#include <algorithm>
#include <cmath>

namespace deltacheck {

/// Significant decimal digits on which a and b agree: -log10(|a-b| / max(|a|, |b|)),
/// clamped to [0, cap] (the precision; also returned when a == b). The difference is
/// measured against the values' own magnitude with no absolute floor, so a tiny value and
/// 0 agree on no digit however small the value is. O(1).
template <class A, class B>
double agreement_digits(const A& a, const B& b, double cap) {
  using std::abs;
  using std::log10;
  const A diff = abs(a - A(b));
  if (diff == 0) return cap;
  const A scale = std::max<A>(abs(a), abs(A(b)));
  const double digits = -static_cast<double>(log10(diff / scale));
  return std::clamp(digits, 0.0, cap);
}

}  // namespace deltacheck
