// The Atom feed, read back with a small XML reader (tests/support/xml.h):
// well-formed XML 1.0 and the RFC 4287 elements we promise.
#include "app/monitor/atom_feed.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/xml.h"

namespace jobcrawler::app {
namespace {

using testing::ParseXml;
using testing::XmlNode;

std::unique_ptr<XmlNode> Parse(const std::string& text) { return ParseXml(text); }

storage::PostingRow Row(std::int64_t id, std::string title) {
  storage::PostingRow row;
  row.id = id;
  row.posting.title = std::move(title);
  row.posting.company = "Stadtwerke Hagen GmbH";
  row.posting.postal_code = "58095";
  row.posting.locality = "Hagen";
  row.posting.salary_min = 85000;
  row.posting.salary_max = 105000;
  row.posting.salary_currency = "EUR";
  row.posting.salary_period = "YEAR";
  row.url = "https://jobs.example.org/stelle?id=" + std::to_string(id) + "&lang=de";
  row.first_seen = 1'795'000'000'000;  // 2026-11-18T11:06:40Z
  row.last_seen = row.first_seen;
  row.status = "active";
  return row;
}

std::string Feed(const std::vector<storage::PostingRow>& rows, AtomFeedInfo info = {}) {
  std::ostringstream out;
  WriteAtomFeed(out, rows, info);
  return out.str();
}

TEST(AtomFeed, IsWellFormedWithTheRequiredFeedElements) {
  AtomFeedInfo info;
  info.self_url = "https://example.org/jobs.atom";
  auto feed = Parse(Feed({Row(1, "IT-Leiter (m/w/d)")}, info));
  EXPECT_EQ(feed->name, "feed");
  EXPECT_EQ(feed->attributes["xmlns"], "http://www.w3.org/2005/Atom");
  EXPECT_EQ(feed->ChildText("id"), "tag:jobcrawler,2026:feed");
  EXPECT_FALSE(feed->ChildText("title").empty());
  EXPECT_EQ(feed->ChildText("updated"), "2026-11-18T11:06:40Z") << "the newest entry's";
  ASSERT_NE(feed->Child("link"), nullptr);
  EXPECT_EQ(feed->Child("link")->attributes.at("rel"), "self");
  EXPECT_EQ(feed->Child("link")->attributes.at("href"), "https://example.org/jobs.atom");
  ASSERT_NE(feed->Child("author"), nullptr) << "RFC 4287 4.1.1: a feed without entry authors";
  EXPECT_EQ(feed->Child("author")->ChildText("name"), "jobcrawler");
}

TEST(AtomFeed, HasOneEntryPerPostingWithStableTagIds) {
  auto feed = Parse(Feed({Row(7, "IT-Leiter"), Row(12, "Head of IT")}));
  auto entries = feed->All("entry");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]->ChildText("id"), "tag:jobcrawler,2026:posting-7");
  EXPECT_EQ(entries[1]->ChildText("id"), "tag:jobcrawler,2026:posting-12");
  EXPECT_EQ(entries[1]->ChildText("title"), "Head of IT");
  EXPECT_EQ(entries[1]->ChildText("updated"), "2026-11-18T11:06:40Z");
  ASSERT_NE(entries[1]->Child("link"), nullptr);
  EXPECT_EQ(entries[1]->Child("link")->attributes.at("href"),
            "https://jobs.example.org/stelle?id=12&lang=de");
  EXPECT_EQ(entries[1]->ChildText("summary"),
            "Stadtwerke Hagen GmbH · 58095 Hagen · 85.000–105.000 EUR/Jahr");
}

TEST(AtomFeed, EscapesMarkupCharactersInText) {
  auto row = Row(3, R"(CIO & Leiter <Digital> "Team" 'X')");
  row.posting.company = "A&B <GmbH>";
  auto feed = Parse(Feed({row}));
  const XmlNode* entry = feed->Child("entry");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->ChildText("title"), R"(CIO & Leiter <Digital> "Team" 'X')");
  EXPECT_EQ(entry->ChildText("summary").substr(0, 10), "A&B <GmbH>");
}

TEST(AtomFeed, ReplacesInvalidUtf8AndDropsControlCharacters) {
  auto feed = Parse(Feed({Row(4, std::string("Leiter IT \xC3\x28 Hagen\x01\x7F\xEF\xBF\xBF"))}));
  EXPECT_EQ(feed->Child("entry")->ChildText("title"), "Leiter IT \xEF\xBF\xBD( Hagen\x7F");
}

TEST(AtomFeed, ClosedPostingsSayClosedAndDateFromClosing) {
  auto row = Row(5, "IT-Leiter");
  row.status = "closed";
  row.closed_at = row.first_seen + 86'400'000;
  auto feed = Parse(Feed({row}));
  const XmlNode* entry = feed->Child("entry");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->ChildText("title"), "Closed: IT-Leiter");
  EXPECT_EQ(entry->ChildText("updated"), "2026-11-19T11:06:40Z");
}

TEST(AtomFeed, AnEmptyFeedIsStillValidAndUsesTheGivenTime) {
  AtomFeedInfo info;
  info.updated = 0;
  auto feed = Parse(Feed({}, info));
  EXPECT_TRUE(feed->All("entry").empty());
  EXPECT_EQ(feed->ChildText("updated"), "1970-01-01T00:00:00Z");
  EXPECT_EQ(feed->Child("link"), nullptr) << "no self link without a known URL";
}

TEST(AtomFeed, XmlEscapeKeepsValidMultibyteText) {
  EXPECT_EQ(XmlEscape("Größe – 😀"), "Größe – 😀");
  EXPECT_EQ(XmlEscape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD")
      << "an encoded surrogate is invalid UTF-8";
  EXPECT_EQ(XmlEscape("a\tb\nc"), "a\tb\nc");
}

}  // namespace
}  // namespace jobcrawler::app
