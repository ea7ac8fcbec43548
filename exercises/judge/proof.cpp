// Running GiNaC proofs in a child process (core/child_process), so that a proof that does not
// finish is killed, never waited on.
#include "exercises/judge/proof.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <stdexcept>

#include <poll.h>
#include <unistd.h>

#include "core/child_process.h"
#include "symbolic/functions.h"

namespace deltacheck {

using namespace GiNaC;

bool proves_zero(const ex& e) {
  if (normal(e).is_zero()) return true;
  const ex rewritten = rewrite_to_exp(e);
  return !rewritten.is_equal(e) && normal(rewritten).is_zero();
}

namespace {

using Clock = std::chrono::steady_clock;

// Proves candidates[first..] in a child, one result byte each ('1' proved, '0' not) on `fd`.
int prove_from(const std::vector<std::vector<ex>>& candidates, std::size_t first, int fd) {
  for (std::size_t i = first; i < candidates.size(); ++i) {
    bool proved = false;
    try {
      for (const ex& c : candidates[i])
        if ((proved = proves_zero(c))) break;
    } catch (...) {  // out of memory included: not proved
      proved = false;
    }
    const char byte = proved ? '1' : '0';
    if (write(fd, &byte, 1) != 1) break;
  }
  return 0;
}

// Waits up to `milliseconds` for one result byte on `fd`; '1', '0', or 0 when none came (late or
// the child died).
char next_result(int fd, int milliseconds) {
  const Clock::time_point end = Clock::now() + std::chrono::milliseconds(milliseconds);
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
    pollfd p{fd, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::max<long long>(0, left)));
    if (ready < 0 && errno == EINTR) continue;
    char byte = 0;
    if (ready == 1 && read(fd, &byte, 1) == 1) return byte;
    return 0;
  }
}

// Reads the results of the child on `fd` into proved[next..]; false when it had to be abandoned
// (a proof took longer than `seconds_each`, the total deadline passed, or the child died).
bool collect(int fd, double seconds_each, Clock::time_point deadline, std::vector<bool>& proved,
             std::size_t& next) {
  while (next < proved.size()) {
    const double left = std::chrono::duration<double>(deadline - Clock::now()).count();
    const char byte =
        next_result(fd, static_cast<int>(1000 * std::max(0.0, std::min(seconds_each, left))));
    if (byte == 0) return false;
    proved[next++] = byte == '1';
  }
  return true;
}

}  // namespace

std::vector<bool> prove_all(const std::vector<std::vector<ex>>& candidates, double seconds_each,
                            double seconds_total) {
  std::vector<bool> proved(candidates.size(), false);
  const Clock::time_point deadline =
      Clock::now() +
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds_total));
  std::size_t next = 0;
  while (next < candidates.size() && Clock::now() < deadline) {
    int fds[2];
    if (pipe(fds) != 0) return proved;
    Child child;
    try {
      child = spawn_function(
          [&] {
            close(fds[0]);
            return prove_from(candidates, next, fds[1]);
          },
          ChildOptions{});
    } catch (const std::runtime_error&) {  // fork failed: nothing more is proved
      close(fds[0]), close(fds[1]);
      return proved;
    }
    close(fds[1]);
    const bool finished = collect(fds[0], seconds_each, deadline, proved, next);
    close(fds[0]);
    if (finished) {
      child.wait();
    } else {  // too slow (or the child died): abandon this proof and go on with a fresh child
      child.kill();
      ++next;
    }
  }
  return proved;
}

}  // namespace deltacheck
