// The page's own files (web/), compiled into the program by server/embed_web.cmake.
#pragma once

#include <string>
#include <vector>

namespace deltacheck::server {

/// One file of web/: its name ("app.js") and its bytes.
struct WebFile {
  std::string name, bytes;
};

/// Every file of web/ the page uses, as they were when the program was built.
const std::vector<WebFile>& web_files();

}  // namespace deltacheck::server
