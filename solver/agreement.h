// How many significant digits two computed values share.
#pragma once

#include <algorithm>
#include <cmath>

namespace deltacheck {

/// Significant decimal digits on which a and b agree: -log10(|a-b| / max(|a|, |b|)),
/// capped at `cap` (the precision, also returned when a == b). Values below 10^-cap in
/// magnitude are measured against 10^-cap instead of themselves, so that an exact zero
/// and a residue far below the precision still agree.
template <class A, class B>
double agreement_digits(const A& a, const B& b, double cap) {
  using std::abs;
  using std::log10;
  using std::pow;
  const A diff = abs(a - A(b));
  if (diff == 0) return cap;
  A scale = std::max<A>(abs(a), abs(A(b)));
  const A floor = pow(A(10), -static_cast<int>(cap));
  if (scale < floor) scale = floor;
  const double digits = -static_cast<double>(log10(diff / scale));
  return std::clamp(digits, 0.0, cap);
}

}  // namespace deltacheck
