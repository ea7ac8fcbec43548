// The activations and their derivatives on plain scalars, shared by the numeric backprop and the
// expression evaluator.
#pragma once

#include <cmath>

namespace deltacheck::elementary {

// Each function works for double and Boost.Multiprecision numbers (exp/log/tanh found by ADL).
// The maths: sigma(z) = 1/(1+e^-z), written so that e^x is never taken of a large positive x.

/// sigma(z) = 1 / (1 + e^-z), stable for large |z|.
template <class T>
T sigmoid(const T& z) {
  using std::exp;
  if (z >= 0) return T(1) / (T(1) + exp(-z));
  const T e = exp(z);
  return e / (T(1) + e);
}

/// tanh(z) for any scalar type (the type's own tanh).
template <class T>
T tanh(const T& z) {
  using std::tanh;
  return tanh(z);
}

/// tanh(z) in double from one exp, about twice as fast as libm's tanh (which dominated training):
/// tanh z = (e^{2z} - 1)/(e^{2z} + 1), odd, with the series z - z^3/3 + 2z^5/15 - 17z^7/315 below
/// |z| = 0.01 where e^{2z} - 1 would cancel. Relative error below 1e-14; saturates to +-1.
inline double tanh(double z) {
  const double a = z < 0 ? -z : z;
  double t;
  if (a < 0.01) {
    const double a2 = a * a;
    t = a * (1 - a2 * (1.0 / 3 - a2 * (2.0 / 15 - a2 * (17.0 / 315))));
  } else if (a > 20) {
    t = 1;
  } else {
    const double e = std::exp(2 * a);
    t = (e - 1) / (e + 1);
  }
  return z < 0 ? -t : t;
}

/// relu(z) = max(z, 0).
template <class T>
T relu(const T& z) {
  return z > 0 ? z : T(0);
}

/// step(z) = 1 for z > 0, else 0 (ReLU'(z) with ReLU'(0) = 0, docs/DESIGN.md §3).
template <class T>
T step(const T& z) {
  return z > 0 ? T(1) : T(0);
}

/// softplus(z) = log(1 + e^z) = max(z,0) + log(1 + e^-|z|), stable for large |z|.
template <class T>
T softplus(const T& z) {
  using std::exp;
  using std::log1p;
  const T m = z > 0 ? z : T(0);
  const T na = z > 0 ? T(-z) : T(z);
  return m + log1p(exp(na));
}

}  // namespace deltacheck::elementary
