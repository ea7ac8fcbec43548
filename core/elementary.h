// The activations and their derivatives on plain scalars, shared by the numeric backprop and the expression evaluator.
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

/// relu(z) = max(z, 0).
template <class T>
T relu(const T& z) {
  return z > 0 ? z : T(0);
}

/// step(z) = 1 for z > 0, else 0 (ReLU'(z) with ReLU'(0) = 0, DESIGN §3).
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
