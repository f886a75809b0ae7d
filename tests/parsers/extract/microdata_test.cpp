#include "parsers/extract/microdata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jobcrawler::parsers {
namespace {

std::vector<Posting> Extract(std::string_view html) { return ExtractMicrodata(HtmlDocument(html)); }

TEST(Microdata, ReadsJobPostingItemProperties) {
  const std::vector<Posting> postings = Extract(R"(
      <div itemscope itemtype="https://schema.org/JobPosting">
        <h2 itemprop="title"> CIO  (m/w/d) </h2>
        <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
          <span itemprop="name">Klinikum Hagen</span></div>
        <span itemprop="employmentType">Vollzeit</span>
      </div>)");
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].title, "CIO (m/w/d)");
  EXPECT_EQ(postings[0].company, "Klinikum Hagen");
  EXPECT_EQ(postings[0].employment_type, "FULL_TIME");
  EXPECT_EQ(postings[0].format, PostingFormat::kMicrodata);
}

TEST(Microdata, IgnoresItemsOfOtherTypes) {
  EXPECT_TRUE(Extract(R"(<div itemscope itemtype="https://schema.org/Product">
                           <span itemprop="title">x</span></div>)")
                  .empty());
  EXPECT_TRUE(
      Extract(R"(<div itemtype="https://schema.org/JobPosting">no itemscope</div>)").empty());
}

TEST(Microdata, ReadsValuesFromContentHrefAndDatetime) {
  const std::vector<Posting> postings = Extract(R"(
      <div itemscope itemtype="http://schema.org/JobPosting">
        <span itemprop="title" content="Leiter IT">Leiter der IT</span>
        <a itemprop="url" href="/stelle/1">Link</a>
        <time itemprop="datePosted" datetime="2026-11-02">2. November</time>
        <meta itemprop="identifier" content="J-1">
      </div>)");
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].title, "Leiter IT");
  EXPECT_EQ(postings[0].url, "/stelle/1");
  EXPECT_EQ(postings[0].date_posted, "2026-11-02");
  EXPECT_EQ(postings[0].identifier, "J-1");
}

TEST(Microdata, KeepsNestedItemPropertiesOutOfTheOuterItem) {
  const std::vector<Posting> postings = Extract(R"(
      <div itemscope itemtype="http://schema.org/JobPosting">
        <div itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization">
          <span itemprop="name">Firma</span><span itemprop="title">not the job title</span>
        </div>
        <span itemprop="title">Head of IT</span>
      </div>)");
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].title, "Head of IT");
}

TEST(Microdata, ReadsEveryJobPostingOnThePage) {
  const std::vector<Posting> postings = Extract(R"(
      <div itemscope itemtype="http://schema.org/JobPosting"><b itemprop="title">A</b></div>
      <div itemscope itemtype="http://schema.org/JobPosting"><b itemprop="title">B</b></div>)");
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[1].title, "B");
}

TEST(Microdata, SurvivesDeeplyNestedItems) {
  std::string html = R"(<div itemscope itemtype="http://schema.org/JobPosting">)";
  for (int i = 0; i < 5000; ++i) html += R"(<div itemprop="x" itemscope>)";
  const std::vector<Posting> postings = Extract(html);
  EXPECT_EQ(postings.size(), 1u);
}

}  // namespace
}  // namespace jobcrawler::parsers
