// Backpropagation written once, templated on the scalar: forward pass, loss, deltas and the
// gradient of every parameter.
#pragma once

#include <string>
#include <vector>

#include "core/elementary.h"
#include "core/error.h"
#include "core/names.h"
#include "core/network.h"
#include "core/point.h"
#include "core/scalar_text.h"
#include "core/text.h"

namespace deltacheck {

/// Where each layer's weights and biases start in the flat parameter vector, whose order is
/// `parameters(net)`: layer 1's weights row by row (w_jk at j * n_in + k), its biases, layer 2, ...
struct ParameterLayout {
  explicit ParameterLayout(const Network& net);
  std::vector<int> weight_offset, bias_offset;  // index l-1 for layer l
  int size = 0;
};

/// Workspace and results of one pass: z[l][j], a[l][j] (a[0] = x), delta[l][j] (index 0 unused).
template <class T>
struct NetworkState {
  std::vector<std::vector<T>> z, a, delta;
};

/// Inputs, targets and parameters of a point, as T.
template <class T>
struct NumericPoint {
  std::vector<T> x, y, params;
};

/// The point's exact decimals rounded once to T (values of RealN get the current precision).
template <class T>
NumericPoint<T> to_numeric(const Point& p, const Network& net) {
  NumericPoint<T> n;
  for (const Quantity& q : inputs(net)) n.x.push_back(from_text<T>(p.at(q).text()));
  for (const Quantity& q : targets(net)) n.y.push_back(from_text<T>(p.at(q).text()));
  for (const Quantity& q : parameters(net)) n.params.push_back(from_text<T>(p.at(q).text()));
  return n;
}

/// ReLU pre-activations within this distance of 0 are kinks (docs/DESIGN.md §3).
constexpr double kKinkTolerance = 1e-12;

/// f'(z) of a non-softmax activation as a number, from the unit's a and z (sigmoid: a(1-a),
/// tanh: 1-a^2, relu: step(z), linear: 1); the symbolic overload is in symbolic/derivation.h.
template <class T>
T activation_derivative(Activation f, const T& a, const T& z) {
  switch (f) {
    case Activation::sigmoid:
      return a * (T(1) - a);
    case Activation::tanh:
      return T(1) - a * a;
    case Activation::relu:
      return elementary::step(z);
    case Activation::linear:
      return T(1);
    case Activation::softmax:
      break;
  }
  return T(0);
}

namespace detail {

/// z_j = b_j + sum_k w_jk prev_k for the n units of one layer (w row by row), O(n * prev.size()).
template <class T>
void weighted_sums(const T* w, const T* b, const std::vector<T>& prev, int n, std::vector<T>& z) {
  const int n_in = static_cast<int>(prev.size());
  z.resize(n);
  for (int j = 0; j < n; ++j) {
    // Four partial sums: independent additions the processor can overlap (a single running
    // sum waits for each addition in turn, and dominated training time).
    const T* row = w + j * n_in;
    T s0 = b[j], s1 = 0, s2 = 0, s3 = 0;
    int k = 0;
    for (; k + 4 <= n_in; k += 4) {
      s0 += row[k] * prev[k];
      s1 += row[k + 1] * prev[k + 1];
      s2 += row[k + 2] * prev[k + 2];
      s3 += row[k + 3] * prev[k + 3];
    }
    for (; k < n_in; ++k) s0 += row[k] * prev[k];
    z[j] = (s0 + s1) + (s2 + s3);
  }
}

/// a = softmax(z), shifted by max z so that no exp overflows.
template <class T>
void softmax(const std::vector<T>& z, std::vector<T>& a) {
  using std::exp;
  const int n = static_cast<int>(z.size());
  T m = z[0];
  for (int j = 1; j < n; ++j) m = z[j] > m ? z[j] : m;
  T total = 0;
  for (int j = 0; j < n; ++j) total += (a[j] = exp(z[j] - m));
  for (int j = 0; j < n; ++j) a[j] /= total;
}

/// a = f(z) for layer l's non-softmax activation f; with `check_kinks`, throws KinkError for a
/// ReLU unit within kKinkTolerance of 0.
template <class T>
void activate(Activation f, int l, const std::vector<T>& z, std::vector<T>& a, bool check_kinks) {
  using std::abs;
  for (std::size_t j = 0; j < z.size(); ++j) {
    switch (f) {
      case Activation::relu:
        if (check_kinks && abs(z[j]) <= T(kKinkTolerance))
          throw KinkError(
              "ReLU unit z" + std::to_string(l) + "_" + std::to_string(j + 1) + " = " +
              scientific_text(z[j], 6) +
              " is within 1e-12 of its kink at 0, where the gradient is not defined: choose a point away from it");
        a[j] = elementary::relu(z[j]);
        break;
      case Activation::sigmoid:
        a[j] = elementary::sigmoid(z[j]);
        break;
      case Activation::tanh:
        a[j] = elementary::tanh(z[j]);
        break;
      case Activation::linear:
        a[j] = z[j];
        break;
      case Activation::softmax:
        break;
    }
  }
}

/// The loss of one sample from the output layer's z and a: squared sum (a - y)^2 / 2;
/// cross-entropy from z so a saturated output never takes log(0).
template <class T>
T sample_loss(const Network& net, const std::vector<T>& z, const std::vector<T>& a, const T* y) {
  using std::exp;
  using std::log;
  const int K = net.outputs();
  T loss = 0;
  if (net.loss == Loss::squared) {
    for (int j = 0; j < K; ++j) loss += (a[j] - y[j]) * (a[j] - y[j]);
    return loss / 2;
  }
  if (net.activation(net.depth()) ==
      Activation::softmax) {  // -sum y_j log a_j = sum y_j (logsumexp(z) - z_j)
    T m = z[0];
    for (int j = 1; j < K; ++j) m = z[j] > m ? z[j] : m;
    T total = 0;
    for (int j = 0; j < K; ++j) total += exp(z[j] - m);
    const T lse = m + log(total);
    for (int j = 0; j < K; ++j) loss += y[j] * (lse - z[j]);
    return loss;
  }
  // -[y log sigma(z) + (1-y) log(1 - sigma(z))] = softplus(z) - y z
  for (int j = 0; j < K; ++j) loss += elementary::softplus(z[j]) - y[j] * z[j];
  return loss;
}

/// dL/dz of the output layer into `out`: cross-entropy gives a - y (softmax: a_j sum(y) - y_j);
/// squared loss (a - y) f'(z), through the softmax Jacobian a_j (g_j - sum_i g_i a_i) for a
/// softmax.
template <class T>
void output_delta(const Network& net, const std::vector<T>& a, const std::vector<T>& z, const T* y,
                  std::vector<T>& out) {
  const int K = net.outputs();
  const Activation f = net.activation(net.depth());
  out.resize(K);
  if (net.loss == Loss::crossentropy && f == Activation::softmax) {
    T total_y = 0;
    for (int j = 0; j < K; ++j) total_y += y[j];
    for (int j = 0; j < K; ++j) out[j] = a[j] * total_y - y[j];
  } else if (net.loss == Loss::crossentropy) {
    for (int j = 0; j < K; ++j) out[j] = a[j] - y[j];
  } else if (f == Activation::softmax) {
    T dot = 0;
    for (int i = 0; i < K; ++i) dot += (a[i] - y[i]) * a[i];
    for (int j = 0; j < K; ++j) out[j] = a[j] * ((a[j] - y[j]) - dot);
  } else {
    for (int j = 0; j < K; ++j) out[j] = (a[j] - y[j]) * activation_derivative(f, a[j], z[j]);
  }
}

/// Layer l's gradient from its delta d and the activations below: dL/db_j = d_j,
/// dL/dw_jk = d_j prev_k, written into gw and gb, or added to them with `accumulate`.
template <class T>
void layer_gradient(const std::vector<T>& d, const std::vector<T>& prev, T* gw, T* gb,
                    bool accumulate) {
  const std::size_t n = d.size(), n_in = prev.size();
  if (accumulate) {
    for (std::size_t j = 0; j < n; ++j) {
      gb[j] += d[j];
      for (std::size_t k = 0; k < n_in; ++k) gw[j * n_in + k] += d[j] * prev[k];
    }
    return;
  }
  for (std::size_t j = 0; j < n; ++j) {
    gb[j] = d[j];
    for (std::size_t k = 0; k < n_in; ++k) gw[j * n_in + k] = d[j] * prev[k];
  }
}

}  // namespace detail

/// Runs the forward pass and returns the per-sample loss, computed stably: cross-entropy
/// from z (sigmoid: softplus(z) - y z; softmax: logsumexp(z) - z_j), so a saturated
/// output never takes log(0). With `check_kinks`, throws KinkError naming a ReLU unit whose
/// pre-activation is within kKinkTolerance of 0.
/// Training may pass `keep`: for each hidden layer l, keep[l][j] multiplies a{l}_j after the
/// activation (inverted dropout: 0 or 1/(1-p)); nullptr or an empty layer keeps every unit.
/// O(number of weights).
template <class T>
T forward(const Network& net, const ParameterLayout& layout, const T* params, const T* x,
          const T* y, NetworkState<T>& s, bool check_kinks,
          const std::vector<std::vector<T>>* keep = nullptr) {
  const int L = net.depth();
  s.z.resize(L + 1);
  s.a.resize(L + 1);
  s.a[0].assign(x, x + net.inputs);
  for (int l = 1; l <= L; ++l) {
    const int n = net.units(l);
    std::vector<T>& a = s.a[l];
    detail::weighted_sums(params + layout.weight_offset[l - 1], params + layout.bias_offset[l - 1],
                          s.a[l - 1], n, s.z[l]);
    a.resize(n);
    const Activation f = net.activation(l);
    if (f == Activation::softmax) {
      detail::softmax(s.z[l], a);
      continue;
    }
    detail::activate(f, l, s.z[l], a, check_kinks);
    if (keep && l < L && !(*keep)[l].empty())
      for (int j = 0; j < n; ++j) a[j] *= (*keep)[l][j];
  }
  return detail::sample_loss(net, s.z[L], s.a[L], y);
}

/// After `forward`, fills s.delta and writes dL/dp of every parameter into grad (size
/// layout.size, in parameter order). Output delta: cross-entropy gives a - y (softmax:
/// a_j sum(y) - y_j, which is a_j - y_j for targets summing to 1); squared loss gives
/// (a - y) f'(z), through the softmax Jacobian a_j (g_j - sum_i g_i a_i) for a softmax.
/// Hidden: delta{l}_j = (sum_k w{l+1}_kj delta{l+1}_k) f_l'(z{l}_j); dL/dw_jk = delta_j a_k.
/// With the `keep` of forward, a dropped unit passes no gradient and a kept one is scaled.
/// With `accumulate`, the gradient is added to grad instead of written (summing a mini-batch).
/// O(number of weights).
template <class T>
void backward(const Network& net, const ParameterLayout& layout, const T* params, const T* y,
              NetworkState<T>& s, T* grad, const std::vector<std::vector<T>>* keep = nullptr,
              bool accumulate = false) {
  const int L = net.depth();
  s.delta.resize(L + 1);
  detail::output_delta(net, s.a[L], s.z[L], y, s.delta[L]);
  for (int l = L; l >= 1; --l) {
    const int n = net.units(l), n_in = net.units(l - 1);
    const T* w = params + layout.weight_offset[l - 1];
    const std::vector<T>& d = s.delta[l];
    detail::layer_gradient(d, s.a[l - 1], grad + layout.weight_offset[l - 1],
                           grad + layout.bias_offset[l - 1], accumulate);
    if (l == 1) break;
    std::vector<T>& below = s.delta[l - 1];
    below.assign(n_in, T(0));
    for (int j = 0; j < n; ++j)
      for (int k = 0; k < n_in; ++k) below[k] += w[j * n_in + k] * d[j];
    const Activation f = net.activation(l - 1);
    if (keep && !(*keep)[l - 1].empty()) {
      // a{l-1}_k holds m_k f(z_k): f'(z_k) comes from a_k / m_k, and the chain rule adds the factor
      // m_k.
      const std::vector<T>& m = (*keep)[l - 1];
      for (int k = 0; k < n_in; ++k)
        below[k] *=
            m[k] == T(0)
                ? T(0)
                : T(m[k] * activation_derivative(f, T(s.a[l - 1][k] / m[k]), s.z[l - 1][k]));
      continue;
    }
    for (int k = 0; k < n_in; ++k)
      below[k] *= activation_derivative(f, s.a[l - 1][k], s.z[l - 1][k]);
  }
}

/// The loss and the gradient of every parameter at a point.
template <class T>
struct Gradient {
  T loss;
  std::vector<T> d_params;  // parameter order
  NetworkState<T> state;    // z, a and delta of every unit
};

/// Loss and gradient at p by backprop in T; throws KinkError at a ReLU kink.
template <class T>
Gradient<T> gradient_at(const Network& net, const Point& p) {
  const ParameterLayout layout(net);
  const NumericPoint<T> n = to_numeric<T>(p, net);
  Gradient<T> g;
  g.loss = forward(net, layout, n.params.data(), n.x.data(), n.y.data(), g.state, true);
  g.d_params.assign(layout.size, T(0));
  backward(net, layout, n.params.data(), n.y.data(), g.state, g.d_params.data());
  return g;
}

}  // namespace deltacheck
