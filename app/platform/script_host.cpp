#include "platform/script_host.hpp"

#include "ui/text_cache.hpp"

namespace rapport {

void KioskScriptHost::key_burst(const std::string& text) {
  // As a USB scanner types: a few milliseconds between keys, then Enter.
  auto t = std::chrono::system_clock::now();
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
    scan_.feed_key(text.substr(i, n), t);
    t += std::chrono::milliseconds(4);
    i += n;
  }
  scan_.feed_key("\n", t);
}

void KioskScriptHost::advance_clock(std::chrono::seconds by) {
  *offset_ += std::chrono::duration_cast<std::chrono::milliseconds>(by).count();
}

Status KioskScriptHost::probe(const std::string& name) {
  if (!probes_.enabled()) return make_error("set RAPPORT_KIOSK_PROBES=FILE to record probes");
  // Measured with the camera's worker parked between frames: a frame it happens to be
  // rendering or decoding at this instant (up to a few MB) is not memory the kiosk keeps.
  scan_.hold_camera(true);
  auto figures = probe_figures(name, frames_, offset_->load() / 1000,
                               static_cast<int64_t>(ui_.kit().text_cache().textures()));
  scan_.hold_camera(false);
  return probes_.add(std::move(figures));
}

}  // namespace rapport
