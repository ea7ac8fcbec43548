// The training loop: shuffled batches, momentum, L1/L2, dropout masks, early stopping, divergence.
#include "solver/trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include <Eigen/Core>

#include "core/error.h"
#include "solver/backprop.h"
#include "solver/batch_kernels.h"
#include "solver/random.h"

namespace deltacheck {

namespace {

bool finite(const std::vector<double>& v) {
  return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

// Is the example classified right: a >= 0.5 for one output, the largest output otherwise?
bool classified_right(const std::vector<double>& a, const std::vector<double>& y) {
  if (a.size() == 1) return (a[0] >= 0.5) == (y[0] >= 0.5);
  return std::max_element(a.begin(), a.end()) - a.begin() ==
         std::max_element(y.begin(), y.end()) - y.begin();
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
        case Init::normal:
          w = 0.1 * r.normal();
          break;
        case Init::scaled:
          w = r.normal() / std::sqrt(n_in);
          break;
        case Init::xavier:
          w = (2 * r.uniform() - 1) * std::sqrt(6.0 / (n_in + n));
          break;
        case Init::he:
          w = r.normal() * std::sqrt(2.0 / n_in);
          break;
        case Init::zero:
          w = 0;
          break;
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

std::vector<double> predict(const Network& net, const std::vector<double>& params,
                            const std::vector<double>& x) {
  const ParameterLayout layout(net);
  NetworkState<double> s;
  const std::vector<double> y(net.outputs(), 0.0);
  forward(net, layout, params.data(), x.data(), y.data(), s, false);
  return s.a[net.depth()];
}

double evaluate(const Network& net, const std::vector<double>& params, const Dataset& data,
                double* accuracy) {
  const ParameterLayout layout(net);
  NetworkState<double> s;
  double total = 0;
  std::size_t right = 0;
  const int L = net.depth();
  for (std::size_t i = 0; i < data.size(); ++i) {
    total += forward(net, layout, params.data(), data.x[i].data(), data.y[i].data(), s, false);
    right += classified_right(s.a[L], data.y[i]);
  }
  if (accuracy)
    *accuracy = is_classifier(net) && data.size() ? static_cast<double>(right) / data.size()
                                                  : std::numeric_limits<double>::quiet_NaN();
  return data.size() ? total / data.size() : std::numeric_limits<double>::quiet_NaN();
}

namespace {

using Matrix = Eigen::MatrixXd;  // column-major: one column per example of the mini-batch
using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// a = f(z) over the first `count` entries of a layer's batch: the vectorised tanh and sigmoid of
// solver/batch_kernels.h, or with `exact` the per-example backprop's own (elementary.h).
void activate_batch(Activation f, const double* z, double* a, std::size_t count, bool exact) {
  switch (f) {
    case Activation::tanh:
      if (!exact) return batch::tanh(z, a, count);
      for (std::size_t i = 0; i < count; ++i) a[i] = elementary::tanh(z[i]);
      return;
    case Activation::sigmoid:
      if (!exact) return batch::sigmoid(z, a, count);
      for (std::size_t i = 0; i < count; ++i) a[i] = elementary::sigmoid(z[i]);
      return;
    case Activation::relu:
      for (std::size_t i = 0; i < count; ++i) a[i] = elementary::relu(z[i]);
      return;
    case Activation::linear:
    case Activation::softmax:  // softmax is taken per example by the caller
      std::copy(z, z + count, a);
      return;
  }
}

// d *= f'(z) over a hidden layer's batch, f' from a and z as backward() takes it (a stays the
// masked activation with dropout: f' then comes from a / m, times m, and 0 for a dropped unit).
void times_derivative(Activation f, const Matrix& a, const Matrix& z, const Matrix* keep, int count,
                      Matrix& d) {
  const Eigen::Index n = d.rows() * count;
  double* dp = d.data();
  const double *ap = a.data(), *zp = z.data();
  if (keep) {
    const double* mp = keep->data();
    for (Eigen::Index i = 0; i < n; ++i)
      dp[i] *= mp[i] == 0.0 ? 0.0 : mp[i] * activation_derivative(f, ap[i] / mp[i], zp[i]);
    return;
  }
  switch (f) {
    case Activation::tanh:
      return batch::times_tanh_derivative(ap, dp, static_cast<std::size_t>(n));
    case Activation::sigmoid:
      return batch::times_sigmoid_derivative(ap, dp, static_cast<std::size_t>(n));
    default:
      for (Eigen::Index i = 0; i < n; ++i) dp[i] *= activation_derivative(f, ap[i], zp[i]);
  }
}

// One training run: the data, the options, the parameters and every buffer the steps reuse. A
// mini-batch is computed as matrix products over its examples (solver/batch_kernels.h), every
// sum in the order of the per-example backprop (its very bits with the baseline kernels and
// exact activations; with fused multiply-adds and the vectorised activations within 1e-12).
class TrainingRun {
  // The most examples computed at once (a batch of the whole data set goes in chunks).
  static constexpr std::size_t kChunk = 256;

 public:
  TrainingRun(const Network& net, const Dataset& data, const TrainOptions& o,
              std::vector<double> params)
      : net_(net),
        layout_(net),
        data_(data),
        o_(o),
        L_(net.depth()),
        n_(data.size()),
        batch_(o.optimizer == Optimizer::batch ? n_
               : o.optimizer == Optimizer::sgd ? 1
                                               : static_cast<std::size_t>(o.batch_size)),
        r_(o.seed * 0x9E3779B97F4A7C15ULL + 1),
        params_(std::move(params)),
        sum_(params_.size()),
        velocity_(params_.size(), 0.0),
        order_(n_),
        keep_scale_(o.dropout > 0 ? 1 / (1 - o.dropout) : 1) {
    for (std::size_t i = 0; i < n_; ++i) order_[i] = i;
    const auto columns =
        static_cast<Eigen::Index>(std::max<std::size_t>(1, std::min({batch_, n_, kChunk})));
    z_.resize(L_ + 1), a_.resize(L_ + 1), d_.resize(L_ + 1), keep_.resize(L_ + 1),
        w_.resize(L_ + 1);
    for (int l = 0; l <= L_; ++l) {
      const int n = net.units(l);
      z_[l].resize(n, columns), a_[l].resize(n, columns), d_[l].resize(n, columns);
      if (l > 0 && l < L_ && o.dropout > 0) keep_[l].resize(n, columns);
    }
  }

  // One pass over the training data in (shuffled) batches, one step per batch; the validation
  // measures are left to the caller.
  EpochStats epoch(int number) {
    if (o_.optimizer != Optimizer::batch)
      for (std::size_t i = n_; i > 1; --i) std::swap(order_[i - 1], order_[r_.next() % i]);
    std::vector<double> norms(L_, 0.0);
    int steps = 0;
    double loss = 0;
    std::size_t right = 0;
    for (std::size_t start = 0; start < n_; start += batch_) {
      const std::size_t end = std::min(n_, start + batch_);
      std::fill(sum_.begin(), sum_.end(), 0.0);
      // A large batch in chunks of kChunk examples: the same sums in the same order, in
      // bounded memory.
      for (std::size_t chunk = start; chunk < end; chunk += kChunk) {
        const int count = static_cast<int>(std::min(end, chunk + kChunk) - chunk);
        gather(chunk, count);
        forward_batch(count);
        loss += output_deltas(chunk, count, right);
        backward_batch(count);
      }
      step(end - start, norms);
      ++steps;
    }
    EpochStats e;
    e.epoch = number;
    // As the epoch trained (the way Keras reports it): each example's loss and verdict when it was
    // used.
    e.train_loss = n_ ? loss / n_ : std::numeric_limits<double>::quiet_NaN();
    e.train_accuracy = is_classifier(net_) && n_ ? static_cast<double>(right) / n_
                                                 : std::numeric_limits<double>::quiet_NaN();
    for (double& v : norms) v /= std::max(1, steps);
    e.gradient_norm = norms;
    return e;
  }

  const std::vector<double>& params() const { return params_; }

 private:
  // The batch's inputs as columns, and its dropout masks (0 or 1/(1-p) per hidden
  // unit), drawn example by example, layer by layer, as the per-example backprop drew them.
  void gather(std::size_t start, int count) {
    for (int b = 0; b < count; ++b) {
      const std::size_t i = order_[start + b];
      std::copy(data_.x[i].begin(), data_.x[i].end(), a_[0].col(b).data());
      if (!(o_.dropout > 0)) continue;
      for (int l = 1; l < L_; ++l)
        for (double& m : keep_[l].col(b)) m = r_.uniform() < o_.dropout ? 0.0 : keep_scale_;
    }
  }

  // z = W a + b and a = f(z) for every layer over the batch (softmax per example), the hidden
  // activations times their dropout masks.
  void forward_batch(int count) {
    for (int l = 1; l <= L_; ++l) {
      const int n = net_.units(l), m = net_.units(l - 1);
      w_[l] = Eigen::Map<const RowMajor>(params_.data() + layout_.weight_offset[l - 1], n, m);
      batch::weighted_sums(w_[l].data(), params_.data() + layout_.bias_offset[l - 1],
                           a_[l - 1].data(), m, n, count, z_[l].data());
      const Activation f = net_.activation(l);
      if (f == Activation::softmax) {
        for (int b = 0; b < count; ++b) softmax_column(l, b);
        continue;
      }
      activate_batch(f, z_[l].data(), a_[l].data(), static_cast<std::size_t>(n) * count,
                     o_.exact_activations);
      if (l < L_ && o_.dropout > 0)
        a_[l].leftCols(count).array() *= keep_[l].leftCols(count).array();
    }
  }

  // Example b's softmax in layer l, as the per-example backprop computes it.
  void softmax_column(int l, int b) {
    column_z_.assign(z_[l].col(b).data(), z_[l].col(b).data() + z_[l].rows());
    column_a_.resize(column_z_.size());
    detail::softmax(column_z_, column_a_);
    std::copy(column_a_.begin(), column_a_.end(), a_[l].col(b).data());
  }

  // Each example's loss (summed in order and returned), whether it is classified right, and
  // its output delta into d_[L], by the per-example backprop's own functions.
  double output_deltas(std::size_t start, int count, std::size_t& right) {
    if (net_.loss == Loss::crossentropy && net_.activation(L_) == Activation::sigmoid &&
        net_.outputs() == 1)
      return one_sigmoid_output(start, count, right);
    double loss = 0;
    const int K = net_.outputs();
    for (int b = 0; b < count; ++b) {
      const double* y = data_.y[order_[start + b]].data();
      column_z_.assign(z_[L_].col(b).data(), z_[L_].col(b).data() + K);
      column_a_.assign(a_[L_].col(b).data(), a_[L_].col(b).data() + K);
      loss += detail::sample_loss(net_, column_z_, column_a_, y);
      right += classified_right(column_a_, data_.y[order_[start + b]]);
      detail::output_delta(net_, column_a_, column_z_, y, column_d_);
      std::copy(column_d_.begin(), column_d_.end(), d_[L_].col(b).data());
    }
    return loss;
  }

  // output_deltas for one sigmoid output with cross-entropy, the common case, without copies:
  // the same expressions as detail::sample_loss, output_delta and classified_right.
  double one_sigmoid_output(std::size_t start, int count, std::size_t& right) {
    double loss = 0;
    const double *z = z_[L_].data(), *a = a_[L_].data();
    double* d = d_[L_].data();
    for (int b = 0; b < count; ++b) {
      const double y = data_.y[order_[start + b]][0];
      double sample = 0;
      sample += elementary::softplus(z[b]) - y * z[b];
      loss += sample;
      right += (a[b] >= 0.5) == (y >= 0.5);
      d[b] = a[b] - y;
    }
    return loss;
  }

  // The gradient sums of every layer into sum_, and the deltas carried down through f'.
  void backward_batch(int count) {
    for (int l = L_; l >= 1; --l) {
      const int n = net_.units(l), m = net_.units(l - 1);
      batch::add_gradient(d_[l].data(), a_[l - 1].data(), m, n, count,
                          sum_.data() + layout_.weight_offset[l - 1],
                          sum_.data() + layout_.bias_offset[l - 1]);
      if (l == 1) break;
      batch::carry_deltas(params_.data() + layout_.weight_offset[l - 1], d_[l].data(), m, n, count,
                          d_[l - 1].data());
      times_derivative(net_.activation(l - 1), a_[l - 1], z_[l - 1],
                       o_.dropout > 0 ? &keep_[l - 1] : nullptr, count, d_[l - 1]);
    }
  }

  // One step on the mean gradient of `count` examples: g = mean + l2 w (weights only),
  // v <- momentum v - lr g, w <- w + v, then the L1 step lr*l1 towards 0, stopping at 0.
  // Adds each layer's gradient norm to norms[l-1].
  void step(std::size_t count, std::vector<double>& norms) {
    const double scale = 1.0 / static_cast<double>(count);
    const double shrink = o_.lr * o_.l1;
    for (int l = 1; l <= L_; ++l) {
      // Layer l's weights then its biases: contiguous in parameter order.
      const std::size_t w0 = layout_.weight_offset[l - 1], b0 = layout_.bias_offset[l - 1];
      const std::size_t b1 = b0 + static_cast<std::size_t>(net_.units(l));
      double norm = 0;
      for (std::size_t p = w0; p < b1; ++p) {
        const bool weight = p < b0;
        const double g = sum_[p] * scale + (weight ? o_.l2 * params_[p] : 0.0);
        norm += g * g;
        velocity_[p] = o_.momentum * velocity_[p] - o_.lr * g;
        double w = params_[p] + velocity_[p];
        if (weight && shrink > 0)
          w = w > shrink ? w - shrink : w < -shrink ? w + shrink : 0.0;  // the L1 step stops at 0
        params_[p] = w;
      }
      norms[l - 1] += std::sqrt(norm);
    }
  }

  const Network& net_;
  const ParameterLayout layout_;
  const Dataset& data_;
  const TrainOptions& o_;
  const int L_;
  const std::size_t n_;
  const std::size_t batch_;
  Random r_;
  std::vector<double> params_, sum_, velocity_;
  std::vector<std::size_t> order_;
  const double keep_scale_;
  std::vector<Matrix> z_, a_, d_, keep_, w_;  // per layer, n_l x batch; w_[l] is W_l column-major
  std::vector<double> column_z_, column_a_, column_d_;
};

// Why training diverged at epoch e, naming the option to change. The L2 penalty alone turns
// each weight into w <- (1 - lr*l2) w (plus momentum), which grows once lr*l2 reaches
// 2(1 + momentum): then --l2 is named with --lr; otherwise the learning rate.
std::string divergence_message(const EpochStats& e, const TrainOptions& o) {
  std::ostringstream m;
  m.precision(15);
  m << "training diverged at epoch " << e.epoch << ": the loss became "
    << (std::isnan(e.train_loss) ? "NaN" : "infinite");
  const double limit = 2 * (1 + o.momentum);
  if (o.lr * o.l2 >= limit) {
    m << "; the L2 penalty alone makes the weights grow when --lr times --l2 reaches " << limit
      << " (here " << o.lr << " * " << o.l2 << " = " << o.lr * o.l2 << "): try a smaller --l2 than "
      << o.l2 << " or a smaller --lr than " << o.lr;
    return m.str();
  }
  m << "; try a smaller learning rate than --lr " << o.lr;
  return m.str();
}

// Early stopping after epoch e: keeps the best weights so far; true when it is time to stop.
bool stop_early(const EpochStats& e, const TrainOptions& o, const std::vector<double>& params,
                double& best_loss, std::vector<double>& best, TrainResult& result) {
  if (e.validation_loss < best_loss) {
    best_loss = e.validation_loss;
    best = params;
    result.best_epoch = e.epoch;
    return false;
  }
  if (e.epoch - result.best_epoch < o.patience) return false;
  result.stopped_early = true;
  result.message = "early stopping: no better validation loss for " + std::to_string(o.patience) +
                   " epochs; keeping the weights of epoch " + std::to_string(result.best_epoch);
  return true;
}

}  // namespace

TrainResult train(const Network& net, const Dataset& training_set, const Dataset& validation,
                  const TrainOptions& o, std::vector<double> params,
                  const std::function<void(const EpochStats&)>& on_epoch) {
  if (o.patience > 0 && validation.size() == 0)
    throw UserError("early stopping needs validation data (--validation > 0)");
  TrainingRun run(net, training_set, o, std::move(params));
  TrainResult result;
  std::vector<double> best = run.params();
  double best_loss = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    EpochStats e = run.epoch(epoch);
    e.validation_loss =
        validation.size() ? evaluate(net, run.params(), validation, &e.validation_accuracy) : nan;
    if (!validation.size()) e.validation_accuracy = nan;
    result.epochs.push_back(e);
    if (on_epoch) on_epoch(e);
    if (!std::isfinite(e.train_loss) || !finite(run.params())) {
      result.diverged = true;
      result.message = divergence_message(e, o);
      break;
    }
    if (o.patience > 0 && stop_early(e, o, run.params(), best_loss, best, result)) break;
  }
  const bool keep_best = o.patience > 0 && result.best_epoch > 0;
  result.params = keep_best ? best : run.params();
  if (!keep_best) result.best_epoch = result.epochs.empty() ? 0 : result.epochs.back().epoch;
  return result;
}

}  // namespace deltacheck
