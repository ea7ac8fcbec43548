// Training data: the TensorFlow Playground sets made from a seed, CSV files, and the
// train/validation split.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace deltacheck {

/// Examples as rows: x[i] has the features of example i, y[i] its targets.
struct Dataset {
  std::vector<std::vector<double>> x, y;
  std::size_t size() const { return x.size(); }
};

/// Whether a data set's targets are class labels (0/1) or real values.
enum class TargetKind { classes, values };

/// The Playground sets, `count` points with Gaussian noise of standard deviation `noise`,
/// inputs in the Playground's coordinates (about [-6, 6]): classification with 2 inputs and a
/// 0/1 target: "xor", "circle" (inside or outside a ring), "gauss" (two Gaussian clusters),
/// "spiral" (two interleaved spirals of 1.75 turns); regression: "line" (1 input,
/// y = (x + noise)/6) and "plane" (2 inputs, y = (x1 - x2 + noise)/12). The same seed gives
/// the same points on every machine. Throws UserError for another name.
Dataset playground(const std::string& name, int count, double noise, std::uint64_t seed);

/// The names playground accepts, and whether each is classification.
std::vector<std::pair<std::string, TargetKind>> playground_names();

/// Reads a CSV file of `inputs` feature columns then `outputs` target columns, with an
/// optional header line (a first line that is not all numbers). Throws UserError naming the
/// file and the line of a row with the wrong number of fields, a field that is not a number or
/// a control byte (NUL); the file is read as read_input_file does, at most kDataFile.max_bytes.
Dataset read_csv_dataset(const std::string& path, int inputs, int outputs);

/// read_csv_dataset on the text of a file already read; `path` only names it in errors.
Dataset parse_csv_dataset(const std::string& text, const std::string& path, int inputs,
                          int outputs);

/// Splits off the last `validation_fraction` of a seeded shuffle as validation data.
void split_dataset(const Dataset& all, double validation_fraction, std::uint64_t seed,
                   Dataset& train, Dataset& validation);

}  // namespace deltacheck
