// Tests of solver/trainer: each optimizer and option changes training the way the notes say.
#include <catch2/catch.hpp>

#include <cmath>

#include "solver/backprop.h"
#include "solver/scalar.h"
#include "solver/trainer.h"

using namespace deltacheck;

namespace {

struct Setup {
  Network net;
  Dataset train, validation;
};

Setup setup(const std::string& spec, const std::string& data, int points = 400, double noise = 0,
            double validation = 0.2) {
  Setup s{parse_network(spec, "crossentropy"), {}, {}};
  split_dataset(playground(data, points, noise, 3), validation, 3, s.train, s.validation);
  return s;
}

double weight_norm(const Network& net, const std::vector<double>& p, int* zeros = nullptr) {
  const ParameterLayout layout(net);
  double sum = 0;
  if (zeros) *zeros = 0;
  for (int l = 1; l <= net.depth(); ++l)
    for (int i = 0; i < net.units(l) * net.units(l - 1); ++i) {
      const double w = p[layout.weight_offset[l - 1] + i];
      sum += w * w;
      if (zeros) *zeros += w == 0.0;
    }
  return std::sqrt(sum);
}

}  // namespace

TEST_CASE("every optimizer lowers the loss on xor, mini-batch with momentum learns the spiral",
          "[trainer]") {
  const Setup s = setup("2 tanh:8 sigmoid:1", "xor");
  for (Optimizer opt : {Optimizer::batch, Optimizer::sgd, Optimizer::minibatch}) {
    TrainOptions o;
    o.optimizer = opt;
    o.epochs = opt == Optimizer::batch ? 300 : 40;
    o.lr = opt == Optimizer::sgd ? 0.01 : 0.3;  // one example per step: smaller steps
    o.momentum = 0.9;
    const TrainResult r =
        train(s.net, s.train, s.validation, o, initial_parameters(s.net, Init::xavier, 1));
    CAPTURE(static_cast<int>(opt));
    CHECK(r.epochs.back().train_loss < 0.5 * r.epochs.front().train_loss);
    CHECK(r.epochs.back().train_accuracy > 0.9);
  }
  const Setup spiral = setup("2 tanh:16 tanh:16 sigmoid:1", "spiral", 1000);
  TrainOptions o;
  o.lr = 0.03;
  o.momentum = 0.9;
  o.epochs = 500;
  const TrainResult r = train(spiral.net, spiral.train, spiral.validation, o,
                              initial_parameters(spiral.net, Init::xavier, 1));
  CHECK(r.epochs.back().train_loss < 0.1 * r.epochs.front().train_loss);
  CHECK(r.epochs.back().train_accuracy >= 0.95);
}

TEST_CASE("zero initialisation keeps the hidden units identical: the symmetry is never broken",
          "[trainer]") {
  const Setup s = setup("2 tanh:4 sigmoid:1", "circle");
  TrainOptions o;
  o.epochs = 30;
  o.lr = 0.5;
  const TrainResult r =
      train(s.net, s.train, s.validation, o, initial_parameters(s.net, Init::zero, 1));
  const ParameterLayout layout(s.net);
  for (int j = 1; j < 4; ++j) {
    CHECK(r.params[layout.weight_offset[0] + 2 * j] == r.params[layout.weight_offset[0]]);
    CHECK(r.params[layout.weight_offset[0] + 2 * j + 1] == r.params[layout.weight_offset[0] + 1]);
    CHECK(r.params[layout.bias_offset[0] + j] == r.params[layout.bias_offset[0]]);
    CHECK(r.params[layout.weight_offset[1] + j] == r.params[layout.weight_offset[1]]);
  }
}

TEST_CASE("L1 drives some weights to exactly zero, L2 shrinks them", "[trainer]") {
  const Setup s = setup("2 tanh:16 sigmoid:1", "gauss");
  TrainOptions o;
  o.epochs = 60;
  o.lr = 0.1;
  const std::vector<double> start = initial_parameters(s.net, Init::xavier, 2);
  int zeros_plain = 0, zeros_l1 = 0;
  const double plain =
      weight_norm(s.net, train(s.net, s.train, s.validation, o, start).params, &zeros_plain);
  o.l1 = 0.01;
  weight_norm(s.net, train(s.net, s.train, s.validation, o, start).params, &zeros_l1);
  o.l1 = 0;
  o.l2 = 0.1;
  const double l2 = weight_norm(s.net, train(s.net, s.train, s.validation, o, start).params);
  CHECK(zeros_plain == 0);
  CHECK(zeros_l1 >= 5);
  CHECK(l2 < 0.8 * plain);
}

TEST_CASE("early stopping stops at the best validation epoch and keeps its weights", "[trainer]") {
  const Setup s =
      setup("2 tanh:32 tanh:32 sigmoid:1", "gauss", 200, 2.0, 0.5);  // noisy and small: it overfits
  TrainOptions o;
  o.epochs = 400;
  o.lr = 0.1;
  o.momentum = 0.9;
  o.patience = 20;
  const TrainResult r =
      train(s.net, s.train, s.validation, o, initial_parameters(s.net, Init::xavier, 1));
  REQUIRE(r.stopped_early);
  double best = 1e300;
  int best_epoch = 0;
  for (const EpochStats& e : r.epochs)
    if (e.validation_loss < best) best = e.validation_loss, best_epoch = e.epoch;
  CHECK(r.best_epoch == best_epoch);
  CHECK(r.epochs.back().epoch == best_epoch + 20);
  CHECK(evaluate(s.net, r.params, s.validation, nullptr) == Approx(best).epsilon(1e-12));
}

TEST_CASE(
    "dropout at rate 0 is no dropout; dropout changes training; the same seed gives the same run",
    "[trainer]") {
  const Setup s = setup("2 tanh:8 tanh:8 sigmoid:1", "xor");
  TrainOptions o;
  o.epochs = 10;
  const std::vector<double> start = initial_parameters(s.net, Init::he, 4);
  const TrainResult plain = train(s.net, s.train, s.validation, o, start);
  o.dropout = 0;
  CHECK(train(s.net, s.train, s.validation, o, start).params == plain.params);
  o.dropout = 0.3;
  const TrainResult dropped = train(s.net, s.train, s.validation, o, start);
  CHECK(dropped.params != plain.params);
  CHECK(train(s.net, s.train, s.validation, o, start).params == dropped.params);
}

TEST_CASE("the dropout backward pass is the gradient of the masked network", "[trainer]") {
  // With a fixed mask, backprop must agree with central differences of the masked forward pass.
  const Network net = parse_network("2 sigmoid:3 tanh:2 sigmoid:1", "squared");
  const ParameterLayout layout(net);
  std::vector<double> p = initial_parameters(net, Init::normal, 9);
  for (double& v : p) v *= 10;
  const std::vector<std::vector<double>> keep = {{}, {2.0, 0.0, 2.0}, {0.0, 2.0}, {}};
  const std::vector<double> x{0.3, -0.7}, y{0.4};
  NetworkState<double> s;
  std::vector<double> g(p.size());
  forward(net, layout, p.data(), x.data(), y.data(), s, false, &keep);
  backward(net, layout, p.data(), y.data(), s, g.data(), &keep);
  for (std::size_t i = 0; i < p.size(); ++i) {
    std::vector<double> up = p, down = p;
    up[i] += 1e-6;
    down[i] -= 1e-6;
    const double fd = (forward(net, layout, up.data(), x.data(), y.data(), s, false, &keep) -
                       forward(net, layout, down.data(), x.data(), y.data(), s, false, &keep)) /
                      2e-6;
    CHECK(g[i] == Approx(fd).margin(1e-8));
  }
}

TEST_CASE("a learning rate far too large diverges with a message that says so", "[trainer]") {
  const Network net = parse_network("1 linear:1", "squared");
  Dataset all = playground("line", 100, 0, 1), train_set, validation;
  for (auto& x : all.x) x[0] *= 1000;
  split_dataset(all, 0, 1, train_set, validation);
  TrainOptions o;
  o.lr = 10;
  o.epochs = 100;
  const TrainResult r =
      train(net, train_set, validation, o, initial_parameters(net, Init::xavier, 1));
  CHECK(r.diverged);
  CHECK(r.epochs.size() < 100);
  CHECK_THAT(r.message, Catch::Contains("diverged") && Catch::Contains("smaller learning rate"));
}

TEST_CASE("initialisations have the stated scales", "[trainer]") {
  const Network net = parse_network("100 tanh:100 sigmoid:1", "crossentropy");
  const ParameterLayout layout(net);
  const auto spread = [&](Init init) {
    const std::vector<double> p = initial_parameters(net, init, 5);
    double sum = 0;
    for (int i = 0; i < 100 * 100; ++i)
      sum += p[layout.weight_offset[0] + i] * p[layout.weight_offset[0] + i];
    return std::sqrt(sum / 10000);
  };
  CHECK(spread(Init::normal) == Approx(0.1).epsilon(0.05));
  CHECK(spread(Init::scaled) == Approx(0.1).epsilon(0.05));  // 1/sqrt(100)
  CHECK(spread(Init::he) == Approx(std::sqrt(0.02)).epsilon(0.05));
  CHECK(spread(Init::xavier) == Approx(std::sqrt(6.0 / 200) / std::sqrt(3)).epsilon(0.05));
  CHECK(spread(Init::zero) == 0);
}
