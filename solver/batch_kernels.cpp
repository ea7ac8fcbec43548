// The mini-batch kernels: plain loops on vectors, each body compiled three times (AVX-512, AVX2
// with FMA, baseline x86-64) and chosen at run time.
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

template <class>
DELTACHECK_INLINE void tanh_body(const double* x, double* out, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) out[i] = tanh_one(x[i]);
}

template <class>
DELTACHECK_INLINE void tanh_derivative_body(const double* a, double* d, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) d[i] *= 1.0 - a[i] * a[i];
}

template <class>
DELTACHECK_INLINE void sigmoid_derivative_body(const double* a, double* d, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) d[i] *= a[i] * (1.0 - a[i]);
}

template <class>
DELTACHECK_INLINE void sigmoid_body(const double* x, double* out, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) out[i] = sigmoid_one(x[i]);
}

// Four or eight doubles as one vector (GCC's vector extension): one AVX2 or AVX-512 register,
// or two SSE2 ones in the baseline version; its arithmetic is lane by lane, the same roundings as
// scalars, so the AVX2 and AVX-512 versions (both fusing a * b + c, the same units in vectors)
// give the same bits.
typedef double Vec4 __attribute__((vector_size(32)));
typedef double Vec8 __attribute__((vector_size(64)));
// Units are taken in blocks of kBlock, the same in every version so that the same units take
// the vector path everywhere, whose partial sums stay in registers (kVectors vectors each); the
// sums of each unit, and their order, are those of the per-example backprop.
template <class Vec>
constexpr int kLanes = sizeof(Vec) / sizeof(double);
template <class Vec>
constexpr int kBlock = 16;
template <class Vec>
constexpr int kVectors = kBlock<Vec> / kLanes<Vec>;

template <class Vec>
DELTACHECK_INLINE Vec load(const double* p) {
  Vec v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <class Vec>
DELTACHECK_INLINE void store(double* p, Vec v) {
  std::memcpy(p, &v, sizeof v);
}

template <class Vec>
DELTACHECK_INLINE Vec broadcast(double x) {
  return Vec{} + x;
}

// z(j0..j0+kBlock, b) for one example: four partial sums by k mod 4, added as
// (s0 + s1) + (s2 + s3).
template <class Vec>
DELTACHECK_INLINE void weighted_sums_block(const double* w_t, const double* bias, const double* ab,
                                           int m, int n, int j0, double* zb) {
  Vec s0[kVectors<Vec>], s1[kVectors<Vec>], s2[kVectors<Vec>], s3[kVectors<Vec>];
  for (int v = 0; v < kVectors<Vec>; ++v)
    s0[v] = load<Vec>(bias + j0 + v * kLanes<Vec>), s1[v] = s2[v] = s3[v] = Vec{};
  int k = 0;
  for (; k + 4 <= m; k += 4) {
    const double* w0 = w_t + static_cast<std::size_t>(k) * n + j0;
    const Vec a0 = broadcast<Vec>(ab[k]), a1 = broadcast<Vec>(ab[k + 1]),
              a2 = broadcast<Vec>(ab[k + 2]), a3 = broadcast<Vec>(ab[k + 3]);
    for (int v = 0; v < kVectors<Vec>; ++v) {
      s0[v] += load<Vec>(w0 + v * kLanes<Vec>) * a0;
      s1[v] += load<Vec>(w0 + n + v * kLanes<Vec>) * a1;
      s2[v] += load<Vec>(w0 + 2 * n + v * kLanes<Vec>) * a2;
      s3[v] += load<Vec>(w0 + 3 * n + v * kLanes<Vec>) * a3;
    }
  }
  for (; k < m; ++k)
    for (int v = 0; v < kVectors<Vec>; ++v)
      s0[v] += load<Vec>(w_t + static_cast<std::size_t>(k) * n + j0 + v * kLanes<Vec>) *
               broadcast<Vec>(ab[k]);
  for (int v = 0; v < kVectors<Vec>; ++v)
    store(zb + j0 + v * kLanes<Vec>, (s0[v] + s1[v]) + (s2[v] + s3[v]));
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

template <class Vec>
DELTACHECK_INLINE void weighted_sums_body(const double* w_t, const double* bias, const double* a,
                                          int m, int n, int B, double* z) {
  for (int b = 0; b < B; ++b) {
    const double* ab = a + static_cast<std::size_t>(b) * m;
    double* zb = z + static_cast<std::size_t>(b) * n;
    int j = 0;
    for (; j + kBlock<Vec> <= n; j += kBlock<Vec>)
      weighted_sums_block<Vec>(w_t, bias, ab, m, n, j, zb);
    for (; j < n; ++j) zb[j] = weighted_sum(w_t, bias, ab, m, n, j);
  }
}

// Independent sums kept at once by add_gradient (units) and carry_deltas (examples), so that
// each addition need not wait for the one before it.
constexpr int kChains = 4;

// gw(j0..j0+J, k0..k0+kBlock) += sum_b d(j, b) a(k, b) for J units, b in order, in registers.
template <class Vec, int J>
DELTACHECK_INLINE void add_gradient_block(const double* d, const double* a, int m, int n, int B,
                                          int j0, int k0, double* gw) {
  Vec acc[J][kVectors<Vec>];
  for (int t = 0; t < J; ++t)
    for (int v = 0; v < kVectors<Vec>; ++v)
      acc[t][v] = load<Vec>(gw + static_cast<std::size_t>(j0 + t) * m + k0 + v * kLanes<Vec>);
  for (int b = 0; b < B; ++b) {
    const double* ab = a + static_cast<std::size_t>(b) * m + k0;
    Vec ak[kVectors<Vec>];
    for (int v = 0; v < kVectors<Vec>; ++v) ak[v] = load<Vec>(ab + v * kLanes<Vec>);
    for (int t = 0; t < J; ++t) {
      const Vec dj = broadcast<Vec>(d[static_cast<std::size_t>(b) * n + j0 + t]);
      for (int v = 0; v < kVectors<Vec>; ++v) acc[t][v] += dj * ak[v];
    }
  }
  for (int t = 0; t < J; ++t)
    for (int v = 0; v < kVectors<Vec>; ++v)
      store(gw + static_cast<std::size_t>(j0 + t) * m + k0 + v * kLanes<Vec>, acc[t][v]);
}

// The columns k0..m-1 left over by the blocks, and the biases, for units j0..j0+lanes: vectors
// over the units (columns of d), b in order; gw(j, k) += d(j, b) a(k, b), gb(j) += d(j, b).
template <class Vec>
DELTACHECK_INLINE void add_gradient_rest(const double* d, const double* a, int m, int n, int B,
                                         int j0, int k0, double* gw, double* gb) {
  constexpr int L = kLanes<Vec>;
  Vec acc[kBlock<Vec> + 1];  // the columns, then the bias
  const int columns = m - k0;
  for (int c = 0; c <= columns; ++c)
    for (int t = 0; t < L; ++t)
      acc[c][t] = c < columns ? gw[static_cast<std::size_t>(j0 + t) * m + k0 + c] : gb[j0 + t];
  for (int b = 0; b < B; ++b) {
    const Vec db = load<Vec>(d + static_cast<std::size_t>(b) * n + j0);
    const double* ab = a + static_cast<std::size_t>(b) * m + k0;
    for (int c = 0; c < columns; ++c) acc[c] += db * broadcast<Vec>(ab[c]);
    acc[columns] += db;
  }
  for (int c = 0; c <= columns; ++c)
    for (int t = 0; t < L; ++t)
      (c < columns ? gw[static_cast<std::size_t>(j0 + t) * m + k0 + c] : gb[j0 + t]) = acc[c][t];
}

template <class Vec>
DELTACHECK_INLINE void add_gradient_body(const double* d, const double* a, int m, int n, int B,
                                         double* gw, double* gb) {
  int k0 = 0;
  for (; k0 + kBlock<Vec> <= m; k0 += kBlock<Vec>) {
    int j = 0;
    for (; j + kChains <= n; j += kChains)
      add_gradient_block<Vec, kChains>(d, a, m, n, B, j, k0, gw);
    for (; j < n; ++j) add_gradient_block<Vec, 1>(d, a, m, n, B, j, k0, gw);
  }
  int j = 0;
  for (; j + kLanes<Vec> <= n; j += kLanes<Vec>)
    add_gradient_rest<Vec>(d, a, m, n, B, j, k0, gw, gb);
  for (; j < n; ++j) {
    double* row = gw + static_cast<std::size_t>(j) * m;
    for (int k = k0; k < m; ++k) {
      double acc = row[k];
      for (int b = 0; b < B; ++b)
        acc += d[static_cast<std::size_t>(b) * n + j] * a[static_cast<std::size_t>(b) * m + k];
      row[k] = acc;
    }
    double sum = gb[j];
    for (int b = 0; b < B; ++b) sum += d[static_cast<std::size_t>(b) * n + j];
    gb[j] = sum;
  }
}

// below(k0..k0+kBlock, b0..b0+E) = sum_j w_jk d(j, b) for E examples, j in order, in registers.
template <class Vec, int E>
DELTACHECK_INLINE void carry_deltas_block(const double* w, const double* d, int m, int n, int b0,
                                          int k0, double* below) {
  Vec acc[E][kVectors<Vec>] = {};
  for (int j = 0; j < n; ++j) {
    const double* row = w + static_cast<std::size_t>(j) * m + k0;
    Vec wj[kVectors<Vec>];
    for (int v = 0; v < kVectors<Vec>; ++v) wj[v] = load<Vec>(row + v * kLanes<Vec>);
    for (int e = 0; e < E; ++e) {
      const Vec dj = broadcast<Vec>(d[static_cast<std::size_t>(b0 + e) * n + j]);
      for (int v = 0; v < kVectors<Vec>; ++v) acc[e][v] += wj[v] * dj;
    }
  }
  for (int e = 0; e < E; ++e)
    for (int v = 0; v < kVectors<Vec>; ++v)
      store(below + static_cast<std::size_t>(b0 + e) * m + k0 + v * kLanes<Vec>, acc[e][v]);
}

template <class Vec>
DELTACHECK_INLINE void carry_deltas_body(const double* w, const double* d, int m, int n, int B,
                                         double* below) {
  int k0 = 0;
  for (; k0 + kBlock<Vec> <= m; k0 += kBlock<Vec>) {
    int b = 0;
    for (; b + kChains <= B; b += kChains)
      carry_deltas_block<Vec, kChains>(w, d, m, n, b, k0, below);
    for (; b < B; ++b) carry_deltas_block<Vec, 1>(w, d, m, n, b, k0, below);
  }
  for (int b = 0; b < B; ++b)
    for (int k = k0; k < m; ++k) {
      double acc = 0;
      for (int j = 0; j < n; ++j)
        acc += w[static_cast<std::size_t>(j) * m + k] * d[static_cast<std::size_t>(b) * n + j];
      below[static_cast<std::size_t>(b) * m + k] = acc;
    }
}

// Each kernel three times: name_avx512 (eight-lane vectors), name_avx2 (four lanes, FMA), both
// compiled with a * b + c fused (see solver/CMakeLists.txt), and name_base for any x86-64 (four
// lanes as two SSE2 registers, which has no fused multiply-add).
#define DELTACHECK_VERSIONS(name, params, args)                                          \
  __attribute__((target("avx512f,prefer-vector-width=512"))) void name##_avx512 params { \
    using Vec = Vec8;                                                                    \
    name##_body<Vec> args;                                                               \
  }                                                                                      \
  __attribute__((target("avx2,fma"))) void name##_avx2 params {                          \
    using Vec = Vec4;                                                                    \
    name##_body<Vec> args;                                                               \
  }                                                                                      \
  void name##_base params {                                                              \
    using Vec = Vec4;                                                                    \
    name##_body<Vec> args;                                                               \
  }

DELTACHECK_VERSIONS(tanh, (const double* x, double* out, std::size_t count), (x, out, count))
DELTACHECK_VERSIONS(sigmoid, (const double* x, double* out, std::size_t count), (x, out, count))
DELTACHECK_VERSIONS(tanh_derivative, (const double* a, double* d, std::size_t count), (a, d, count))
DELTACHECK_VERSIONS(sigmoid_derivative, (const double* a, double* d, std::size_t count),
                    (a, d, count))
DELTACHECK_VERSIONS(weighted_sums,
                    (const double* w_t, const double* bias, const double* a, int m, int n, int B,
                     double* z),
                    (w_t, bias, a, m, n, B, z))
DELTACHECK_VERSIONS(add_gradient,
                    (const double* d, const double* a, int m, int n, int B, double* gw, double* gb),
                    (d, a, m, n, B, gw, gb))
DELTACHECK_VERSIONS(carry_deltas,
                    (const double* w, const double* d, int m, int n, int B, double* below),
                    (w, d, m, n, B, below))

#undef DELTACHECK_VERSIONS
#undef DELTACHECK_INLINE

}  // namespace detail

namespace {

// The version in use: the widest the processor supports, unless a test chose another.
Version& chosen() {
  static Version v = supported(Version::avx512) ? Version::avx512
                     : supported(Version::avx2) ? Version::avx2
                                                : Version::base;
  return v;
}

// The version of a kernel for this processor.
template <class F>
F* pick(F* avx512, F* avx2, F* base) {
  const Version v = version();
  return v == Version::avx512 ? avx512 : v == Version::avx2 ? avx2 : base;
}

}  // namespace

bool supported(Version v) {
  switch (v) {
    case Version::avx512:
      return __builtin_cpu_supports("avx512f");
    case Version::avx2:
      return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case Version::base:
      return true;
  }
  return false;
}

Version version() { return chosen(); }

void use_version(Version v) {
  if (supported(v)) chosen() = v;
}

void weighted_sums(const double* w_t, const double* bias, const double* a, int m, int n, int B,
                   double* z) {
  pick(detail::weighted_sums_avx512, detail::weighted_sums_avx2, detail::weighted_sums_base)(
      w_t, bias, a, m, n, B, z);
}

void add_gradient(const double* d, const double* a, int m, int n, int B, double* gw, double* gb) {
  pick(detail::add_gradient_avx512, detail::add_gradient_avx2, detail::add_gradient_base)(
      d, a, m, n, B, gw, gb);
}

void carry_deltas(const double* w, const double* d, int m, int n, int B, double* below) {
  pick(detail::carry_deltas_avx512, detail::carry_deltas_avx2, detail::carry_deltas_base)(
      w, d, m, n, B, below);
}

void tanh(const double* x, double* out, std::size_t count) {
  pick(detail::tanh_avx512, detail::tanh_avx2, detail::tanh_base)(x, out, count);
}

void times_tanh_derivative(const double* a, double* d, std::size_t count) {
  pick(detail::tanh_derivative_avx512, detail::tanh_derivative_avx2, detail::tanh_derivative_base)(
      a, d, count);
}

void times_sigmoid_derivative(const double* a, double* d, std::size_t count) {
  pick(detail::sigmoid_derivative_avx512, detail::sigmoid_derivative_avx2,
       detail::sigmoid_derivative_base)(a, d, count);
}

void sigmoid(const double* x, double* out, std::size_t count) {
  pick(detail::sigmoid_avx512, detail::sigmoid_avx2, detail::sigmoid_base)(x, out, count);
}

}  // namespace deltacheck::batch
