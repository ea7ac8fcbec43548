// The arithmetic of a mini-batch: a layer's products over the batch and the activations over
// arrays, vectorised, each compiled for AVX-512, AVX2 and baseline x86-64, chosen at run time.
#pragma once

#include <cstddef>

namespace deltacheck::batch {

// Matrices are column-major with one column per example: a layer of n units over B examples is
// n x B, unit j of example b at [j + b * n]. Weights keep parameter order: w_jk at [j * m + k]
// for a layer of n units over m inputs. Every sum runs in the order of the per-example backprop
// (solver/backprop.h): the baseline version gives its bits; the AVX2 and AVX-512 versions fuse
// each multiply-add (one rounding instead of two) and give the same bits as each other.

/// z(:, b) = bias + W a(:, b) for b < B: w_t is W transposed (m x n, column-major: w_jk at
/// [k * n + j]); the sum over k in four partial sums by k mod 4 (the tail into the first),
/// added as (s0 + s1) + (s2 + s3), as detail::weighted_sums does. O(n m B).
void weighted_sums(const double* w_t, const double* bias, const double* a, int m, int n, int B,
                   double* z);

/// gw[j * m + k] += sum_b d(j, b) a(k, b) and gb[j] += sum_b d(j, b), b in order (the mini-batch's
/// weight and bias gradient sums, example by example). O(n m B).
void add_gradient(const double* d, const double* a, int m, int n, int B, double* gw, double* gb);

/// below(k, b) = sum_j w_jk d(j, b), j in order (the deltas carried to the layer below, before
/// its activation's derivative). O(n m B).
void carry_deltas(const double* w, const double* d, int m, int n, int B, double* below);

/// Relative error bound of `tanh` and `sigmoid` against the exact functions (2.25 units in the
/// last place), for every finite input where the value is a normal double: e^y as 2^n (1 + q)
/// with q's series truncated below 4e-18 relative, then a few roundings. Checked in
/// tests/batch_kernels_test.cpp for every version against long double on 460 000 inputs from
/// 1e-300 to 1e300.
constexpr double kFastActivationRelativeError = 5e-16;

/// out[i] = tanh(x[i]) for i < count, from one expm1 (tanh a = -expm1(-2a) / (2 + expm1(-2a)) for
/// a = |x|, the sign restored): within kFastActivationRelativeError; +-inf gives +-1, NaN gives
/// NaN, -0 gives -0. `out` may be `x`. O(count).
void tanh(const double* x, double* out, std::size_t count);

/// out[i] = 1 / (1 + e^-x[i]) from e = e^-|x|: 1/(1 + e) for x >= 0, e/(1 + e) below; within
/// kFastActivationRelativeError while the value is a normal double (x > -708), 0 below (within
/// 2.3e-308); +inf gives 1, -inf 0, NaN NaN. `out` may be `x`. O(count).
void sigmoid(const double* x, double* out, std::size_t count);

/// d[i] *= 1 - a[i]^2 for i < count (the deltas of a tanh layer times its derivative). O(count).
void times_tanh_derivative(const double* a, double* d, std::size_t count);

/// d[i] *= a[i] (1 - a[i]) for i < count (times a sigmoid's derivative). O(count).
void times_sigmoid_derivative(const double* a, double* d, std::size_t count);

/// The kernels' versions: AVX-512 (eight doubles a vector), AVX2 with FMA (four), both fusing
/// multiply-adds, and baseline x86-64 (SSE2, no fused multiply-add).
enum class Version { avx512, avx2, base };

/// Whether this processor can run version v.
bool supported(Version v);

/// The version in use: the widest the processor supports, unless use_version chose another.
Version version();

/// Runs version v from now on when the processor supports it (for tests; not thread-safe).
void use_version(Version v);

}  // namespace deltacheck::batch
