// KioskUi::apply: the screens' intents as a pure state machine (no ImGui frame needed).
#include <gtest/gtest.h>

#include <variant>

#include "ui/kiosk_ui.hpp"

using namespace rapport;
using namespace rapport::ui;
using K = Intent::Kind;

namespace {

KioskUi make_ui(KioskMode mode = KioskMode::floor) {
  KioskState s;
  s.mode = mode;
  s.config.mode = mode;
  return KioskUi(std::move(s), Fonts{});
}

template <class T>
int count_of(const UiOutput& out) {
  int n = 0;
  for (const auto& r : out.requests) n += std::holds_alternative<T>(r) ? 1 : 0;
  return n;
}

}  // namespace

TEST(KioskUiApply, FiveCornerTapsOpenTheAdminPinPadFourDoNot) {
  auto ui = make_ui();
  UiOutput out;
  for (int i = 0; i < 4; ++i) ui.apply({K::corner_tap, {}}, out);
  EXPECT_EQ(ui.state().screen, Screen::attract);
  ui.apply({K::corner_tap, {}}, out);
  EXPECT_EQ(ui.state().screen, Screen::pin);
  EXPECT_EQ(ui.state().pin_purpose, PinPurpose::admin);
  EXPECT_TRUE(out.requests.empty());
}

TEST(KioskUiApply, SearchAsksForThePinUntilStaffUnlocked) {
  auto ui = make_ui(KioskMode::door);
  UiOutput out;
  ui.apply({K::open_search, {}}, out);
  EXPECT_EQ(ui.state().screen, Screen::pin);
  EXPECT_EQ(ui.state().pin_purpose, PinPurpose::search);
}

TEST(KioskUiApply, PinDigitsAreCappedSubmittedOnceAndCleared) {
  auto ui = make_ui();
  UiOutput out;
  for (int i = 0; i < 15; ++i) ui.apply({K::pin_digit, "7"}, out);
  EXPECT_EQ(ui.state().pin_digits, std::string(12, '7'));
  ui.apply({K::pin_backspace, {}}, out);
  EXPECT_EQ(ui.state().pin_digits.size(), 11u);
  ui.apply({K::pin_submit, {}}, out);
  ASSERT_EQ(count_of<PinRequest>(out), 1);
  EXPECT_EQ(std::get<PinRequest>(out.requests[0]).pin, std::string(11, '7'));
  EXPECT_TRUE(ui.state().pin_checking);
  EXPECT_TRUE(ui.state().pin_digits.empty());
  // While the desk checks, digits and a second submit do nothing.
  ui.apply({K::pin_digit, "1"}, out);
  ui.apply({K::pin_submit, {}}, out);
  EXPECT_TRUE(ui.state().pin_digits.empty());
  EXPECT_EQ(count_of<PinRequest>(out), 1);
}

TEST(KioskUiApply, EmptyPinIsNotSent) {
  auto ui = make_ui();
  UiOutput out;
  ui.apply({K::pin_submit, {}}, out);
  EXPECT_TRUE(out.requests.empty());
  EXPECT_FALSE(ui.state().pin_checking);
}

TEST(KioskUiApply, SearchBackspaceRemovesAWholeCharacter) {
  auto ui = make_ui(KioskMode::door);
  UiOutput out;
  ui.apply({K::open_search, {}}, out);
  ui.apply({K::pin_digit, "1"}, out);
  ui.apply({K::pin_submit, {}}, out);
  ui.on_reply(PinReply{true}, out);  // the desk said the PIN is right
  ASSERT_EQ(ui.state().screen, Screen::search);
  ui.apply({K::search_type, "Th\xE1\xBA\xA3"}, out);  // "Thả"
  EXPECT_EQ(ui.state().search_query, "Th\xE1\xBA\xA3");
  ui.apply({K::search_backspace, {}}, out);
  EXPECT_EQ(ui.state().search_query, "Th");
  ui.apply({K::search_clear, {}}, out);
  EXPECT_TRUE(ui.state().search_query.empty());
  ui.apply({K::search_backspace, {}}, out);  // nothing left: nothing happens
  EXPECT_TRUE(ui.state().search_query.empty());
}

TEST(KioskUiApply, WeMetFromAttractWaitsForTheFirstBadge) {
  auto ui = make_ui();
  UiOutput out;
  ui.apply({K::we_met_from_attract, {}}, out);
  EXPECT_EQ(ui.state().screen, Screen::we_met);
  ASSERT_TRUE(ui.state().we_met.has_value());
  EXPECT_TRUE(ui.state().we_met->waiting_for_first);
}

TEST(KioskUiApply, StartWeMetWithoutSuggestionsWaitsForTheFirstBadgeAndClearsTheCamera) {
  auto ui = make_ui();
  UiOutput out;
  ui.apply({K::start_we_met, "A00002"}, out);
  EXPECT_EQ(ui.state().screen, Screen::we_met);
  ASSERT_TRUE(ui.state().we_met.has_value());
  EXPECT_TRUE(ui.state().we_met->waiting_for_first);
  EXPECT_TRUE(ui.state().we_met->expected_id.empty());
  EXPECT_TRUE(out.clear_camera);
}

TEST(KioskUiApply, SeeSuggestionsNeedsSuggestions) {
  auto ui = make_ui(KioskMode::demo);
  UiOutput out;
  ui.apply({K::see_suggestions, {}}, out);
  EXPECT_EQ(ui.state().screen, Screen::attract);
}

TEST(KioskUiApply, ManualCheckinAsksForSuggestionsOffTheDoor) {
  for (auto [mode, suggest] : {std::pair{KioskMode::door, false}, std::pair{KioskMode::floor, true}}) {
    auto ui = make_ui(mode);
    UiOutput out;
    ui.apply({K::checkin_id, "A00007"}, out);
    ASSERT_EQ(count_of<CheckinByIdRequest>(out), 1);
    EXPECT_EQ(std::get<CheckinByIdRequest>(out.requests[0]).attendee_id, "A00007");
    EXPECT_EQ(std::get<CheckinByIdRequest>(out.requests[0]).suggest, suggest);
  }
}

TEST(KioskUiApply, AdminActions) {
  auto ui = make_ui();
  UiOutput out;
  ui.apply({K::admin_mode, "door"}, out);
  EXPECT_EQ(ui.state().mode, KioskMode::door);
  ui.apply({K::admin_mode, "nonsense"}, out);
  EXPECT_EQ(ui.state().mode, KioskMode::door);
  ui.apply({K::admin_sync, {}}, out);
  EXPECT_TRUE(ui.state().sync_running);
  EXPECT_EQ(count_of<SyncRequest>(out), 1);
  ui.apply({K::admin_refresh, {}}, out);
  EXPECT_EQ(count_of<PictureRequest>(out), 1);
  EXPECT_FALSE(out.exit);
  ui.apply({K::admin_exit, {}}, out);
  EXPECT_TRUE(out.exit);
}

TEST(KioskUiApply, DemoBadgeIsHeldUpAndHomeForgetsEverything) {
  auto ui = make_ui(KioskMode::demo);
  UiOutput out;
  ui.apply({K::present_demo, "RPT-1"}, out);
  ASSERT_EQ(out.present.size(), 1u);
  EXPECT_EQ(out.present[0], "RPT-1");
  ui.apply({K::search_type, "Ana"}, out);
  ui.apply({K::pin_digit, "4"}, out);
  ui.apply({K::we_met_from_attract, {}}, out);
  UiOutput home;
  ui.apply({K::home, {}}, home);
  EXPECT_EQ(ui.state().screen, Screen::attract);
  EXPECT_TRUE(ui.state().search_query.empty());
  EXPECT_TRUE(ui.state().pin_digits.empty());
  EXPECT_FALSE(ui.state().we_met.has_value());
  EXPECT_FALSE(ui.state().staff_unlocked);
  EXPECT_TRUE(home.clear_camera);
}
