// The kiosk config: defaults, every section read, and bad files named by key and line.
#include <gtest/gtest.h>

#include <fstream>

#include "core/config/kiosk_config.hpp"
#include "core/config/pin.hpp"
#include "core/config/pin_lockout.hpp"

using namespace rapport;

TEST(KioskConfig, EmptyFileIsTheDefaults) {
  auto c = parse_kiosk_config("", "k.toml");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->mode, KioskMode::door);
  EXPECT_EQ(c->timeouts.idle_seconds, 20);
  EXPECT_EQ(c->camera.source, "auto");
}

TEST(KioskConfig, ReadsEverySection) {
  auto c = parse_kiosk_config(R"(
mode = "floor"
event_name = "DevConf"
[theme]
accent = "#FF8800"
[camera]
source = "v4l2:/dev/video2"
fps = 15
[scanner]
suffix = "\t"
[timeouts]
idle_seconds = 45
[fairness]
exposure_cap_per_window = 3
exclude_same_company = true
[sync]
target = "/media/usb/org.sqlite"
interval_seconds = 60
[hub]
url = "postgresql://rapport:secret@hub.example.org/rapport"
interval_seconds = 2
)", "floor.toml");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->mode, KioskMode::floor);
  EXPECT_EQ(c->event_name, "DevConf");
  EXPECT_EQ(c->theme.accent, 0xFF8800u);
  EXPECT_EQ(c->camera.source, "v4l2:/dev/video2");
  EXPECT_EQ(c->camera.fps, 15);
  EXPECT_EQ(c->scanner.suffix, "\t");
  EXPECT_EQ(c->timeouts.idle_seconds, 45);
  EXPECT_EQ(c->fairness.exposure_cap_per_window, 3);
  EXPECT_TRUE(c->fairness.exclude_same_company);
  EXPECT_EQ(c->sync.target, "/media/usb/org.sqlite");
  EXPECT_EQ(c->hub.url, "postgresql://rapport:secret@hub.example.org/rapport");
  EXPECT_EQ(c->hub.interval_seconds, 2);
}

TEST(KioskConfig, BadModeNamesKeyValueAndLine) {
  auto c = parse_kiosk_config("\n\nmode = \"lobby\"\n", "door.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().where, "door.toml:3");
  EXPECT_NE(c.error().message.find("'mode'"), std::string::npos);
  EXPECT_NE(c.error().message.find("lobby"), std::string::npos);
}

TEST(KioskConfig, UnknownKeyIsReportedNotIgnored) {
  auto c = parse_kiosk_config("[timeouts]\nidle_secs = 5\n", "k.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("timeouts.idle_secs"), std::string::npos);
  EXPECT_EQ(c.error().where, "k.toml:2");
}

TEST(KioskConfig, OutOfRangeAndWrongTypes) {
  EXPECT_FALSE(parse_kiosk_config("[timeouts]\nidle_seconds = 0\n", "k").ok());
  EXPECT_FALSE(parse_kiosk_config("[timeouts]\nidle_seconds = \"20\"\n", "k").ok());
  EXPECT_FALSE(parse_kiosk_config("[theme]\naccent = \"green\"\n", "k").ok());
  EXPECT_FALSE(parse_kiosk_config("[camera]\nsource = \"webcam\"\n", "k").ok());
  EXPECT_FALSE(parse_kiosk_config("theme = 3\n", "k").ok());
  auto broken = parse_kiosk_config("mode = \"door\n", "k.toml");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().where.rfind("k.toml:", 0), 0u);
}

TEST(KioskConfig, APinInsteadOfAHashIsRefusedWithoutEchoingIt) {
  auto c = parse_kiosk_config("[admin]\npin_hash = \"482913\"\n", "k.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message.find("482913"), std::string::npos);
  EXPECT_EQ(c.error().where, "k.toml:2");
}

TEST(KioskConfig, ShippedConfigsLoad) {
  for (const char* name : {"door", "floor", "demo"}) {
    auto c = load_kiosk_config(std::string(RAPPORT_SOURCE_DIR) + "/kiosk-config/" + name + ".toml");
    ASSERT_TRUE(c.ok()) << name << ": " << c.error().to_string();
    EXPECT_EQ(mode_name(c->mode), name);
    EXPECT_TRUE(verify_pin(c->admin.pin_hash, "2468")) << name;
  }
}

TEST(Pin, HashVerifiesOnlyTheRightPin) {
  auto h = hash_pin("2468");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->find("2468"), std::string::npos);
  EXPECT_TRUE(verify_pin(*h, "2468"));
  EXPECT_FALSE(verify_pin(*h, "2469"));
  EXPECT_FALSE(verify_pin("not a hash", "2468"));
  EXPECT_FALSE(hash_pin("12").ok());
}

TEST(PinLockout, FiveWrongLockForAMinuteThenEachLockoutTwiceAsLong) {
  PinLockPolicy policy{5, std::chrono::seconds(60)};
  PinLockout s;
  TimePoint t{};
  for (int i = 0; i < 4; ++i) EXPECT_EQ(record_pin_attempt(s, policy, false, t).verdict, PinVerdict::wrong);
  auto fifth = record_pin_attempt(s, policy, false, t);
  EXPECT_EQ(fifth.verdict, PinVerdict::locked);
  EXPECT_EQ(fifth.wait, std::chrono::seconds(60));
  // Even the right PIN is refused while locked.
  EXPECT_EQ(record_pin_attempt(s, policy, true, t + std::chrono::seconds(30)).verdict, PinVerdict::locked);
  EXPECT_EQ(lock_remaining(s, t + std::chrono::seconds(30)), std::chrono::seconds(30));
  t += std::chrono::seconds(61);
  EXPECT_EQ(record_pin_attempt(s, policy, true, t).verdict, PinVerdict::accepted);
  // The right PIN does not wipe the history: the next lockout lasts 2 minutes, then 4.
  for (int i = 0; i < 4; ++i) (void)record_pin_attempt(s, policy, false, t);
  EXPECT_EQ(record_pin_attempt(s, policy, false, t).wait, std::chrono::seconds(120));
  t += std::chrono::seconds(121);
  for (int i = 0; i < 4; ++i) (void)record_pin_attempt(s, policy, false, t);
  EXPECT_EQ(record_pin_attempt(s, policy, false, t).wait, std::chrono::seconds(240));
  EXPECT_EQ(lock_length(policy, 30), std::chrono::hours(24));  // never longer than a day
}

TEST(KioskConfig, DoorPrintAudioKeys) {
  auto c = parse_kiosk_config(
      "direction = \"both\"\nauto_checkout_at = \"18:30\"\n[print]\nqueue = \"door\"\nlabel = \"62x100mm\"\n"
      "on_checkin = true\n[audio]\nenabled = false\nvolume = 0.5\ngreeting = true\n",
      "k.toml");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->door.direction, "both");
  EXPECT_EQ(c->door.auto_checkout_at, "18:30");
  EXPECT_EQ(c->print.queue, "door");
  EXPECT_EQ(c->print.label, "62x100mm");
  EXPECT_TRUE(c->print.on_checkin);
  EXPECT_FALSE(c->audio.enabled);
  EXPECT_TRUE(c->audio.greeting);
  auto table = parse_kiosk_config("[door]\ndirection = \"exit\"\n", "k.toml");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->door.direction, "exit");
  auto bad_dir = parse_kiosk_config("\n\ndirection = \"sideways\"\n", "k.toml");
  ASSERT_FALSE(bad_dir.ok());
  EXPECT_EQ(bad_dir.error().where, "k.toml:3");
  auto bad_time = parse_kiosk_config("auto_checkout_at = \"25:00\"\n", "k.toml");
  ASSERT_FALSE(bad_time.ok());
  EXPECT_NE(bad_time.error().message.find("18:30"), std::string::npos);
  EXPECT_FALSE(parse_kiosk_config("[print]\nlabel = \"huge\"\n", "k.toml").ok());
  EXPECT_FALSE(parse_kiosk_config("[print]\non_checkin = true\n", "k.toml").ok());
  EXPECT_FALSE(parse_kiosk_config("[audio]\nvolume = 3\n", "k.toml").ok());
}

TEST(KioskConfig, HubUrlIsCheckedWithoutEchoingIt) {
  auto ok = parse_kiosk_config("[hub]\nurl = \"postgres://door@10.0.0.5:5433/rapport\"\n", "k.toml");
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  EXPECT_EQ(ok->hub.interval_seconds, 1);
  for (const char* bad : {"https://hub.example.org", "hub.local", "postgresql:///db", "postgresql://me:pw@/db",
                          "postgresql://hub local/db"}) {
    auto c = parse_kiosk_config(std::string("\n[hub]\nurl = \"") + bad + "\"\n", "k.toml");
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_EQ(c.error().where, "k.toml:3") << bad;
    EXPECT_NE(c.error().message.find("hub.url"), std::string::npos);
    EXPECT_EQ(c.error().message.find(bad), std::string::npos) << "the URL may carry a password";
  }
  EXPECT_FALSE(parse_kiosk_config("[hub]\ninterval_seconds = 0\n", "k").ok());
}
