// Unbounded reads: every input file is a regular file under a stated size, refused at once
// otherwise.
#include <chrono>
#include <fstream>

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "../run_command.h"
#include "core/error.h"
#include "core/input_file.h"
#include "core/point.h"
#include "exercises/model/exercise.h"
#include "exercises/read/answer_file.h"
#include "solver/dataset.h"

using namespace deltacheck;

namespace {

// A named pipe that no program opens for writing.
std::string fifo() {
  const std::string path = testing::scratch("no-writer.fifo");
  mkfifo(path.c_str(), 0600);
  return path;
}

// A regular file of `bytes` bytes of '0' (a number, so only its size is wrong).
std::string oversized(std::size_t bytes) {
  const std::string path = testing::scratch("big.txt");
  std::ofstream(path, std::ios::binary) << std::string(bytes, '0');
  return path;
}

// `read` on `path` throws a UserError containing `expected`, in well under a second.
template <class Read>
void refused_at_once(Read read, const std::string& path, const std::string& expected) {
  CAPTURE(path);
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_WITH(read(path), Catch::Contains(path + ": ") && Catch::Contains(expected));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

// The hostile files every reader must refuse, with the words of its message.
template <class Read>
void refuses_hostile_files(Read read, const std::string& what, std::size_t max_bytes) {
  refused_at_once(read, "/dev/zero", "cannot read the " + what + ": it is a device");
  refused_at_once(read, "/dev/urandom", "cannot read the " + what + ": it is a device");
  refused_at_once(read, fifo(), "cannot read the " + what + ": it is a");
  refused_at_once(read, testing::scratch_dir().string(),
                  "cannot read the " + what + ": it is a folder; give the path of a regular file");
  refused_at_once(read, oversized(max_bytes + 1),
                  "the " + what + " is larger than " + std::to_string(max_bytes >> 20) + " MiB");
  refused_at_once(read, "/nonexistent/file",
                  "cannot read the " + what + ": No such file or directory");
}

}  // namespace

TEST_CASE("unbounded reads: read_input_file reads a regular file and refuses anything else",
          "[hostile][input_file]") {
  const InputFileRule tiny{"test file", std::size_t{1} << 20, "test files are small"};
  CHECK(read_input_file(testing::write_file("ok.txt", "a\0b"), tiny) == std::string("a"));
  CHECK(read_input_file(testing::write_file("exact.txt", std::string(1 << 20, 'x')), tiny).size() ==
        (1u << 20));
  refuses_hostile_files([&](const std::string& p) { return read_input_file(p, tiny); }, "test file",
                        tiny.max_bytes);
}

TEST_CASE("unbounded reads: POINT.json, weights, CSV, answer and exercise files",
          "[hostile][input_file]") {
  const Network net = parse_network("1 sigmoid:1", "squared");
  refuses_hostile_files([&](const std::string& p) { return read_point_json(p, net); }, "point file",
                        kPointFile.max_bytes);
  refuses_hostile_files([&](const std::string& p) { return read_csv_dataset(p, 1, 1); },
                        "data file", kDataFile.max_bytes);
  refuses_hostile_files([&](const std::string& p) { return load_exercise(p); }, "exercise file",
                        kExerciseFile.max_bytes);
  refuses_hostile_files([&](const std::string& p) { return read_answer_text(p); }, "answer file",
                        kMaxAnswerFileBytes);
}

TEST_CASE("unbounded reads: the commands refuse /dev/zero and a pipe nobody writes to at once",
          "[hostile][input_file]") {
  const std::string zero =
      testing::scratch("zero.csv");  // train reads a name ending in .csv as a file
  REQUIRE(symlink("/dev/zero", zero.c_str()) == 0);
  const std::string pipe = testing::scratch("pipe.csv");
  REQUIRE(mkfifo(pipe.c_str(), 0600) == 0);
  for (const std::string& input : {zero, pipe}) {
    const auto start = std::chrono::steady_clock::now();
    testing::check_user_error("gradient --net '1 sigmoid:1' --loss squared --at " + input,
                              input + ": cannot read the point file: it is a");
    testing::check_user_error(
        "train --net '1 sigmoid:1' --loss squared --data line --load " + input,
        input + ": cannot read the weights file: it is a");
    testing::check_user_error("train --net '1 sigmoid:1' --loss squared --data " + input,
                              input + ": cannot read the data file: it is a");
    testing::check_user_error("show " + input, input + ": cannot read the exercise file: it is a");
    testing::check_user_error("check assign-q1-squared " + input,
                              input + ": cannot read the answer file: it is a");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }
}

TEST_CASE("unbounded reads: check never reads an answer file from standard input or a device",
          "[hostile][input_file]") {
  // Item 20: check refuses every file that is not regular, as grade does; /dev/stdin of the
  // child is /dev/null, a device.
  const auto start = std::chrono::steady_clock::now();
  const testing::Run r =
      testing::run_argv({DELTACHECK_BINARY, "check", "assign-q1-squared", "/dev/stdin"});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(
      r.err,
      Catch::Contains(
          "cannot read the answer file: it is a device, which may never end; give the path of a regular file"));
}
