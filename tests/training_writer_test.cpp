// Tests of reports/training_writer: the epoch CSV and the gnuplot data and scripts (gnuplot itself
// is not run).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "reports/training_writer.h"

using namespace deltacheck;
namespace fs = std::filesystem;

namespace {

// Two epochs of a "2 tanh:2 sigmoid:1" classifier; the second has no validation loss.
TrainResult two_epochs() {
  TrainResult r;
  r.epochs = {{1, 0.75, 0.8, 0.5, 0.5, {0.125, 0.25}},
              {2, 0.5, std::nan(""), 0.75, 1, {0.0625, 0.2}}};
  r.best_epoch = 1;
  r.stopped_early = true;
  r.params = std::vector<double>(9, 0.0);
  return r;
}

std::string contents(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// PATH without gnuplot while it lives, so the scripts are written and none is run.
struct NoGnuplot {
  std::string saved = std::getenv("PATH") ? std::getenv("PATH") : "";
  NoGnuplot() { setenv("PATH", "/nonexistent", 1); }
  ~NoGnuplot() { setenv("PATH", saved.c_str(), 1); }
};

}  // namespace

TEST_CASE("training_writer CSV has one row per epoch, NaN fields empty", "[training_writer]") {
  CHECK(
      epochs_csv(parse_network("2 tanh:2 sigmoid:1", "crossentropy"), two_epochs()) ==
      "epoch,train_loss,validation_loss,train_accuracy,validation_accuracy,gradient_norm_layer1,gradient_norm_layer2\n"
      "1,0.75,0.8,0.5,0.5,0.125,0.25\n"
      "2,0.5,,0.75,1,0.0625,0.2\n");
}

TEST_CASE("training_writer writes each figure's data and script and says when gnuplot is missing",
          "[training_writer]") {
  const fs::path dir = fs::temp_directory_path() / ("deltacheck-plots-" + std::to_string(getpid()));
  fs::remove_all(dir);
  const Dataset data{{{-1, 2}, {0.5, -0.5}}, {{1}, {0}}};
  std::vector<std::string> messages;
  {
    const NoGnuplot without;
    messages =
        write_training_plots(dir.string(), parse_network("2 tanh:2 sigmoid:1", "crossentropy"),
                             two_epochs(), data, data);
  }
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0],
             Catch::StartsWith("gnuplot is not installed, so only the data and scripts are in " +
                               dir.string()));
  CHECK(contents(dir / "loss.dat") ==
        "# epoch train_loss validation_loss\n1 0.75 0.8\n2 0.5 NaN\n");
  CHECK(contents(dir / "gradients.dat") ==
        "# epoch gradient_norm_layer1 ...\n1 0.125 0.25\n2 0.0625 0.2\n");
  const std::string loss = contents(dir / "loss.gp");
  CHECK_THAT(
      loss,
      Catch::StartsWith(
          "# deltacheck train: loss (edit and run `gnuplot loss.gp` to restyle)\nset title 'loss per epoch'\n"));
  CHECK_THAT(
      loss,
      Catch::Contains("set label 'early stopping: epoch 1' at 1, graph 0.6 right offset -0.5,0\n"));
  CHECK_THAT(
      loss,
      Catch::EndsWith(
          "set terminal pdfcairo size 6in,4in font 'sans,9'\nset output 'loss.pdf'\nreplot\nunset output\n"));
  CHECK_THAT(
      contents(dir / "gradients.gp"),
      Catch::Contains(
          "plot 'gradients.dat' using 1:2 with lines lw 2 title 'layer 1', 'gradients.dat' using 1:3 with lines lw 2 title 'layer 2'\n"));
  CHECK(
      contents(dir / "boundary_points.dat") ==
      "# x1 x2 target set(0 training, 1 validation)\n-1 2 1 0\n0.5 -0.5 0 0\n-1 2 1 1\n0.5 -0.5 0 1\n");
  CHECK_THAT(contents(dir / "boundary.gp"),
             Catch::Contains("set xrange [-2.2:2.2]\nset yrange [-2.2:2.2]\n"));
  CHECK_THAT(contents(dir / "boundary_grid.dat"),
             Catch::StartsWith("# x1 x2 output\n-2.2 -2.2 0.5\n"));
  fs::remove_all(dir);
}
