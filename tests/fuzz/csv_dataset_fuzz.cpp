// libFuzzer harness for the CSV reader: any bytes, as a data file, are read or refused without a
// crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "solver/dataset.h"

using namespace deltacheck;

// The first byte picks the shape (1 to 4 inputs, 1 to 3 targets) so that rows of every width
// are reached; the rest is the file. A refusal is a UserError; anything else is a finding.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int inputs = 1 + data[0] % 4, outputs = 1 + (data[0] / 4) % 3;
  try {
    const Dataset d =
        parse_csv_dataset(std::string(reinterpret_cast<const char*>(data + 1), size - 1),
                          "fuzz.csv", inputs, outputs);
    (void)d.size();
  } catch (const UserError& e) {
    (void)e.formatted();
  }
  return 0;
}
