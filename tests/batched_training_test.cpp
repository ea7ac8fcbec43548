// Tests that training a mini-batch as matrix products equals the per-example templated backprop,
// step by step, on random networks of every activation with dropout, L1 and L2.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "solver/backprop.h"
#include "solver/batch_kernels.h"
#include "solver/random.h"
#include "solver/trainer.h"

using namespace deltacheck;

namespace {

// Training as it was done before mini-batches became matrix products: example by example on
// forward() and backward(), the same shuffles, dropout draws and step (the reference).
class PerExampleTraining {
 public:
  PerExampleTraining(const Network& net, const Dataset& data, const TrainOptions& o,
                     std::vector<double> params)
      : net_(net),
        layout_(net),
        data_(data),
        o_(o),
        r_(o.seed * 0x9E3779B97F4A7C15ULL + 1),
        params_(std::move(params)),
        sum_(params_.size()),
        velocity_(params_.size(), 0.0),
        keep_(net.depth()),
        order_(data.size()) {
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
  }

  // One epoch; returns the training loss summed over the examples and each step's layer
  // gradient norms summed, as TrainingRun reports them before dividing.
  double epoch(std::vector<double>& norms) {
    const std::size_t n = data_.size();
    if (o_.optimizer != Optimizer::batch)
      for (std::size_t i = n; i > 1; --i) std::swap(order_[i - 1], order_[r_.next() % i]);
    const std::size_t batch = o_.optimizer == Optimizer::batch ? n
                              : o_.optimizer == Optimizer::sgd
                                  ? 1
                                  : static_cast<std::size_t>(o_.batch_size);
    norms.assign(net_.depth(), 0.0);
    double loss = 0;
    for (std::size_t start = 0; start < n; start += batch) {
      const std::size_t end = std::min(n, start + batch);
      std::fill(sum_.begin(), sum_.end(), 0.0);
      for (std::size_t b = start; b < end; ++b) loss += example(order_[b]);
      step(end - start, norms);
    }
    return loss;
  }

  const std::vector<double>& params() const { return params_; }

 private:
  double example(std::size_t i) {
    const std::vector<std::vector<double>>* mask = nullptr;
    if (o_.dropout > 0) {
      for (int l = 1; l < net_.depth(); ++l) {
        keep_[l].resize(net_.units(l));
        for (double& m : keep_[l]) m = r_.uniform() < o_.dropout ? 0.0 : 1 / (1 - o_.dropout);
      }
      mask = &keep_;
    }
    const double loss = forward(net_, layout_, params_.data(), data_.x[i].data(), data_.y[i].data(),
                                s_, false, mask);
    backward(net_, layout_, params_.data(), data_.y[i].data(), s_, sum_.data(), mask, true);
    return loss;
  }

  void step(std::size_t count, std::vector<double>& norms) {
    const double scale = 1.0 / static_cast<double>(count), shrink = o_.lr * o_.l1;
    for (int l = 1; l <= net_.depth(); ++l) {
      const std::size_t w0 = layout_.weight_offset[l - 1], b0 = layout_.bias_offset[l - 1];
      const std::size_t b1 = b0 + static_cast<std::size_t>(net_.units(l));
      double norm = 0;
      for (std::size_t p = w0; p < b1; ++p) {
        const bool weight = p < b0;
        const double g = sum_[p] * scale + (weight ? o_.l2 * params_[p] : 0.0);
        norm += g * g;
        velocity_[p] = o_.momentum * velocity_[p] - o_.lr * g;
        double w = params_[p] + velocity_[p];
        if (weight && shrink > 0) w = w > shrink ? w - shrink : w < -shrink ? w + shrink : 0.0;
        params_[p] = w;
      }
      norms[l - 1] += std::sqrt(norm);
    }
  }

  const Network& net_;
  const ParameterLayout layout_;
  const Dataset& data_;
  const TrainOptions& o_;
  Random r_;
  NetworkState<double> s_;
  std::vector<double> params_, sum_, velocity_;
  std::vector<std::vector<double>> keep_;
  std::vector<std::size_t> order_;
};

// A random network: 1-4 inputs, 1-3 hidden layers of 1-11 units, the first with activation
// `first` % 4 (relu, sigmoid, tanh, linear), the others random, and an output layer that suits
// `loss` ("squared": any activation; "crossentropy": sigmoid or softmax).
Network random_network(Random& r, int first, const std::string& loss) {
  const char* hidden[] = {"relu", "sigmoid", "tanh", "linear"};
  std::string spec = std::to_string(1 + r.next() % 4);
  const int layers = 1 + static_cast<int>(r.next() % 3);
  for (int l = 0; l < layers; ++l)
    spec += std::string(" ") + hidden[l == 0 ? first % 4 : r.next() % 4] + ":" +
            std::to_string(1 + r.next() % 11);
  const int outputs = 1 + static_cast<int>(r.next() % 3);
  const char* out = loss == "crossentropy" ? (outputs == 1 ? "sigmoid" : "softmax")
                                           : (outputs == 1 ? hidden[r.next() % 4]
                                                           : (r.next() % 2 ? "softmax" : "tanh"));
  return parse_network(spec + " " + out + ":" + std::to_string(outputs), loss);
}

// `count` random examples: inputs in [-2, 2]; targets 0/1 (sigmoid), one-hot (softmax) or in
// [-1, 1] for the squared loss.
Dataset random_examples(Random& r, const Network& net, int count) {
  Dataset d;
  const Activation out = net.activation(net.depth());
  for (int i = 0; i < count; ++i) {
    std::vector<double> x(net.inputs), y(net.outputs(), 0.0);
    for (double& v : x) v = r.uniform(-2, 2);
    if (net.loss == Loss::crossentropy && out == Activation::softmax)
      y[r.next() % y.size()] = 1;
    else
      for (double& v : y)
        v = net.loss == Loss::crossentropy ? static_cast<double>(r.next() % 2) : r.uniform(-1, 1);
    d.x.push_back(x);
    d.y.push_back(y);
  }
  return d;
}

// |a - b| <= tolerance |b|, element by element (b = 0 needs a = 0).
bool relatively_equal(const std::vector<double>& a, const std::vector<double>& b,
                      double tolerance) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(std::abs(a[i] - b[i]) <= tolerance * std::abs(b[i]))) return false;
  return true;
}

// Options with momentum and, by `variant`, dropout, L1, L2 and each optimizer.
TrainOptions options_for(int variant, Random& r) {
  TrainOptions o;
  o.lr = 0.05;
  o.momentum = 0.5;
  o.batch_size = 1 + static_cast<int>(r.next() % 9);
  o.optimizer = variant % 5 == 3   ? Optimizer::sgd
                : variant % 5 == 4 ? Optimizer::batch
                                   : Optimizer::minibatch;
  o.dropout = variant % 2 ? 0.3 : 0;
  o.l1 = variant % 3 == 1 ? 1e-3 : 0;
  o.l2 = variant % 3 == 2 ? 1e-2 : 0;
  o.seed = 1 + r.next() % 1000;
  return o;
}

}  // namespace

TEST_CASE("batched training equals the per-example backprop to 1e-12 after every step",
          "[trainer]") {
  const batch::Version in_use = batch::version();
  for (batch::Version version :
       {batch::Version::avx512, batch::Version::avx2, batch::Version::base}) {
    if (!batch::supported(version)) continue;
    batch::use_version(version);
    Random r(2026);
    int compared = 0;
    for (int variant = 0; variant < 30; ++variant) {
      const Network net = random_network(r, variant / 2, variant % 2 ? "crossentropy" : "squared");
      TrainOptions o = options_for(variant, r);
      o.exact_activations = true;  // the vectorised tanh and sigmoid are tested below
      // One step per epoch (as many examples as a mini-batch) when variant is even, several
      // otherwise; train() from the start for 1, 2, 3 epochs against the reference's epochs.
      const int count = variant % 2 ? 2 * o.batch_size + 3 : o.batch_size;
      const Dataset data = random_examples(r, net, count);
      const std::vector<double> start = initial_parameters(net, Init::xavier, o.seed);
      PerExampleTraining reference(net, data, o, start);
      CAPTURE(static_cast<int>(version), variant, net.spec(), o.batch_size, o.dropout, o.l1, o.l2);
      for (int epochs = 1; epochs <= 3; ++epochs) {
        std::vector<double> norms;
        const double loss = reference.epoch(norms);
        o.epochs = epochs;
        const TrainResult batched = train(net, data, Dataset(), o, start);
        REQUIRE(batched.epochs.size() == static_cast<std::size_t>(epochs));
        const EpochStats& e = batched.epochs.back();
        CHECK(relatively_equal(batched.params, reference.params(), 1e-12));
        CHECK(relatively_equal({e.train_loss}, {loss / count}, 1e-12));
        const int steps = o.optimizer == Optimizer::batch ? 1
                          : o.optimizer == Optimizer::sgd
                              ? count
                              : (count + o.batch_size - 1) / o.batch_size;
        for (double& v : norms) v /= steps;
        CHECK(relatively_equal(e.gradient_norm, norms, 1e-12));
        ++compared;
      }
    }
    CHECK(compared == 90);
  }
  batch::use_version(in_use);
}

TEST_CASE(
    "with the vectorised activations, each step stays within 1e-12 of the per-example backprop",
    "[trainer]") {
  Random r(2027);
  for (int variant = 0; variant < 30; ++variant) {
    const Network net = random_network(r, variant / 2, variant % 2 ? "crossentropy" : "squared");
    TrainOptions o = options_for(variant, r);
    const int count = variant % 2 ? 2 * o.batch_size + 3 : o.batch_size;
    const Dataset data = random_examples(r, net, count);
    const std::vector<double> start = initial_parameters(net, Init::xavier, o.seed);
    PerExampleTraining reference(net, data, o, start);
    CAPTURE(variant, net.spec(), o.batch_size, o.dropout, o.l1, o.l2);
    std::vector<double> norms;
    const double loss = reference.epoch(norms);
    o.epochs = 1;
    const TrainResult fast = train(net, data, Dataset(), o, start);
    // The activations differ by up to kFastActivationRelativeError: far below 1e-12 after one
    // step (over many epochs training is chaotic and the differences grow).
    CHECK(relatively_equal(fast.params, reference.params(), 1e-12));
    CHECK(relatively_equal({fast.epochs.back().train_loss}, {loss / count}, 1e-12));
  }
}

TEST_CASE("a batch larger than the chunk computed at once equals the per-example backprop",
          "[trainer]") {
  Random r(2028);
  const Network net = parse_network("3 tanh:9 relu:5 sigmoid:1", "crossentropy");
  TrainOptions o;
  o.optimizer = Optimizer::batch;
  o.lr = 0.1, o.momentum = 0.9, o.dropout = 0.25, o.l2 = 1e-3, o.epochs = 2;
  o.exact_activations = true;
  const Dataset data = random_examples(r, net, 600);  // 3 chunks of at most 256 examples
  const std::vector<double> start = initial_parameters(net, Init::he, 5);
  PerExampleTraining reference(net, data, o, start);
  std::vector<double> norms;
  double loss = reference.epoch(norms);
  loss = reference.epoch(norms);
  const TrainResult batched = train(net, data, Dataset(), o, start);
  CHECK(relatively_equal(batched.params, reference.params(), 1e-12));
  CHECK(relatively_equal({batched.epochs.back().train_loss}, {loss / 600}, 1e-12));
  CHECK(relatively_equal(batched.epochs.back().gradient_norm, norms, 1e-12));
}
