// One request's GiNaC work in a time- and memory-limited child process (core/child_process.h),
// its reply passed back through an anonymous file.
#pragma once

#include <cstddef>
#include <functional>

#include "server/api_reply.h"

namespace deltacheck::server {

/// The limits of each child.
struct ChildLimits {
  double seconds = 10;                            // wall clock
  std::size_t memory_bytes = std::size_t{1} << 30;  // address space
};

/// The most a child's reply may hold; a larger one is an error (500).
constexpr std::size_t kMaxReplyBytes = std::size_t{32} << 20;

/// Runs `work` in a child within `limits` and returns its reply. The child writes its reply to
/// an anonymous file (memfd) rather than a pipe: a pipe's end inherited by a sibling child
/// forked at the same moment by another request's thread would keep this one waiting for
/// that sibling; a file has no end to wait for, and the parent waits for its own child alone.
/// Over the time limit: 422 "took longer than S s"; over the memory limit: 422; a crash: 500.
/// Blocks for at most the time limit (plus reaping). Safe to call from many threads when
/// `work` touches nothing the threads change.
Reply run_in_child(const std::function<Reply()>& work, const ChildLimits& limits);

}  // namespace deltacheck::server
