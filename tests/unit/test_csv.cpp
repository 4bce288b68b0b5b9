#include <gtest/gtest.h>

#include "core/roster/csv.hpp"

using namespace rapport;

TEST(Csv, QuotedFieldsWithCommasNewlinesAndQuotes) {
  auto r = parse_csv("a,b,c\r\n\"x, y\",\"line1\nline2\",\"say \"\"hi\"\"\"\r\n", "t.csv");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"x, y", "line1\nline2", "say \"hi\""}));
  EXPECT_EQ((*r)[1].line, 2u);
}

TEST(Csv, LineNumbersCountNewlinesInsideQuotes) {
  auto r = parse_csv("h1,h2\n\"multi\nline\",x\nnext,y\n", "t.csv");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[2].line, 4u);
}

TEST(Csv, BomIsIgnored) {
  auto r = parse_csv("\xEF\xBB\xBFid,name\n1,Łukasz\n", "t.csv");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].fields[0], "id");
  EXPECT_EQ((*r)[1].fields[1], "Łukasz");
}

TEST(Csv, UnclosedQuoteNamesTheLineWhereTheRecordStarts) {
  auto r = parse_csv("a,b\n1,2\n3,\"oops\n4,5\n", "roster.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "roster.csv:3");
}

TEST(Csv, TextAfterClosingQuoteIsAnError) {
  auto r = parse_csv("a,b\n\"x\"y,2\n", "roster.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "roster.csv:2");
}

TEST(Csv, InvalidUtf8IsAnError) {
  auto r = parse_csv("a,b\nok,fine\nbad,\xC3\x28\n", "roster.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "roster.csv:3");
}

TEST(Csv, WriterQuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_line({"plain", "a,b", "say \"x\"", "two\nlines"}),
            "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\"\r\n");
  auto back = parse_csv(csv_line({"plain", "a,b", "say \"x\"", "two\nlines"}), "t");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)[0].fields, (std::vector<std::string>{"plain", "a,b", "say \"x\"", "two\nlines"}));
}
