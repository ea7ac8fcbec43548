// Running GiNaC proofs in a child process, so that a proof that does not finish is killed, never waited on.
#include "exercises/proof.h"

#include <chrono>
#include <csignal>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

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
[[noreturn]] void child(const std::vector<std::vector<ex>>& candidates, std::size_t first, int fd) {
  for (std::size_t i = first; i < candidates.size(); ++i) {
    bool proved = false;
    try {
      for (const ex& c : candidates[i])
        if ((proved = proves_zero(c))) break;
    } catch (...) {
      proved = false;
    }
    const char byte = proved ? '1' : '0';
    if (write(fd, &byte, 1) != 1) break;
  }
  _exit(0);
}

void stop(pid_t pid) {
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

}  // namespace

std::vector<bool> prove_all(const std::vector<std::vector<ex>>& candidates, double seconds_each, double seconds_total) {
  std::vector<bool> proved(candidates.size(), false);
  const Clock::time_point deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds_total));
  std::size_t next = 0;
  while (next < candidates.size() && Clock::now() < deadline) {
    int fds[2];
    if (pipe(fds) != 0) return proved;
    const pid_t pid = fork();
    if (pid < 0) {
      close(fds[0]);
      close(fds[1]);
      return proved;
    }
    if (pid == 0) {
      close(fds[0]);
      child(candidates, next, fds[1]);
    }
    close(fds[1]);
    bool restart = false;
    while (next < candidates.size() && !restart) {
      const double left = std::chrono::duration<double>(deadline - Clock::now()).count();
      const int timeout_ms = static_cast<int>(1000 * std::max(0.0, std::min(seconds_each, left)));
      pollfd p{fds[0], POLLIN, 0};
      const int ready = poll(&p, 1, timeout_ms);
      char byte = 0;
      if (ready == 1 && read(fds[0], &byte, 1) == 1) {
        proved[next++] = byte == '1';
        continue;
      }
      // Too slow (or the child died): abandon this proof and go on with a fresh child.
      stop(pid);
      ++next;
      restart = true;
    }
    close(fds[0]);
    if (!restart) waitpid(pid, nullptr, 0);
  }
  return proved;
}

}  // namespace deltacheck
