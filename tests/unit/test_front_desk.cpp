// The kiosk's writer thread: acknowledges only committed check-ins, reports storage
// failures as a reply, records "we met" once per pair, and never leaks email to the screen.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "core/kiosk/front_desk.hpp"
#include "core/roster/import.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using rapport::test::TempDir;

namespace {
const char* kRoster =
    "id,first_name,last_name,email,interests,personal_interests,looking_for,can_help_with,consent,ticket_code\n"
    "A1,Thảo,Nguyễn,thao@example.org,climate data,water skiing,UX mentoring,grid modelling,yes,T-0001\n"
    "A2,Ben,Okafor,ben@example.org,climate data,chess,grid modelling,UX mentoring,yes,T-0002\n"
    "A3,Carla,Rossi,carla@example.org,climate data,chess,,,yes,T-0003\n";

std::unique_ptr<FrontDesk> open_desk(TempDir& dir, const std::string& extra_sql = {},
                                     FrontDesk::Options options = {}) {
  auto path = dir.file("e.sqlite");
  {
    auto s = Store::create(path, EventInfo{"Test", "", "k1"});
    EXPECT_TRUE(s.ok());
    auto csv = dir.write("r.csv", kRoster);
    auto imp = import_roster_file(*s, csv, RosterFormat::automatic, ImportMapping{});
    EXPECT_TRUE(imp.ok()) << imp.error().to_string();
    if (!extra_sql.empty()) {
      EXPECT_TRUE(s->db().exec(extra_sql).ok());
    }
  }
  auto store = Store::open(path);
  EXPECT_TRUE(store.ok());
  auto desk = FrontDesk::open(std::move(*store), std::move(options));
  EXPECT_TRUE(desk.ok()) << desk.error().to_string();
  return std::move(*desk);
}

DeskReply wait_reply(FrontDesk& d) {
  for (int i = 0; i < 2000; ++i) {
    if (auto r = d.poll()) return std::move(*r);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ADD_FAILURE() << "no reply";
  return StorageProblem{"timeout"};
}
}  // namespace

TEST(FrontDesk, RosterForTheScreenHasNoEmail) {
  TempDir dir;
  auto d = open_desk(dir);
  ASSERT_EQ(d->roster().size(), 3u);
  EXPECT_EQ(d->roster()[0].first_name, "Thảo");
  EXPECT_EQ(d->roster()[0].initials, "TN");
  for (const auto& p : d->roster())
    for (const auto& t : p.interests) EXPECT_EQ(t.find('@'), std::string::npos);
}

TEST(FrontDesk, ScanChecksInThenWelcomesBack) {
  TempDir dir;
  auto d = open_desk(dir);
  d->submit(ScanRequest{"T-0001", {}, false});
  auto r = wait_reply(*d);
  ASSERT_TRUE(std::holds_alternative<DoorReply>(r));
  EXPECT_EQ(std::get<DoorReply>(r).checkin.outcome, CheckinOutcome::checked_in);
  d->submit(ScanRequest{"T-0001", {}, false});
  r = wait_reply(*d);
  EXPECT_EQ(std::get<DoorReply>(r).checkin.outcome, CheckinOutcome::already_checked_in);
  d->submit(ScanRequest{"NOPE-123", {}, false});
  r = wait_reply(*d);
  EXPECT_EQ(std::get<DoorReply>(r).match, ScanMatch::unknown);
}

TEST(FrontDesk, FloorScanBringsSuggestionsOfPresentPeople) {
  TempDir dir;
  auto d = open_desk(dir);
  d->submit(ScanRequest{"T-0002", {}, false});
  (void)wait_reply(*d);
  d->submit(ScanRequest{"T-0001", {}, true});
  auto r = wait_reply(*d);
  ASSERT_TRUE(std::holds_alternative<DoorReply>(r));
  const auto& door = std::get<DoorReply>(r);
  ASSERT_TRUE(door.suggestions.has_value());
  ASSERT_EQ(door.suggestions->suggestions.size(), 1u);  // only Ben is here
  EXPECT_EQ(door.suggestions->suggestions[0].person.id, "A2");
}

TEST(FrontDesk, WeMetIsRecordedOncePerPair) {
  TempDir dir;
  auto d = open_desk(dir);
  MeetRequest m;
  m.first_id = "A1";
  m.second_text = "T-0002";
  d->submit(m);
  auto r = wait_reply(*d);
  ASSERT_TRUE(std::holds_alternative<MeetReply>(r));
  EXPECT_EQ(std::get<MeetReply>(r).outcome, MeetReply::Outcome::recorded);
  EXPECT_EQ(std::get<MeetReply>(r).connections_today, 1);
  MeetRequest back;
  back.first_id = "A2";
  back.second_text = "T-0001";
  d->submit(back);
  r = wait_reply(*d);
  EXPECT_EQ(std::get<MeetReply>(r).outcome, MeetReply::Outcome::already_met);
  MeetRequest self;
  self.first_id = "A1";
  self.second_text = "T-0001";
  d->submit(self);
  r = wait_reply(*d);
  EXPECT_EQ(std::get<MeetReply>(r).outcome, MeetReply::Outcome::same_person);
}

TEST(FrontDesk, AFailedWriteIsAStorageProblemNeverAWelcome) {
  TempDir dir;
  auto d = open_desk(dir, "CREATE TRIGGER full BEFORE INSERT ON checkins BEGIN "
                          "SELECT RAISE(FAIL, 'database or disk is full'); END;");
  d->submit(ScanRequest{"T-0001", {}, false});
  auto r = wait_reply(*d);
  EXPECT_TRUE(std::holds_alternative<StorageProblem>(r));
}

TEST(FrontDesk, DayPictureCountsTheDay) {
  TempDir dir;
  auto d = open_desk(dir);
  MeetRequest m;
  m.first_id = "A1";
  m.second_text = "T-0003";
  d->submit(m);
  (void)wait_reply(*d);
  d->submit(PictureRequest{});
  auto r = wait_reply(*d);
  ASSERT_TRUE(std::holds_alternative<DayPicture>(r));
  const auto& p = std::get<DayPicture>(r);
  // The same figures as `rapport stats`: one source of truth.
  EXPECT_EQ(p.stats.registered, 3);
  EXPECT_EQ(p.stats.checked_in, 2);
  EXPECT_EQ(p.stats.present_now, 2);
  EXPECT_EQ(p.stats.connections, 1);
  ASSERT_EQ(p.stats.checkins_per_15min.size(), 1u);
  EXPECT_EQ(p.stats.checkins_per_15min[0].count, 2);
  ASSERT_EQ(p.graph.nodes.size(), 2u);
  EXPECT_EQ(p.graph.edges.size(), 1u);
  EXPECT_EQ(p.graph.nodes[0].top_interest, "climate data");
}

TEST(DayPicture, BucketCounts) {
  auto b = bucket_counts({{"2026-11-21T09:00:00.000Z", 2}, {"2026-11-21T09:15:00.000Z", 0},
                          {"2026-11-21T09:30:00.000Z", 1}});
  EXPECT_EQ(b, (std::vector<int64_t>{2, 0, 1}));
  EXPECT_TRUE(bucket_counts({}).empty());
}

namespace {
// Replies until a SyncReply arrives (the desk pushes at start and when due).
SyncReply wait_sync(FrontDesk& d) {
  for (int i = 0; i < 400; ++i) {
    auto r = wait_reply(d);
    if (auto* s = std::get_if<SyncReply>(&r)) return *s;
  }
  ADD_FAILURE() << "no sync reply";
  return {};
}
}  // namespace

TEST(FrontDeskSync, PushesToTheTargetOnItsOwnAndOnDemand) {
  TempDir dir;
  FrontDesk::Options o;
  o.config.sync.target = dir.file("org.sqlite");
  o.config.sync.interval_seconds = 300;
  o.tick = std::chrono::milliseconds(20);
  auto d = open_desk(dir, {}, o);
  auto first = wait_sync(*d);  // due at start
  EXPECT_TRUE(first.status.configured);
  EXPECT_TRUE(first.status.ok()) << first.status.last_error;
  EXPECT_FALSE(first.manual);
  d->submit(ScanRequest{"T-0001", {}, false});
  (void)wait_reply(*d);
  d->submit(SyncRequest{});
  auto now = wait_sync(*d);
  EXPECT_TRUE(now.manual);
  EXPECT_TRUE(now.status.ok()) << now.status.last_error;
  EXPECT_GT(now.status.rows_last_push, 0);
  EXPECT_EQ(now.status.pending, 0);
  auto org = Store::open(o.config.sync.target, OpenOptions{true});
  ASSERT_TRUE(org.ok()) << org.error().to_string();
  EXPECT_EQ(*org->db().scalar_int("SELECT count(*) FROM checkins"), 1);
}

TEST(FrontDeskSync, AMissingTargetIsReportedRetriedAndNothingIsLost) {
  TempDir dir;
  FrontDesk::Options o;
  o.config.sync.target = dir.file("stick/org.sqlite");  // the USB stick is not there
  o.config.sync.interval_seconds = 1;                    // retry every second
  o.tick = std::chrono::milliseconds(20);
  auto d = open_desk(dir, {}, o);
  auto first = wait_sync(*d);
  EXPECT_FALSE(first.status.ok());
  EXPECT_NE(first.status.last_error.find("not there"), std::string::npos) << first.status.last_error;
  d->submit(ScanRequest{"T-0001", {}, false});
  bool checked_in = false;
  int failures = first.status.failures_in_a_row;
  for (int i = 0; i < 400 && (!checked_in || failures < 2); ++i) {
    auto r = wait_reply(*d);
    if (auto* door = std::get_if<DoorReply>(&r)) checked_in = door->checkin.outcome == CheckinOutcome::checked_in;
    if (auto* s = std::get_if<SyncReply>(&r)) failures = s->status.failures_in_a_row;
  }
  EXPECT_TRUE(checked_in);    // check-ins go on
  EXPECT_GE(failures, 2);     // and the push was retried
  // The stick comes back: the next push carries everything.
  std::filesystem::create_directories(dir.file("stick"));
  SyncReply back = wait_sync(*d);
  for (int i = 0; i < 200 && !back.status.ok(); ++i) back = wait_sync(*d);
  EXPECT_TRUE(back.status.ok()) << back.status.last_error;
  EXPECT_EQ(back.status.pending, 0);
  auto org = Store::open(o.config.sync.target, OpenOptions{true});
  ASSERT_TRUE(org.ok());
  EXPECT_EQ(*org->db().scalar_int("SELECT count(*) FROM checkins"), 1);
}

TEST(FrontDesk, SeesPeopleAddedToTheFileWhileItRuns) {
  TempDir dir;
  auto d = open_desk(dir);
  d->submit(ScanRequest{"T-0001", {}, false});  // leaves no read transaction behind
  (void)wait_reply(*d);
  {
    auto other = Store::open(dir.file("e.sqlite"));  // a re-import from another process
    ASSERT_TRUE(other.ok());
    auto csv = dir.write("late.csv",
                         "id,first_name,last_name,email,interests,consent,ticket_code\n"
                         "A9,김민준,박,m@example.org,robotics,yes,T-0100\n");
    auto imp = import_roster_file(*other, csv, RosterFormat::automatic, ImportMapping{});
    ASSERT_TRUE(imp.ok()) << imp.error().to_string();
  }
  d->submit(ScanRequest{"T-0100", {}, false});
  auto r = wait_reply(*d);
  ASSERT_TRUE(std::holds_alternative<DoorReply>(r));
  EXPECT_EQ(std::get<DoorReply>(r).checkin.outcome, CheckinOutcome::checked_in);
  ASSERT_TRUE(std::get<DoorReply>(r).checkin.attendee.has_value());
  EXPECT_EQ(std::get<DoorReply>(r).checkin.attendee->first_name, "김민준");
}

TEST(FrontDesk, AKioskWithALocationNotesWhereEachBadgeWasSeen) {
  TempDir dir;
  FrontDesk::Options options;
  options.config.location = "coffee bar";
  auto d = open_desk(dir, {}, options);
  d->submit(ScanRequest{"T-0002", {}, true});
  ASSERT_TRUE(std::holds_alternative<DoorReply>(wait_reply(*d)));
  d->submit(ScanRequest{"T-0001", {}, true});
  auto r = wait_reply(*d);
  ASSERT_TRUE(std::holds_alternative<DoorReply>(r));
  const auto& door = std::get<DoorReply>(r);
  ASSERT_TRUE(door.suggestions);
  ASSERT_FALSE(door.suggestions->suggestions.empty());
  const Suggestion& ben = door.suggestions->suggestions[0];
  EXPECT_EQ(ben.person.id, "A2");
  EXPECT_EQ(ben.person.name, "Ben Okafor");
  ASSERT_TRUE(ben.last_seen);
  EXPECT_EQ(ben.last_seen->location, "coffee bar");
  EXPECT_EQ(ben.seen_line, "last scanned at the coffee bar, just now");
}

TEST(FrontDesk, APersonImportedWhileTheKioskRunsIsGreetedNotToldStorageIsFull) {
  TempDir dir;
  auto d = open_desk(dir);
  d->submit(ScanRequest{"T-0002", {}, false});  // someone on the floor to suggest
  ASSERT_TRUE(std::holds_alternative<DoorReply>(wait_reply(*d)));
  {
    // The organizer imports a late registration into the running kiosk's file.
    auto s = Store::open(dir.file("e.sqlite"));
    ASSERT_TRUE(s.ok());
    auto csv = dir.write("late.csv",
                         "id,first_name,last_name,email,interests,looking_for,consent,ticket_code\n"
                         "A9,Dana,Late,dana@example.org,climate data,UX mentoring,yes,T-0009\n");
    auto imp = import_roster_file(*s, csv, RosterFormat::automatic, ImportMapping{});
    ASSERT_TRUE(imp.ok()) << imp.error().to_string();
  }
  d->submit(ScanRequest{"T-0009", {}, true});
  auto r = wait_reply(*d);
  ASSERT_TRUE(std::holds_alternative<DoorReply>(r)) << "not a storage problem";
  const auto& door = std::get<DoorReply>(r);
  EXPECT_EQ(door.checkin.outcome, CheckinOutcome::checked_in);
  ASSERT_TRUE(door.checkin.attendee);
  EXPECT_EQ(door.checkin.attendee->first_name, "Dana");
  ASSERT_TRUE(door.suggestions);
  EXPECT_EQ(door.suggestions->refusal, SuggestRefusal::none);
  ASSERT_FALSE(door.suggestions->suggestions.empty());
  EXPECT_EQ(door.suggestions->suggestions[0].person.id, "A2");
}
