// Hostile input 20: check on a named pipe with no writer refuses it at once instead of blocking.
#include <catch2/catch.hpp>

#include <chrono>

#include <sys/stat.h>

#include "../run_command.h"

using namespace deltacheck;

TEST_CASE("hostile 20: check on a named pipe with no writer refuses it without blocking",
          "[hostile]") {
  const std::string fifo = testing::scratch("answers.fifo");
  REQUIRE(mkfifo(fifo.c_str(), 0644) == 0);
  const auto start = std::chrono::steady_clock::now();
  const testing::Run r =
      testing::run_argv({DELTACHECK_BINARY, "check", "assign-q1-squared", fifo}, {}, 30);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 10);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(
      r.err ==
      "deltacheck: " + fifo +
          ": cannot read the answer file: it is a named pipe, which may never end; give the path of a regular file\n");
  testing::check_user_error("check assign-q1-squared /dev/null/x", "cannot read the answer file");
}
