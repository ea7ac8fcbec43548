// deltacheck serve: the exercises in a web page with a live preview of each line, on a local port.
#include <algorithm>
#include <iostream>
#include <thread>

#include "app/command_line.h"
#include "core/child_process.h"
#include "core/error.h"
#include "server/serve.h"

namespace po = boost::program_options;

namespace deltacheck::app {

namespace {

// The settings of the options: checks at once (--jobs; by default two per core, since a check's
// slot also spans its fork and the wait for its end), the queue, the body cap.
server::ServeSettings settings_from(const po::variables_map& vm) {
  server::ServeSettings s;
  s.limits.seconds = time_limit_from(vm);
  s.limits.memory_bytes = memory_limit_from(vm);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const int jobs = vm["jobs"].as<int>(), queue = vm["queue"].as<int>();
  if (jobs < 0 || jobs > 256) throw UserError("--jobs must be from 1 to 256 (0: one per core)");
  if (queue < 0 || queue > 4096) throw UserError("--queue must be from 0 to 4096");
  s.running = jobs == 0 ? 2 * cores : static_cast<std::size_t>(jobs);
  s.waiting = static_cast<std::size_t>(queue);
  const int kib = vm["max-body"].as<int>();
  if (kib < 1 || kib > 8192) throw UserError("--max-body must be from 1 to 8192 (KiB)");
  s.body_bytes = static_cast<std::size_t>(kib) << 10;
  return s;
}

}  // namespace

int run_serve(const std::vector<std::string>& args) {
  const Usage usage{
      "serve",
      "deltacheck serve [--host 127.0.0.1] [--port 8080] [--exercises DIR] [--jobs N] [--queue N]",
      "Serves the exercises as a web page: the statement and network, an editor that shows how\n"
      "each line is read (typeset) as it is typed, and Check with every part's verdict. The API\n"
      "(docs/DESIGN.md, \"The HTTP API\") answers the same as `check --json`. Every check runs in a\n"
      "child process within --time-limit and --memory-limit; --jobs run at once, --queue wait,\n"
      "more are answered 503. Binds to 127.0.0.1 unless --host says otherwise. Ctrl-C stops it.",
      "deltacheck serve --port 8080"};
  po::options_description options("options");
  options.add_options()("host", po::value<std::string>()->default_value("127.0.0.1"),
                        "the address to listen on (0.0.0.0: every interface)")(
      "port", po::value<int>()->default_value(8080), "the port (0: any free port)")(
      "exercises", po::value<std::string>()->value_name("DIR"),
      "serve the exercises (*.yaml) of DIR instead of the built-in library")(
      "jobs", po::value<int>()->default_value(0), "checks at once (0: two per core)")(
      "queue", po::value<int>()->default_value(64), "checks waiting beyond those; more get 503")(
      "max-body", po::value<int>()->default_value(1024), "largest request body, KiB");
  add_limit_options(options, "seconds each check may take",
                    "memory (address space) of each check: 512M, 1G, or MiB as a plain number");
  const auto vm = parse(usage, options, args);
  if (!vm) return 0;
  const int port = (*vm)["port"].as<int>();
  if (port < 0 || port > 65535) throw UserError("--port must be from 0 to 65535");
  const server::ServeSettings settings = settings_from(*vm);
  const server::ExerciseCatalog catalog =
      vm->count("exercises") ? server::ExerciseCatalog::folder((*vm)["exercises"].as<std::string>())
                             : server::ExerciseCatalog::library();
  const KillChildrenOnSignal stop_children_too;
  server::serve(catalog, settings, (*vm)["host"].as<std::string>(), port,
                [&](const std::string& url) {
                  std::cout << "deltacheck serve: " << catalog.ids().size() << " exercises at "
                            << url << " (Ctrl-C stops)" << std::endl;
                });
  return 0;
}

}  // namespace deltacheck::app
