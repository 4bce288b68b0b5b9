#pragma once
// The kiosk's one state machine: scans and desk replies come in, screens are drawn,
// intents from the screens become state changes and requests for the desk. It owns no
// thread, file or GL object; the platform loop feeds it.
#include <deque>
#include <string>
#include <vector>

#include "ui/kiosk_state.hpp"
#include "ui/screens.hpp"
#include "ui/ui_kit.hpp"

namespace rapport::ui {

struct UiOutput {
  std::vector<DeskRequest> requests;
  std::vector<std::string> present;  // badge codes to hold up to the synthetic camera
  bool clear_camera = false;
  bool exit = false;
};

class KioskUi {
 public:
  // `languages`: every catalog the kiosk can speak (English only when none were found).
  KioskUi(KioskState initial, Fonts fonts, i18n::Languages languages = {});

  const KioskState& state() const { return s_; }
  Kit& kit() { return kit_; }

  void on_scan(const std::string& text, TimePoint captured, UiOutput& out);
  void on_reply(DeskReply reply, UiOutput& out);
  // Text from a physical keyboard that is not a scanner burst (search field only).
  void on_typed(const std::string& utf8);
  // Any tap or key: the idle timer starts again.
  void on_input(TimePoint now) { s_.last_input = now; }
  void set_camera(std::string status, bool live) {
    s_.camera_status = std::move(status);
    s_.camera_live = live;
  }
  void set_desk_busy(bool busy) { s_.desk_busy = busy; }
  // The glyph atlas was rebuilt between frames (a name with new characters arrived).
  void set_fonts(Fonts fonts) { kit_.set_fonts(fonts); }
  void set_hub_status(std::string line) { s_.hub_status = std::move(line); }

  // Timeouts, then the current screen, then the intents it returned.
  void frame(TimePoint now, const CameraView& cam, UiOutput& out);

  // True once per door outcome / suggestions shown: the platform measures scan-to-screen.
  std::optional<TimePoint> take_shown_scan();

  // One intent of the screens (a tap, a key): a pure state machine over the state, the
  // requests and the camera, unit tested (tests/unit/test_kiosk_ui_apply.cpp).
  void apply(const Intent& i, UiOutput& out);

 private:
  enum class Pending { none, door, we_met_first, manual };
  void go(Screen screen);
  void go_home(UiOutput& out);
  void mark_present(const std::string& id);

  KioskState s_;
  i18n::Languages languages_;
  Kit kit_;
  GraphLayout graph_;
  PinGate gate_;
  Pending pending_ = Pending::none;
  std::vector<TimePoint> corner_taps_;
  TimePoint last_picture_{};
  std::optional<TimePoint> shown_scan_;
  std::optional<TimePoint> awaiting_show_;
};

}  // namespace rapport::ui
