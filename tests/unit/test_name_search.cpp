// Staff search: accents fold, other scripts match as typed, best matches first.
#include <gtest/gtest.h>

#include "ui/name_search.hpp"

using namespace rapport;
using namespace rapport::ui;

TEST(NameSearch, FoldsLatinAccents) {
  EXPECT_EQ(fold_for_search("Thảo Nguyễn"), "thao nguyen");
  EXPECT_EQ(fold_for_search("Łukasz"), "lukasz");
  EXPECT_EQ(fold_for_search("王芳"), "王芳");
  EXPECT_EQ(fold_for_search("Олена"), "Олена");
}

TEST(NameSearch, FindsByFirstLastAndPart) {
  std::vector<PublicPerson> r(4);
  r[0].first_name = "Thảo"; r[0].last_name = "Nguyễn";
  r[1].first_name = "Ben"; r[1].last_name = "Thao";
  r[2].first_name = "王芳";
  r[3].first_name = "Arthaomir";
  auto hits = find_people(r, "thao", 10);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0], 0u);  // first name starts with it
  EXPECT_EQ(hits[1], 1u);  // last name starts with it
  EXPECT_EQ(hits[2], 3u);  // contains it
  EXPECT_EQ(find_people(r, "王", 10).size(), 1u);
  EXPECT_TRUE(find_people(r, "   ", 10).empty());
  EXPECT_EQ(find_people(r, "thao", 1).size(), 1u);
}
