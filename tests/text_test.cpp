// Tests of core/text and core/fd: the small text idioms, each number-to-text rule, write_all.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <csignal>

#include <unistd.h>

#include "core/fd.h"
#include "core/text.h"

using namespace deltacheck;

TEST_CASE("ends_with and starts_with compare whole suffixes and prefixes", "[text]") {
  CHECK(ends_with("a.yaml", ".yaml"));
  CHECK_FALSE(ends_with("yaml", ".yaml"));
  CHECK(starts_with("new_w1_11", "new_"));
  CHECK_FALSE(starts_with("ne", "new_"));
  CHECK(starts_with("x", ""));
}

TEST_CASE("join puts the separator between elements only", "[text]") {
  CHECK(join(std::vector<std::string>{}, ", ") == "");
  CHECK(join(std::vector<std::string>{"a"}, ", ") == "a");
  CHECK(join(std::vector<std::string>{"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(join(std::vector<int>{1, 2}, "+", [](int i) { return std::to_string(i * 10); }) == "10+20");
}

TEST_CASE("each number-to-text rule prints its stated format", "[text]") {
  CHECK(number_text(27.0) == "27");
  CHECK(number_text(1e-7) == "1e-07");
  CHECK(number_text(1.0 / 3) == "0.333333");
  CHECK(digits_text(1.0 / 3, 10) == "0.3333333333");
  CHECK(digits_text(0.1, 15) == "0.1");
  CHECK(fixed_text(0.25, 3) == "0.250");
  CHECK(scientific_text(-0.00125, 8) == "-1.2500000e-03");
  CHECK(shortest_text(7.0) == "7");
  CHECK(shortest_text(1.0000001) == "1.0000001");
  CHECK(bytes_text(std::size_t{1} << 30) == "1 GiB");
  CHECK(bytes_text(std::size_t{64} << 20) == "64 MiB");
  CHECK(bytes_text(1000) == "1000 bytes");
}

TEST_CASE("write_all writes everything and reports a closed pipe", "[text]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  CHECK(write_all(fds[1], "hello"));
  char buffer[8] = {};
  CHECK(read(fds[0], buffer, sizeof buffer) == 5);
  CHECK(std::string(buffer) == "hello");
  close(fds[0]);
  signal(SIGPIPE, SIG_IGN);
  CHECK_FALSE(write_all(fds[1], "lost"));
  close(fds[1]);
}

TEST_CASE("without_spaces drops spaces and tabs only", "[text]") {
  CHECK(without_spaces(" dL / dw2_11\t") == "dL/dw2_11");
  CHECK(without_spaces("a\nb") == "a\nb");
}
