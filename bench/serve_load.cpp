// Load test of deltacheck serve on loopback: N clients send whole right Q1 answer files to
// /api/check for S seconds, then until 10,000 checks in all; every reply is checked, and the
// throughput, latency percentiles and the server's memory before and after are printed.
// Bounded: it stops by itself (the phases are timed, and a stalled reply times out). Not a ctest.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/child_process.h"
#include "exercises/solve/solution_sheet.h"
#include "reports/derivation_writer.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace deltacheck;

constexpr int kPort = 18931;
constexpr const char* kExercise = "assign-q1-squared";

/// What the clients saw.
struct Tally {
  std::mutex mutex;
  std::vector<double> latencies;  // seconds of each correct reply
  std::atomic<long> wrong{0}, lost{0}, busy{0};
};

// A right Q1 answer file (the worked solution's answers).
std::string right_answers() {
  const Exercise ex = load_exercise(kExercise);
  std::ostringstream out;
  write_solution(out, ex, solve_exercise(ex, "", SheetContents::answers), ex.form,
                 DerivationFormat::text);
  return out.str();
}

// True when `body` is a check with every part correct.
bool all_correct(const std::string& body) {
  try {
    const nlohmann::json doc = nlohmann::json::parse(body);
    for (const auto& p : doc.at("parts"))
      if (p.at("verdict") != "correct") return false;
    return doc.at("score") == doc.at("max_score") && doc.at("parts").size() == 27;
  } catch (const std::exception&) {
    return false;
  }
}

// The resident memory of `pid` in KiB (VmRSS), or -1.
long rss_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// One client: checks `answers` until `until` or until `total` checks were done by all.
void client(const std::string& answers, Clock::time_point until, std::atomic<long>& done,
            long total, Tally& tally) {
  httplib::Client c("127.0.0.1", kPort);
  c.set_read_timeout(30, 0);
  c.set_keep_alive(true);
  c.set_tcp_nodelay(true);  // the request's header and body in one go, as browsers send them
  std::vector<double> mine;
  while (Clock::now() < until || done.load() < total) {
    const Clock::time_point start = Clock::now();
    const auto r = c.Post(std::string("/api/check/") + kExercise, answers, "text/plain");
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    ++done;
    if (!r) {
      ++tally.lost;
      std::fprintf(stderr, "lost: %s\n", httplib::to_string(r.error()).c_str());
    }
    else if (r->status == 503) ++tally.busy;
    else if (r->status != 200 || !all_correct(r->body)) ++tally.wrong;
    else mine.push_back(seconds);
    if (done.load() >= total && Clock::now() >= until) break;
  }
  const std::lock_guard<std::mutex> lock(tally.mutex);
  tally.latencies.insert(tally.latencies.end(), mine.begin(), mine.end());
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

// Runs `clients` clients for `seconds` and at least `total` checks; prints the figures.
void phase(const std::string& name, const std::string& answers, int clients, double seconds,
           long total) {
  Tally tally;
  std::atomic<long> done{0};
  const Clock::time_point start = Clock::now();
  const Clock::time_point until =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i)
    threads.emplace_back([&] { client(answers, until, done, total, tally); });
  for (std::thread& t : threads) t.join();
  const double wall = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("%s: %d clients, %.1f s, %ld checks: %.1f checks/s; p50 %.0f ms, p95 %.0f ms, "
              "p99 %.0f ms; wrong %ld, lost %ld, busy (503) %ld\n",
              name.c_str(), clients, wall, done.load(), tally.latencies.size() / wall,
              1000 * percentile(tally.latencies, 0.50), 1000 * percentile(tally.latencies, 0.95),
              1000 * percentile(tally.latencies, 0.99), tally.wrong.load(), tally.lost.load(),
              tally.busy.load());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: deltacheck_serve_load DELTACHECK_BINARY [CLIENTS] [SECONDS] [CHECKS] [JOBS]\n";
    return 2;
  }
  const int clients = argc > 2 ? std::stoi(argv[2]) : 50;
  const double seconds = argc > 3 ? std::stod(argv[3]) : 30;
  const long total = argc > 4 ? std::stol(argv[4]) : 10000;
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const std::string answers = right_answers();
  const std::string jobs = argc > 5 ? argv[5] : "0";
  Child server =
      spawn_program({argv[1], "serve", "--port", std::to_string(kPort), "--jobs", jobs}, {});
  httplib::Client probe("127.0.0.1", kPort);
  for (int i = 0; i < 100 && !probe.Get("/api/exercises"); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  phase("warm-up", answers, clients, 1, 0);
  const long warm = rss_kib(server.pid());
  phase("load", answers, clients, seconds, 0);
  const long loaded = rss_kib(server.pid());
  phase("then " + std::to_string(total) + " checks", answers, clients, 0, total);
  std::printf("server RSS: %ld KiB after the warm-up, %ld KiB after the load, %ld KiB after %ld "
              "more checks\n",
              warm, loaded, rss_kib(server.pid()), total);
  server.kill();
  return 0;
}
