// The limits of deltacheck serve: request size, checks at once and queued, each check's limits.
#pragma once

#include <cstddef>

#include "server/child_json.h"

namespace deltacheck::server {

/// Largest request body by default (an answer file): larger ones are answered 413.
constexpr std::size_t kDefaultBodyBytes = std::size_t{1} << 20;
/// Longest student id taken from a request.
constexpr std::size_t kMaxStudentBytes = 100;

/// What a server allows.
struct ServeSettings {
  std::size_t body_bytes = kDefaultBodyBytes;
  std::size_t running = 2;   // checks (child processes) at once
  std::size_t waiting = 64;  // checks queued behind them; more: 503 with Retry-After
  ChildLimits limits;        // each check's time and memory
};

}  // namespace deltacheck::server
