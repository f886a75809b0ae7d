// The Jobsuche search API as a crawl source, end to end against a local
// stand-in (tests/support/fake_jobsuche.h): paging to the last page and to
// the service's 10,000 cap, the API key, retries, answers without hits or
// in an unknown shape, and what each does to the postings' lifecycle over
// several runs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/support/fake_jobsuche.h"
#include "tests/support/feed_crawl.h"

namespace jobcrawler::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kQuery = "was=IT-Leiter&wo=Hagen&umkreis=25&angebotsart=1";

// `count` IT-leadership jobs in Hagen with reference numbers J-1..J-count.
std::vector<nlohmann::json> Jobs(int count, int first = 1) {
  std::vector<nlohmann::json> jobs;
  for (int i = first; i < first + count; ++i) {
    jobs.push_back(JobsucheItem(fmt::format("J-{}", i), fmt::format("IT-Leiter Standort {}", i),
                                fmt::format("Firma {} GmbH", i), "58095", "Hagen"));
  }
  return jobs;
}

class JobsucheCrawlTest : public FeedCrawlTest {
 protected:
  std::string JobsucheSource(const std::string& extra = "") {
    return Source("jobsuche-hagen", "arbeitsagentur", api_.SearchUrl(std::string(kQuery)), extra);
  }

  FakeJobsuche api_;
};

TEST_F(JobsucheCrawlTest, WalksEveryPageToTheLastOneWithTheDefaultKey) {
  api_.SetJobs(Jobs(250));
  WriteConfig(JobsucheSource());
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(Postings().size(), 250u);
  EXPECT_EQ(api_.PageRequests(1), 1);
  EXPECT_EQ(api_.PageRequests(2), 1);
  EXPECT_EQ(api_.PageRequests(3), 1);
  EXPECT_EQ(api_.PageRequests(4), 0) << "page 3 was short: the listing ends there";
  for (const auto& request : api_.SearchRequests()) {
    EXPECT_EQ(request.Header("X-API-Key"), "jobboerse-jobsuche");
    EXPECT_EQ(request.Header("Accept"), "application/json");
    EXPECT_EQ(FakeJobsuche::Parameter(request.target, "size"), 100);
    EXPECT_THAT(request.target, HasSubstr("was=IT-Leiter&wo=Hagen&umkreis=25&angebotsart=1"))
        << "the search's own parameters are sent as written";
  }
  // A posting's page is the job's public page, its id the reference number.
  const auto rows = Postings();
  const auto job = std::find_if(rows.begin(), rows.end(),
                                [](const auto& row) { return row.posting.identifier == "J-7"; });
  ASSERT_NE(job, rows.end());
  EXPECT_EQ(job->url, "https://www.arbeitsagentur.de/jobsuche/jobdetail/J-7");
  EXPECT_EQ(job->source, "jobsuche-hagen");
  EXPECT_TRUE(job->matched);
}

TEST_F(JobsucheCrawlTest, SendsTheConfiguredApiKey) {
  api_.SetApiKey("geheim-123");
  api_.SetJobs(Jobs(2));
  WriteConfig(JobsucheSource("api_key = \"geheim-123\""));
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(Postings().size(), 2u);
  ASSERT_FALSE(api_.SearchRequests().empty());
  EXPECT_EQ(api_.SearchRequests().front().Header("X-API-Key"), "geheim-123");
}

TEST_F(JobsucheCrawlTest, AKeyRefusedOnEveryRequestSaysWhichHeaderWasSent) {
  api_.SetApiKey("a-new-key");
  api_.SetJobs(Jobs(2));
  WriteConfig(JobsucheSource(), 3, /*max_attempts=*/2);
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitSourceHealth) << run.err;
  EXPECT_EQ(api_.PageRequests(1), 2) << "a 403 of a feed is retried";
  EXPECT_THAT(run.err, HasSubstr("WARNING: source jobsuche-hagen: page 1 failed: HTTP 403; sent "
                                 "X-API-Key: jobboerse-jobsuche (the default key)"));

  WriteConfig(JobsucheSource("api_key = \"mein-geheimer-key\""), 3, 2);
  run = Crawl();
  EXPECT_EQ(run.status, app::kExitSourceHealth) << run.err;
  EXPECT_THAT(run.err, HasSubstr("page 1 failed: HTTP 403; sent X-API-Key from api_key"));
  EXPECT_THAT(run.err, Not(HasSubstr("mein-geheimer-key"))) << "a key of one's own is a secret";
}

TEST_F(JobsucheCrawlTest, A403ThenA200IsRetriedLikeAnyPage) {
  api_.SetJobs(Jobs(3));
  api_.FailPage(1, 403, 1);
  WriteConfig(JobsucheSource());
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(api_.PageRequests(1), 2);
  EXPECT_EQ(Postings().size(), 3u);
}

TEST_F(JobsucheCrawlTest, ASearchBeyondTenThousandResultsStopsAtTheCapAndWarnsTooBroad) {
  api_.SetGeneratedJobs(12'000);
  WriteConfig(JobsucheSource());
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitSourceHealth) << run.err;
  EXPECT_EQ(api_.PageRequests(100), 1) << "the last page the service serves is read";
  EXPECT_EQ(api_.PageRequests(101), 0) << "page 101 would be answered 400";
  for (const auto& request : api_.SearchRequests()) {
    EXPECT_LE(*FakeJobsuche::Parameter(request.target, "page") *
                  *FakeJobsuche::Parameter(request.target, "size"),
              10'000);
  }
  EXPECT_EQ(Postings().size(), 10'000u);
  EXPECT_THAT(run.err, HasSubstr("WARNING: source jobsuche-hagen: search too broad: 12000 "
                                 "results, the service serves only the first 10000"));
}

TEST_F(JobsucheCrawlTest, AnAnswerWithoutErgebnislisteIsACompleteEmptyListing) {
  api_.SetJobs(Jobs(2));
  WriteConfig(JobsucheSource(), /*close_after_missed_runs=*/1);
  ASSERT_EQ(Crawl().status, app::kExitOk);
  api_.SetJobs({});  // the service then leaves ergebnisliste out
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << "the service said plainly it has none: " << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_THAT(run.out, HasSubstr("Closed: IT-Leiter Standort 1"));
  EXPECT_EQ(StatusByIdentifier(),
            (std::map<std::string, std::string>{{"J-1", "closed"}, {"J-2", "closed"}}));
}

TEST_F(JobsucheCrawlTest, AnUnknownShapeWarnsNamingTheSourceAndClosesNothing) {
  api_.SetJobs(Jobs(2));
  WriteConfig(JobsucheSource(), /*close_after_missed_runs=*/1);
  ASSERT_EQ(Crawl().status, app::kExitOk);
  api_.SetFixedReply(200, ReadFeedData("jobsuche_unknown_shape.json"));
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitSourceHealth);
  EXPECT_THAT(run.err, HasSubstr("WARNING: source jobsuche-hagen: response of page 1 not "
                                 "understood: no ergebnisliste or stellenangebote"));
  EXPECT_EQ(StatusByIdentifier(),
            (std::map<std::string, std::string>{{"J-1", "active"}, {"J-2", "active"}}));
}

TEST_F(JobsucheCrawlTest, AJobTheListingDropsClosesAfterTheConfiguredRuns) {
  api_.SetJobs(Jobs(3));
  WriteConfig(JobsucheSource(), /*close_after_missed_runs=*/2);
  ASSERT_EQ(Crawl().status, app::kExitOk);
  api_.SetJobs(Jobs(2));  // J-3 is no longer listed
  CrawlOutcome second = Crawl();
  EXPECT_EQ(second.status, app::kExitOk) << second.err;
  EXPECT_EQ(second.out, "") << "one missed run of two: nothing to report";
  EXPECT_EQ(StatusByIdentifier()["J-3"], "active");
  CrawlOutcome third = Crawl();
  EXPECT_EQ(third.status, app::kExitOk) << third.err;
  EXPECT_THAT(third.out, HasSubstr("Closed: IT-Leiter Standort 3"));
  EXPECT_EQ(StatusByIdentifier(), (std::map<std::string, std::string>{
                                      {"J-1", "active"}, {"J-2", "active"}, {"J-3", "closed"}}));
}

TEST_F(JobsucheCrawlTest, AWalkThatFailsMidwayClosesNothing) {
  api_.SetJobs(Jobs(250));
  WriteConfig(JobsucheSource(), /*close_after_missed_runs=*/1, /*max_attempts=*/1);
  ASSERT_EQ(Crawl().status, app::kExitOk);
  api_.FailPage(2, 500, -1);
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitSourceHealth);
  EXPECT_THAT(run.err, HasSubstr("WARNING: source jobsuche-hagen: page 2 failed: HTTP 500"));
  EXPECT_THAT(run.err, HasSubstr("nothing it no longer lists is closed"));
  EXPECT_EQ(api_.PageRequests(3), 1) << "only the first run reached page 3";
  for (const auto& [id, status] : StatusByIdentifier()) EXPECT_EQ(status, "active") << id;

  api_.ClearFailures();
  api_.SetJobs(Jobs(240));  // J-241..J-250 gone; now the walk is whole again
  run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  const auto status = StatusByIdentifier();
  EXPECT_EQ(status.at("J-240"), "active");
  EXPECT_EQ(status.at("J-241"), "closed");
}

TEST_F(JobsucheCrawlTest, ResultsInConfusableTownsMatchOnlyInHagenWestphalia) {
  // Jobsuche spells towns as the Bundesagentur does: "Hagen (Westf.)",
  // "Hagen im Bremischen" (Lower Saxony), "Hagen a.T.W." (am Teutoburger
  // Wald); some results carry no postal code.
  const auto job = [](const std::string& refnr, const std::string& plz, const std::string& ort) {
    return JobsucheItem(refnr, "IT-Leiter (m/w/d)", "Firma " + refnr + " GmbH", plz, ort);
  };
  api_.SetJobs({job("T-1", "58095", "Hagen (Westf.)"), job("T-2", "27628", "Hagen im Bremischen"),
                job("T-3", "49170", "Hagen a.T.W."), job("T-4", "", "Hagen im Bremischen"),
                job("T-5", "", "Hagen a.T.W."), job("T-6", "58119", "Hagen"),
                job("T-7", "", "Hagen (Westf.)"), job("T-8", "27628", "Hagen")});
  WriteConfig(JobsucheSource());
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  std::map<std::string, std::pair<bool, std::string>> found;
  for (const auto& row : Postings()) {
    found[row.posting.identifier] = {row.matched, row.posting.locality};
  }
  using Found = std::pair<bool, std::string>;
  EXPECT_EQ(found["T-1"], Found(true, "Hagen"));
  EXPECT_EQ(found["T-2"], Found(false, "Hagen im Bremischen"));
  EXPECT_EQ(found["T-3"], Found(false, "Hagen a.T.W."));
  EXPECT_EQ(found["T-4"], Found(false, "Hagen im Bremischen")) << "no postal code: the town";
  EXPECT_EQ(found["T-5"], Found(false, "Hagen a.T.W."));
  EXPECT_EQ(found["T-6"], Found(true, "Hagen"));
  EXPECT_EQ(found["T-7"], Found(true, "Hagen"));
  EXPECT_EQ(found["T-8"].first, false) << "the postal code decides over the town's name";
  EXPECT_THAT(run.out, HasSubstr("T-1"));
  EXPECT_THAT(run.out, Not(HasSubstr("T-2")));
}

TEST_F(JobsucheCrawlTest, AListingThatShrinksMidWalkClosesNothing) {
  api_.SetJobs(Jobs(250));
  WriteConfig(JobsucheSource(), /*close_after_missed_runs=*/1);
  ASSERT_EQ(Crawl().status, app::kExitOk);
  // J-1..J-100 vanish once page 1 was served: page 2 then holds J-201..
  // J-250 and is short, and J-101..J-200, still listed, were never read.
  api_.SetJobsAfterPage(1, Jobs(150, 101));
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitSourceHealth) << run.err;
  EXPECT_THAT(run.err, HasSubstr("WARNING: source jobsuche-hagen: the listing changed while it "
                                 "was read (250 results before page 2, 150 on it)"));
  EXPECT_EQ(api_.PageRequests(3), 1) << "only the first run reached page 3";
  for (const auto& [id, status] : StatusByIdentifier()) EXPECT_EQ(status, "active") << id;

  run = Crawl();  // read whole again: now the vanished jobs close
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  const auto status = StatusByIdentifier();
  EXPECT_EQ(status.at("J-100"), "closed");
  EXPECT_EQ(status.at("J-101"), "active");
  EXPECT_EQ(status.at("J-200"), "active");
}

}  // namespace
}  // namespace jobcrawler::testing
