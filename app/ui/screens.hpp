#pragma once
// One function per screen: it reads the state, draws, and appends what the person asked
// for as intents. None of them touches the store, the camera or the clock directly.
#include <vector>

#include "ui/kiosk_state.hpp"
#include "ui/ui_kit.hpp"

namespace rapport::ui {

struct CameraView {
  ImTextureID texture = nullptr;
  int width = 0;
  int height = 0;
  bool live = false;
};

// Positions of the connection graph, kept between frames so the layout settles.
struct GraphLayout {
  std::vector<ImVec2> pos, vel;
  size_t edges_seen = 0;
};

void screen_attract(const KioskState& s, Kit& k, const CameraView& cam, std::vector<Intent>& out);
void screen_door(const KioskState& s, Kit& k, std::vector<Intent>& out);
void screen_suggestions(const KioskState& s, Kit& k, std::vector<Intent>& out);
void screen_we_met(const KioskState& s, Kit& k, const CameraView& cam, std::vector<Intent>& out);
void screen_search(const KioskState& s, Kit& k, std::vector<Intent>& out);
void screen_pin(const KioskState& s, Kit& k, std::vector<Intent>& out);
void screen_admin(const KioskState& s, Kit& k, GraphLayout& graph, std::vector<Intent>& out);
void screen_storage_problem(const KioskState& s, Kit& k, std::vector<Intent>& out);

// Shared pieces.
void draw_camera(Kit& k, ImDrawList* dl, const CameraView& cam, ImVec2 min, ImVec2 max,
                 std::string_view status);
void draw_progress_to_three(Kit& k, ImDrawList* dl, ImVec2 pos, int met);
// Where an outcome's icon and sentences go so they end above `limit` (the button row):
// the block moves up, then the icon shrinks, then it goes, when the words need the room.
struct OutcomeFit {
  float top;     // where the icon (or, without one, the first sentence) starts
  float icon_r;  // 0: no icon
  float icon_h;  // the room the icon takes, gap included
};
OutcomeFit fit_outcome(float words_h, float band, float limit, float preferred_top, float em);
// Seconds left until `deadline`, never negative.
int seconds_left(const KioskState& s, TimePoint deadline);

}  // namespace rapport::ui
