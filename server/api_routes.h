// The JSON API of deltacheck serve (docs/DESIGN.md, "The HTTP API"): exercises, the reading of
// each line, the check.
#pragma once

#include <httplib.h>

#include "server/exercise_catalog.h"
#include "server/request_slots.h"
#include "server/serve_settings.h"

namespace deltacheck::server {

/// Adds GET /api/exercises, GET /api/exercises/ID[?student=S], GET /api/exercises/ID/network.svg,
/// POST /api/read/ID and POST /api/check/ID[?student=S] to `server`. Reads and checks run in
/// limited child processes admitted by `slots` (503 with Retry-After when its queue is full);
/// `catalog`, `slots` and `settings` must outlive the server.
void add_api_routes(httplib::Server& server, const ExerciseCatalog& catalog, RequestSlots& slots,
                    const ServeSettings& settings);

}  // namespace deltacheck::server
