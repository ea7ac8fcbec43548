// A progress bar on standard error, for a terminal only: [#####.....] then what the command adds.
#pragma once

#include <cstddef>
#include <iostream>
#include <string>

namespace deltacheck::app {

/// Redraws "[####......] DONE/TOTAL TEXT" in place on stderr; a new line when done == total.
inline void draw_progress_bar(std::size_t done, std::size_t total, const std::string& text = "") {
  const int width = 30, filled = total ? static_cast<int>(width * done / total) : width;
  std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << done
            << "/" << total << text << (done == total ? "\n" : "") << std::flush;
}

}  // namespace deltacheck::app
