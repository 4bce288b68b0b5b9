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
// One chip per language the kiosk speaks, right-aligned at `top_right`; returns its height
// (0 when the kiosk speaks only one language).
float draw_language_chips(const KioskState& s, Kit& k, ImVec2 top_right, std::vector<Intent>& out);
// Seconds left until `deadline`, never negative.
int seconds_left(const KioskState& s, TimePoint deadline);

}  // namespace rapport::ui
