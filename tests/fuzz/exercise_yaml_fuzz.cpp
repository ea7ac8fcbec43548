// libFuzzer harness for the exercise YAML loader: any bytes, as an exercise file, load or are
// refused without a crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "exercises/model/exercise.h"

using namespace deltacheck;

// A refusal is a UserError with a location; anything else escaping (a yaml-cpp or GiNaC
// exception, a std::bad_alloc) is a finding and aborts the run.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const Exercise e =
        parse_exercise(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
    (void)e.max_score();
  } catch (const UserError& e) {
    (void)e.formatted();
  }
  return 0;
}
