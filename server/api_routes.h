// The JSON API of deltacheck serve (docs/DESIGN.md, "The HTTP API"): exercises, the reading of
// each line, the check.
#pragma once

#include <httplib.h>

#include "server/child_json.h"
#include "server/exercise_catalog.h"
#include "server/request_slots.h"
#include "server/serve_settings.h"

namespace deltacheck::server {

/// Adds GET /api/exercises, GET /api/exercises/ID[?student=S], GET /api/exercises/ID/network.svg,
/// POST /api/read/ID and POST /api/check/ID[?student=S] to `server`. Reads, checks and a
/// student's numbers run in `children` (made with child_work of the same catalog), admitted
/// by `slots` (503 with Retry-After when its queue is full); all must outlive the server.
void add_api_routes(httplib::Server& server, const ExerciseCatalog& catalog, RequestSlots& slots,
                    const ChildRunner& children);

/// What a child of the API does with a request: exercise JSON for a student, a reading or a
/// check, from the checker `catalog` prepared. Give it to the ChildRunner of add_api_routes.
ChildRunner::Work child_work(const ExerciseCatalog& catalog);

}  // namespace deltacheck::server
