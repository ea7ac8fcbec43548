// Drawing sample points and steering ReLU units to both sides of their kinks.
#include "solver/sample_points.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "solver/backprop.h"

namespace deltacheck {

namespace {

// The decimal n * 10^-places, exact and platform-independent.
Decimal scaled(long long n, int places) {
  const bool negative = n < 0;
  const unsigned long long m = negative ? -n : n;
  unsigned long long unit = 1;
  for (int i = 0; i < places; ++i) unit *= 10;
  std::string frac = std::to_string(m % unit);
  frac.insert(0, places - frac.size(), '0');
  return *Decimal::parse((negative ? "-" : "") + std::to_string(m / unit) + "." + frac);
}

// A decimal with 6 places from an integer count of millionths.
Decimal millionths(long long n) { return scaled(n, 6); }

class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}
  // Uniform in [lo, hi] millionths (modulo bias is far below anything that matters here).
  long long between(long long lo, long long hi) {
    return lo + static_cast<long long>(rng_() % static_cast<std::uint64_t>(hi - lo + 1));
  }

 private:
  std::mt19937_64 rng_;
};

Point draw_point(const Network& net, Draw& draw) {
  Point p;
  for (const Quantity& q : inputs(net)) p.set(q, millionths(draw.between(-1000000, 1000000)));
  for (const Quantity& q : parameters(net)) p.set(q, millionths(draw.between(-1000000, 1000000)));
  const std::vector<Quantity> ys = targets(net);
  if (net.loss == Loss::crossentropy && net.activation(net.depth()) == Activation::softmax) {
    // A probability vector: K-1 cut points in [0, 1] (millionths), the gaps sum to exactly 1.
    std::vector<long long> cuts{0, 1000000};
    for (size_t i = 1; i < ys.size(); ++i) cuts.push_back(draw.between(0, 1000000));
    std::sort(cuts.begin(), cuts.end());
    for (size_t i = 0; i < ys.size(); ++i) p.set(ys[i], millionths(cuts[i + 1] - cuts[i]));
  } else {
    const long long lo = net.loss == Loss::crossentropy ? 0 : -1000000;
    for (const Quantity& q : ys) p.set(q, millionths(draw.between(lo, 1000000)));
  }
  return p;
}

// Pre-activations of every unit at p, in double (ample for a 1e-3 margin).
NetworkState<double> run(const Network& net, const Point& p) {
  const ParameterLayout layout(net);
  const NumericPoint<double> n = to_numeric<double>(p, net);
  NetworkState<double> s;
  forward(net, layout, n.params.data(), n.x.data(), n.y.data(), s, false);
  return s;
}

// Sets b so that z becomes `target` (b += target - z), rounded to 6 places.
void steer(Point& p, int l, int j, double z, double target) {
  const Quantity b{QuantityKind::bias, l, j, 0};
  const double shifted = p.at(b).to_double() + (target - z);
  p.set(b, millionths(std::llround(shifted * 1e6)));
}

}  // namespace

Point hand_point(const Network& net, int places, std::uint64_t seed, const Point& fixed) {
  Draw draw(seed);
  long long unit = 1;
  for (int i = 0; i < places; ++i) unit *= 10;
  // A nonzero multiple of 10^-places in [-1, 1].
  const auto value = [&] {
    long long n = draw.between(-unit, unit - 1);
    if (n >= 0) ++n;
    return scaled(n, places);
  };
  for (int attempt = 0; attempt < 1000; ++attempt) {
    Point p;
    for (const Quantity& q : inputs(net)) p.set(q, value());
    for (const Quantity& q : parameters(net)) p.set(q, value());
    const std::vector<Quantity> ys = targets(net);
    if (net.loss == Loss::crossentropy) {
      // Class labels: one-hot for a softmax output, 0 or 1 for each sigmoid output.
      const bool softmax = net.activation(net.depth()) == Activation::softmax;
      const long long hot = draw.between(0, static_cast<long long>(ys.size()) - 1);
      for (std::size_t i = 0; i < ys.size(); ++i)
        p.set(ys[i], *Decimal::parse(softmax ? (static_cast<long long>(i) == hot ? "1" : "0")
                                             : (draw.between(0, 1) ? "1" : "0")));
    } else {
      for (const Quantity& q : ys) p.set(q, value());
    }
    for (const auto& [q, v] : fixed.values()) p.set(q, v);
    const NetworkState<double> s = run(net, p);
    bool clear = true;
    for (int l = 1; l <= net.depth(); ++l)
      if (net.activation(l) == Activation::relu)
        for (double z : s.z[l]) clear = clear && std::fabs(z) >= kHandKinkMargin;
    if (clear) return p;
  }
  throw UserError("the exercise's fixed values keep a ReLU unit within " +
                  std::to_string(kHandKinkMargin) + " of its kink: change them");
}

std::vector<Point> sample_points(const Network& net, int count, std::uint64_t seed) {
  Draw draw(seed);
  std::vector<Point> points;
  for (int i = 0; i < count; ++i) points.push_back(draw_point(net, draw));

  // Layer by layer: a bias change moves only its own unit and later layers, so the units
  // already settled stay settled.
  for (int l = 1; l <= net.depth(); ++l) {
    if (net.activation(l) != Activation::relu) continue;
    std::vector<NetworkState<double>> states;
    for (const Point& p : points) states.push_back(run(net, p));
    for (int j = 1; j <= net.units(l); ++j) {
      int active = 0;
      std::vector<double> z(count);
      for (int i = 0; i < count; ++i) {
        z[i] = states[i].z[l][j - 1];
        if (std::fabs(z[i]) < kSampleKinkMargin) {  // too near the kink: push it out to +-0.1
          const double target = z[i] >= 0 ? 0.1 : -0.1;
          steer(points[i], l, j, z[i], target);
          z[i] = target;
        }
        active += z[i] > 0 ? 1 : 0;
      }
      if (count >= 2 && (active == 0 || active == count)) {
        // Flip the unit at one point, chosen by the seed, to the missing side.
        const int i = static_cast<int>(draw.between(0, count - 1));
        const double magnitude = static_cast<double>(draw.between(100000, 900000)) / 1e6;
        steer(points[i], l, j, z[i], active == 0 ? magnitude : -magnitude);
      }
    }
  }
  return points;
}

}  // namespace deltacheck
