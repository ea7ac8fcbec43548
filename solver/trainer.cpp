// The training loop: shuffled batches, momentum, L1/L2, dropout masks, early stopping, divergence.
#include "solver/trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "core/error.h"
#include "solver/backprop.h"
#include "solver/random.h"

namespace deltacheck {

namespace {

bool finite(const std::vector<double>& v) {
  return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

}  // namespace

Optimizer parse_optimizer(const std::string& text) {
  if (text == "batch") return Optimizer::batch;
  if (text == "sgd") return Optimizer::sgd;
  if (text == "minibatch") return Optimizer::minibatch;
  throw UserError("unknown optimizer '" + text + "': use batch, sgd or minibatch");
}

Init parse_init(const std::string& text) {
  if (text == "normal") return Init::normal;
  if (text == "scaled") return Init::scaled;
  if (text == "xavier") return Init::xavier;
  if (text == "he") return Init::he;
  if (text == "zero") return Init::zero;
  throw UserError("unknown initialisation '" + text + "': use normal, scaled, xavier, he or zero");
}

std::vector<double> initial_parameters(const Network& net, Init init, std::uint64_t seed) {
  const ParameterLayout layout(net);
  std::vector<double> p(layout.size, 0.0);
  Random r(seed);
  for (int l = 1; l <= net.depth(); ++l) {
    const int n_in = net.units(l - 1), n = net.units(l);
    for (int i = 0; i < n * n_in; ++i) {
      double w = 0;
      switch (init) {
        case Init::normal: w = 0.1 * r.normal(); break;
        case Init::scaled: w = r.normal() / std::sqrt(n_in); break;
        case Init::xavier: w = (2 * r.uniform() - 1) * std::sqrt(6.0 / (n_in + n)); break;
        case Init::he: w = r.normal() * std::sqrt(2.0 / n_in); break;
        case Init::zero: w = 0; break;
      }
      p[layout.weight_offset[l - 1] + i] = w;
    }
  }
  return p;
}

bool is_classifier(const Network& net) {
  const Activation f = net.activation(net.depth());
  return f == Activation::sigmoid || f == Activation::softmax;
}

std::vector<double> predict(const Network& net, const std::vector<double>& params, const std::vector<double>& x) {
  const ParameterLayout layout(net);
  NetworkState<double> s;
  const std::vector<double> y(net.outputs(), 0.0);
  forward(net, layout, params.data(), x.data(), y.data(), s, false);
  return s.a[net.depth()];
}

double evaluate(const Network& net, const std::vector<double>& params, const Dataset& data, double* accuracy) {
  const ParameterLayout layout(net);
  NetworkState<double> s;
  double total = 0;
  std::size_t right = 0;
  const int L = net.depth(), K = net.outputs();
  for (std::size_t i = 0; i < data.size(); ++i) {
    total += forward(net, layout, params.data(), data.x[i].data(), data.y[i].data(), s, false);
    const std::vector<double>& a = s.a[L];
    if (K == 1) right += (a[0] >= 0.5) == (data.y[i][0] >= 0.5);
    else right += std::max_element(a.begin(), a.end()) - a.begin() == std::max_element(data.y[i].begin(), data.y[i].end()) - data.y[i].begin();
  }
  if (accuracy) *accuracy = is_classifier(net) && data.size() ? static_cast<double>(right) / data.size() : std::numeric_limits<double>::quiet_NaN();
  return data.size() ? total / data.size() : std::numeric_limits<double>::quiet_NaN();
}

TrainResult train(const Network& net, const Dataset& data, const Dataset& validation, const TrainOptions& o, std::vector<double> params,
                  const std::function<void(const EpochStats&)>& on_epoch) {
  if (o.patience > 0 && validation.size() == 0) throw UserError("early stopping needs validation data (--validation > 0)");
  const ParameterLayout layout(net);
  const int L = net.depth();
  const std::size_t n = data.size(), P = params.size();
  const std::size_t batch = o.optimizer == Optimizer::batch ? n : o.optimizer == Optimizer::sgd ? 1 : static_cast<std::size_t>(o.batch_size);
  Random r(o.seed * 0x9E3779B97F4A7C15ULL + 1);
  TrainResult result;
  NetworkState<double> s;
  std::vector<double> sum(P), velocity(P, 0.0), best = params;
  std::vector<std::vector<double>> keep(L);
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  double best_loss = std::numeric_limits<double>::infinity();
  const double keep_scale = o.dropout > 0 ? 1 / (1 - o.dropout) : 1;
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    if (o.optimizer != Optimizer::batch)
      for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[r.next() % i]);
    std::vector<double> norms(L, 0.0);
    int steps = 0;
    double epoch_loss = 0;
    std::size_t epoch_right = 0;
    const int K = net.outputs();
    for (std::size_t start = 0; start < n; start += batch) {
      const std::size_t end = std::min(n, start + batch);
      std::fill(sum.begin(), sum.end(), 0.0);
      for (std::size_t b = start; b < end; ++b) {
        const std::size_t i = order[b];
        const std::vector<std::vector<double>>* mask = nullptr;
        if (o.dropout > 0) {
          for (int l = 1; l < L; ++l) {
            keep[l].resize(net.units(l));
            for (double& m : keep[l]) m = r.uniform() < o.dropout ? 0.0 : keep_scale;
          }
          mask = &keep;
        }
        epoch_loss += forward(net, layout, params.data(), data.x[i].data(), data.y[i].data(), s, false, mask);
        const std::vector<double>& a = s.a[L];
        const std::vector<double>& y = data.y[i];
        if (K == 1) epoch_right += (a[0] >= 0.5) == (y[0] >= 0.5);
        else epoch_right += std::max_element(a.begin(), a.end()) - a.begin() == std::max_element(y.begin(), y.end()) - y.begin();
        backward(net, layout, params.data(), data.y[i].data(), s, sum.data(), mask, true);
      }
      const double scale = 1.0 / static_cast<double>(end - start);
      const double shrink = o.lr * o.l1;
      for (int l = 1; l <= L; ++l) {
        // Layer l's weights then its biases: contiguous in parameter order.
        const std::size_t w0 = layout.weight_offset[l - 1], b0 = layout.bias_offset[l - 1];
        const std::size_t b1 = b0 + static_cast<std::size_t>(net.units(l));
        double norm = 0;
        for (std::size_t p = w0; p < b1; ++p) {
          const bool weight = p < b0;
          const double g = sum[p] * scale + (weight ? o.l2 * params[p] : 0.0);
          norm += g * g;
          velocity[p] = o.momentum * velocity[p] - o.lr * g;
          double w = params[p] + velocity[p];
          if (weight && shrink > 0) w = w > shrink ? w - shrink : w < -shrink ? w + shrink : 0.0;  // the L1 step stops at 0
          params[p] = w;
        }
        norms[l - 1] += std::sqrt(norm);
      }
      ++steps;
    }
    EpochStats e;
    e.epoch = epoch;
    // As the epoch trained (the way Keras reports it): each example's loss and verdict when it was used.
    e.train_loss = n ? epoch_loss / n : std::numeric_limits<double>::quiet_NaN();
    e.train_accuracy = is_classifier(net) && n ? static_cast<double>(epoch_right) / n : std::numeric_limits<double>::quiet_NaN();
    e.validation_loss = validation.size() ? evaluate(net, params, validation, &e.validation_accuracy) : std::numeric_limits<double>::quiet_NaN();
    if (!validation.size()) e.validation_accuracy = std::numeric_limits<double>::quiet_NaN();
    for (double& v : norms) v /= std::max(1, steps);
    e.gradient_norm = norms;
    result.epochs.push_back(e);
    if (on_epoch) on_epoch(e);
    if (!std::isfinite(e.train_loss) || !finite(params)) {
      std::ostringstream m;
      m << "training diverged at epoch " << epoch << ": the loss became " << (std::isnan(e.train_loss) ? "NaN" : "infinite")
        << "; try a smaller learning rate than --lr " << o.lr;
      result.diverged = true;
      result.message = m.str();
      break;
    }
    if (o.patience > 0) {
      if (e.validation_loss < best_loss) {
        best_loss = e.validation_loss;
        best = params;
        result.best_epoch = epoch;
      } else if (epoch - result.best_epoch >= o.patience) {
        result.stopped_early = true;
        result.message = "early stopping: no better validation loss for " + std::to_string(o.patience) + " epochs; keeping the weights of epoch " +
                         std::to_string(result.best_epoch);
        break;
      }
    }
  }
  if (o.patience > 0 && result.best_epoch > 0) params = best;
  else result.best_epoch = result.epochs.empty() ? 0 : result.epochs.back().epoch;
  result.params = params;
  return result;
}

}  // namespace deltacheck
