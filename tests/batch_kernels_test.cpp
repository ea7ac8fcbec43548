// Tests of solver/batch_kernels: the products over a batch give the per-example backprop's bits,
// and the vectorised tanh and sigmoid keep their stated error bound over the whole double range.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "solver/backprop.h"
#include "solver/batch_kernels.h"
#include "solver/random.h"

using namespace deltacheck;

namespace {

std::vector<double> random_values(Random& r, std::size_t count) {
  std::vector<double> v(count);
  for (double& x : v) x = r.uniform(-2, 2);
  return v;
}

// The largest relative error of f against `exact` (in long double) over x, and the x where it is.
template <class F, class Exact>
double worst_error(F f, Exact exact, const std::vector<double>& x, double& where) {
  std::vector<double> out(x.size());
  f(x.data(), out.data(), x.size());
  double worst = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const long double e = exact(static_cast<long double>(x[i]));
    const double error = static_cast<double>(std::fabs((out[i] - e) / e));
    if (e != 0 && error > worst) worst = error, where = x[i];
  }
  return worst;
}

// Numbers from 1e-300 to 1e300 (both signs) geometrically, and 2e5 uniform ones in [-40, 40].
std::vector<double> wide_range() {
  std::vector<double> x;
  for (double a = 1e-300; a < 1e300; a *= 1.01) x.push_back(a), x.push_back(-a);
  Random r(7);
  for (int i = 0; i < 200000; ++i) x.push_back(r.uniform(-40, 40));
  return x;
}

// The products of one batch, by the kernels of the version in use.
struct Products {
  std::vector<double> z, gw, gb, below;
};

Products products(const std::vector<double>& w, const std::vector<double>& bias,
                  const std::vector<double>& a, const std::vector<double>& d, int m, int n, int B) {
  std::vector<double> w_t(n * m);
  for (int j = 0; j < n; ++j)
    for (int k = 0; k < m; ++k) w_t[k * n + j] = w[j * m + k];
  Products p{std::vector<double>(n * B), std::vector<double>(n * m, 0.5),
             std::vector<double>(n, 0.25), std::vector<double>(m * B)};
  batch::weighted_sums(w_t.data(), bias.data(), a.data(), m, n, B, p.z.data());
  batch::add_gradient(d.data(), a.data(), m, n, B, p.gw.data(), p.gb.data());
  batch::carry_deltas(w.data(), d.data(), m, n, B, p.below.data());
  return p;
}

// The same by the per-example backprop (detail::weighted_sums, layer_gradient, the delta sum).
Products per_example(const std::vector<double>& w, const std::vector<double>& bias,
                     const std::vector<double>& a, const std::vector<double>& d, int m, int n,
                     int B) {
  Products p{{}, std::vector<double>(n * m, 0.5), std::vector<double>(n, 0.25), {}};
  for (int b = 0; b < B; ++b) {
    const std::vector<double> prev(a.begin() + b * m, a.begin() + (b + 1) * m),
        delta(d.begin() + b * n, d.begin() + (b + 1) * n);
    std::vector<double> z;
    detail::weighted_sums(w.data(), bias.data(), prev, n, z);
    p.z.insert(p.z.end(), z.begin(), z.end());
    detail::layer_gradient(delta, prev, p.gw.data(), p.gb.data(), true);
    for (int k = 0; k < m; ++k) {
      double below = 0;
      for (int j = 0; j < n; ++j) below += w[j * m + k] * delta[j];
      p.below.push_back(below);
    }
  }
  return p;
}

// |a - b| <= tolerance element by element.
bool near(const std::vector<double>& a, const std::vector<double>& b, double tolerance) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(std::abs(a[i] - b[i]) <= tolerance)) return false;
  return true;
}

std::vector<batch::Version> supported_versions() {
  std::vector<batch::Version> v;
  for (batch::Version x : {batch::Version::avx512, batch::Version::avx2, batch::Version::base})
    if (batch::supported(x)) v.push_back(x);
  return v;
}

}  // namespace

TEST_CASE(
    "the batch products: the per-example backprop's bits, or within a rounding per term fused",
    "[batch_kernels]") {
  Random r(11);
  const batch::Version in_use = batch::version();
  for (int n : {1, 3, 8, 9, 16, 17, 33})
    for (int m : {1, 2, 4, 5, 8, 16, 19}) {
      const int B = 5;
      CAPTURE(n, m);
      const std::vector<double> w = random_values(r, n * m), bias = random_values(r, n),
                                a = random_values(r, m * B), d = random_values(r, n * B);
      const Products reference = per_example(w, bias, a, d, m, n, B);
      std::vector<Products> fused;
      for (batch::Version v : supported_versions()) {
        batch::use_version(v);
        const Products p = products(w, bias, a, d, m, n, B);
        CAPTURE(static_cast<int>(v));
        if (v == batch::Version::base) {  // no fused multiply-add: the very same bits
          CHECK(p.z == reference.z);
          CHECK(p.gw == reference.gw);
          CHECK(p.gb == reference.gb);
          CHECK(p.below == reference.below);
          continue;
        }
        // Fused or not, a sum of k <= 34 terms of magnitude <= 4 is within (k + 1) 2^-53 times
        // 34 * 4 of the exact sum (recursive summation), so the two within twice that.
        const double bound = 2 * 35 * 0x1p-53 * (34 * 4);
        CHECK(near(p.z, reference.z, bound));
        CHECK(near(p.gw, reference.gw, bound));
        CHECK(p.gb == reference.gb);  // sums of deltas alone: nothing to fuse
        CHECK(near(p.below, reference.below, bound));
        fused.push_back(p);
      }
      for (std::size_t i = 1; i < fused.size(); ++i) {  // AVX2 and AVX-512 give the same bits
        CHECK(fused[i].z == fused[0].z);
        CHECK(fused[i].gw == fused[0].gw);
        CHECK(fused[i].below == fused[0].below);
      }
    }
  batch::use_version(in_use);
}

// Runs check once with each version the processor supports, then restores the one in use.
template <class F>
void in_every_version(F check) {
  const batch::Version in_use = batch::version();
  for (batch::Version v : supported_versions()) {
    batch::use_version(v);
    check(v);
  }
  batch::use_version(in_use);
}

TEST_CASE("the vectorised tanh and sigmoid are within their stated relative error",
          "[batch_kernels]") {
  const std::vector<double> x = wide_range();
  in_every_version([&](batch::Version v) {
    CAPTURE(static_cast<int>(v));
    double where = 0;
    const double tanh_error = worst_error(
        batch::tanh, [](long double v) { return std::tanh(v); }, x, where);
    CAPTURE(where);
    CHECK(tanh_error <= batch::kFastActivationRelativeError);
    // Below x = -708 sigmoid's value is not a normal double: the bound is stated above it, and
    // below it the value is 0, within the smallest normal double of e^x.
    std::vector<double> normal, below;
    for (double v : x) (v > -708 ? normal : below).push_back(v);
    const double sigmoid_error = worst_error(
        batch::sigmoid, [](long double v) { return 1 / (1 + std::exp(-v)); }, normal, where);
    std::vector<double> s(below.size());
    batch::sigmoid(below.data(), s.data(), below.size());
    CHECK(std::all_of(s.begin(), s.end(), [](double v) { return v == 0; }));
    CAPTURE(where);
    CHECK(sigmoid_error <= batch::kFastActivationRelativeError);
    WARN("worst relative error: tanh " << tanh_error << ", sigmoid " << sigmoid_error);
  });
}

TEST_CASE("the vectorised tanh and sigmoid at 0, infinity, NaN and the smallest numbers",
          "[batch_kernels]") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::nan("");
  const double tiny = std::numeric_limits<double>::denorm_min();
  const std::vector<double> x = {0.0, -0.0, inf, -inf, nan, tiny, -tiny, 800, -800};
  in_every_version([&](batch::Version v) {
    CAPTURE(static_cast<int>(v));
    std::vector<double> t(x.size()), s(x.size());
    batch::tanh(x.data(), t.data(), x.size());
    batch::sigmoid(x.data(), s.data(), x.size());
    CHECK((t[0] == 0 && !std::signbit(t[0])));
    CHECK((t[1] == 0 && std::signbit(t[1])));
    CHECK(t[2] == 1);
    CHECK(t[3] == -1);
    CHECK(std::isnan(t[4]));
    CHECK(t[5] == tiny);
    CHECK(t[6] == -tiny);
    CHECK(t[7] == 1);
    CHECK(t[8] == -1);
    CHECK(s[0] == 0.5);
    CHECK(s[2] == 1);
    CHECK(s[3] == 0);
    CHECK(std::isnan(s[4]));
    CHECK(s[5] == 0.5);
    CHECK(s[7] == 1);
    CHECK(s[8] == 0);
  });
}
