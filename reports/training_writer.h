// Writing what training did: the per-epoch CSV, and gnuplot figures (loss, decision boundary,
// gradient norms) with their scripts and data.
#pragma once

#include <string>
#include <vector>

#include "solver/trainer.h"

namespace deltacheck {

/// epoch,train_loss,validation_loss,train_accuracy,validation_accuracy,gradient_norm_layer1,...
/// (NaN fields empty), one row per epoch, numbers to 10 significant digits.
std::string epochs_csv(const Network& net, const TrainResult& r);

/// Writes into `dir` (created when missing) for each figure its data (.dat) and gnuplot script
/// (.gp), kept so they can be restyled: loss.gp (training and validation loss per epoch, the
/// early-stopping epoch marked), gradients.gp (each layer's gradient norm per epoch, log
/// scale) and, for a classifier with 2 inputs, boundary.gp (the network's output over the
/// plane with the data on top). Then runs gnuplot on each to make PNG and PDF files. Returns
/// what the user should know: that gnuplot is missing and how to install it, or gnuplot's
/// error with its script. Throws UserError when `dir` cannot be written.
std::vector<std::string> write_training_plots(const std::string& dir, const Network& net,
                                              const TrainResult& r, const Dataset& train,
                                              const Dataset& validation);

}  // namespace deltacheck
