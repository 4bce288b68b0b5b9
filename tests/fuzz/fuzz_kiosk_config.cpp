// libFuzzer: kiosk-config TOML. Any text is either a valid config or an error that
// names where; never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config/kiosk_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = rapport::parse_kiosk_config(text, "fuzz.toml");
  if (!r && r.error().message.empty()) __builtin_trap();  // an error always says what is wrong
  return 0;
}
