// One request's GiNaC work in a time- and memory-limited child process, forked by a fork server
// (core/fork_server.h) that was started before the server's threads; the request and its reply
// pass through an anonymous file.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/fork_server.h"
#include "server/api_reply.h"

namespace deltacheck::server {

/// The limits of each child.
struct ChildLimits {
  double seconds = 10;                              // wall clock
  std::size_t memory_bytes = std::size_t{1} << 30;  // address space
};

/// The most a child's reply may hold; a larger one is an error (500).
constexpr std::size_t kMaxReplyBytes = std::size_t{32} << 20;

/// Runs requests in children of a fork server. The server's request threads never fork
/// (a fork from a threaded process may leave a lock held for ever in the child): each request
/// is written to an anonymous file (memfd) that the fork server passes to a new child, which
/// reads it, runs `work` on it and writes its reply over it.
class ChildRunner {
 public:
  /// The work of one request, run in the child: the reply to `request`.
  using Work = std::function<Reply(const std::string& request)>;

  /// Starts the fork server, with its copy of `work` and of everything `work` uses as they
  /// are now (prepared exercises included). Call before any thread is started. Throws
  /// std::runtime_error when the fork server cannot be started.
  ChildRunner(Work work, const ChildLimits& limits);

  /// The reply of `work` to `request`, run in a child within the limits: over the time limit,
  /// 422 "took longer than S s"; over the memory limit, 422; a crash, 500. Blocks for at most
  /// the time limit (plus reaping). Thread-safe; the caller bounds how many run at once.
  Reply run(const std::string& request) const;

  /// The limits of each child.
  const ChildLimits& limits() const { return limits_; }

 private:
  ChildLimits limits_;
  std::unique_ptr<ForkServer> forks_;
};

}  // namespace deltacheck::server
