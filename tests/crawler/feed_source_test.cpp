#include "crawler/feed_source.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "crawler/fetch_request.h"
#include "crawler/parse_key.h"
#include "crawler/scope.h"

namespace jobcrawler::crawler {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using parsers::FeedType;

constexpr char kSearch[] =
    "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?was=IT-Leiter&wo=Hagen";

Source Feed(FeedType type, std::vector<std::string> start_urls, std::string api_key = "") {
  Source source{.name = "feed", .start_urls = std::move(start_urls), .follow = {}};
  source.type = type;
  source.api_key = std::move(api_key);
  return source;
}

TEST(FeedSource, JobsucheRequestsCarryTheDefaultOrTheConfiguredKey) {
  EXPECT_THAT(SourceRequestHeaders(Feed(FeedType::kArbeitsagentur, {kSearch})),
              ElementsAre("Accept: application/json", "X-API-Key: jobboerse-jobsuche"));
  EXPECT_THAT(SourceRequestHeaders(Feed(FeedType::kArbeitsagentur, {kSearch}, "k-1")),
              ElementsAre("Accept: application/json", "X-API-Key: k-1"));
  EXPECT_THAT(SourceRequestHeaders(Feed(FeedType::kGreenhouse, {})),
              ElementsAre("Accept: application/json"));
  EXPECT_THAT(SourceRequestHeaders(Feed(FeedType::kHtml, {})), IsEmpty());
}

TEST(FeedSource, CredentialsNoteNamesTheDefaultKeyButNeverAnOwnOne) {
  EXPECT_EQ(CredentialsNote(Feed(FeedType::kArbeitsagentur, {})),
            "sent X-API-Key: jobboerse-jobsuche (the default key)");
  EXPECT_EQ(CredentialsNote(Feed(FeedType::kArbeitsagentur, {}, "secret")),
            "sent X-API-Key from api_key");
  EXPECT_EQ(CredentialsNote(Feed(FeedType::kLever, {})), "sent no credentials (the feed is public)");
  EXPECT_EQ(CredentialsNote(Feed(FeedType::kHtml, {})), "");
}

TEST(FeedSource, PageNumbersComeFromPageOrSkip) {
  EXPECT_EQ(FeedPageNumber(FeedType::kArbeitsagentur, std::string(kSearch) + "&page=7&size=100"),
            7);
  EXPECT_EQ(FeedPageNumber(FeedType::kArbeitsagentur, kSearch), 1);
  EXPECT_EQ(FeedPageNumber(FeedType::kArbeitsagentur, std::string(kSearch) + "&page=x"), 1);
  EXPECT_EQ(FeedPageNumber(FeedType::kLever, "https://api.lever.co/v0/postings/a?skip=200"), 3);
  EXPECT_EQ(FeedPageNumber(FeedType::kPersonio, "https://a.jobs.personio.de/xml?page=4"), 1);
}

TEST(FeedSource, EveryPageOfAWalkMapsToItsFirstPage) {
  const std::string first = FeedWalkKey(FeedType::kArbeitsagentur, kSearch);
  EXPECT_EQ(first,
            "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?page=1&size=100"
            "&was=IT-Leiter&wo=Hagen");
  EXPECT_EQ(FeedWalkKey(FeedType::kArbeitsagentur, std::string(kSearch) + "&page=9&size=100"),
            first);
  EXPECT_EQ(FeedWalkKey(FeedType::kLever, "https://api.lever.co/v0/postings/a?skip=300&limit=100"),
            FeedWalkKey(FeedType::kLever, "https://api.lever.co/v0/postings/a"));
}

TEST(FeedSource, StartUrlsThatDifferOnlyInPagingAreOneWalk) {
  Source source = Feed(FeedType::kArbeitsagentur,
                       {kSearch, std::string(kSearch) + "&page=3",
                        "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/"
                        "jobs?wo=Hagen&was=IT-Leiter",
                        "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/"
                        "jobs?was=Head%20of%20IT&wo=Hagen"});
  EXPECT_EQ(FeedWalkKeys(source).size(), 2u);
  EXPECT_THAT(FeedWalkKeys(Feed(FeedType::kHtml, {kSearch})), IsEmpty());
}

TEST(FeedSource, AFeedStartsAtItsFirstPage) {
  EXPECT_EQ(FirstRequestUrl(Feed(FeedType::kArbeitsagentur, {}), kSearch),
            std::string(kSearch) + "&page=1&size=100");
  EXPECT_EQ(FirstRequestUrl(Feed(FeedType::kLever, {}), "https://api.lever.co/v0/postings/a"),
            "https://api.lever.co/v0/postings/a?mode=json&skip=0&limit=100");
  EXPECT_EQ(FirstRequestUrl(Feed(FeedType::kHtml, {}), kSearch), kSearch);
}

TEST(FeedSource, ParseFetchesAGivenPageAsGiven) {
  const std::string third = std::string(kSearch) + "&size=100&page=3";
  EXPECT_EQ(ParseRequestUrl(FeedType::kArbeitsagentur, third), third);
  EXPECT_EQ(ParseRequestUrl(FeedType::kArbeitsagentur, kSearch),
            std::string(kSearch) + "&page=1&size=100");
  EXPECT_EQ(ParseRequestUrl(FeedType::kPersonio, "https://a.jobs.personio.de/xml"),
            "https://a.jobs.personio.de/xml");
}

TEST(FeedSource, OnlyFeedsRetryA403) {
  FetchResult forbidden;
  forbidden.status = 403;
  EXPECT_TRUE(RetryableForFeed(FeedType::kArbeitsagentur, forbidden));
  EXPECT_TRUE(RetryableForFeed(FeedType::kPersonio, forbidden));
  EXPECT_FALSE(RetryableForFeed(FeedType::kHtml, forbidden)) << "a site's 403 is a refusal";
  forbidden.status = 401;
  EXPECT_FALSE(RetryableForFeed(FeedType::kArbeitsagentur, forbidden)) << "a wrong key stays wrong";
}

TEST(FeedSource, FurtherPlacesJoinThePostingWithoutItsOwnOrDuplicates) {
  parsers::FeedPosting entry;
  entry.posting.locality = "Kopenhagen";
  entry.other_places = {{"Hagen", "", "", ""}, {"Kopenhagen", "", "", ""}, {"Hagen", "", "", ""},
                        {}};
  const parsers::Posting posting = PostingOfFeedEntry(std::move(entry));
  ASSERT_EQ(posting.other_places.size(), 1u);
  EXPECT_EQ(posting.other_places[0].locality, "Hagen");
}

TEST(FeedSource, FurtherPlacesAreCapped) {
  parsers::FeedPosting entry;
  for (int i = 0; i < 40; ++i) entry.other_places.push_back({"Ort " + std::to_string(i), "", "", ""});
  EXPECT_EQ(PostingOfFeedEntry(std::move(entry)).other_places.size(),
            parsers::kMaxPostingPlaces - 1);
}

TEST(FeedSource, FeedRequestsAreNeverConditionalAndCarryTheSourcesHeaders) {
  Source source = Feed(FeedType::kArbeitsagentur, {kSearch});
  SourceScope scope(source);
  storage::FrontierEntry entry;
  entry.url = std::string(kSearch) + "&page=1&size=100";
  entry.etag = "\"v1\"";
  entry.last_modified = "Fri, 20 Nov 2026 05:00:00 GMT";
  entry.parse_key = scope.parse_key();
  FetchRequest request = PageRequestFor(CrawlerOptions{}, entry, scope);
  EXPECT_THAT(request.headers,
              ElementsAre("Accept: application/json", "X-API-Key: jobboerse-jobsuche"));

  Source page_source = Feed(FeedType::kHtml, {"https://board.example/"});
  SourceScope page_scope(page_source);
  entry.parse_key = page_scope.parse_key();
  EXPECT_THAT(PageRequestFor(CrawlerOptions{}, entry, page_scope).headers,
              ElementsAre("If-None-Match: \"v1\"", "If-Modified-Since: Fri, 20 Nov 2026 05:00:00 GMT"));
}

TEST(FeedSource, TypeAndCompanyAreInTheParseKey) {
  Source html = Feed(FeedType::kHtml, {kSearch});
  Source jobsuche = Feed(FeedType::kArbeitsagentur, {kSearch});
  EXPECT_NE(ParseKey(html), ParseKey(jobsuche));
  Source with_company = jobsuche;
  with_company.company = "Volmetal GmbH";
  EXPECT_NE(ParseKey(with_company), ParseKey(jobsuche));
  Source html_company = html;
  html_company.company = "Volmetal GmbH";
  EXPECT_NE(ParseKey(html_company), ParseKey(html));
  Source with_key = jobsuche;
  with_key.api_key = "other";
  EXPECT_EQ(ParseKey(with_key), ParseKey(jobsuche)) << "a key changes no result";
}

}  // namespace
}  // namespace jobcrawler::crawler
