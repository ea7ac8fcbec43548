// Tests of sample points: deterministic, every ReLU unit on both sides, none near a kink.
#include <catch2/catch.hpp>

#include <cmath>

#include "solver/backprop.h"
#include "solver/sample_points.h"
#include "test_networks.h"

using namespace deltacheck;

TEST_CASE("the same seed gives the same points, another seed others", "[sample_points]") {
  const Network net = testing::q1("squared");
  const auto a = sample_points(net, 8, 42), b = sample_points(net, 8, 42),
             c = sample_points(net, 8, 43);
  for (size_t i = 0; i < a.size(); ++i)
    for (const auto& [q, v] : a[i].values()) CHECK(v.text() == b[i].at(q).text());
  CHECK(a[0].at({QuantityKind::input, 0, 1, 0}).text() !=
        c[0].at({QuantityKind::input, 0, 1, 0}).text());
}

TEST_CASE("every ReLU unit is active somewhere and inactive somewhere, and never near its kink",
          "[sample_points]") {
  std::vector<Network> nets{testing::q1("squared"),
                            parse_network("2 relu:6 relu:6 relu:6 relu:1", "squared")};
  for (const Network& net : testing::random_networks(20, 4, 6, 8)) nets.push_back(net);
  for (const Network& net : nets) {
    CAPTURE(net.spec());
    const auto points = sample_points(net, 8, 1);
    const ParameterLayout layout(net);
    std::vector<NetworkState<double>> states;
    for (const Point& p : points) {
      const NumericPoint<double> n = to_numeric<double>(p, net);
      NetworkState<double> s;
      forward(net, layout, n.params.data(), n.x.data(), n.y.data(), s, false);
      states.push_back(s);
    }
    for (int l = 1; l <= net.depth(); ++l) {
      if (net.activation(l) != Activation::relu) continue;
      for (int j = 0; j < net.units(l); ++j) {
        int active = 0;
        for (const auto& s : states) {
          CHECK(std::fabs(s.z[l][j]) >= kSampleKinkMargin * 0.99);
          active += s.z[l][j] > 0;
        }
        CHECK(active >= 1);
        CHECK(active <= 7);
      }
    }
  }
}

TEST_CASE("softmax cross-entropy targets are probability vectors summing to exactly 1",
          "[sample_points]") {
  const Network net = parse_network("2 softmax:5", "crossentropy");
  for (const Point& p : sample_points(net, 10, 3)) {
    Rational sum = 0;
    for (const Quantity& q : targets(net)) {
      CHECK(p.at(q).rational() >= 0);
      sum += p.at(q).rational();
    }
    CHECK(sum == 1);
  }
}
