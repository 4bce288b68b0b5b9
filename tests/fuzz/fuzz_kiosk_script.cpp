// libFuzzer: the kiosk automation script parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config/kiosk_script.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = rapport::parse_kiosk_script(text, "fuzz.txt");
  if (!r && r.error().where.empty()) __builtin_trap();  // errors name the line
  return 0;
}
