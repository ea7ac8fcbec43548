// The mini-batch kernels: plain loops the compiler vectorises, each body compiled twice (AVX2
// and baseline x86-64) with floating-point contraction off, so both give the same bits.
#include "solver/batch_kernels.h"

#include <cstdint>
#include <cstring>

namespace deltacheck::batch {

namespace detail {

#define DELTACHECK_INLINE inline __attribute__((always_inline))

DELTACHECK_INLINE double from_bits(std::uint64_t u) {
  double d;
  std::memcpy(&d, &u, sizeof d);
  return d;
}

DELTACHECK_INLINE std::uint64_t to_bits(double d) {
  std::uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

// Below this e^y is not a normal double; the activations clamp to it.
constexpr double kLowestExponent = -708.0;

// y = n ln 2 + r with |r| <= ln2/2 (Cody and Waite's two-part ln 2, n * kLn2High exact), s = 2^n
// and q = e^r - 1 by its Taylor series to r^13 (the next term is below 4e-18 of q). Then
// e^y = s + s q and e^y - 1 = (s - 1) + s q, each within a few units in the last place.
// y in [kLowestExponent, 0].
DELTACHECK_INLINE void exp_parts(double y, double& s, double& q) {
  constexpr double kLog2e = 1.4426950408889634, kShift = 0x1.8p52;
  constexpr double kLn2High = 0x1.62e42fee00000p-1, kLn2Low = 0x1.a39ef35793c76p-33;
  const double shifted = y * kLog2e + kShift;  // n in the low bits
  const double n = shifted - kShift;
  const double r = (y - n * kLn2High) - n * kLn2Low;
  const auto exponent = static_cast<std::int64_t>(to_bits(shifted) - to_bits(kShift)) + 1023;
  s = from_bits(static_cast<std::uint64_t>(exponent) << 52);
  double p = 1.0 / 6227020800;  // 1/13!
  p = p * r + 1.0 / 479001600;
  p = p * r + 1.0 / 39916800;
  p = p * r + 1.0 / 3628800;
  p = p * r + 1.0 / 362880;
  p = p * r + 1.0 / 40320;
  p = p * r + 1.0 / 5040;
  p = p * r + 1.0 / 720;
  p = p * r + 1.0 / 120;
  p = p * r + 1.0 / 24;
  p = p * r + 1.0 / 6;
  p = p * r + 0.5;
  q = r + r * (r * p);
}

// tanh of one number (see batch::tanh).
DELTACHECK_INLINE double tanh_one(double x) {
  const double a = x < 0 ? -x : x;
  double y = -2 * a;
  y = y < kLowestExponent ? kLowestExponent : y;  // NaN stays NaN
  double s, q;
  exp_parts(y, s, q);
  const double m = (s - 1) + s * q;  // e^y - 1 in (-1, 0]
  const double t = (m < 0 ? -m : m) / (2 + m);
  const double signed_t = from_bits(to_bits(t) | (to_bits(x) & 0x8000000000000000ULL));
  return x == x ? signed_t : x;
}

// sigmoid of one number (see batch::sigmoid).
DELTACHECK_INLINE double sigmoid_one(double x) {
  const double a = x < 0 ? -x : x;
  const double y = -a < kLowestExponent ? kLowestExponent : -a;
  double s, q;
  exp_parts(y, s, q);
  const double e = -a < kLowestExponent ? 0.0 : s + s * q;  // e^-|x|
  const double v = (x >= 0 ? 1.0 : e) / (1 + e);
  return x == x ? v : x;
}

DELTACHECK_INLINE void tanh_body(const double* x, double* out, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) out[i] = tanh_one(x[i]);
}

DELTACHECK_INLINE void sigmoid_body(const double* x, double* out, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) out[i] = sigmoid_one(x[i]);
}

// Four doubles as one vector (GCC's vector extension): one AVX2 register, or two SSE2 ones in
// the baseline version; its arithmetic is lane by lane, the same roundings as scalars.
typedef double Vec __attribute__((vector_size(32)));
constexpr int kLanes = 4;
// Units are taken in blocks of kBlock whose partial sums stay in vector registers; the sums of
// each unit, and their order, are those of the per-example backprop.
constexpr int kVectors = 2, kBlock = kVectors * kLanes;

DELTACHECK_INLINE Vec load(const double* p) {
  Vec v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

DELTACHECK_INLINE void store(double* p, Vec v) { std::memcpy(p, &v, sizeof v); }

DELTACHECK_INLINE Vec broadcast(double x) { return Vec{x, x, x, x}; }

// z(j0..j0+kBlock, b) for one example: four partial sums by k mod 4, added as
// (s0 + s1) + (s2 + s3).
DELTACHECK_INLINE void weighted_sums_block(const double* w_t, const double* bias, const double* ab,
                                           int m, int n, int j0, double* zb) {
  Vec s0[kVectors], s1[kVectors], s2[kVectors], s3[kVectors];
  for (int v = 0; v < kVectors; ++v)
    s0[v] = load(bias + j0 + v * kLanes), s1[v] = s2[v] = s3[v] = Vec{};
  int k = 0;
  for (; k + 4 <= m; k += 4) {
    const double* w0 = w_t + static_cast<std::size_t>(k) * n + j0;
    const Vec a0 = broadcast(ab[k]), a1 = broadcast(ab[k + 1]), a2 = broadcast(ab[k + 2]),
              a3 = broadcast(ab[k + 3]);
    for (int v = 0; v < kVectors; ++v) {
      s0[v] += load(w0 + v * kLanes) * a0;
      s1[v] += load(w0 + n + v * kLanes) * a1;
      s2[v] += load(w0 + 2 * n + v * kLanes) * a2;
      s3[v] += load(w0 + 3 * n + v * kLanes) * a3;
    }
  }
  for (; k < m; ++k)
    for (int v = 0; v < kVectors; ++v)
      s0[v] += load(w_t + static_cast<std::size_t>(k) * n + j0 + v * kLanes) * broadcast(ab[k]);
  for (int v = 0; v < kVectors; ++v) store(zb + j0 + v * kLanes, (s0[v] + s1[v]) + (s2[v] + s3[v]));
}

// The same for the one unit j of example b (the units left over by the blocks).
DELTACHECK_INLINE double weighted_sum(const double* w_t, const double* bias, const double* ab,
                                      int m, int n, int j) {
  double s0 = bias[j], s1 = 0, s2 = 0, s3 = 0;
  int k = 0;
  for (; k + 4 <= m; k += 4) {
    const double* w0 = w_t + static_cast<std::size_t>(k) * n + j;
    s0 += w0[0] * ab[k];
    s1 += w0[n] * ab[k + 1];
    s2 += w0[2 * n] * ab[k + 2];
    s3 += w0[3 * n] * ab[k + 3];
  }
  for (; k < m; ++k) s0 += w_t[static_cast<std::size_t>(k) * n + j] * ab[k];
  return (s0 + s1) + (s2 + s3);
}

DELTACHECK_INLINE void weighted_sums_body(const double* w_t, const double* bias, const double* a,
                                          int m, int n, int B, double* z) {
  for (int b = 0; b < B; ++b) {
    const double* ab = a + static_cast<std::size_t>(b) * m;
    double* zb = z + static_cast<std::size_t>(b) * n;
    int j = 0;
    for (; j + kBlock <= n; j += kBlock) weighted_sums_block(w_t, bias, ab, m, n, j, zb);
    for (; j < n; ++j) zb[j] = weighted_sum(w_t, bias, ab, m, n, j);
  }
}

// gw(j, k0..k0+kBlock) += sum_b d(j, b) a(k, b) for one unit j, b in order, in registers.
DELTACHECK_INLINE void add_gradient_block(const double* d, const double* a, int m, int n, int B,
                                          int j, int k0, double* gw_row) {
  Vec acc[kVectors];
  for (int v = 0; v < kVectors; ++v) acc[v] = load(gw_row + k0 + v * kLanes);
  for (int b = 0; b < B; ++b) {
    const Vec dj = broadcast(d[static_cast<std::size_t>(b) * n + j]);
    const double* ab = a + static_cast<std::size_t>(b) * m + k0;
    for (int v = 0; v < kVectors; ++v) acc[v] += dj * load(ab + v * kLanes);
  }
  for (int v = 0; v < kVectors; ++v) store(gw_row + k0 + v * kLanes, acc[v]);
}

DELTACHECK_INLINE void add_gradient_body(const double* d, const double* a, int m, int n, int B,
                                         double* gw, double* gb) {
  for (int j = 0; j < n; ++j) {
    double* row = gw + static_cast<std::size_t>(j) * m;
    int k0 = 0;
    for (; k0 + kBlock <= m; k0 += kBlock) add_gradient_block(d, a, m, n, B, j, k0, row);
    for (; k0 < m; ++k0) {
      double acc = row[k0];
      for (int b = 0; b < B; ++b)
        acc += d[static_cast<std::size_t>(b) * n + j] * a[static_cast<std::size_t>(b) * m + k0];
      row[k0] = acc;
    }
    double sum = gb[j];
    for (int b = 0; b < B; ++b) sum += d[static_cast<std::size_t>(b) * n + j];
    gb[j] = sum;
  }
}

// below(k0..k0+kBlock, b) = sum_j w_jk d(j, b), j in order, in registers.
DELTACHECK_INLINE void carry_deltas_block(const double* w, const double* db, int m, int n, int k0,
                                          double* out) {
  Vec acc[kVectors] = {};
  for (int j = 0; j < n; ++j) {
    const Vec dj = broadcast(db[j]);
    const double* row = w + static_cast<std::size_t>(j) * m + k0;
    for (int v = 0; v < kVectors; ++v) acc[v] += load(row + v * kLanes) * dj;
  }
  for (int v = 0; v < kVectors; ++v) store(out + k0 + v * kLanes, acc[v]);
}

DELTACHECK_INLINE void carry_deltas_body(const double* w, const double* d, int m, int n, int B,
                                         double* below) {
  for (int b = 0; b < B; ++b) {
    const double* db = d + static_cast<std::size_t>(b) * n;
    double* out = below + static_cast<std::size_t>(b) * m;
    int k0 = 0;
    for (; k0 + kBlock <= m; k0 += kBlock) carry_deltas_block(w, db, m, n, k0, out);
    for (; k0 < m; ++k0) {
      double acc = 0;
      for (int j = 0; j < n; ++j) acc += w[static_cast<std::size_t>(j) * m + k0] * db[j];
      out[k0] = acc;
    }
  }
}

// Each kernel twice: name_avx2 for processors with AVX2, name_base for any x86-64.
#define DELTACHECK_TWICE(name, params, args)                                  \
  __attribute__((target("avx2"))) void name##_avx2 params { name##_body args; } \
  void name##_base params { name##_body args; }

DELTACHECK_TWICE(tanh, (const double* x, double* out, std::size_t count), (x, out, count))
DELTACHECK_TWICE(sigmoid, (const double* x, double* out, std::size_t count), (x, out, count))
DELTACHECK_TWICE(weighted_sums,
                 (const double* w_t, const double* bias, const double* a, int m, int n, int B,
                  double* z),
                 (w_t, bias, a, m, n, B, z))
DELTACHECK_TWICE(add_gradient,
                 (const double* d, const double* a, int m, int n, int B, double* gw, double* gb),
                 (d, a, m, n, B, gw, gb))
DELTACHECK_TWICE(carry_deltas,
                 (const double* w, const double* d, int m, int n, int B, double* below),
                 (w, d, m, n, B, below))

#undef DELTACHECK_TWICE
#undef DELTACHECK_INLINE

}  // namespace detail

bool uses_avx2() {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
}

void weighted_sums(const double* w_t, const double* bias, const double* a, int m, int n, int B,
                   double* z) {
  (uses_avx2() ? detail::weighted_sums_avx2 : detail::weighted_sums_base)(w_t, bias, a, m, n, B, z);
}

void add_gradient(const double* d, const double* a, int m, int n, int B, double* gw, double* gb) {
  (uses_avx2() ? detail::add_gradient_avx2 : detail::add_gradient_base)(d, a, m, n, B, gw, gb);
}

void carry_deltas(const double* w, const double* d, int m, int n, int B, double* below) {
  (uses_avx2() ? detail::carry_deltas_avx2 : detail::carry_deltas_base)(w, d, m, n, B, below);
}

void tanh(const double* x, double* out, std::size_t count) {
  (uses_avx2() ? detail::tanh_avx2 : detail::tanh_base)(x, out, count);
}

void sigmoid(const double* x, double* out, std::size_t count) {
  (uses_avx2() ? detail::sigmoid_avx2 : detail::sigmoid_base)(x, out, count);
}

}  // namespace deltacheck::batch
