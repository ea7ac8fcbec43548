// A deltacheck serve server running in the test process on a free loopback port, for the API tests.
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "server/api_routes.h"
#include "server/serve.h"

namespace deltacheck::testing {

/// The exercises the API tests serve: Q1 (network) and a numeric one, prepared once per process.
inline const server::ExerciseCatalog& test_catalog() {
  static const server::ExerciseCatalog catalog(
      std::vector<Exercise>{load_exercise("assign-q1-squared"), load_exercise("numeric-q2-step")});
  return catalog;
}

/// A server of test_catalog() with `settings`, listening on 127.0.0.1 from construction to
/// destruction; client() talks to it.
class TestServer {
 public:
  explicit TestServer(const server::ServeSettings& settings = {})
      : settings_(settings),
        children_(server::child_work(test_catalog()), settings.limits),  // before the thread
        slots_(settings.running, settings.waiting) {
    server::configure_server(server_, test_catalog(), slots_, children_, settings_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~TestServer() {
    server_.stop();
    thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  /// A client of this server (requests time out after 30 s).
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }
  int port() const { return port_; }
  /// The server's queue of checks (a test may hold its slots).
  server::RequestSlots& slots() { return slots_; }

 private:
  server::ServeSettings settings_;
  server::ChildRunner children_;
  server::RequestSlots slots_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace deltacheck::testing
