#pragma once
// What a kiosk --script does to the running kiosk: hold up badges, type as a USB scanner
// does, take screenshots, move the event clock, record probes.
#include <atomic>
#include <cstdint>
#include <memory>

#include "platform/backend.hpp"
#include "platform/diagnostics.hpp"
#include "platform/scan_input.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/script_runner.hpp"

namespace rapport {

class KioskScriptHost : public ui::ScriptHost {
 public:
  KioskScriptHost(ScanInput& scan, ui::KioskUi& ui, const Backend& backend,
                  std::shared_ptr<std::atomic<int64_t>> clock_offset_ms, std::string probes_path,
                  const int64_t& frames)
      : scan_(scan), ui_(ui), backend_(backend), offset_(std::move(clock_offset_ms)),
        probes_(std::move(probes_path)), frames_(frames) {}
  void present(const std::string& code) override { scan_.present(code); }
  void key_burst(const std::string& text) override;
  void type_text(const std::string& text) override { ui_.on_typed(text); }
  Status screenshot(const std::string& path) override { return backend_.screenshot(path); }
  void advance_clock(std::chrono::seconds by) override;
  Status probe(const std::string& name) override;

 private:
  ScanInput& scan_;
  ui::KioskUi& ui_;
  const Backend& backend_;
  std::shared_ptr<std::atomic<int64_t>> offset_;
  ProbeLog probes_;
  const int64_t& frames_;
};

}  // namespace rapport
