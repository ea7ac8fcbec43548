// A small timing harness: median of repeated runs in-process, and wall time with peak memory of a
// whole command.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

namespace deltacheck::bench {

/// Median seconds of one call of f, over enough repetitions to fill about `budget` seconds
/// (at least 5, at most 100000).
inline double median_seconds(const std::function<void()>& f, double budget = 0.5) {
  using clock = std::chrono::steady_clock;
  const auto once = [&] {
    const auto t0 = clock::now();
    f();
    return std::chrono::duration<double>(clock::now() - t0).count();
  };
  const double first = once();
  const int reps = static_cast<int>(std::clamp(budget / std::max(first, 1e-9), 5.0, 100000.0));
  std::vector<double> times;
  for (int i = 0; i < reps; ++i) times.push_back(once());
  std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
  return times[times.size() / 2];
}

/// Wall seconds and peak resident memory (MiB) of running argv to completion, output discarded.
struct ProcessCost {
  double seconds;
  double peak_mib;
  int status;
};

inline ProcessCost run_process(const std::vector<std::string>& argv) {
  std::fflush(nullptr);  // the child must not inherit (and flush again) our buffered output
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout)) _exit(127);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return {seconds, usage.ru_maxrss / 1024.0, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

/// Best of n runs of a command (least disturbed by the machine), peak memory of that run.
inline ProcessCost best_process(const std::vector<std::string>& argv, int n = 5) {
  ProcessCost best = run_process(argv);
  for (int i = 1; i < n; ++i) {
    const ProcessCost c = run_process(argv);
    if (c.seconds < best.seconds) best = c;
  }
  return best;
}

/// "machine: <cpu>, <cores> cores; date: YYYY-MM-DD" for the head of every report.
inline std::string machine_and_date() {
  std::string cpu = "unknown cpu";
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; std::getline(info, line);)
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  utsname u{};
  uname(&u);
  char date[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
  return "machine: " + cpu + ", " + std::to_string(sysconf(_SC_NPROCESSORS_ONLN)) + " cores, " +
         u.sysname + " " + u.release + "; date: " + date;
}

/// Formats seconds with a unit that keeps 3 significant digits.
inline std::string human(double seconds) {
  char b[32];
  if (seconds < 1e-6)
    std::snprintf(b, sizeof b, "%.3g ns", seconds * 1e9);
  else if (seconds < 1e-3)
    std::snprintf(b, sizeof b, "%.3g us", seconds * 1e6);
  else if (seconds < 1)
    std::snprintf(b, sizeof b, "%.3g ms", seconds * 1e3);
  else
    std::snprintf(b, sizeof b, "%.3g s", seconds);
  return b;
}

}  // namespace deltacheck::bench
