// Tests of deltacheck train as a user runs it: the CSV, the plots (valid PNG and PDF),
// --save/--load, errors.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "run_command.h"

using namespace deltacheck;
using testing::run;
using testing::slurp;

TEST_CASE("train prints one CSV row per epoch, the same for the same seed", "[train_command]") {
  const std::string args =
      "train --net '2 tanh:8 sigmoid:1' --loss crossentropy --data xor --epochs 20 --lr 0.3 --seed 4";
  const testing::Run a = run(args), b = run(args);
  REQUIRE(a.status == 0);
  CHECK(a.out == b.out);
  std::istringstream csv(a.out);
  std::string header;
  std::getline(csv, header);
  CHECK(
      header ==
      "epoch,train_loss,validation_loss,train_accuracy,validation_accuracy,gradient_norm_layer1,gradient_norm_layer2");
  int rows = 0;
  for (std::string row; std::getline(csv, row);) ++rows;
  CHECK(rows == 20);
  CHECK_THAT(a.err, Catch::Contains("training accuracy"));
}

TEST_CASE("with a plot folder, train writes valid PNG and PDF figures, with their scripts and data",
          "[train_command]") {
  const std::string dir = testing::scratch("plots");
  const testing::Run r = run(
      "train --net '2 tanh:8 sigmoid:1' --loss crossentropy --data circle --epochs 30 --early-stopping 5 --plot " +
      dir);
  REQUIRE(r.status == 0);
  for (const char* name : {"loss", "gradients", "boundary"}) {
    CAPTURE(name);
    CHECK(slurp(dir + "/" + name + ".png").substr(0, 8) == "\x89PNG\r\n\x1a\n");
    CHECK(slurp(dir + "/" + name + ".pdf").substr(0, 5) == "%PDF-");
    CHECK_THAT(slurp(dir + "/" + name + ".gp"),
               Catch::Contains("set output '" + std::string(name) + ".png'"));
  }
  CHECK(!slurp(dir + "/loss.dat").empty());
}

TEST_CASE("saved weights load back, for the same network only", "[train_command]") {
  const std::string weights = testing::scratch("weights.json");
  REQUIRE(
      run("train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data gauss --epochs 5 --save " +
          weights)
          .status == 0);
  const auto doc = nlohmann::json::parse(slurp(weights));
  CHECK(doc["net"] == "2 tanh:4 sigmoid:1");
  CHECK(doc["parameters"].size() == 17);
  // Loaded and trained for 0 more... one more epoch starts from the saved loss, not from scratch.
  const testing::Run more =
      run("train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data gauss --epochs 1 --load " +
          weights);
  CHECK(more.status == 0);
  testing::check_user_error(
      "train --net '2 tanh:5 sigmoid:1' --loss crossentropy --data gauss --load " + weights,
      "the weights are of network \"2 tanh:4 sigmoid:1\", not \"2 tanh:5 sigmoid:1\"");
}

TEST_CASE("train refuses bad input with exit 2 and one line, and reports divergence with exit 1",
          "[train_command]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"train --net '2 tanh:4 sigmoid:1' --loss crossentropy", "missing --data"},
      {"train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data moons",
       "unknown data set 'moons'"},
      {"train --net '3 tanh:4 sigmoid:1' --loss crossentropy --data xor",
       "the data set 'xor' has 2 inputs"},
      {"train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data xor --optimizer adam",
       "unknown optimizer 'adam'"},
      {"train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data xor --init random",
       "unknown initialisation 'random'"},
      {"train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data xor --dropout 1",
       "--dropout must be"},
      {"train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data xor --validation 0 --early-stopping 3",
       "early stopping needs validation data"},
      {"train --exercise bce-derivative --data xor", "symbolic exercise"},
  };
  for (const auto& [args, expected] : cases) testing::check_user_error(args, expected);
  const testing::Run diverged =
      run("train --net '1 linear:1' --loss squared --data line --lr 100 --epochs 50");
  CHECK(diverged.status == 1);
  CHECK_THAT(diverged.err, Catch::Contains("diverged") && Catch::Contains("smaller learning rate"));
}

TEST_CASE(
    "without gnuplot the table, data and scripts are written and the message says how to install it",
    "[train_command]") {
  const std::string dir = testing::scratch("noplot");
  const testing::Run r =
      testing::run_argv({DELTACHECK_BINARY, "train", "--net", "2 tanh:4 sigmoid:1", "--loss",
                         "crossentropy", "--data", "xor", "--epochs", "3", "--plot", dir},
                        {{"PATH", "/nonexistent"}});
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("gnuplot is not installed") &&
                        Catch::Contains("apt-get install gnuplot-nox"));
  CHECK(!slurp(dir + "/loss.gp").empty());
  CHECK(!slurp(dir + "/boundary_grid.dat").empty());
  CHECK(slurp(dir + "/loss.png").empty());
}
