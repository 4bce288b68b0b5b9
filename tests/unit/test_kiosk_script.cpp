// The kiosk automation script parser.
#include <gtest/gtest.h>

#include "core/config/kiosk_script.hpp"

using namespace rapport;

TEST(KioskScript, ParsesEveryVerb) {
  auto s = parse_kiosk_script(
      "# a comment\n\npresent RPT1:ABC\nkey T-0001\ntap We met!\ntype thao\nwait 250\n"
      "expect Welcome, Thảo!\nscreenshot out/a.png\n",
      "t.txt");
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  ASSERT_EQ(s->size(), 7u);
  EXPECT_EQ((*s)[0].verb, ScriptVerb::present);
  EXPECT_EQ((*s)[0].arg, "RPT1:ABC");
  EXPECT_EQ((*s)[0].line, 3u);
  EXPECT_EQ((*s)[2].arg, "We met!");
  EXPECT_EQ((*s)[4].wait_ms, 250);
  EXPECT_EQ((*s)[5].arg, "Welcome, Thảo!");
  EXPECT_EQ((*s)[6].verb, ScriptVerb::screenshot);
}

TEST(KioskScript, ErrorsNameTheLine) {
  auto s = parse_kiosk_script("expect ok\nclick Done\n", "t.txt");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().where, "t.txt:2");
  EXPECT_NE(s.error().message.find("click"), std::string::npos);
}

TEST(KioskScript, BadArguments) {
  EXPECT_FALSE(parse_kiosk_script("wait soon\n", "t").ok());
  EXPECT_FALSE(parse_kiosk_script("wait -5\n", "t").ok());
  EXPECT_FALSE(parse_kiosk_script("wait 99999999\n", "t").ok());
  EXPECT_FALSE(parse_kiosk_script("tap\n", "t").ok());
  EXPECT_FALSE(parse_kiosk_script("screenshot shot.jpg\n", "t").ok());
  EXPECT_FALSE(parse_kiosk_script("present \xff\xfe\n", "t").ok());
  EXPECT_FALSE(parse_kiosk_script(std::string("type a\x01" "b\n"), "t").ok());
}

TEST(KioskScript, CrlfAndNoFinalNewline) {
  auto s = parse_kiosk_script("tap Done\r\nexpect Hold", "t");
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].arg, "Done");
  EXPECT_EQ((*s)[1].arg, "Hold");
}

TEST(KioskScript, TestHooksAdvanceAndProbe) {
  auto s = parse_kiosk_script("advance 7\nprobe half\n", "t");
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].verb, ScriptVerb::advance);
  EXPECT_EQ((*s)[0].wait_ms, 7);  // seconds for advance
  EXPECT_EQ((*s)[1].verb, ScriptVerb::probe);
  EXPECT_EQ((*s)[1].arg, "half");
  EXPECT_FALSE(parse_kiosk_script("advance soon\n", "t").ok());
  EXPECT_FALSE(parse_kiosk_script("advance -1\n", "t").ok());
  EXPECT_FALSE(parse_kiosk_script("advance 90000\n", "t").ok());
  EXPECT_FALSE(parse_kiosk_script("probe\n", "t").ok());
}
