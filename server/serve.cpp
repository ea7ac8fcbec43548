// Configuring, binding and running the HTTP server.
#include "server/serve.h"

#include <csignal>

#include "core/error.h"
#include "server/api_routes.h"
#include "server/web_routes.h"

namespace deltacheck::server {

void configure_server(httplib::Server& server, const ExerciseCatalog& catalog, RequestSlots& slots,
                      const ServeSettings& settings) {
  const std::size_t threads = settings.running + settings.waiting + kSpareHttpThreads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(settings.body_bytes);
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.set_keep_alive_timeout(kConnectionSeconds);
  server.set_read_timeout(kConnectionSeconds, 0);
  server.set_write_timeout(kConnectionSeconds, 0);
  add_web_routes(server);
  add_api_routes(server, catalog, slots, settings);
}

void serve(const ExerciseCatalog& catalog, const ServeSettings& settings, const std::string& host,
           int port, const std::function<void(const std::string&)>& ready) {
  std::signal(SIGPIPE, SIG_IGN);  // a client gone mid-reply is that request's end, not ours
  RequestSlots slots(settings.running, settings.waiting);
  httplib::Server server;
  configure_server(server, catalog, slots, settings);
  const int bound =
      port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0)
    throw UserError("cannot listen on " + host + ":" + std::to_string(port) +
                        " (in use, or not an address of this machine): give another --port or --host");
  const bool v6 = host.find(':') != std::string::npos;
  ready("http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(bound) + "/");
  server.listen_after_bind();
}

}  // namespace deltacheck::server
