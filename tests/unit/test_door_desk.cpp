// The door kiosk's staff tools at the desk (issue 14): exits and the matcher, overrides,
// undo, walk-ins, reprints, staff cards, the PIN lockout that survives a restart; the
// printer thread that never holds a check-in; and the sound cues.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "audio/sound_cues.hpp"
#include "core/checkin/staff_card.hpp"
#include "core/config/pin.hpp"
#include "core/kiosk/front_desk.hpp"
#include "core/roster/import.hpp"
#include "print/badge_printer.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using rapport::test::TempDir;

namespace {
const char* kRoster =
    "id,first_name,last_name,email,interests,consent,ticket_code,status\n"
    "A1,Thảo,Nguyễn,thao@example.org,climate data,yes,T-0001,active\n"
    "A2,Ben,Okafor,ben@example.org,climate data,yes,T-0002,active\n"
    "A3,Dan,Cancel,dan@example.org,sales,yes,T-0003,cancelled\n";

std::string make_event(TempDir& dir) {
  auto path = dir.file("e.sqlite");
  auto s = Store::create(path, EventInfo{"Test", "", "k1"});
  EXPECT_TRUE(s.ok());
  auto csv = dir.write("r.csv", kRoster);
  EXPECT_TRUE(import_roster_file(*s, csv, RosterFormat::automatic, ImportMapping{}).ok());
  return path;
}

std::unique_ptr<FrontDesk> open_desk(const std::string& path, KioskConfig cfg = {}) {
  auto store = Store::open(path);
  EXPECT_TRUE(store.ok());
  FrontDesk::Options o;
  o.config = std::move(cfg);
  auto desk = FrontDesk::open(std::move(*store), std::move(o));
  EXPECT_TRUE(desk.ok()) << desk.error().to_string();
  return std::move(*desk);
}

DeskReply ask(FrontDesk& d, DeskRequest r) {
  d.submit(std::move(r));
  for (int i = 0; i < 4000; ++i) {
    if (auto rep = d.poll()) return std::move(*rep);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ADD_FAILURE() << "no reply";
  return StorageProblem{"timeout"};
}

CheckinOutcome outcome(const DeskReply& r) { return std::get<DoorReply>(r).checkin.outcome; }
}  // namespace

TEST(DoorDesk, ExitDoorChecksOutAndReentryIsAttention) {
  TempDir dir;
  auto path = make_event(dir);
  {
    auto d = open_desk(path);
    EXPECT_EQ(outcome(ask(*d, ScanRequest{"T-0001"})), CheckinOutcome::checked_in);
  }
  KioskConfig exit_cfg;
  exit_cfg.door.direction = "exit";
  {
    auto d = open_desk(path, exit_cfg);
    auto r = ask(*d, ScanRequest{"T-0001"});
    EXPECT_EQ(outcome(r), CheckinOutcome::checked_out);
    EXPECT_EQ(audio::cue_for(std::get<DoorReply>(r)), audio::Cue::attention);
    EXPECT_EQ(outcome(ask(*d, ScanRequest{"T-0002"})), CheckinOutcome::not_checked_in);
  }
  auto d = open_desk(path);
  auto back = ask(*d, ScanRequest{"T-0001"});
  EXPECT_EQ(outcome(back), CheckinOutcome::checked_in);
  EXPECT_TRUE(std::get<DoorReply>(back).checkin.reentry);
  EXPECT_EQ(audio::cue_for(std::get<DoorReply>(back)), audio::Cue::attention);
}

TEST(DoorDesk, CancelledTicketHasAStaffNoteAndAnOverrideWithAReason) {
  TempDir dir;
  auto path = make_event(dir);
  auto d = open_desk(path);
  auto refused = ask(*d, ScanRequest{"T-0003"});
  EXPECT_EQ(outcome(refused), CheckinOutcome::cancelled);
  EXPECT_NE(std::get<DoorReply>(refused).staff_note.find("cancelled"), std::string::npos);
  EXPECT_EQ(audio::cue_for(std::get<DoorReply>(refused)), audio::Cue::refusal);
  auto in = ask(*d, CheckinByIdRequest{"A3", false, "Paid at the door"});
  EXPECT_EQ(outcome(in), CheckinOutcome::checked_in);
  EXPECT_TRUE(std::get<DoorReply>(in).checkin.overridden);
  auto s = Store::open(path, OpenOptions{true});
  auto reason = s->db().text_of("SELECT reason FROM overrides_named WHERE attendee_id = 'A3'");
  ASSERT_TRUE(reason.ok());
  EXPECT_EQ(reason->value_or(""), "Paid at the door");
}

TEST(DoorDesk, UndoWalkinReprintAndStaffCard) {
  TempDir dir;
  auto path = make_event(dir);
  std::string card;
  {
    auto s = Store::open(path);
    card = *issue_staff_card(*s, "staff");
  }
  KioskConfig cfg;
  cfg.print.queue = "door";
  auto d = open_desk(path, cfg);
  EXPECT_TRUE(std::holds_alternative<StaffCardReply>(ask(*d, ScanRequest{card})));
  EXPECT_EQ(outcome(ask(*d, ScanRequest{"T-0001"})), CheckinOutcome::checked_in);
  auto undo = ask(*d, UndoRequest{"A1"});
  ASSERT_TRUE(std::holds_alternative<StaffReply>(undo));
  EXPECT_TRUE(std::get<StaffReply>(undo).ok);
  EXPECT_EQ(outcome(ask(*d, ScanRequest{"T-0001"})), CheckinOutcome::checked_in);  // a first arrival again

  WalkinRequest w;
  w.first_name = "Amira";
  w.email = "THAO@example.org";
  auto taken = ask(*d, WalkinDeskRequest{w});
  ASSERT_TRUE(std::holds_alternative<StaffReply>(taken));
  EXPECT_NE(std::get<StaffReply>(taken).line.find("Thảo Nguyễn"), std::string::npos);
  w.email = "amira@example.org";
  auto added = ask(*d, WalkinDeskRequest{w});
  ASSERT_TRUE(std::holds_alternative<DoorReply>(added));
  const auto& door = std::get<DoorReply>(added);
  EXPECT_EQ(door.checkin.outcome, CheckinOutcome::checked_in);
  ASSERT_TRUE(door.new_person);
  ASSERT_TRUE(door.print);  // a queue is set: walk-ins print
  EXPECT_EQ(door.print->first_name, "Amira");
  std::string old_code = door.print->code;
  EXPECT_EQ(outcome(ask(*d, ScanRequest{old_code})), CheckinOutcome::already_checked_in);

  auto again = ask(*d, ReprintRequest{door.new_person->id});
  ASSERT_TRUE(std::holds_alternative<StaffReply>(again));
  ASSERT_TRUE(std::get<StaffReply>(again).print);
  EXPECT_NE(std::get<StaffReply>(again).print->code, old_code);
  auto lost = ask(*d, ScanRequest{old_code});
  EXPECT_EQ(std::get<DoorReply>(lost).match, ScanMatch::revoked);
}

TEST(DoorDesk, PinLockoutSurvivesARestartAndGrows) {
  TempDir dir;
  auto path = make_event(dir);
  KioskConfig cfg;
  cfg.admin.pin_hash = *hash_pin("2468");
  cfg.admin.max_attempts = 2;
  cfg.admin.lock_seconds = 60;
  {
    auto d = open_desk(path, cfg);
    EXPECT_EQ(std::get<PinReply>(ask(*d, PinRequest{"1111"})).verdict, PinVerdict::wrong);
    auto locked = std::get<PinReply>(ask(*d, PinRequest{"1111"}));
    EXPECT_EQ(locked.verdict, PinVerdict::locked);
    EXPECT_EQ(locked.wait, std::chrono::seconds(60));
  }
  // A restart (pulling the plug) does not open the pad, not even for the right PIN.
  auto d = open_desk(path, cfg);
  auto still = std::get<PinReply>(ask(*d, PinRequest{"2468"}));
  EXPECT_EQ(still.verdict, PinVerdict::locked);
  EXPECT_FALSE(still.matched);
  auto s = Store::open(path, OpenOptions{true});
  auto lockouts = s->db().scalar_int("SELECT lockouts FROM pin_lockout");
  EXPECT_EQ(*lockouts, 1);
}

TEST(BadgePrinter, OfflinePrinterIsAStatusLineNeverAWait) {
  std::atomic<int> calls{0};
  print::BadgePrinter printer(
      print::PrintSettings{"door", LabelPreset::label_4x3in},
      [&](const BadgeContent&, const print::PrintSettings&) -> Result<int> {
        ++calls;
        return make_error("cannot reach CUPS at localhost");
      },
      std::chrono::hours(1));
  printer.submit(BadgeContent{"E", "Ana", "Ana Lima", {}, "RPT1:X"});
  for (int i = 0; i < 400 && printer.status_line().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_NE(printer.status_line().find("Printer offline"), std::string::npos);
  EXPECT_EQ(printer.printed(), 0);
}

TEST(SoundCues, DistinctCuesAndAFileSinkThatSaysWhichPlayed) {
  auto s = audio::render_cue(audio::Cue::success, 22050, 1.0);
  auto a = audio::render_cue(audio::Cue::attention, 22050, 1.0);
  auto r = audio::render_cue(audio::Cue::refusal, 22050, 1.0);
  EXPECT_NE(s, a);
  EXPECT_NE(a, r);
  for (const auto* c : {&s, &a, &r}) EXPECT_LT(c->size(), 22050u / 2);  // short: under half a second
  auto quiet = audio::render_cue(audio::Cue::success, 22050, 0.0);
  for (auto v : quiet) ASSERT_EQ(v, 0);
  TempDir dir;
  std::string log = dir.file("cues.log");
  {
    KioskConfig::Audio cfg;
    cfg.sink = "file:" + log;
    cfg.greeting = true;
    audio::SoundPlayer player(cfg);
    auto lines = [&] {
      std::ifstream f(log);
      int n = 0;
      for (std::string line; std::getline(f, line);) ++n;
      return n;
    };
    player.play(audio::Cue::success, "Ana");
    for (int i = 0; i < 800 && lines() < 1; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    player.play(audio::Cue::refusal);
    for (int i = 0; i < 800 && lines() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::ifstream f(log);
  std::string first, second;
  std::getline(f, first);
  std::getline(f, second);
  EXPECT_EQ(first.rfind("success ", 0), 0u) << first;
  EXPECT_NE(first.find("greeting \"Welcome, Ana\""), std::string::npos) << first;
  EXPECT_EQ(second.rfind("refusal ", 0), 0u) << second;
  // No sound device is not an error.
  KioskConfig::Audio none;
  none.sink = "null";
  audio::SoundPlayer silent(none);
  silent.play(audio::Cue::attention);
}
