// Regression tests: train checks --csv, --save and --plot before training, and names the option
// that diverged.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "tests/run_command.h"

using namespace deltacheck;
using testing::run;

namespace {

// A long training run: a refusal that comes after it would take seconds, one before it
// milliseconds.
const std::string kLongTraining =
    "train --net '2 tanh:16 tanh:16 sigmoid:1' --loss crossentropy --data spiral --points 5000 --epochs 100000";

// Runs `args` and checks that it is refused at once (exit 2, nothing on stdout, well under
// the time the training would take) with `expected` on stderr.
void check_refused_at_once(const std::string& args, const std::string& expected) {
  CAPTURE(args);
  const auto began = std::chrono::steady_clock::now();
  const testing::Run r = run(args);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("deltacheck: ") && Catch::Contains(expected));
  CHECK(seconds < 5);
}

}  // namespace

TEST_CASE("train refuses --save into a missing folder before training",
          "[hostile][train_outputs_checked_first]") {
  const std::string path = testing::scratch("no/such/folder/w.json");
  check_refused_at_once(kLongTraining + " --save " + path,
                        path + ": cannot write --save here: the folder '" +
                            testing::scratch("no/such/folder") + "' does not exist");
}

TEST_CASE("train refuses --csv that is a folder before training",
          "[hostile][train_outputs_checked_first]") {
  const std::string dir = testing::scratch("a_folder");
  std::filesystem::create_directories(dir);
  check_refused_at_once(kLongTraining + " --csv " + dir,
                        dir + ": cannot write --csv here: this is a folder; give a file name");
}

TEST_CASE("train refuses --plot that is a file, or under a file, before training",
          "[hostile][train_outputs_checked_first]") {
  const std::string file = testing::write_file("plain.txt", "x\n");
  check_refused_at_once(kLongTraining + " --plot " + file,
                        file + ": cannot write --plot here: this is a file, not a folder");
  check_refused_at_once(kLongTraining + " --plot " + file + "/plots",
                        "cannot write --plot here: '" + file + "' is not a folder");
}

TEST_CASE("train refuses outputs in a folder it cannot write before training",
          "[hostile][train_outputs_checked_first]") {
  if (geteuid() == 0) return;  // root writes anywhere: nothing to refuse
  const std::string dir = testing::scratch("read_only");
  std::filesystem::create_directories(dir);
  std::filesystem::permissions(
      dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  check_refused_at_once(kLongTraining + " --save " + dir + "/w.json",
                        "cannot write --save here: the folder '" + dir + "' is not writable");
  check_refused_at_once(kLongTraining + " --plot " + dir + "/plots",
                        "cannot write --plot here: the folder '" + dir + "' is not writable");
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
}

TEST_CASE("train with a plot folder to be made, and a file in the current folder, passes the check",
          "[hostile][train_outputs_checked_first]") {
  const std::string dir = testing::scratch("new/plots");
  const testing::Run r =
      run("train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data xor --epochs 2 --plot " +
          dir + " --save " + testing::scratch("w.json"));
  CHECK(r.status == 0);
  CHECK(std::filesystem::is_regular_file(dir + "/loss.dat"));
}

TEST_CASE("a huge --l2 diverges with --l2 named, not only the learning rate",
          "[hostile][train_outputs_checked_first]") {
  const testing::Run r = run(
      "train --net '2 tanh:4 sigmoid:1' --loss crossentropy --data xor --epochs 50 --l2 1000000");
  CHECK(r.status == 1);
  CHECK_THAT(
      r.err,
      Catch::Contains("deltacheck: training diverged at epoch ") &&
          Catch::Contains(
              "the L2 penalty alone makes the weights grow when --lr times --l2 reaches 2 (here 0.1 * 1000000 = 100000): "
              "try a smaller --l2 than 1000000 or a smaller --lr than 0.1"));
  const testing::Run lr =
      run("train --net '1 linear:1' --loss squared --data line --epochs 50 --lr 1000000");
  CHECK(lr.status == 1);
  CHECK_THAT(lr.err, Catch::Contains("; try a smaller learning rate than --lr 1000000\n"));
}
