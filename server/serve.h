// deltacheck serve's server: the routes on a cpp-httplib server with its limits, bound and run.
#pragma once

#include <functional>
#include <string>

#include <httplib.h>

#include "server/child_json.h"
#include "server/exercise_catalog.h"
#include "server/request_slots.h"
#include "server/serve_settings.h"

namespace deltacheck::server {

/// Threads of the HTTP server beyond the checks that may run and wait: enough that the page's
/// files and queue refusals are served while every slot is taken.
constexpr std::size_t kSpareHttpThreads = 16;
/// Seconds an idle keep-alive connection, or a slow request, holds a thread.
constexpr int kConnectionSeconds = 5;

/// Requests one keep-alive connection may carry before it is closed.
constexpr int kKeepAliveRequests = 1000;
/// Accepted connections that may wait for a thread (server/bounded_task_queue.h); more wait in
/// the kernel's listen queue.
constexpr std::size_t kWaitingConnections = 64;

/// Puts every route of the page and the API on `server` with its limits (body cap, threads,
/// a bounded queue of connections, keep-alive, read timeout). The API's work runs in
/// `children` (a ChildRunner of child_work(catalog), started before any thread). All must
/// outlive the server.
void configure_server(httplib::Server& server, const ExerciseCatalog& catalog, RequestSlots& slots,
                      const ChildRunner& children, const ServeSettings& settings);

/// Serves `catalog` on host:port (port 0: any free port) until the process is stopped; starts
/// the fork server of the checks first, while this process has one thread;
/// `ready` is called with the address ("http://127.0.0.1:8080/") once bound. Throws UserError
/// when the address cannot be bound.
void serve(const ExerciseCatalog& catalog, const ServeSettings& settings, const std::string& host,
           int port, const std::function<void(const std::string&)>& ready);

}  // namespace deltacheck::server
