// Staff search: any part of a name in its own script, its Latin spelling (ICU
// transliteration), email and ticket code; best matches first; how many matched.
#include <gtest/gtest.h>

#include "ui/name_search.hpp"

using namespace rapport;
using namespace rapport::ui;

namespace {
PublicPerson person(std::string first, std::string last, std::vector<std::string> keys = {}) {
  PublicPerson p;
  p.first_name = std::move(first);
  p.last_name = std::move(last);
  p.search_keys = std::move(keys);
  return p;
}
}  // namespace

TEST(NameSearch, FoldsToLatin) {
  EXPECT_EQ(fold_for_search("Thảo Nguyễn"), "thao nguyen");
  EXPECT_EQ(fold_for_search("Łukasz"), "lukasz");
  EXPECT_EQ(fold_for_search("王芳"), "wang fang");
  EXPECT_EQ(fold_for_search("Олена"), "olena");
  EXPECT_EQ(fold_for_search("عبد الرحمن"), "abd alrhmn");
  EXPECT_EQ(fold_for_search("  Ana   Lima "), "ana lima");
}

TEST(NameSearch, FindsByFirstLastAndPart) {
  std::vector<PublicPerson> r = {person("Thảo", "Nguyễn"), person("Ben", "Thao"), person("王芳", ""),
                                 person("Arthaomir", "")};
  auto hits = find_people(r, "thao", 10);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0], 0u);  // the name starts with it
  EXPECT_EQ(hits[1], 1u);  // a word starts with it
  EXPECT_EQ(hits[2], 3u);  // contains it
  EXPECT_EQ(find_people(r, "王", 10).size(), 1u);
  EXPECT_TRUE(find_people(r, "   ", 10).empty());
  EXPECT_EQ(find_people(r, "thao", 1).size(), 1u);
}

TEST(NameSearch, FindsEveryScriptByItsLatinSpelling) {
  std::vector<PublicPerson> r = {person("王芳", ""),          person("김민준", ""),      person("عبد الرحمن", "الخطيب"),
                                 person("דוד", "כהן"),        person("प्रियंका", "शर्मा"), person("สมศักดิ์", "ใจดี"),
                                 person("さくら", "山田"),     person("Ana", "Lima")};
  NameIndex index(r);
  auto only = [&](std::string_view q, size_t want) {
    auto f = index.find(q, 10);
    ASSERT_GE(f.hits.size(), 1u) << q;
    EXPECT_EQ(f.hits[0], want) << q;
  };
  only("wang", 0);
  only("kim", 1);
  only("gim", 1);
  only("abd", 2);
  only("rahman", 2);
  only("david", 3);
  only("priyanka", 4);
  only("sakdi", 5);
  only("sakura", 6);
  only("山田", 6);
  only("王", 0);
  only("민준", 1);
  only("الرحمن", 2);
  only("כהן", 3);
  EXPECT_EQ(index.find("zzzz", 10).total, 0u);
}

TEST(NameSearch, FindsByEmailAndTicketCodeAndCountsAll) {
  std::vector<PublicPerson> r;
  for (int i = 0; i < 30; ++i) r.push_back(person("Maria", "Silva " + std::to_string(i)));
  r.push_back(person("Jo", "Park", {"jo.park@example.org", "KX7Q2"}));
  NameIndex index(r);
  auto f = index.find("maria", 5);
  EXPECT_EQ(f.total, 30u);
  EXPECT_EQ(f.hits.size(), 5u);
  EXPECT_EQ(index.find("example.org", 10).hits, std::vector<size_t>{30});
  EXPECT_EQ(index.find("kx7q2", 10).hits, std::vector<size_t>{30});
  EXPECT_EQ(index.find("KX7", 10).hits, std::vector<size_t>{30});
}
