// Configuring, binding and running the HTTP server.
#include "server/serve.h"

#include <algorithm>
#include <csignal>

#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "core/error.h"
#include "server/api_routes.h"
#include "server/bounded_task_queue.h"
#include "server/web_routes.h"

namespace deltacheck::server {

namespace {

// cpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed when Debian built
// the library): a class connecting at once overflows it and connections are dropped. Calling
// listen() again on the bound socket widens its queue; the socket is found as the one of
// this process listening on `port`.
void widen_listen_queue(int port) {
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  const int last = static_cast<int>(std::min<rlim_t>(files.rlim_cur, 65536));
  for (int fd = 3; fd < last; ++fd) {
    int listening = 0;
    socklen_t size = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening) continue;
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
    const int bound = address.ss_family == AF_INET6
                          ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
                          : ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
    if (bound == port) ::listen(fd, SOMAXCONN);
  }
}

}  // namespace

void configure_server(httplib::Server& server, const ExerciseCatalog& catalog, RequestSlots& slots,
                      const ChildRunner& children, const ServeSettings& settings) {
  const std::size_t threads = settings.running + settings.waiting + kSpareHttpThreads;
  server.new_task_queue = [threads] { return new BoundedTaskQueue(threads, kWaitingConnections); };
  server.set_payload_max_length(settings.body_bytes);
  server.set_tcp_nodelay(true);  // a reply's header and body go out at once, not 40 ms apart
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.set_keep_alive_timeout(kConnectionSeconds);
  server.set_read_timeout(kConnectionSeconds, 0);
  server.set_write_timeout(kConnectionSeconds, 0);
  add_web_routes(server);
  add_api_routes(server, catalog, slots, children);
}

void serve(const ExerciseCatalog& catalog, const ServeSettings& settings, const std::string& host,
           int port, const std::function<void(const std::string&)>& ready) {
  std::signal(SIGPIPE, SIG_IGN);  // a client gone mid-reply is that request's end, not ours
  const ChildRunner children(child_work(catalog), settings.limits);  // before any thread
  RequestSlots slots(settings.running, settings.waiting);
  httplib::Server server;
  configure_server(server, catalog, slots, children, settings);
  const int bound =
      port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0)
    throw UserError("cannot listen on " + host + ":" + std::to_string(port) +
                        " (in use, or not an address of this machine): give another --port or --host");
  widen_listen_queue(bound);
  const bool v6 = host.find(':') != std::string::npos;
  ready("http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(bound) + "/");
  server.listen_after_bind();
}

}  // namespace deltacheck::server
