// Training a network in double precision on the templated backprop: the optimizers, initialisations
// and regularisers of the notes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/network.h"
#include "solver/dataset.h"

namespace deltacheck {

/// Batch: one step per epoch on the whole training set; sgd: one step per example;
/// minibatch: one step per batch of `batch_size` (the course slides' three kinds of gradient
/// descent).
enum class Optimizer { batch, sgd, minibatch };

/// Initial weights (biases start at 0): normal N(0, 0.1^2) ("small random numbers close to
/// zero"), scaled N(0, 1/n_in) (the backpropagation notes: variances calibrated to 1/sqrt(n)),
/// xavier uniform
/// +-sqrt(6/(n_in + n_out)), he N(0, 2/n_in), zero (every weight 0: the hidden units stay
/// identical, the symmetry is never broken).
enum class Init { normal, scaled, xavier, he, zero };

/// Reads "batch", "sgd", "minibatch" / "normal", ..., "zero"; throws UserError otherwise.
Optimizer parse_optimizer(const std::string& text);
Init parse_init(const std::string& text);

/// Everything `deltacheck train` can set.
struct TrainOptions {
  Optimizer optimizer = Optimizer::minibatch;
  int batch_size = 32;
  double lr = 0.1;
  double momentum = 0;  // v <- momentum v - lr g; w <- w + v
  int epochs = 100;
  Init init = Init::xavier;
  double l1 = 0;       // penalty l1 sum |w|: weights shrink by lr*l1 per step and stop at exactly 0
  double l2 = 0;       // penalty l2/2 sum w^2: the gradient gains l2*w (weight decay)
  double dropout = 0;  // probability of dropping a hidden unit in training (inverted dropout)
  int patience =
      0;  // early stopping: stop after this many epochs without a better validation loss (0: off)
  std::uint64_t seed = 1;
  // The per-example backprop's activations (elementary.h) instead of the vectorised tanh and
  // sigmoid of solver/batch_kernels.h (for tests against the per-example backprop).
  bool exact_activations = false;
};

/// One epoch: the training loss and accuracy are those of the examples as the epoch trained
/// on them (each example's loss when it was used, the way Keras reports them; without the
/// penalty); the validation ones are measured after the epoch (no dropout); accuracy is NaN
/// for regression; gradient_norm[l-1] is the mean over the epoch's steps of the Euclidean
/// norm of layer l's weight and bias gradient.
struct EpochStats {
  int epoch = 0;
  double train_loss = 0, validation_loss = 0, train_accuracy = 0, validation_accuracy = 0;
  std::vector<double> gradient_norm;
};

/// What training did.
struct TrainResult {
  std::vector<double> params;  // the final weights (the best epoch's with early stopping)
  std::vector<EpochStats> epochs;
  int best_epoch = 0;  // with early stopping: the epoch whose weights are kept
  bool stopped_early = false;
  bool diverged = false;
  std::string message;  // why training stopped, when it stopped before the last epoch
};

/// Initial parameters in parameter order (see `parameters(net)`), drawn from `seed`.
std::vector<double> initial_parameters(const Network& net, Init init, std::uint64_t seed);

/// True when the network's outputs are class probabilities (sigmoid or softmax output).
bool is_classifier(const Network& net);

/// Mean loss over `data` and, for classifiers, the fraction classified right (a >= 0.5 for one
/// output, the largest output otherwise), NaN for regression.
double evaluate(const Network& net, const std::vector<double>& params, const Dataset& data,
                double* accuracy);

/// The network's outputs for one input.
std::vector<double> predict(const Network& net, const std::vector<double>& params,
                            const std::vector<double>& x);

/// Trains from `params` on `training_set`, measuring `validation` (may be empty) after every epoch
/// and calling `on_epoch`. Deterministic for the same options and seed. Stops early on
/// divergence (a loss or weight that is NaN or infinite: `diverged` and a message naming the
/// option to change: a smaller --l2 when lr*l2 reaches 2(1 + momentum), where the penalty
/// alone makes the weights grow, a smaller learning rate otherwise) or by early stopping
/// (which needs validation data).
TrainResult train(const Network& net, const Dataset& training_set, const Dataset& validation,
                  const TrainOptions& options, std::vector<double> params,
                  const std::function<void(const EpochStats&)>& on_epoch = {});

}  // namespace deltacheck
