// A fork server: one single-threaded process, started before any thread, that forks a limited
// child per request, so that a threaded program never forks.
#pragma once

#include <functional>
#include <mutex>

#include "core/child_process.h"

namespace deltacheck {

/// A process forked at construction that waits for requests and runs each in a child of its own
/// (core/child_process: its own process group, `options.seconds` and `options.memory_bytes`,
/// killed with its parent). The threads of a server hand their requests to it instead of
/// forking themselves: a fork from a threaded process copies only the calling thread, and a
/// lock another thread held (in malloc, or in AddressSanitizer's allocator) stays locked in
/// the child for ever. The fork server has one thread, so its children start clean; each
/// starts from the state the program had when the fork server was made (prepared exercises
/// included), so nothing is prepared per request.
///
/// A request is an anonymous file (memfd) holding what to do; the child reads it from offset
/// 0 and writes its reply over it; run() says how the child ended. Children run side by
/// side, as many as requests are running; the caller bounds them.
class ForkServer {
 public:
  /// The work of one child: the request is read from `fd` and the reply written to it.
  /// Returns the child's exit status.
  using Body = std::function<int(int fd)>;

  /// Forks the fork server now; call it before starting any thread. `body` and what it uses
  /// are the fork server's copy from this moment. Throws std::runtime_error when the socket
  /// or the fork fails.
  ForkServer(Body body, const ChildOptions& options);
  /// Ends the fork server and every child it is running.
  ~ForkServer();
  ForkServer(const ForkServer&) = delete;
  ForkServer& operator=(const ForkServer&) = delete;

  /// Runs the request in `fd` in a child and waits for its end (at most options.seconds plus
  /// the reaping; End::timed_out when it was stopped). `fd` stays the caller's. Thread-safe.
  /// A fork server that is gone gives End::not_started.
  ChildResult run(int fd);

  /// The fork server's pid.
  pid_t pid() const { return server_.pid(); }

 private:
  int socket_ = -1;  // requests go out here, one datagram each (SOCK_SEQPACKET)
  Child server_;
  std::mutex sending_;
};

}  // namespace deltacheck
