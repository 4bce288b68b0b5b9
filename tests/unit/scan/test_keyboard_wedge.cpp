#include <gtest/gtest.h>

#include "scan/keyboard_wedge.hpp"

using namespace rapport;
using namespace std::chrono_literals;

namespace {
// Types `text` one character per `gap`, starting at t; returns the last feed's result.
std::optional<std::string> type(KeyboardWedge& w, const std::string& text, TimePoint& t, std::chrono::milliseconds gap) {
  std::optional<std::string> last;
  for (char c : text) {
    t += gap;
    last = w.feed(std::string(1, c), t);
    if (last) return last;
  }
  return last;
}
}  // namespace

TEST(KeyboardWedge, AFastBurstEndingInEnterIsAScan) {
  KeyboardWedge w;
  TimePoint t{};
  EXPECT_FALSE(type(w, "RPT1:MZXW6YTBOI3DEMZUGU3DOOBZGA", t, 4ms));
  EXPECT_TRUE(w.in_burst());
  t += 4ms;
  auto scan = w.feed("\n", t);
  ASSERT_TRUE(scan);
  EXPECT_EQ(*scan, "RPT1:MZXW6YTBOI3DEMZUGU3DOOBZGA");
  EXPECT_FALSE(w.in_burst());
}

TEST(KeyboardWedge, APersonTypingSlowlyIsNotAScan) {
  KeyboardWedge w;
  TimePoint t{};
  EXPECT_FALSE(type(w, "T-0001\n", t, 180ms));  // a quick typist is still ~100-200 ms per key
  EXPECT_FALSE(w.in_burst());
  // Even a fast typist's occasional quick pair does not make a scan.
  EXPECT_FALSE(type(w, "ab", t, 20ms));
  EXPECT_FALSE(w.feed("\n", t + 200ms));
}

TEST(KeyboardWedge, TypingThenAScanGivesOnlyTheScan) {
  KeyboardWedge w;
  TimePoint t{};
  EXPECT_FALSE(type(w, "hello", t, 150ms));
  t += 400ms;
  auto scan = type(w, "T-0001\n", t, 5ms);
  ASSERT_TRUE(scan);
  EXPECT_EQ(*scan, "T-0001");
}

TEST(KeyboardWedge, ShortBurstsAreNotCodes) {
  KeyboardWedge w;
  TimePoint t{};
  EXPECT_FALSE(type(w, "ab\n", t, 3ms));  // below min_length
}

TEST(KeyboardWedge, ConfigurableSuffix) {
  KeyboardWedge w(WedgeOptions{35ms, 4, "\t", 120ms});
  TimePoint t{};
  EXPECT_FALSE(type(w, "200100001001\n", t, 5ms));  // Enter is just a character here
  t += 1s;
  auto scan = type(w, "200100001001\t", t, 5ms);
  ASSERT_TRUE(scan);
  EXPECT_EQ(*scan, "200100001001");
}

TEST(KeyboardWedge, NoSuffixEndsOnAPause) {
  KeyboardWedge w(WedgeOptions{35ms, 4, "", 120ms});
  TimePoint t{};
  EXPECT_FALSE(type(w, "T-0001", t, 5ms));
  EXPECT_FALSE(w.poll(t + 50ms));  // still within the pause
  auto scan = w.poll(t + 130ms);
  ASSERT_TRUE(scan);
  EXPECT_EQ(*scan, "T-0001");
  EXPECT_FALSE(w.poll(t + 500ms));  // reported once
  // Slow typing with no suffix never turns into a scan.
  EXPECT_FALSE(type(w, "T-0002", t, 200ms));
  EXPECT_FALSE(w.poll(t + 1s));
}

TEST(KeyboardWedge, Utf8CharactersCountAsOne) {
  KeyboardWedge w;
  TimePoint t{};
  for (const char* c : {"Ł", "ó", "d", "ź"}) w.feed(c, t += 3ms);
  auto scan = w.feed("\n", t += 3ms);
  ASSERT_TRUE(scan);
  EXPECT_EQ(*scan, "Łódź");
}
